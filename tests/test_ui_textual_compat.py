"""Each use of Textual's private names (ui/textual_compat.py), on a small app of its own: a new
Textual minor that moves one of them fails here first, by name."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
from rich.segment import Segment
from textual import _time
from textual import timer as textual_timer
from textual._context import active_app
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingsMap
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer
from textual.widgets import Static

from korantui.ui.textual_compat import (
    FrameTimer,
    GuardedApp,
    GuardedScreen,
    exit_lines,
    keymap,
    node_bindings,
    notification_messages,
    replace_bindings,
    set_virtual_size,
    write_to_terminal,
)


class _Screen(GuardedScreen):
    BINDINGS = [Binding("b", "broken", "Break", id="break")]

    def compose(self) -> ComposeResult:
        yield Static("x")

    def action_broken(self) -> None:
        raise RuntimeError("a bug in a screen's action")


class _App(GuardedApp):
    BINDINGS = [Binding("a", "broken", "Break", id="app_break")]

    def __init__(self) -> None:
        super().__init__()
        self.reported: list[str] = []
        self.fatal: list[str] = []

    def get_default_screen(self) -> _Screen:
        return _Screen()

    def action_broken(self) -> None:
        raise RuntimeError("a bug in the app's action")

    def report_unexpected(self, error: BaseException, context: str) -> None:
        self.reported.append(f"{context}: {error}")

    def log_fatal(self, error: BaseException) -> str:
        self.fatal.append(str(error))
        return "one line"


async def test_a_bug_in_an_app_or_screen_handler_is_reported_and_the_app_goes_on():
    app = _App()
    async with app.run_test() as pilot:
        await pilot.press("a")
        await pilot.press("b")
        await pilot.pause()
        assert app.is_running
    assert [r.split(": ", 1)[1] for r in app.reported] == [
        "a bug in the app's action",
        "a bug in a screen's action",
    ]


async def test_an_error_textual_cannot_recover_from_ends_the_app_in_one_line():
    app = _App()

    def broken() -> None:
        raise ValueError("a widget's own handler failed")

    async with app.run_test() as pilot:
        app.screen.query_one(Static).call_later(broken)
        await pilot.pause()
        await pilot.pause()
    assert app.return_code == 1
    assert app.fatal == ["a widget's own handler failed"]
    # Textual prints the exit renderables as the app ends (a pilot's may be gone by now).
    assert exit_lines(app) in ([], ["one line"])


async def test_notifications_keymap_bindings_and_the_terminal():
    app = _App()
    async with app.run_test() as pilot:
        app.notify("hallo", markup=False)
        await pilot.pause()
        assert notification_messages(app) == ["hallo"]
        app.set_keymap({"app_break": "z"})
        assert keymap(app) == {"app_break": "z"}
        screen = app.screen
        assert "break" in [b.id for _k, b in node_bindings(screen)]
        fresh = BindingsMap([Binding("c", "broken", "Rusak", id="break")])
        replace_bindings(screen, fresh)
        assert node_bindings(screen) is fresh
        assert write_to_terminal(app, "\x1b]2;x\x07") is False  # headless: no terminal


FRAME = 1 / 60


class _Owner:
    """What a timer ticks for (it keeps a weak reference)."""


async def _ticks_of(timer_class: type[Timer], monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The times a paint timer ticks at, on a clock of the test's, resumed as a screen's is: at
    100.000 (a first paint), at 101.004 after a second of nothing (a paint of 13 ms follows), at
    101.024 (a key 7 ms after that paint) and at 101.029 (another, 5 ms later). Each tick pauses
    the timer and paints for 13 ms, as the screen's paint does."""
    clock = [100.0]
    ticks: list[float] = []

    async def sleep(seconds: float) -> None:
        clock[0] += max(0.0, seconds)
        await asyncio.sleep(0)

    monkeypatch.setattr(_time, "get_time", lambda: clock[0])
    monkeypatch.setattr(_time, "sleep", sleep)
    monkeypatch.setattr(textual_timer, "sleep", sleep)  # Timer's own name for it
    errors: list[Exception] = []
    # What a timer's tick asks of the app: whether it is exiting, its features, its errors.
    app = SimpleNamespace(_exit=False, features=frozenset(), _handle_exception=errors.append)
    token = active_app.set(app)  # type: ignore[arg-type]
    owner = _Owner()

    def paint() -> None:
        timer.pause()
        ticks.append(round(clock[0], 4))
        clock[0] += 0.013

    timer = timer_class(owner, FRAME, callback=paint, pause=True)  # type: ignore[arg-type]
    timer._start()
    try:
        for at in (100.0, 101.004, 101.024, 101.029):
            clock[0] = max(clock[0], at)
            count = len(ticks)
            timer.resume()
            for _ in range(100):  # loop turns, bounded: the fake sleep takes no time
                if len(ticks) > count:
                    break
                await asyncio.sleep(0)
    finally:
        timer.stop()
        active_app.reset(token)
    assert errors == []
    return ticks


async def test_the_screens_paint_comes_at_once_when_a_frames_time_has_passed(monkeypatch):
    # The first paint a frame after the first resume (as Textual's); then a key 7 ms after a
    # 13 ms paint is painted at once (20 ms after the last tick), the next a frame after that,
    # not sooner (60 a second at most).
    ticks = await _ticks_of(FrameTimer, monkeypatch)
    assert ticks == [round(100.0 + FRAME, 4), 101.004, 101.024, round(101.024 + FRAME, 4)]


async def test_textuals_own_timer_is_the_one_that_waits(monkeypatch):
    # What FrameTimer is for: Textual's timer paints the key 7 ms after a paint more than a
    # frame later. When a Textual release fixes it, this fails, and FrameTimer can go.
    ticks = await _ticks_of(Timer, monkeypatch)
    assert len(ticks) == 4 and ticks[2] > 101.024 + FRAME


async def test_the_screens_paint_timer_is_a_frame_timer():
    # What it paints by is the schedule above; here, that a GuardedScreen paints by it at all.
    app = _App()
    async with app.run_test():
        screen = app.screen
        timer = screen._update_timer
        assert isinstance(timer, FrameTimer)
        assert timer in screen._timers  # stopped with the screen's timers


class _Lines(ScrollView):
    def render_line(self, y: int) -> Strip:
        return Strip([Segment(f"line {self.scroll_offset.y + y}")])


class _LinesApp(App[None]):
    def compose(self) -> ComposeResult:
        yield _Lines()


async def test_a_new_size_of_content_updates_the_scrollbar_without_laying_out_the_screen():
    app = _LinesApp()
    async with app.run_test(size=(40, 10)) as pilot:
        view = app.query_one(_Lines)
        width = 10  # narrower than the window: no horizontal scrollbar
        view.virtual_size = Size(width, 500)  # as the reactive: the screen is laid out
        assert view._layout_required
        await pilot.pause()
        assert not view._layout_required
        view.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert view.scroll_y == 500 - view.size.height

        set_virtual_size(view, Size(width, 200))  # taller than the window before and after
        assert not view._layout_required
        assert view.virtual_size == Size(width, 200)
        assert view.vertical_scrollbar.window_virtual_size == 200
        assert view.scroll_y == view.max_scroll_y == 200 - view.size.height  # kept in range

        set_virtual_size(view, Size(width, 3))  # shorter than the window: laid out as before
        assert view._layout_required
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y == 0
