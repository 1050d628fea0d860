"""A refresh lands without laying the screen out or reading what it did not change (issue 15):
the status line is always there, busy marks do not widen the feed pane, and a feed answered
"not modified" leaves the headline list as it is."""

from __future__ import annotations

import pytest

from korantui.core.models import Entry, RefreshResult
from korantui.core.store.database import Store
from tests.uikit import BASE, CONFIG, count_set_rows, fill, offline_app, settle


async def test_refresh_status_and_busy_marks_move_no_pane(write_config):  # type: ignore[no-untyped-def]
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = app.main
        panes = [screen.feed_list.region, screen.headline_list.region, screen.article_view.region]
        assert screen.query("#status") and not screen.query("#status.busy")
        screen.refresher.busy_feeds.update(f.id for f in screen.feed_list.feeds)
        screen.show_busy()
        screen.set_status("Refreshing 2 feeds")
        await pilot.pause()
        assert screen.query("#status.busy")
        assert "⟳" in screen.feed_list.render_line(4).text  # the marks are on show
        assert "Refreshing 2 feeds" in str(screen.query_one("#status-text").render())
        assert [screen.feed_list.region, screen.headline_list.region] == panes[:2]
        assert screen.article_view.region == panes[2]
        screen.refresher.busy_feeds.clear()
        screen.show_busy()
        screen.set_status("")
        await pilot.pause()
        assert screen.query("#status") and not screen.query("#status.busy")
        assert [screen.feed_list.region, screen.headline_list.region] == panes[:2]


async def test_not_modified_feeds_leave_the_list_alone(
    write_config, monkeypatch: pytest.MonkeyPatch
):  # type: ignore[no-untyped-def]
    cfg = write_config(CONFIG)
    fill(cfg)
    calls = count_set_rows(monkeypatch)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        refresher = app.main.refresher
        feeds = app.main.feed_list.feeds
        refresher.busy_feeds.update(f.id for f in feeds)
        before = len(calls)
        for feed in feeds:
            refresher.landed(RefreshResult(feed, not_modified=True))
        await settle(app, pilot)
        assert len(calls) == before  # All news shown, and nothing of it changed
        assert not refresher.busy_feeds
        other = Store(cfg.db_path)  # a feed with a new headline: the list follows
        other.save_entries(
            feeds[0].id,
            [
                Entry(
                    title="Kabar terbaru dari pelabuhan", link="http://x.test/baru", published=BASE
                )
            ],
        )
        other.close()
        refresher.landed(RefreshResult(feeds[0], new=1))
        await settle(app, pilot)
        assert len(calls) == before + 1
        assert app.main.headline_list.rows[0].title == "Kabar terbaru dari pelabuhan"
