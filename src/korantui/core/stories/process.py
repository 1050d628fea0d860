"""Story grouping in a child process, beside a refresh rather than inside it.

Grouping costs ~2-4 ms of pure-Python CPU a feed (grouping.py, more than parsing it), which in
the refresh's own process competes for the GIL with the event loop (the next requests leave
late) and with the UI thread (keys answered late). A child process groups on the other core
instead, reading what the refresh committed from the store file, as grouping in a second
korantui process always could (grouping.py takes in what another process grouped).

The refresh's writer asks after each committed batch and goes on with the next one; the
batch's callers hear of their feeds once the child's answer is stored, so whoever is told of a
feed (the UI, a progress line) finds its headlines grouped, as before. The child reads the
store but does not write it: it answers with the rows it made, and the refresh's writer stores
them in its next batch. (Writing them itself, the child waited for the store's lock while the
writer's transactions followed each other: 0.6-0.7 s of a 1.3 s refresh, measured, and the
refresh's last grouping then held ~4,000 headlines after its last answer.) Whatever goes wrong
with the child (it cannot start, dies, answers nonsense or not in time, its rows are refused)
ends it, and the grouping is done in this process from then on: stories are always there when
the refresh says its feeds are.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import select
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from korantui.core.store import stories as stored
from korantui.core.store.database import Store

ANSWER_SECONDS = 60.0  # one grouping of the child (~1 s for the most a call groups, 20,000)
_POLL = 1.0  # how often the reader looks at the clock while nothing arrives
_MAX_LINE = 64  # an answer starts with a line: its count and the size of its rows
_MAX_ROWS_BYTES = 64 << 20  # the rows of 20,000 headlines (a call's most) are ~2-4 MB

Rows = list[tuple[int, int, str]]  # (headline id, story id, terms), as stories.save_members
Save = Callable[[Rows, int], "Future[None]"]


class GroupingProcess:
    """`request()` has the store's committed new headlines grouped; `close()` ends the child."""

    def __init__(self, store: Store, save: Save | None = None) -> None:
        """save(rows, below) stores the child's rows and returns a future done once they are
        (a refresh gives its writer's write_soon); without it this process stores them."""
        self.store = store
        self._save = save or self._save_here
        self.in_child = 0  # groupings the child answered (for tests and the benchmark's notes)
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None
        # Groupings sent and not answered yet, each with who waits for it; one at a time, so
        # a child slower than the refresh (a loaded machine) never falls behind by more than
        # one: what commits meanwhile waits for the next one, which groups all of it.
        self._asked: deque[tuple[float, list[Future[int]]]] = deque()
        self._next: list[Future[int]] = []
        # Answered, and its rows not stored yet: the next grouping is sent once they are, so
        # the child never takes its own unsaved rows for headlines that went away.
        self._saving: list[Future[int]] | None = None
        self._closing = False
        self._closed = False  # close() was called: a start() after it starts nothing
        self._start_asked = False
        # A frozen build's executable is korantui itself, not a Python that runs -c.
        frozen = getattr(sys, "frozen", False)
        self._failed = frozen or not (sys.executable and store.path.is_file())

    def request(self) -> Future[int]:
        """A grouping of what the store has committed; done (with how many were grouped) once
        the child answered, or once this process grouped them when the child could not."""
        done: Future[int] = Future()
        with self._lock:
            if not self._failed:
                if self._asked or self._saving is not None:
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

    def start_soon(self) -> None:
        """start() in a thread of its own, once; returns at once (the fork and exec keep off
        the caller's thread, the event loop)."""
        with self._lock:
            if self._start_asked:
                return
            self._start_asked = True
        threading.Thread(target=self.start, name="korantui-grouping-start", daemon=True).start()

    def start(self) -> None:
        """Start the child before the first grouping is asked for: a refresh asks at its first
        feed with something to store, so the child's interpreter and imports (~0.1-0.2 s of
        the other core) are made while that feed and the next are stored, not after the first
        commit, when its start delayed every grouping after it. A failure is left to
        request(); after close(), nothing is started."""
        with self._lock:
            if self._failed or self._closed or self._proc is not None:
                return
            try:
                self._start()
            except (OSError, ValueError, subprocess.SubprocessError):
                self._failed = True

    def close(self, now: bool = False) -> None:
        """The child leaves once it answered what was asked (its input ends); now: at once,
        and what it was asked is dropped (a refresh cancelled, an app quitting). A child with
        nothing asked of it is ended at once too: it only reads the store, and waiting for its
        exit (its index taken apart, its interpreter's end) took ~35 ms of every refresh."""
        with self._lock:
            proc, reader = self._proc, self._reader
            self._closed = True
            idle = not self._asked and self._saving is None and not self._next
            self._closing = self._closing or now
            end_now = now or idle
        if proc is None:
            return
        if proc.stdin is not None:
            with contextlib.suppress(OSError):
                proc.stdin.close()
        if end_now:
            # Killed, not closed: its pipes are closed by _end below, once the reader that
            # reads them has seen the end (closed under it, its read failed: EBADF).
            with contextlib.suppress(OSError):
                proc.kill()
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
        text = bytearray()
        while True:
            try:
                ready, _, _ = select.select([fd], [], [], _POLL)
            except (OSError, ValueError):
                break  # the pipe was closed: the child is ended
            if not ready:
                with self._lock:
                    since = time.monotonic() - self._asked[0][0] if self._asked else 0.0
                if since > ANSWER_SECONDS:
                    break
                continue
            try:
                piece = os.read(fd, 1 << 16)
            except OSError:
                break
            if not piece:
                break  # the child left: closed by us, or died
            text += piece
            if not self._answered(text):
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

    def _answered(self, text: bytearray) -> bool:
        """Take the complete answer at the start of text (b"count size\n", then size bytes of
        rows) out of it; False on nonsense."""
        end = text.find(b"\n", 0, _MAX_LINE + 1)
        if end < 0:
            return len(text) <= _MAX_LINE
        fields = bytes(text[:end]).split(b" ")
        if len(fields) != 2 or not all(f.isdigit() for f in fields):
            return False
        count, size = int(fields[0]), int(fields[1])
        if size > _MAX_ROWS_BYTES:
            return False
        if len(text) - end - 1 < size:
            return True  # the rows are still coming
        rows_and_below = _rows(bytes(text[end + 1 : end + 1 + size])) if size else ([], 0)
        del text[: end + 1 + size]
        if rows_and_below is None:
            return False
        with self._lock:
            if not self._asked or self._saving is not None:
                return False  # an answer nobody asked for
            _, waiting = self._asked.popleft()
            self.in_child += 1
            self._saving = waiting
        if size:
            saved = self._save(*rows_and_below)
        else:
            saved = Future()
            saved.set_result(None)
        saved.add_done_callback(lambda done: self._saved(done, count, waiting))
        return True

    def _saved(self, saved: Future[None], count: int, waiting: list[Future[int]]) -> None:
        """The child's rows are stored (or refused): its waiters hear, the next one is sent."""
        if saved.cancelled():
            error: BaseException | None = RuntimeError("the grouping's rows were not stored")
        else:
            error = saved.exception()
        proc = None
        following: list[Future[int]] = []
        with self._lock:
            self._saving = None
            if error is not None:
                # Refused: the child's index holds rows the store does not. The child goes,
                # and the next groupings are made here, from the store: nothing is lost.
                self._failed = True
                proc, following, self._next = self._proc, self._next, []
            elif self._next:
                sending, self._next = self._next, []
                # A failed send is the child gone: the end of its output follows.
                with contextlib.suppress(OSError, ValueError):
                    self._send(sending)
        for done in waiting:
            if error is not None:
                done.set_exception(error)
            else:
                done.set_result(count)
        if proc is not None:
            with contextlib.suppress(OSError):
                proc.kill()  # its reader sees the end, and closes it
        if following:
            self._group_here(following)

    def _save_here(self, rows: Rows, below: int) -> Future[None]:
        saved: Future[None] = Future()
        try:
            stored.save_members(self.store, rows, below)
        except Exception as e:
            saved.set_exception(e)
        else:
            saved.set_result(None)
        return saved

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


