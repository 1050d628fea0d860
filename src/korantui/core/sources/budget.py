"""A CPU budget for one feed's parse: a feed that costs more fails alone, with a reason.

feedparser is pure Python and has no way to stop half-way, and a thread cannot be killed. So a
watchdog thread reads the parsing thread's own CPU clock and, once it passes the budget, raises
an exception inside that thread (CPython's PyThreadState_SetAsyncExc: it fires at the parsing
thread's next bytecode, so C code such as expat finishes its current callback first). The
exception derives from BaseException so that feedparser's `except Exception` (which would retry
with its loose parser) lets it through. The budget is CPU time, not wall time: on a machine
loaded by other work a feed is not failed for waiting its turn.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from korantui.core.threads import raise_in_thread, stoppable

P = ParamSpec("P")
T = TypeVar("T")

CPU_SECONDS = 8.0  # a 50-item feed costs feedparser 0.03-0.06 s; 200 such feeds fit in one
_TICK = 0.02  # how often the watchdog looks


class OverBudget(BaseException):
    """Raised inside a parse that used up its CPU budget; caught by within()."""


class _Watch:
    __slots__ = ("clock", "fired", "limit")

    def __init__(self, clock: int, limit: float) -> None:
        self.clock = clock
        self.limit = limit
        self.fired = False


_lock = threading.Lock()
_watched: dict[int, _Watch] = {}
_wake = threading.Condition(_lock)
_watchdog: threading.Thread | None = None


def _watch_loop() -> None:
    while True:
        with _lock:
            while not _watched:
                _wake.wait()
            for ident, w in list(_watched.items()):
                if w.fired:
                    continue
                try:
                    used = time.clock_gettime(w.clock)
                except OSError:  # the thread is gone
                    continue
                if used > w.limit:
                    w.fired = True
                    raise_in_thread(ident, OverBudget)
        time.sleep(_TICK)


def within(seconds: float, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """fn(*args, **kwargs), stopped with OverBudget once this thread spent `seconds` of CPU in
    it, and with threads.Stopped when its runner stops (an app quitting: core/threads.py).
    Nested calls run under the outer budget."""
    with stoppable():
        return _within(seconds, fn, *args, **kwargs)


def _within(seconds: float, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    global _watchdog
    ident = threading.get_ident()
    try:
        clock = time.pthread_getcpuclockid(ident)
    except (AttributeError, OSError):  # not Linux/BSD: no per-thread clock to watch
        return fn(*args, **kwargs)
    with _lock:
        outer = _watched.get(ident)
        # A fired entry is one whose exception went off before its owner could remove it.
        nested = outer is not None and not outer.fired
        if not nested:
            _watched[ident] = _Watch(clock, time.clock_gettime(clock) + seconds)
            if _watchdog is None:
                _watchdog = threading.Thread(
                    target=_watch_loop, name="korantui-parse-budget", daemon=True
                )
                _watchdog.start()
            _wake.notify()
    if nested:
        return fn(*args, **kwargs)
    try:
        return fn(*args, **kwargs)
    finally:
        with _lock:
            w = _watched.pop(ident, None)
            if w is not None and w.fired:
                # Fired as fn returned: clear it if it is still pending, so that it cannot go
                # off later in the caller's code.
                raise_in_thread(ident, None)


def over_budget_message() -> str:
    return f"the feed needs more than {CPU_SECONDS:g} s of CPU to read: skipped"
