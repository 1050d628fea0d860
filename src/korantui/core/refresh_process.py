"""A refresh in a process of its own, so the app's process keeps its GIL for the screen.

In the app's process a refresh's threads (the network loop, the parse, the store's writer) run
Python beside the UI thread, and a key pressed meanwhile waits for the interpreter lock they
hold and for the collector's passes over what they allocate (issue 15). Here the same
refresh_feeds runs in a child process, on its own connection to the same store (SQLite WAL:
the app's connection reads meanwhile); each feed's result comes back over a pipe once its rows
are committed, as on_result hears it in-process.

The child is forked from a forkserver that has the refresh's modules loaded already (started
ahead by prepare()), so a refresh does not wait for a fresh interpreter and its imports.
Stopping (quit, the demo edition) kills the child: its open transaction is rolled back by
SQLite, and nothing is left running.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from korantui.core import parent_watch
from korantui.core.models import Feed, RefreshResult

if TYPE_CHECKING:
    from korantui.core.models import FeedSpec
    from korantui.core.net.fetch import FetchSettings

# What the forkserver imports once: every child forked from it starts with them loaded.
# The parse pool (core/sources/parsepool.py) is made in the child, from a forkserver of its own
# (the child's), so feedparser is not among these.
PRELOAD = [
    "korantui.core.refresh",
    "korantui.core.net.runner",
    "korantui.core.net.fetch",
    "korantui.core.store.database",
    "httpx",
]
NICE = 10  # the child's scheduling priority below the app's
POLL = 0.05  # seconds between the parent's looks at whether it was told to stop

# Where there is no forkserver (Windows), refreshes stay in the app's process.
AVAILABLE = "forkserver" in multiprocessing.get_all_start_methods()
_context = multiprocessing.get_context("forkserver" if AVAILABLE else None)
if AVAILABLE:
    _context.set_forkserver_preload(PRELOAD)
_prepared = threading.Lock()


class Unavailable(Exception):
    """No child could be started (no forkserver here, no Unix sockets, no processes left):
    nothing was refreshed, the caller refreshes in its own process."""


def prepare() -> None:
    """Start the forkserver now (it imports PRELOAD), so the first refresh does not wait."""
    from multiprocessing import forkserver, resource_tracker

    with _prepared, open(os.devnull, "w") as quiet:
        # The helpers are handed sys.stderr's descriptor, and a running app has put a capture
        # without one (fileno() -1) in its place: they get /dev/null, not the screen.
        screen_err, sys.stderr = sys.stderr, quiet
        try:
            resource_tracker.ensure_running()
            forkserver.ensure_running()
        finally:
            sys.stderr = screen_err


def _child(
    conn: Connection,
    app_pid: int,
    environ: dict[str, str],
    db_path: str,
    settings: FetchSettings,
    feeds: list[Feed],
    specs: list[FeedSpec],
) -> None:
    # Inherited from the forkserver: the app's terminal, where a stray warning would land in
    # the middle of the screen.
    quiet = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(quiet, fd)
    os.close(quiet)
    # The forkserver's environment is the one it started with: the app's, as it is now.
    os.environ.clear()
    os.environ.update(environ)
    # Gone with the app (killed, crashed): the child is not a daemon (its parse pool has
    # processes of its own), and its parent is the forkserver.
    parent_watch.follow(app_pid, 0.2)
    # Below the app on a busy machine: when both want a core, the screen's answer to a key
    # comes first, and the refresh takes what the app leaves (most of the time, all of it).
    with contextlib.suppress(OSError):
        os.nice(NICE)

    from korantui.core.net.runner import NetworkRunner
    from korantui.core.refresh import refresh_feeds
    from korantui.core.store.database import Store

    store = Store(db_path, check=False)
    runner = NetworkRunner(settings)
    try:
        results = runner.run(
            lambda fetcher: refresh_feeds(store, fetcher, feeds, specs, on_result=conn.send)
        )
        conn.send(("done", len(results)))
    finally:
        runner.close()
        store.close()
        # Before multiprocessing's exit, which would wait for the pool's workers for ever:
        # a child process does not run Python's shutdown of its executors.
        parsepool = sys.modules.get("korantui.core.sources.parsepool")
        if parsepool is not None:
            parsepool.shutdown()
        conn.close()


class ChildRefresh:
    """One refresh of feeds in a child process; run() waits for it from a worker thread."""

    def __init__(
        self,
        db_path: Path,
        settings: FetchSettings,
        feeds: Sequence[Feed],
        specs: Sequence[FeedSpec],
    ) -> None:
        self._args = (str(db_path), settings, list(feeds), list(specs))
        self._feeds = list(feeds)
        self._stop = threading.Event()
        self._proc: multiprocessing.process.BaseProcess | None = None

    def stop(self) -> None:
        """From any thread: the child is killed now (a quitting app must not wait for it at
        exit), and run() returns what came before."""
        self._stop.set()
        proc = self._proc
        if proc is not None:
            with contextlib.suppress(OSError, ValueError):
                proc.kill()

    @property
    def pid(self) -> int | None:
        """The child's process id once it is started."""
        proc = self._proc
        return None if proc is None else proc.pid

    @property
    def exitcode(self) -> int | None:
        """The child's exit status once it has ended (negative: the signal that ended it)."""
        proc = self._proc
        return None if proc is None else proc.exitcode

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def run(self, on_result: Callable[[RefreshResult], None]) -> list[RefreshResult]:
        """The results in the feeds' order; a feed the child never reported (it died, it was
        stopped) has an error result, so no feed stays marked busy."""
        if not AVAILABLE:
            raise Unavailable("no forkserver on this system")
        parent, child = _context.Pipe(duplex=False)
        args = (child, os.getpid(), dict(os.environ), *self._args)
        # Not a daemon: a daemon may not start the parse pool's processes.
        proc = _context.Process(target=_child, args=args, daemon=False)
        try:
            prepare()
            proc.start()
        except (OSError, ValueError, RuntimeError) as error:
            parent.close()
            child.close()
            raise Unavailable(str(error)) from error
        self._proc = proc
        if self._stop.is_set():  # stopped while it started
            proc.kill()
        child.close()  # ours: the child's end, so its death reads as EOF here
        got: dict[int, RefreshResult] = {}
        done = False
        try:
            while not self._stop.is_set():
                if not parent.poll(POLL):
                    continue
                try:
                    message = parent.recv()
                except EOFError:
                    break  # the child ended without saying so: its feeds below
                if isinstance(message, RefreshResult):
                    got[message.feed.id] = message
                    on_result(message)
                else:
                    done = True
                    break
        finally:
            if not done:
                proc.kill()
            proc.join(timeout=5)
            if proc.is_alive():  # done, but stuck on its way out: nothing of it is wanted now
                proc.kill()
                proc.join(timeout=5)
            parent.close()
        if self._stop.is_set():
            return [got[f.id] for f in self._feeds if f.id in got]
        lost = f"the refresh process ended early (exit code {proc.exitcode})"
        results = []
        for feed in self._feeds:
            result = got.get(feed.id)
            if result is None:
                result = RefreshResult(feed, error=lost)
                on_result(result)
            results.append(result)
        return results
