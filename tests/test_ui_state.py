"""Read and star state from the keyboard: open, m, M, n, N, u, s, the Starred entry, counts in
the feed pane and the window title, and pruning on start."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from korantui.core.store.database import Store
from korantui.ui.widgets.feed_list import STARRED_ID
from tests.screen import screen_text
from tests.uikit import CONFIG, fill, notices, offline_app, settle


async def test_open_and_m_toggle_read_with_counts(write_config):
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        assert app.title == "korantui — 6 unread"
        assert "All news (6)" in screen_text(app)
        first = app.main.headline_list.rows[0]
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.store.headline(first.id).read
        assert app.title == "korantui — 5 unread"
        assert "All news (5)" in screen_text(app)
        await pilot.press("m")  # back to unread
        assert not app.store.headline(first.id).read
        assert app.title == "korantui — 6 unread"
        await pilot.press("m")
        assert app.store.headline(first.id).read
        assert "Satu (2)" in screen_text(app) or "Dua (2)" in screen_text(app)


async def test_M_marks_the_selected_feed_then_all_news(write_config):
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        app.main.feed_list.focus()
        await pilot.press("down", "down")  # All news, Starred, (category A,) Satu
        await settle(app, pilot)
        assert app.main.feed_list.selected_feed.name == "Satu"
        await pilot.press("M")
        await settle(app, pilot)
        unread = {f.name: f.unread for f in app.store.feeds()}
        assert unread == {"Satu": 0, "Dua": 3}
        assert "Satu (" not in screen_text(app)
        assert app.title == "korantui — 3 unread"
        await pilot.press("home")
        await settle(app, pilot)
        await pilot.press("M", "y")  # All news asks first (issue 16)
        assert app.store.counts()[0] == 0
        assert app.title == "korantui"


async def test_n_and_N_walk_unread_across_feeds(write_config):
    cfg = write_config(CONFIG)
    ids = fill(cfg, per_feed=2)
    app = offline_app(cfg)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        app.main.feed_list.focus()
        await pilot.press("down", "down")  # the feed "Satu"
        await settle(app, pilot)
        opened = []
        for _ in range(4):
            await pilot.press("n")
            await settle(app, pilot)
            opened.append(app.main.reader.headline.id)
        assert opened == ids["Satu"] + ids["Dua"]  # over the end of Satu into Dua
        assert app.main.feed_list.selected_feed.name == "Dua"
        await pilot.press("n")
        await settle(app, pilot)
        assert "No unread articles left" in notices(app)
        # N goes back: mark the first of Satu unread again, then walk backwards to it.
        app.store.set_read([ids["Satu"][0]], False)
        await pilot.press("N")
        await settle(app, pilot)
        assert app.main.reader.headline.id == ids["Satu"][0]
        assert app.main.feed_list.selected_feed.name == "Satu"


async def test_u_hides_read_headlines(write_config):
    cfg = write_config(CONFIG)
    ids = fill(cfg)
    Store(cfg.db_path).set_read(ids["Satu"][:2])
    app = offline_app(cfg)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        assert len(app.main.headline_list.rows) == 6
        await pilot.press("u")
        await settle(app, pilot)
        assert len(app.main.headline_list.rows) == 4
        assert all(not r.read for r in app.main.headline_list.rows)
        assert "unread only" in screen_text(app)
        await pilot.press("u")
        assert len(app.main.headline_list.rows) == 6


async def test_u_hides_read_starred_headlines_and_says_why_the_list_is_empty(write_config):
    cfg = write_config(CONFIG)
    ids = fill(cfg)
    store = Store(cfg.db_path)
    store.set_read(ids["Satu"])
    store.set_starred(ids["Satu"][0], True)
    store.close()
    app = offline_app(cfg)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        app.main.feed_list.focus()
        await pilot.press("down")
        await settle(app, pilot)
        assert app.main.feed_list.selected_id == STARRED_ID
        assert [r.id for r in app.main.headline_list.rows] == [ids["Satu"][0]]
        await pilot.press("u")
        await settle(app, pilot)
        assert app.main.headline_list.rows == []  # the one starred headline is read
        text = screen_text(app)
        assert "Starred (unread only)" in text
        assert "No unread headlines here" in text
        assert "Press r to refresh" not in text


async def test_s_stars_and_the_starred_entry_lists_them(write_config):
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "s")
        starred = app.main.headline_list.rows[1]
        assert app.store.headline(starred.id).starred
        assert "★ Starred (1)" in screen_text(app)
        assert "★ Satu berita 0" in screen_text(app) or "★ Dua berita 0" in screen_text(app)
        app.main.feed_list.focus()
        await pilot.press("down")
        await settle(app, pilot)
        assert app.main.feed_list.selected_id == STARRED_ID
        assert [r.id for r in app.main.headline_list.rows] == [starred.id]
        app.main.headline_list.focus()
        await pilot.press("s")
        assert not app.store.headline(starred.id).starred
        app.main.reload_headlines()  # the Starred list again, now empty: it says how to fill it
        await pilot.pause()
        assert "Nothing starred yet: s stars" in screen_text(app)


async def test_retention_prunes_on_start_but_never_starred(write_config):
    cfg = write_config("retention_days = 30\n" + CONFIG)
    ids = fill(cfg)
    store = Store(cfg.db_path)
    old = (datetime.now(UTC) - timedelta(days=40)).isoformat(timespec="seconds")
    doomed, kept_star, kept_unread = ids["Satu"]
    with store.transaction() as db:
        db.execute("UPDATE headlines SET first_seen = ?", (old,))
    store.set_read([doomed, kept_star])
    store.set_starred(kept_star, True)
    store.close()
    app = offline_app(cfg)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        assert app.store.headline(doomed) is None
        assert app.store.headline(kept_star) is not None
        assert app.store.headline(kept_unread) is not None


async def test_n_in_all_news_wraps_round_to_unread_rows_above(write_config):
    cfg = write_config(CONFIG)
    fill(cfg, per_feed=2)
    app = offline_app(cfg)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        rows = app.main.headline_list.rows
        await pilot.press("end", "n")  # the last row, then round to the first
        await settle(app, pilot)
        assert app.main.reader.headline.id == rows[-1].id
        await pilot.press("n")
        await settle(app, pilot)
        assert app.main.reader.headline.id == rows[0].id and app.main.headline_list.cursor == 0


async def test_M_on_search_results_names_the_search_plainly(write_config):
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"[berita]", "enter")
        await settle(app, pilot)
        assert app.main.headline_list.rows
        await pilot.press("M")
        await settle(app, pilot)
        assert "Search: [berita]: all marked read" in notices(app)


async def test_a_reload_keeping_the_cursor_reads_a_page_past_it_then_the_rest(
    write_config, monkeypatch
):
    monkeypatch.setattr("korantui.ui.refreshing.FIRST_PAGE", 4)
    cfg = write_config(CONFIG)
    fill(cfg, per_feed=10)
    app = offline_app(cfg)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        assert len(app.main.headline_list.rows) == 20
        app.main.headline_list.cursor = 9
        row = app.main.headline_list.current
        app.main.reload_headlines(keep=True)  # as after each refreshed feed
        assert len(app.main.headline_list.rows) == 9 + 4  # not all 20 on the UI thread
        assert app.main.headline_list.current == row
        await settle(app, pilot)
        assert len(app.main.headline_list.rows) == 20
        assert app.main.headline_list.current == row


async def test_the_feed_pane_moves_over_entries_only_by_key_and_by_click(write_config):
    """Separators and category names are never the cursor's; End/Home reach the ends, a
    click opens that feed's headlines and hands the keys to the list."""
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        pane = app.main.feed_list
        pane.focus()
        await pilot.press("home")
        assert pane.selected_id == "all"
        seen = []
        for _ in range(4):
            await pilot.press("down")
            seen.append(pane.selected_feed.name if pane.selected_feed else pane.selected_id)
        assert seen == ["starred", "Satu", "Dua", "Dua"]  # the last entry holds
        assert all(pane.entries[pane.cursor].selectable for _ in seen)
        await pilot.press("home", "up")
        assert pane.selected_id == "all"
        await pilot.press("end")
        assert pane.selected_feed is not None and pane.selected_feed.name == "Dua"
        # A click on Satu's line (+1 row: the pane's top border; +2 columns: border, padding).
        satu = next(i for i, e in enumerate(pane.entries) if e.name == "Satu")
        await pilot.click(pane, offset=(3, satu + 1))
        await settle(app, pilot)
        assert pane.selected_feed is not None and pane.selected_feed.name == "Satu"
        assert app.focused is app.main.headline_list
        rows = app.main.headline_list.rows
        assert {h.feed_name for h in rows} == {"Satu"}
        # And a click on the second headline opens that one, not the one below it.
        await pilot.click(app.main.headline_list, offset=(5, 2))
        await settle(app, pilot)
        assert app.main.reader.headline is not None and app.main.reader.headline.id == rows[1].id


async def test_feeds_without_a_category_need_no_heading(write_config):
    cfg = write_config(
        '[[feeds]]\nurl = "http://127.0.0.1:9/a.xml"\nname = "Lepas"\n'
        '[[feeds]]\nurl = "http://127.0.0.1:9/b.xml"\nname = "Satu"\ncategory = "Kepri"\n'
        '[[feeds]]\nurl = "http://127.0.0.1:9/c.xml"\nname = "Lagi"\n'
    )
    app = offline_app(cfg)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        shown = [(e.kind, e.name) for e in app.main.feed_list.entries[2:]]
        assert shown == [
            ("separator", ""),
            ("entry", "Lepas"),  # under the rule after Starred: no "—" heading
            ("separator", ""),
            ("category", "Kepri"),
            ("entry", "Satu"),
            ("separator", ""),
            ("category", "—"),  # set apart from Kepri's feeds
            ("entry", "Lagi"),
        ]
