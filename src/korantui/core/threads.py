"""The threads and event loops of a korantui process, and the one way network work waits.

    UI thread (Textual's asyncio loop: input, rendering, messages; no network, no parsing)
      │  thread workers (@work(thread=True)) call NetworkRunner.run / submit
      ▼
    network thread "korantui-network" (core/net/runner.py): one asyncio loop, one Fetcher
      │  (one httpx client, the concurrency caps). Every refresh, discovery, article fetch and
      │  prefetch is a coroutine here; it never blocks: each blocking step is `await off_loop()`
      ▼
    asyncio's default thread pool (off_loop = asyncio.to_thread): store calls, decoding;
    the parse threads "korantui-parse" (parse_off_loop, two or the parse pool's size): feed
      │  parsing (feedparser-rs, feedparser, JSON Feed)
      ├──▶ HTML thread "korantui-html" (core/htmlwork.py): ALL lxml work of the process, one
      │    page at a time (lxml's compiled XPath must stay on the thread that made it): HTML
      │    index pages, discovery's link scan, article extraction
      └──▶ parse pool (core/sources/parsepool.py): forkserver processes running feedparser,
           made only when a refresh has many feeds that need it (threads cannot beat the GIL)

    Store (core/store/database.py): one sqlite connection per Store object, its calls
    serialised by a lock, so any of the threads above may use it; the CLI and a second process
    have their own. SQLite's busy timeout is why store calls never run on an event loop.

Waiting style: code on the network loop awaits, nothing there calls `.result()`; code in
threads waits on the network loop through NetworkRunner.run. A worker thread blocked on the HTML
thread or the pool is a thread of a pool (the default one, the parse threads), never the loop.
"""

from __future__ import annotations

import contextlib
import contextvars
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, ParamSpec, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

P = ParamSpec("P")
T = TypeVar("T")


async def off_loop(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """fn in a worker thread, awaited: how a coroutine on the network loop does blocking work
    (a store call, a parse) without stalling every other download."""
    import asyncio  # here: the source kinds import this module, and a config loads those

    return await asyncio.to_thread(fn, *args, **kwargs)


async def parse_off_loop(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """fn (a source's parse) in one of the few parse threads, awaited. Parses hold the GIL:
    six of them at once (the default pool's size on two cores) parsed no faster than two and
    took the GIL from the event loop six ways, so a refresh's next requests left late. Two
    keep one parsing while another waits (on the parse pool's processes, on the store), and
    as many as the parse pool has workers keep those busy."""
    import asyncio
    import functools

    context = contextvars.copy_context()  # the caller's JobScope goes along, as to_thread's
    call = functools.partial(context.run, fn, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(_parse_threads(), call)


_parsers: ThreadPoolExecutor | None = None
_parsers_lock = threading.Lock()


def _parse_threads() -> ThreadPoolExecutor:
    global _parsers
    with _parsers_lock:
        if _parsers is None:
            import concurrent.futures  # here: `read FILE` and a config load this module
            import os

            # parsepool.workers(), not imported from there: that brings the feed parsers.
            count = max(2, min(4, os.cpu_count() or 1))
            _parsers = concurrent.futures.ThreadPoolExecutor(count, "korantui-parse")
        return _parsers


# -- stopping a runner's work --------------------------------------------------------------------
#
# A quitting app cancels its network jobs (NetworkRunner.close), but a coroutine's cancellation
# does not reach the worker thread parsing for it: asyncio.to_thread's thread runs on, and the
# interpreter waits for it at exit (a 9 MB feed: seconds of feedparser; a page: of lxml). So
# every coroutine of a runner carries its JobScope (a context variable: asyncio.to_thread and the
# HTML thread take the caller's context with them), CPU-bound sections declare themselves
# stoppable, and stopping the scope raises Stopped inside each of its sections at their next
# Python instruction (CPython's PyThreadState_SetAsyncExc, as sources/budget.py does), and lets
# the modules that keep work elsewhere (the parse pool's processes) drop theirs.


class Stopped(BaseException):
    """Raised inside a stoppable section whose scope was stopped (an app quitting). A
    BaseException: the parsers' `except Exception` must let it through."""


class JobScope:
    """The work of one NetworkRunner, stopped together."""

    __slots__ = ("stopped",)

    def __init__(self) -> None:
        self.stopped = False


class _Section:
    __slots__ = ("fired", "scope")

    def __init__(self, scope: JobScope) -> None:
        self.scope = scope
        self.fired = False


_scope: contextvars.ContextVar[JobScope | None] = contextvars.ContextVar(
    "korantui_job_scope", default=None
)
_sections_lock = threading.Lock()
_sections: dict[int, _Section] = {}  # thread ident -> the stoppable section it is in
_stoppers: list[Callable[[JobScope], None]] = []


def enter_scope(scope: JobScope) -> None:
    """The calling task's (or thread's) work, and all it starts, belongs to scope."""
    _scope.set(scope)


def current_scope() -> JobScope | None:
    return _scope.get()


def on_stop(stopper: Callable[[JobScope], None]) -> None:
    """stopper(scope) is called when a scope stops (a module dropping work it keeps elsewhere)."""
    if stopper not in _stoppers:
        _stoppers.append(stopper)


def raise_in_thread(ident: int, exc: type[BaseException] | None) -> None:
    """exc raised in thread `ident` at its next Python instruction (None takes a pending one
    back): how a CPU-bound section is stopped from outside."""
    import ctypes  # here: only a quit or a parse over budget needs it; `read FILE` loads this

    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(ident), ctypes.py_object(exc) if exc is not None else None
    )


@contextlib.contextmanager
def stoppable() -> Iterator[None]:
    """A CPU-bound section (a parse, an extraction) that stopping its scope interrupts."""
    scope = _scope.get()
    if scope is None:
        yield
        return
    if scope.stopped:
        raise Stopped
    ident = threading.get_ident()
    with _sections_lock:
        outer = _sections.get(ident)
        # A fired entry is one whose exception went off before its owner could remove it.
        if outer is not None and not outer.fired:
            section = None
        else:
            section = _sections[ident] = _Section(scope)
    if section is None:  # nested: the outer section answers for the thread
        yield
        return
    try:
        yield
    finally:
        with _sections_lock:
            if _sections.get(ident) is section:
                del _sections[ident]
            if section.fired:
                raise_in_thread(ident, None)  # fired as the section ended: not in the caller's code


def stop_scope(scope: JobScope) -> None:
    """Stop scope's work: Stopped in each of its stoppable sections, its modules told."""
    scope.stopped = True
    with _sections_lock:
        for ident, section in _sections.items():
            if section.scope is scope and not section.fired:
                section.fired = True
                raise_in_thread(ident, Stopped)
    for stopper in list(_stoppers):
        stopper(scope)
