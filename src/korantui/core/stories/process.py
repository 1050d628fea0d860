"""Story grouping in a child process, beside a refresh rather than inside it.

Grouping costs ~2-4 ms of pure-Python CPU a feed (grouping.py, more than parsing it), which in
the refresh's own process competes for the GIL with the event loop (the next requests leave
late) and with the UI thread (keys answered late). A child process groups on the other core
instead, reading what the refresh committed from the store file, as grouping in a second
korantui process always could (grouping.py takes in what another process grouped).

The refresh's writer asks after each committed batch and goes on with the next one; the
batch's callers hear of their feeds once the child answered, so whoever is told of a feed (the
UI, a progress line) finds its headlines grouped, as before. Whatever goes wrong with the child
(it cannot start, dies, answers nonsense or not in time) ends it, and the grouping is done in
this process from then on: stories are always there when the refresh says its feeds are.
"""

from __future__ import annotations

import contextlib
import os
import select
import subprocess
import sys
import threading
import time
from collections import deque
from concurrent.futures import Future
from pathlib import Path

from korantui.core.store.database import Store

ANSWER_SECONDS = 60.0  # one grouping of the child (~1 s for the most a call groups, 20,000)
_POLL = 1.0  # how often the reader looks at the clock while nothing arrives
_MAX_LINE = 64  # an answer is a count and a newline


class GroupingProcess:
    """`request()` has the store's committed new headlines grouped; `close()` ends the child."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.in_child = 0  # groupings the child answered (for tests and the benchmark's notes)
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None
        # Groupings sent and not answered yet, each with who waits for it; one at a time, so
        # a child slower than the refresh (a loaded machine) never falls behind by more than
        # one: what commits meanwhile waits for the next one, which groups all of it.
        self._asked: deque[tuple[float, list[Future[int]]]] = deque()
        self._next: list[Future[int]] = []
        self._closing = False
        # A frozen build's executable is korantui itself, not a Python that runs -c.
        frozen = getattr(sys, "frozen", False)
        self._failed = frozen or not (sys.executable and store.path.is_file())

    def request(self) -> Future[int]:
        """A grouping of what the store has committed; done (with how many were grouped) once
        the child answered, or once this process grouped them when the child could not."""
        done: Future[int] = Future()
        with self._lock:
            if not self._failed:
                if self._asked:
                    self._next.append(done)
                    return done
                try:
                    self._send([done])
                    return done
                except (OSError, ValueError, subprocess.SubprocessError):
                    if self._asked:  # sent, and the child gone: its reader groups it here
                        return done
                    self._failed = True
        self._group_here([done])
        return done

    def close(self, now: bool = False) -> None:
        """The child leaves once it answered what was asked (its input ends); now: at once,
        and what it was asked is dropped (a refresh cancelled, an app quitting)."""
        with self._lock:
            proc, reader = self._proc, self._reader
            self._closing = self._closing or now
        if proc is None:
            return
        if proc.stdin is not None:
            with contextlib.suppress(OSError):
                proc.stdin.close()
        if now:
            _end(proc, kill=True)
        if reader is not None:
            reader.join(ANSWER_SECONDS + 2 * _POLL)
        _end(proc)

    # -- in this process -----------------------------------------------------------------------

    def _start(self) -> subprocess.Popen[bytes]:
        import korantui

        where = str(Path(korantui.__file__).resolve().parents[1])
        code = (
            f"import sys; sys.path.insert(0, {where!r});"
            " from korantui.core.stories.process import main; main()"
        )
        # stderr nowhere: the app owns the terminal. A failure shows as no answer.
        proc = subprocess.Popen(
            [sys.executable, "-c", code, str(self.store.path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._proc = proc
        self._reader = threading.Thread(
            target=self._read, args=(proc,), name="korantui-grouping", daemon=True
        )
        self._reader.start()
        return proc

    def _send(self, waiting: list[Future[int]]) -> None:  # with the lock held
        proc = self._proc or self._start()
        assert proc.stdin is not None
        self._asked.append((time.monotonic(), waiting))
        proc.stdin.write(b"g\n")
        proc.stdin.flush()

    def _read(self, proc: subprocess.Popen[bytes]) -> None:
        """The child's answers, one line per request, in order; on anything else, the end."""
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        line = b""
        while True:
            ready, _, _ = select.select([fd], [], [], _POLL)
            if not ready:
                with self._lock:
                    since = time.monotonic() - self._asked[0][0] if self._asked else 0.0
                if since > ANSWER_SECONDS:
                    break
                continue
            piece = os.read(fd, _MAX_LINE)
            if not piece:
                break  # the child left: closed by us, or died
            line += piece
            if not self._answered(line):
                break
            line = line[line.rfind(b"\n") + 1 :]
            if len(line) > _MAX_LINE:
                break
        with self._lock:
            self._failed = True
            left = [done for _, waiting in self._asked for done in waiting] + self._next
            self._asked.clear()
            self._next = []
            closing = self._closing
        _end(proc, kill=True)
        if closing:
            for done in left:
                done.cancel()
        elif left:
            self._group_here(left)

    def _answered(self, text: bytes) -> bool:
        """Settle the requests whose answers are complete in text; False on nonsense."""
        *answers, _ = text.split(b"\n")
        for answer in answers:
            with self._lock:
                if not self._asked or not answer.isdigit():
                    return False
                _, waiting = self._asked.popleft()
                self.in_child += 1
                if self._next:
                    following, self._next = self._next, []
                    # A failed send is the child gone: the end of its output follows.
                    with contextlib.suppress(OSError, ValueError):
                        self._send(following)
            for done in waiting:
                done.set_result(int(answer))
        return True

    def _group_here(self, waiting: list[Future[int]]) -> None:
        from korantui.core.stories.grouping import group_new

        try:
            count = group_new(self.store)
        except Exception as e:  # the writer logs it, as an in-process grouping's failure
            for done in waiting:
                done.set_exception(e)
            return
        for done in waiting:
            done.set_result(count)


def _end(proc: subprocess.Popen[bytes], kill: bool = False) -> None:
    if kill and proc.poll() is None:
        proc.kill()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()


def main() -> None:
    """The child: one grouping of the store (argv[1]) per line "g" read, its count answered."""
    from korantui.core.stories.grouping import group_new

    store = Store(sys.argv[1], check=False)
    try:
        for line in sys.stdin.buffer:
            if line.strip() != b"g":
                break
            sys.stdout.write(f"{group_new(store)}\n")
            sys.stdout.flush()
    finally:
        store.close()
