"""Accounts in the app: synced on start in a worker, their feeds under the account's heading,
a failing account's line in words, and M on an account's feed done by the server's mark-all."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from korantui.ui.app import KoranApp
from korantui.ui.widgets.feed_list import feed_option_id
from tests.sync_servers import GReaderServer, MinifluxServer
from tests.test_accounts_e2e import PASSWORD, _fill, _greader_table, _miniflux_table, _nowhere
from tests.uikit import settle


@pytest.fixture
def servers(monkeypatch) -> Iterator[tuple[GReaderServer, MinifluxServer]]:
    monkeypatch.setenv("KORANTUI_TEST_GREADER", PASSWORD)
    monkeypatch.setenv("KORANTUI_TEST_MINIFLUX", "not-the-key")  # Kantor's login fails
    with GReaderServer(password=PASSWORD) as g, MinifluxServer(host="127.0.0.2") as m:
        _fill(g, "Berita")
        _fill(m, "Kerja")
        yield g, m


def _lines(app: KoranApp) -> list[tuple[str, str]]:
    return [(e.kind, e.name) for e in app.main.feed_list.entries if e.kind != "separator"]


async def test_the_app_syncs_on_start_and_shows_each_account_s_feeds_or_its_failure(
    servers, write_config
):
    greader, miniflux = servers
    cfg = write_config(_greader_table(greader) + _miniflux_table(miniflux))
    cfg.prefetch = 0
    app = KoranApp(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        lines = _lines(app)
        assert ("category", "Rumah / Berita") in lines
        assert ("entry", "Koran Satu") in lines and ("entry", "Koran Dua") in lines
        kantor = lines.index(("category", "Kantor"))
        note = []
        for kind, text in lines[kantor + 1 :]:
            if kind != "note":
                break
            note.append(text)
        assert " ".join(note).startswith("! wrong user name or password")
        assert 1 < len(note) <= 4 and all(len(line) <= 20 for line in note)
        assert app.main.feed_list.totals[0] == 6  # Rumah's unread, in All news

        # M on an account's feed: the server's own mark-all, pushed at once.
        satu = next(f for f in app.main.feed_list.feeds if f.display_name == "Koran Satu")
        app.main.feed_list.select(feed_option_id(satu.id))
        await pilot.pause()
        app.main.headline_list.focus()
        await pilot.press("M")
        await settle(app, pilot)
        assert greader.calls("mark-all-as-read", "POST")
        assert all(i.read for i in greader.items.values() if i.feed_id == 1)
        assert not any(i.read for i in greader.items.values() if i.feed_id == 2)
        assert app.main.feed_list.totals[0] == 2


async def test_an_account_that_never_synced_shows_its_heading_and_why(servers, write_config):
    greader, _ = servers
    greader.api_enabled = False
    cfg = write_config(_greader_table(greader))
    cfg.prefetch = 0
    app = KoranApp(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        lines = _lines(app)
        at = lines.index(("category", "Rumah"))
        assert lines[at + 1][0] == "note" and lines[at + 1][1].startswith("! the server's API")


async def test_d_and_e_on_an_account_s_feed_are_done_on_its_server(servers, write_config):
    greader, _ = servers
    cfg = write_config(_greader_table(greader))
    cfg.prefetch = 0
    app = KoranApp(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        feeds = {f.display_name: f for f in app.main.feed_list.feeds}

        app.main.feed_list.select(feed_option_id(feeds["Koran Dua"].id))
        await pilot.pause()
        await pilot.press("d", "y")
        await settle(app, pilot)
        assert [f.title for f in greader.feeds.values()] == ["Koran Satu"]
        assert ("entry", "Koran Dua") not in _lines(app)

        app.main.feed_list.select(feed_option_id(feeds["Koran Satu"].id))
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("end", "ctrl+u", *"Koran Baru", "tab")
        await pilot.press("end", "ctrl+u", *"Olahraga", "enter")
        await settle(app, pilot)
        (feed,) = greader.feeds.values()
        assert (feed.title, feed.category) == ("Koran Baru", "Olahraga")
        lines = _lines(app)
        at = lines.index(("category", "Rumah / Olahraga"))
        assert lines[at + 1] == ("entry", "Koran Baru")
        assert "[[feeds]]" not in cfg.path.read_text()  # the server's change, not the file's


async def test_r_on_an_account_s_feed_and_R_bring_what_arrived_on_the_server(servers, write_config):
    greader, _ = servers
    cfg = write_config(_greader_table(greader))
    cfg.prefetch = 0
    app = KoranApp(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.main.feed_list.totals[0] == 6
        greader.add_items(3, 1)
        _nowhere(greader)
        satu = next(f for f in app.main.feed_list.feeds if f.display_name == "Koran Satu")
        app.main.feed_list.select(feed_option_id(satu.id))
        await pilot.pause()
        app.main.headline_list.focus()
        await pilot.press("r")
        await settle(app, pilot)
        assert app.main.feed_list.totals[0] == 9
        newest = app.main.headline_list.rows[0]
        assert newest.title == f"Berita {max(greader.items)}"
        greader.add_items(1, 2)
        _nowhere(greader)
        await pilot.press("R")
        await settle(app, pilot)
        assert app.main.feed_list.totals[0] == 10


async def test_a_on_an_account_s_feed_subscribes_on_its_server(servers, write_config, news_site):
    greader, _ = servers
    cfg = write_config(_greader_table(greader))
    cfg.prefetch = 0
    app = KoranApp(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        satu = next(f for f in app.main.feed_list.feeds if f.display_name == "Koran Satu")
        app.main.feed_list.select(feed_option_id(satu.id))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*f"{news_site}/feed.xml", "enter")
        await settle(app, pilot)
        assert [f.url for f in greader.feeds.values()][-1] == f"{news_site}/feed.xml"
        assert ("entry", f"Feed of {news_site.split('//')[1].split(':')[0]}") in _lines(app)
        assert "[[feeds]]" not in cfg.path.read_text()


async def test_an_account_taken_out_of_the_config_leaves_the_feed_pane(servers, write_config):
    greader, _ = servers
    cfg = write_config(_greader_table(greader))
    cfg.prefetch = 0
    app = KoranApp(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert ("entry", "Koran Satu") in _lines(app)
    cfg = write_config("")  # the [[account]] table removed
    cfg.prefetch = 0
    app = KoranApp(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert not [line for line in _lines(app) if line[0] != "entry" or "Koran" in line[1]]
