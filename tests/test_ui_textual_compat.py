"""Each use of Textual's private names (ui/textual_compat.py), on a small app of its own: a new
Textual minor that moves one of them fails here first, by name."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.widgets import Static

from korantui.ui.textual_compat import (
    GuardedApp,
    GuardedScreen,
    exit_lines,
    keymap,
    node_bindings,
    notification_messages,
    replace_bindings,
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
