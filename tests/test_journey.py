"""A reader's first morning: headlines appear, an article opens in full, and it still reads the
same in a new run with the network gone."""

from __future__ import annotations

import re

from pytest_httpserver import HTTPServer

from korantui.core.reading import FULL_TEXT
from korantui.ui.app import KoranApp
from korantui.ui.widgets.headline_list import HeadlineList
from tests.newssite import STORIES
from tests.screen import screen_lines, screen_text
from tests.uikit import settle

FIRST = STORIES[0]


async def test_read_online_then_offline(own_news_site: tuple[str, HTTPServer], write_config):
    news_site, server = own_news_site
    cfg = write_config(
        f'[[feeds]]\nurl = "{news_site}/feed.xml"\nname = "Koran Uji"\ncategory = "Kepri"\n'
    )
    app = KoranApp(cfg)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        for story in STORIES:
            assert story.title[:20] in text
        headlines = app.query_one(HeadlineList)
        assert headlines.rows[0].title == FIRST.title  # newest first
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.main.reader.reading is not None and app.main.reader.reading.status == FULL_TEXT
        body = app.main.article_view.plain
        assert body.startswith(FIRST.paragraphs[0][:40])
        assert FIRST.paragraphs[-1] in body
        assert STORIES[1].title not in body  # the sidebar stays out
        assert FIRST.paragraphs[1][:30] in screen_text(app)
        online_text = body
        await pilot.press("q")

    server.stop()  # the network is gone

    app = KoranApp(cfg)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        headlines = app.query_one(HeadlineList)
        assert headlines.rows and headlines.rows[0].title == FIRST.title
        assert headlines.rows[0].read  # opened yesterday
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.main.reader.reading is not None and app.main.reader.reading.stored
        assert app.main.article_view.plain == online_text
        assert FIRST.paragraphs[1][:30] in screen_text(app)


async def test_failed_feed_shows_error_and_others_go_on(news_site: str, write_config):
    cfg = write_config(
        f'[[feeds]]\nurl = "{news_site}/missing.xml"\nname = "Hilang"\n'
        f'[[feeds]]\nurl = "{news_site}/feed.xml"\nname = "Koran Uji"\n'
    )
    app = KoranApp(cfg)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        assert len(app.query_one(HeadlineList).rows) == len(STORIES)
        feeds = {f.name: f for f in app.store.feeds()}
        assert "404" in feeds["Hilang"].last_error
        # The failed feed is marked "!" in the feed pane.
        assert any(re.search(r"Hilang\s+!", line) for line in screen_lines(app))


async def test_offline_unopened_article_shows_summary_and_notice(own_news_site, write_config):
    news_site, server = own_news_site
    # No prefetching: this article must never have been fetched.
    cfg = write_config(f'prefetch = 0\n[[feeds]]\nurl = "{news_site}/feed.xml"\n')
    app = KoranApp(cfg)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
    server.stop()
    app = KoranApp(cfg, refresh_on_start=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("down", "enter")
        await settle(app, pilot)
        text = screen_text(app)
        assert app.query_one(HeadlineList).cursor == 1  # reading does not move the cursor
        assert STORIES[1].teaser[:30] in text
        assert "Offline" in text


async def test_first_run_offline_offers_the_demo_until_news_arrives(write_config):
    from pytest_httpserver import HTTPServer as Server

    from tests.newssite import routes

    server = Server(host="127.0.0.1", port=0)
    server.start()
    try:
        base = server.url_for("").rstrip("/")
        # The first refresh finds nothing (the network is "down"); the next one reads the feed.
        server.expect_oneshot_request("/feed.xml").respond_with_data("", status=503)
        for path, (ctype, body) in routes(base).items():
            server.expect_request(path).respond_with_data(body, content_type=ctype)
        cfg = write_config(f'prefetch = 0\n[[feeds]]\nurl = "{base}/feed.xml"\n')
        app = KoranApp(cfg)
        async with app.run_test(size=(140, 40)) as pilot:
            await settle(app, pilot)
            assert "the demo edition" in screen_text(app)
            await pilot.press("R")
            await settle(app, pilot)
            text = screen_text(app)
            assert FIRST.title[:20] in text
            assert "the demo edition" not in text  # the offer is gone from both panes
    finally:
        server.stop()


async def test_a_refresh_shows_its_status_line_above_the_key_bar(write_config):
    """While a feed is still coming, the status line says so, on a row of its own (the key
    bar once covered it: both were docked at the bottom)."""
    from tests.hostile_servers import Site, rss

    with Site() as site:
        held = site.route(
            "/f.xml",
            lambda h: (
                h.stall(),
                h.answer(200, rss([]).encode(), "application/rss+xml", None),
            ),
        )
        cfg = write_config(f'[[feeds]]\nurl = "{held}"\nname = "Lambat"\n')
        app = KoranApp(cfg)
        async with app.run_test(size=(120, 30)) as pilot:
            for _ in range(100):
                await pilot.pause(0.02)
                if app.query("#status.busy"):
                    break
            await pilot.pause()
            lines = screen_lines(app)
            assert "Refreshing 1 feed…" in lines[-2], lines[-3:]
            assert "Refresh" in lines[-1] and "Quit" in lines[-1]  # the key bar, below it
            site.stopping.set()  # the feed answers; the line goes
            await settle(app, pilot)
            assert "Refreshing" not in screen_text(app)
