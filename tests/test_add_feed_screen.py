"""The add / edit / confirm dialogs, driven by a pilot against a local server."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Log, Static

from korantui.core.models import FEED_KIND, FeedSpec
from korantui.core.net.fetch import FetchSettings
from korantui.core.net.runner import NetworkRunner
from korantui.ui.screens import add_feed
from korantui.ui.screens.add_feed import AddFeedResult, AddFeedScreen
from korantui.ui.screens.confirm import ConfirmScreen
from korantui.ui.screens.edit_feed import EditFeedResult, EditFeedScreen
from tests.screen import screen_text

HOSTILE = "[/x] [@click=app.quit] Kabar [b]Batam"
RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>{HOSTILE}</title>
<item><title>Satu</title><link>https://kabar.example/1</link></item></channel></rss>"""


class Host(App[None]):
    """A bare app that shows one dialog and keeps what it was dismissed with."""

    def __init__(self, dialog: Screen) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[object] = []

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


@pytest.fixture
def runner() -> Iterator[NetworkRunner]:
    network = NetworkRunner(FetchSettings(total_timeout=10))
    yield network
    network.close()


async def test_add_finds_a_feed_and_dismisses_with_it(
    httpserver: HTTPServer, runner: NetworkRunner
) -> None:
    httpserver.expect_request("/feed/").respond_with_data(RSS, content_type="application/rss+xml")
    dialog = AddFeedScreen(runner, lang="en")
    app = Host(dialog)
    async with app.run_test() as pilot:
        log = dialog.query_one("#progress", Log)
        await pilot.press(*"127.0.0.1")  # typed by hand: the dialog takes keys
        dialog.query_one("#url", Input).value = httpserver.url_for("/feed/")
        dialog.query_one("#name", Input).value = "  Kabar Kita "
        dialog.query_one("#category", Input).value = "Kepri"
        await pilot.press("enter")
        await dialog.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running  # [@click=app.quit] in a title did nothing
        (result,) = app.results
        assert isinstance(result, AddFeedResult)
        assert result.discovery.title == HOSTILE
        assert result.spec == FeedSpec(httpserver.url_for("/feed/"), "Kabar Kita", "Kepri")
        assert result.spec.kind == FEED_KIND
        assert log.lines[0] == f"fetching {httpserver.url_for('/feed/')}"
        assert any(HOSTILE in line for line in log.lines)
        assert app.screen is not dialog


async def test_discovery_runs_on_the_network_loop_not_the_ui_thread(
    httpserver: HTTPServer, runner: NetworkRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    httpserver.expect_request("/feed/").respond_with_data(RSS, content_type="application/rss+xml")
    threads: list[str] = []
    real_discover = add_feed.discover

    async def discover(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return await real_discover(*args, **kwargs)

    monkeypatch.setattr(add_feed, "discover", discover)
    dialog = AddFeedScreen(runner, url=httpserver.url_for("/feed/"), lang="en")
    app = Host(dialog)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await dialog.workers.wait_for_complete()
        await pilot.pause()
        assert threads == ["korantui-network"]
        assert len(app.results) == 1


async def test_failure_keeps_the_dialog_open_and_shows_web_text_literally(
    httpserver: HTTPServer, runner: NetworkRunner
) -> None:
    page = """<html><head><link rel="alternate" type="application/rss+xml"
    href="/[/x][@click=app.quit]"></head><body><p>Segera hadir</p></body></html>"""
    httpserver.expect_request("/").respond_with_data(page, content_type="text/html")
    httpserver.expect_request(re.compile(".*")).respond_with_data("", status=404)
    dialog = AddFeedScreen(runner, url=httpserver.url_for("/"), lang="id")
    app = Host(dialog)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.click("#find")
        await dialog.workers.wait_for_complete()
        await pilot.pause()
        assert app.results == []
        assert app.screen is dialog
        status = dialog.query_one("#status", Static)
        assert status.has_class("error")
        assert "no feed, and no headlines" in str(status.render())
        assert not dialog.query_one("#url", Input).disabled
        log = dialog.query_one("#progress", Log)
        assert any("[/x][@click=app.quit]: HTTP 404" in line for line in log.lines)
        log.scroll_home(animate=False)
        await pilot.pause()
        text = screen_text(app)
        assert "/[/x][@click=app.quit]: HTTP 404 (not found)" in text
        assert "Cari dan tambah" in text  # Indonesian labels
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]
        assert app.is_running


async def test_empty_address_is_refused_without_a_request(
    httpserver: HTTPServer, runner: NetworkRunner
) -> None:
    dialog = AddFeedScreen(runner, lang="en")
    app = Host(dialog)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert "Type an address first." in str(dialog.query_one("#status", Static).render())
        assert app.results == []
        assert len(httpserver.log) == 0


async def test_edit_feed_returns_trimmed_values() -> None:
    dialog = EditFeedScreen(HOSTILE, "Kepri", url=f"https://b.example/{HOSTILE}", lang="en")
    app = Host(dialog)
    async with app.run_test(size=(100, 30)) as pilot:
        assert f"https://b.example/{HOSTILE}" in screen_text(app)
        assert screen_text(app).count(HOSTILE) == 2  # the name, in its input, literally too
        name = dialog.query_one("#name", Input)
        name.value = "  Batam Pos Online  "
        dialog.query_one("#category", Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [EditFeedResult("Batam Pos Online", "")]


async def test_edit_feed_escape_cancels() -> None:
    app = Host(EditFeedScreen("A", "B"))
    async with app.run_test() as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]


async def test_confirm_yes_no_and_literal_question() -> None:
    question = f"Hapus {HOSTILE}?"
    for keys, expected in ((["y"], True), (["n"], False), (["escape"], False), (["enter"], False)):
        app = Host(ConfirmScreen(question, lang="id"))
        async with app.run_test(size=(100, 20)) as pilot:
            assert question in screen_text(app)
            assert "Ya (y)" in screen_text(app)
            await pilot.press(*keys)
            await pilot.pause()
            assert app.results == [expected]
            assert app.is_running


async def test_confirm_button_click() -> None:
    app = Host(ConfirmScreen("Hapus sumber?", yes="Hapus"))
    async with app.run_test() as pilot:
        await pilot.click("#yes")
        await pilot.pause()
        assert app.results == [True]
