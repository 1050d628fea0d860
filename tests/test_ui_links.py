"""Links: `l` lists the article's links, a number opens that link; `o` opens the article, `y`
copies its address (OSC 52 through Textual); only http(s) is ever handed to the browser."""

from __future__ import annotations

import webbrowser

import pytest

from korantui.core.store.database import Store
from korantui.ui.app import KoranApp
from korantui.ui.screens.links import LinksScreen
from tests.screen import screen_text
from tests.uikit import CONFIG, article_with_links, fill, notices, settle


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What reached the browser (the last step before a real one would open)."""
    urls: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: urls.append(url) or True)
    monkeypatch.setattr(webbrowser, "get", lambda *a, **k: object())  # a browser is found
    return urls


async def _app_with_article(write_config):  # type: ignore[no-untyped-def]
    cfg = write_config(CONFIG)
    cfg.prefetch = 0
    ids = fill(cfg)
    first = ids["Satu"][0]
    store = Store(cfg.db_path)
    store.save_article(first, article_with_links(store.headline(first).link))
    store.close()
    return KoranApp(cfg, refresh_on_start=False), first


async def test_l_lists_links_and_a_number_opens_one(write_config, opened):
    app, first = await _app_with_article(write_config)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        app.main.open_headline(first)
        await settle(app, pilot)
        text = screen_text(app)
        assert "laporan lengkap[1]" in text and "data resmi[2]" in text
        await pilot.press("l")
        await settle(app, pilot)
        assert isinstance(app.screen, LinksScreen)
        assert "[2] http://example.org/data" in screen_text(app)
        await pilot.press("2")
        await settle(app, pilot)
        assert not isinstance(app.screen, LinksScreen)
        assert opened == ["http://example.org/data"]
        await pilot.press("l", "down", "up", "enter")
        await settle(app, pilot)
        assert opened[-1] == "https://example.org/laporan"
        await pilot.press("l", "escape")
        assert not isinstance(app.screen, LinksScreen)
        assert len(opened) == 2


async def test_l_without_links_says_so(write_config, opened):
    app, _first = await _app_with_article(write_config)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("l")
        await settle(app, pilot)
        assert "This article has no links" in notices(app)
        assert not isinstance(app.screen, LinksScreen)


async def test_o_opens_the_article_and_y_copies_its_address(write_config, opened):
    app, _first = await _app_with_article(write_config)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        link = app.main.headline_list.current.link
        await pilot.press("y")
        assert app.clipboard == link
        await pilot.press("o")
        assert opened == [link]


async def test_only_http_addresses_reach_the_browser(write_config, opened):
    app, _first = await _app_with_article(write_config)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        for url in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x"):
            app.main.reader.open_link(url)
        app.main.reader.open_link("https://demo.korantui.invalid/kepri/x")  # the demo's never open
        await settle(app, pilot)
        assert opened == []
        assert "Not an http(s) link: not opened" in notices(app)


async def test_two_digit_link_numbers():
    from textual.app import App

    links = [f"https://example.org/{n}" for n in range(1, 13)]
    chosen: list[str | None] = []

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(LinksScreen(links, "Links"), chosen.append)

    app = Host()
    async with app.run_test() as pilot:
        await pilot.press("1")  # [1] or [10]..[12]: wait for more
        assert chosen == []
        await pilot.press("2")
        assert chosen == ["https://example.org/12"]
        app.push_screen(LinksScreen(links, "Links"), chosen.append)
        await pilot.pause()
        await pilot.press("1", "enter")  # Enter settles on [1]
        assert chosen[-1] == "https://example.org/1"
        app.push_screen(LinksScreen(links, "Links"), chosen.append)
        await pilot.pause()
        await pilot.press("9")  # no [90]: at once
        assert chosen[-1] == "https://example.org/9"
