"""Feeds refresh on their own while the app is open, when due and not before; new headlines
come in without moving the cursor off its headline or the list under the reader's eyes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from korantui.core import clock
from korantui.ui.app import KoranApp
from tests.uikit import settle

T0 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def _rss(base: str, count: int) -> str:
    items = "".join(
        f"<item><title>Berita nomor {n}</title><link>{base}/b/{n}</link>"
        f"<pubDate>{format_datetime(T0 - timedelta(minutes=10 * (100 - n)))}</pubDate></item>"
        for n in range(count)
    )
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Uji</title>'
    return f"{head}{items}</channel></rss>"


@pytest.fixture
def growing_feed(httpserver: HTTPServer):  # type: ignore[no-untyped-def]
    base = httpserver.url_for("").rstrip("/")
    state = {"count": 80}

    def answer(request: Request) -> Response:
        return Response(_rss(base, state["count"]), content_type="application/rss+xml")

    httpserver.expect_request("/feed.xml").respond_with_handler(answer)
    return base, state, httpserver


def _requests(server: HTTPServer) -> int:
    return [r.path for r, _ in server.log].count("/feed.xml")


async def test_due_feeds_refresh_and_the_cursor_keeps_its_headline_and_line(
    growing_feed, write_config, monkeypatch
):
    base, state, server = growing_feed
    monkeypatch.setenv(clock.ENV, T0.isoformat())
    cfg = write_config(f'[[feeds]]\nurl = "{base}/feed.xml"\nname = "Uji"\n')
    cfg.prefetch = 0
    app = KoranApp(cfg)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        hl = app.main.headline_list
        assert len(hl.rows) == 80 and _requests(server) == 1
        hl.focus()
        for _ in range(40):
            await pilot.press("down")
        for _ in range(10):  # up into the middle of the screen: nothing pushes the view
            await pilot.press("up")
        await settle(app, pilot)
        before_id, before_line = hl.current.id, hl.cursor - hl.scroll_offset.y  # type: ignore[union-attr]
        assert hl.scroll_offset.y > 0

        state["count"] = 83  # three newer headlines on the site
        app.main.autorefresh.tick()  # refreshed a moment ago: not due
        await settle(app, pilot)
        assert _requests(server) == 1 and len(hl.rows) == 80

        monkeypatch.setenv(clock.ENV, (T0 + timedelta(minutes=31)).isoformat())
        app.main.autorefresh.tick()
        await settle(app, pilot)
        assert _requests(server) == 2
        assert len(hl.rows) == 83 and hl.rows[0].title == "Berita nomor 82"
        assert hl.current is not None and hl.current.id == before_id
        assert hl.cursor - hl.scroll_offset.y == before_line  # on the same line of the screen


async def test_a_feeds_own_interval_and_its_servers_wait(
    httpserver: HTTPServer, write_config, monkeypatch
):
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/fast.xml").respond_with_data(
        _rss(base, 3), content_type="application/rss+xml"
    )
    httpserver.expect_request("/held.xml").respond_with_response(
        Response(
            _rss(base, 3),
            content_type="application/rss+xml",
            headers={"Cache-Control": "max-age=7200"},
        )
    )
    monkeypatch.setenv(clock.ENV, T0.isoformat())
    cfg = write_config(
        f'[[feeds]]\nurl = "{base}/fast.xml"\nname = "Cepat"\nrefresh_minutes = 5\n'
        f'[[feeds]]\nurl = "{base}/held.xml"\nname = "Tahan"\nrefresh_minutes = 5\n'
    )
    cfg.prefetch = 0
    app = KoranApp(cfg)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        monkeypatch.setenv(clock.ENV, (T0 + timedelta(minutes=6)).isoformat())
        assert [f.name for f in app.main.autorefresh.due()] == ["Cepat"]  # Tahan: max-age 2 h
        monkeypatch.setenv(clock.ENV, (T0 + timedelta(minutes=121)).isoformat())
        assert [f.name for f in app.main.autorefresh.due()] == ["Cepat", "Tahan"]
