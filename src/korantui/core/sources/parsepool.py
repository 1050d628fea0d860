"""feedparser across cores: a process pool for refreshes where many feeds need feedparser.

feedparser is pure Python, so threads do not parallelise it (the GIL); processes do. A pool
costs a process start and feedparser's import (~0.1-0.2 s of CPU per worker) before it pays, so
it is made only when a refresh has many feeds and several of them have already needed
feedparser (the fast path declined them), and it is kept for the rest of the run. Workers come
from a forkserver, never a plain fork: the app has threads (UI, network loop), and forking a
threaded process can copy a held lock into the child. Any pool failure falls back to parsing in
the calling thread.
"""

from __future__ import annotations

import atexit
import os
import threading
from typing import TYPE_CHECKING

from korantui.core import parent_watch
from korantui.core.models import ParsedSource
from korantui.core.sources.feeds import parse_feed
from korantui.core.threads import JobScope, Stopped, current_scope, on_stop

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

MIN_BATCH = 12  # feeds in one refresh before a pool is considered
MIN_SLOW = 3  # feeds of that refresh already parsed by feedparser

_lock = threading.Lock()
_pool: Executor | None = None
_broken = False
_waiting: dict[Future[ParsedSource], JobScope] = {}  # parses in the pool, by whose they are


def workers() -> int:
    return min(4, os.cpu_count() or 1)


def worth_it(slow: int, batch: int) -> bool:
    """Whether the next feedparser parse of a batch should go to the pool."""
    return not _broken and workers() > 1 and batch >= MIN_BATCH and slow >= MIN_SLOW


def _get_pool() -> Executor:
    global _pool
    with _lock:
        if _pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("forkserver")
            # Workers import feedparser once, up front, instead of inside the first parse.
            context.set_forkserver_preload(["korantui.core.sources.feeds", "feedparser"])
            _pool = ProcessPoolExecutor(
                max_workers=workers(),
                mp_context=context,
                # Each worker exits as soon as korantui is gone (killed, crashed).
                initializer=parent_watch.pool_worker,
                initargs=(os.getpid(), 0.1),
            )
            # Ended before the interpreter's teardown: a pool still held by this module then
            # is collected after concurrent.futures' own globals are gone, and its callback
            # prints "Exception ignored … 'NoneType' object has no attribute 'util'".
            atexit.unregister(shutdown)  # once, however many pools a run makes
            atexit.register(shutdown)
        return _pool


def parse_feed_in_pool(data: bytes, url: str, content_type: str = "") -> ParsedSource:
    """parse_feed in a worker process (blocking the calling thread, never the event loop)."""
    global _broken
    # Here, not at the top: concurrent.futures.process brings multiprocessing (~50 ms), and a
    # refresh whose feeds the fast path reads never needs it.
    from concurrent.futures import CancelledError
    from concurrent.futures.process import BrokenProcessPool

    scope = current_scope()
    try:
        future = _get_pool().submit(parse_feed, data, url, content_type)
    except (OSError, RuntimeError, ValueError):
        # A pool that cannot start: ValueError is "bad value(s) in fds_to_keep", seen when the
        # first worker is spawned from a thread. Kept apart from result() below, so a
        # ValueError out of parse_feed itself is never taken for a broken pool.
        _broken = True
        return parse_feed(data, url, content_type)
    if scope is not None:
        with _lock:
            _waiting[future] = scope
    try:
        return future.result()
    except (BrokenProcessPool, OSError, RuntimeError, CancelledError):
        if scope is not None and scope.stopped:
            raise Stopped from None  # the pool was stopped under it (_stop), not broken
        _broken = True  # a pool that died: feedparser here, for good
        return parse_feed(data, url, content_type)
    finally:
        with _lock:
            _waiting.pop(future, None)


def shutdown() -> None:
    """End the pool's workers now, if there is a pool. For a process that ends without
    Python's own shutdown of its executors: a multiprocessing child (core/refresh_process.py)
    leaves through multiprocessing's exit, which waits for every child process it has, the
    pool's idle workers included, for ever."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def _stop(scope: JobScope) -> None:
    """A stopped scope's parses in the pool: its workers are ended, not waited for (a pool
    process cannot be interrupted otherwise); the next refresh that needs one makes a new
    pool."""
    global _pool
    with _lock:
        pool = _pool
        if pool is None or scope not in _waiting.values():
            return
        _pool = None
    from concurrent.futures import ProcessPoolExecutor

    if isinstance(pool, ProcessPoolExecutor):
        # ProcessPoolExecutor ends its workers itself only from Python 3.14 (terminate_workers).
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


on_stop(_stop)