def _rows(data: bytes) -> tuple[Rows, int] | None:
    """The child's rows and `below`, as it sent them; None for anything else."""
    try:
        rows, below = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return None
    if not isinstance(rows, list) or not isinstance(below, int) or isinstance(below, bool):
        return None
    for row in rows:
        if not (
            isinstance(row, tuple)
            and len(row) == 3
            and type(row[0]) is int
            and type(row[1]) is int
            and type(row[2]) is str
        ):
            return None
    return rows, below


def main() -> None:
    """The child: one grouping of the store (argv[1]) per line "g" read. Its answer is a line
    b"count size" and then size bytes: the rows made and `below` (marshal), for the parent to
    store; this process's index takes them as stored (the parent ends it when they are not)."""
    from korantui.core.stories.grouping import group_new

    made: list[bytes] = []

    def send(_store: Store, rows: Rows, below: int) -> None:
        made.append(marshal.dumps((list(rows), below)))

    store = Store(sys.argv[1], check=False)
    out = sys.stdout.buffer
    try:
        for line in sys.stdin.buffer:
            if line.strip() != b"g":
                break
            made.clear()
            count = group_new(store, save=send)
            rows = made[0] if made else b""
            out.write(b"%d %d\n" % (count, len(rows)) + rows)
            out.flush()
    finally:
        store.close()
