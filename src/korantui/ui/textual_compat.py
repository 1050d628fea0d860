"""Every use of Textual's private API, in one place (tests/test_ui_textual_compat.py covers each).

Textual is pinned to a minor range (pyproject.toml); a new minor may rename any of these, and
this module is where that shows first. Nothing else in korantui reads an underscored name of
Textual's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual import _time, events
from textual.app import App
from textual.binding import BindingsMap
from textual.dom import DOMNode
from textual.geometry import Size
from textual.message import Message
from textual.screen import UPDATE_PERIOD, Screen
from textual.timer import EventTargetGone, Timer
from textual.widget import Widget

# (error, context) -> None: log it and tell the user in one line.
ErrorReporter = Callable[[BaseException, str], None]


class GuardedApp(App[int]):
    """An App whose handlers' bugs are logged (the app goes on) and whose fatal errors end it in
    one line. Subclasses give report_unexpected and fatal_line."""

    def report_unexpected(self, error: BaseException, context: str) -> None:
        raise NotImplementedError

    def log_fatal(self, error: BaseException) -> str:
        """Log error; the one line the terminal shows on exit."""
        raise NotImplementedError

    async def _dispatch_message(self, message: Message) -> None:
        # A bug in one of the app's handlers (a key's action, a refresh result...) is logged and
        # the app goes on: Textual would otherwise print a traceback and exit.
        try:
            await super()._dispatch_message(message)
        except Exception as error:
            if isinstance(message, (events.Compose, events.Mount)) or not self.is_running:
                raise  # the app never came up: _handle_exception ends it, in one line
            self.report_unexpected(error, f"handling {type(message).__name__}")

    def _handle_exception(self, error: Exception) -> None:
        # Errors Textual cannot recover from (a widget's own handler, painting, start-up): the
        # traceback goes to the log, the user gets one line, and the app ends as Textual would.
        line = self.log_fatal(error)
        self._return_code = 1
        self._exception_event.set()  # a test pilot waiting on the app stops waiting
        self._exit_renderables.append(Text(line))
        self._close_messages_no_wait()


class FrameTimer(Timer):
    """The screen's paint timer, ticking as soon as it is resumed once a frame's time (1/60 s)
    has passed since its last tick, and never sooner; the first tick a frame after the first
    resume.

    Textual's own (Timer with skip) puts the tick after a paint on its grid of frames counted
    from its first resume, and after an overrun or a pause it counts one frame too many: the
    next paint came 17-33 ms after the last, even when asked for at once. A key pressed just
    after a paint (R's busy marks, a refresh's snapshot) waited for that: 40-55 ms for the
    first key after R against ~6 ms at other times (benchmarks/ui_latency.py).
    """

    async def _run(self) -> None:
        interval = self._interval
        last: float | None = None
        count = 0
        while True:
            await self._active.wait()
            if last is None:
                # The first paint a frame after the screen first asks, as Textual's: what its
                # mounting does meanwhile lands in that frame, and what waits for the first
                # frame (the refresh on start, the store's upkeep) does not delay the content.
                last = _time.get_time()
            wait = last + interval - _time.get_time()
            if wait > 0:
                await _time.sleep(wait)
                await self._active.wait()  # paused meanwhile: the next resume ticks
            self._reset = False  # reset() is a resume here: no grid to restart
            last = _time.get_time()
            count += 1
            try:
                await self._tick(next_timer=last, count=count)
            except EventTargetGone:
                break


class GuardedScreen(Screen[None]):
    """A screen whose handlers' bugs are reported by its GuardedApp, as the app's own are, and
    whose paints follow the FrameTimer."""

    _frame_timer: Timer | None = None

    @property
    def _update_timer(self) -> Timer:
        # Screen's own property, made the same way (set_interval's), with FrameTimer's schedule.
        timer = self._frame_timer
        if timer is None:
            timer = FrameTimer(
                self,
                UPDATE_PERIOD,
                name="screen_update",
                callback=self._on_timer_update,
                pause=True,
            )
            timer._start()
            self._timers.add(timer)
            self._frame_timer = timer
        return timer

    async def _dispatch_message(self, message: Message) -> None:
        try:
            await super()._dispatch_message(message)
        except Exception as error:
            app = self.app
            if isinstance(message, (events.Compose, events.Mount)) or not isinstance(
                app, GuardedApp
            ):
                raise
            app.report_unexpected(error, f"handling {type(message).__name__}")


def exit_lines(app: App[Any]) -> list[str]:
    """What the app prints on exit (its exit renderables), as text."""
    return [str(r) for r in app._exit_renderables]


def notification_messages(app: App[Any]) -> list[str]:
    """The messages of the notifications on show (toasts fade in: the screen lags behind)."""
    return [str(n.message) for n in app._notifications]


def write_to_terminal(app: App[Any], data: str) -> bool:
    """Write escape sequences straight to the terminal; False when there is none (headless)."""
    driver = app._driver
    if driver is None or app.is_headless:
        return False
    driver.write(data)
    return True


def node_bindings(node: DOMNode) -> BindingsMap:
    """The bindings in force on node (Textual keeps no public accessor for a node's own)."""
    return node._bindings


def replace_bindings(node: DOMNode, bindings: BindingsMap) -> None:
    """Give node these bindings (translated ones: Binding is frozen, the map is replaced)."""
    node._bindings = bindings


def keymap(app: App[Any]) -> dict[str, str]:
    """The keymap set with App.set_keymap (binding id -> keys)."""
    return dict(app._keymap)


def set_virtual_size(widget: Widget, size: Size) -> None:
    """A scrolling widget's size of content. Set as the reactive it is, a new size lays out the
    whole screen and paints all of it (a refresh's snapshot adding rows to a long list; each
    step of a long article's wrapping, 40-60 ms of opening one): while the content stays taller
    than the window in both sizes and as wide, only its scrollbar can change, and only that is
    updated (Widget._scroll_update: the scrollbars' sizes, the scroll offset kept in range)."""
    old, height = widget.virtual_size, widget.size.height
    if size == old:
        return
    if height and old.width == size.width and min(old.height, size.height) > height:
        widget.set_reactive(Widget.virtual_size, size)
        widget._scroll_update(size)
    else:
        widget.virtual_size = size
