"""Changing feeds from the app: `a` adds a site (discovery on a local server), `d` deletes the
selected feed after confirmation, `e` edits its name and category; OPML import and export. Every
change lands in the config file and the store follows it."""

from __future__ import annotations

from pathlib import Path

from textual.screen import ModalScreen

from korantui.core.config import load_config
from korantui.ui.app import KoranApp
from korantui.ui.screens.confirm import ConfirmScreen
from korantui.ui.screens.edit_feed import EditFeedScreen
from tests.newssite import STORIES
from tests.screen import screen_text
from tests.uikit import CONFIG, fill, notices, offline_app, settle


async def _select_feed(app: KoranApp, pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    app.main.feed_list.focus()
    await pilot.press("home")
    while app.main.feed_list.selected_feed is None or app.main.feed_list.selected_feed.name != name:
        await pilot.press("down")
    await settle(app, pilot)


async def test_a_adds_a_site_found_by_discovery(news_site: str, httpserver, write_config):
    from korantui.ui.screens.add_feed import AddFeedScreen

    cfg = write_config(CONFIG)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddFeedScreen)
        await pilot.press(*f"{news_site}/feed.xml", "enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, AddFeedScreen)
        urls = [f.url for f in load_config(cfg.path, cfg.data_dir).feeds]
        assert urls[-1] == f"{news_site}/feed.xml"
        assert any(f.url == urls[-1] for f in app.store.feeds())
        assert STORIES[0].title[:20] in screen_text(app)  # its headlines at once
        # What discovery read is stored: the feed is fetched once, not again to refresh it.
        assert [r.path for r, _ in httpserver.log].count("/feed.xml") == 1


async def test_d_deletes_after_confirmation_only(write_config):
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _select_feed(app, pilot, "Satu")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete Satu?" in screen_text(app)
        await pilot.press("n")  # no: nothing changes
        await settle(app, pilot)
        assert [f.name for f in app.store.feeds()] == ["Satu", "Dua"]
        await pilot.press("d", "y")
        await settle(app, pilot)
        assert [f.name for f in app.store.feeds()] == ["Dua"]
        assert [f.name for f in load_config(cfg.path, cfg.data_dir).feeds] == ["Dua"]
        assert "Satu" not in screen_text(app)
        assert app.store.counts()[0] == 3


async def test_e_edits_name_and_category(write_config):
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await _select_feed(app, pilot, "Dua")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditFeedScreen)
        await pilot.press("end", "ctrl+u", *"Koran Dua", "tab")
        await pilot.press("end", "ctrl+u", *"Nasional", "enter")
        await settle(app, pilot)
        spec = load_config(cfg.path, cfg.data_dir).feeds[1]
        assert (spec.name, spec.category) == ("Koran Dua", "Nasional")
        text = screen_text(app)
        assert "Koran Dua (3)" in text and "Nasional" in text


async def test_opml_export_then_import(write_config, tmp_path: Path):
    cfg = write_config(CONFIG)
    app = offline_app(cfg)
    opml = tmp_path / "feeds.opml"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.main.feed_editor.export_file(str(opml))
        await pilot.pause()
        assert "2 feeds exported" in notices(app)[-1]
    text = opml.read_text(encoding="utf-8")
    assert "http://127.0.0.1:9/satu.xml" in text and "http://127.0.0.1:9/dua.xml" in text

    other = write_config('[[feeds]]\nurl = "http://127.0.0.1:9/tiga.xml"\nname = "Tiga"\n')
    app = offline_app(other)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.main.feed_editor.import_file(str(opml))
        await settle(app, pilot)
        names = [f.name for f in load_config(other.path, other.data_dir).feeds]
        assert names == ["Tiga", "Satu", "Dua"]
        assert [f.name for f in app.store.feeds()] == names
        app.main.feed_editor.import_file(str(tmp_path / "missing.opml"))
        await pilot.pause()
        assert notices(app)[-1].startswith("OPML: ")


async def test_demo_edition_is_read_only(write_config):
    app = KoranApp(write_config(CONFIG), demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        assert not isinstance(app.screen, ModalScreen)
        assert "Not in the demo edition" in notices(app)
