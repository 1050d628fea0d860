"""Feed health and the server's wait, recorded by every refresh (loopback servers), and shown by
`korantui feeds`; a feed's own User-Agent."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from korantui.cli import main
from korantui.core.config import ConfigError, load_config
from korantui.core.net.fetch import Fetcher
from korantui.core.refresh import refresh_feeds
from korantui.core.store.database import Store
from korantui.core.store.health import FeedHealth, health
from tests import newssite


def _refresh(cfg_path: Path, data: Path) -> None:
    cfg = load_config(cfg_path, data)
    store = Store(cfg.db_path)
    store.sync_feeds(cfg.feeds)

    async def run() -> None:
        async with Fetcher(cfg.fetch) as fetcher:
            await refresh_feeds(store, fetcher, store.feeds(), cfg.feeds)

    asyncio.run(run())
    store.close()


def _health(cfg_path: Path, data: Path) -> dict[str, FeedHealth]:
    cfg = load_config(cfg_path, data)
    store = Store(cfg.db_path)
    found = health(store)
    names = {f.id: f.name for f in store.feeds()}
    store.close()
    return {names[i]: h for i, h in found.items()}


def test_successes_failures_and_the_servers_wait_are_recorded(httpserver: HTTPServer, tmp_path):
    base = httpserver.url_for("").rstrip("/")
    httpserver.no_handler_status_code = 404
    xml = newssite.feed_xml(base)
    httpserver.expect_request("/ok.xml").respond_with_response(
        Response(xml, content_type="application/rss+xml", headers={"Cache-Control": "max-age=900"})
    )
    httpserver.expect_request("/busy.xml").respond_with_response(
        Response("busy", status=503, headers={"Retry-After": "3600"})
    )
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f'[[feeds]]\nurl = "{base}/ok.xml"\nname = "Ok"\n'
        f'[[feeds]]\nurl = "{base}/busy.xml"\nname = "Busy"\n'
        f'[[feeds]]\nurl = "{base}/gone.xml"\nname = "Gone"\n',
        encoding="utf-8",
    )
    data = tmp_path / "data"
    before = datetime.now(UTC)
    _refresh(cfg, data)
    _refresh(cfg, data)
    found = _health(cfg, data)
    ok, busy, gone = found["Ok"], found["Busy"], found["Gone"]
    assert ok.failures == 0 and ok.last_success is not None and ok.last_error == ""
    assert ok.not_before is not None
    assert timedelta(minutes=14) < ok.not_before - before < timedelta(minutes=16)
    assert busy.failures == 2 and busy.last_success is None
    assert busy.not_before is not None and busy.not_before - before > timedelta(minutes=59)
    assert "503" in busy.last_error
    assert gone.failures == 2 and "404" in gone.last_error and gone.not_before is None
    assert gone.failing_since is not None and gone.failing_since <= gone.last_attempt  # type: ignore[operator]
    assert not gone.dead(7, datetime.now(UTC))
    assert gone.dead(7, datetime.now(UTC) + timedelta(days=7, minutes=1))

    # Back in service: the failures are forgotten.
    httpserver.clear()
    httpserver.expect_request("/gone.xml").respond_with_data(xml, content_type="text/xml")
    _refresh(cfg, data)
    back = _health(cfg, data)["Gone"]
    assert back.failures == 0 and back.failing_since is None and back.last_error == ""


def test_a_feed_is_fetched_with_its_own_user_agent(httpserver: HTTPServer, tmp_path):
    base = httpserver.url_for("").rstrip("/")
    httpserver.no_handler_status_code = 404
    seen: dict[str, str] = {}

    def answer(request: Request) -> Response:
        seen[request.path] = request.headers.get("User-Agent", "")
        return Response(newssite.feed_xml(base), content_type="application/rss+xml")

    httpserver.expect_request("/own.xml").respond_with_handler(answer)
    httpserver.expect_request("/plain.xml").respond_with_handler(answer)
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[network]\nuser_agent = "korantui-test"\n'
        f'[[feeds]]\nurl = "{base}/own.xml"\nuser_agent = "FeedFetcher/1.0"\n'
        f'[[feeds]]\nurl = "{base}/plain.xml"\n',
        encoding="utf-8",
    )
    _refresh(cfg, tmp_path / "data")
    assert seen == {"/own.xml": "FeedFetcher/1.0", "/plain.xml": "korantui-test"}


def test_feeds_command_shows_health(httpserver: HTTPServer, tmp_path, capsys):
    base = httpserver.url_for("").rstrip("/")
    httpserver.no_handler_status_code = 404
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[[feeds]]\nurl = "{base}/gone.xml"\nname = "Gone"\n', encoding="utf-8")
    data = tmp_path / "data"
    _refresh(cfg, data)
    _refresh(cfg, data)
    capsys.readouterr()
    assert main(["--config", str(cfg), "--data-dir", str(data), "feeds"]) == 0
    out = capsys.readouterr().out
    assert "failed 2 times in a row" in out and "never succeeded" in out
    assert "404" in out


def test_per_feed_settings_in_the_config(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[[feeds]]\nurl = "https://a.example/feed"\nrefresh_minutes = 10\nfull_text = true\n'
        "images = false\nretention_days = 7\nprefetch = 0\n"
        '[[feeds]]\nurl = "https://b.example/feed"\n',
        encoding="utf-8",
    )
    a, b = load_config(cfg, tmp_path).feeds
    sa, sb = a.settings, b.settings
    assert (sa.refresh_minutes, sa.full_text, sa.images) == (10, True, False)
    assert (sa.retention_days, sa.prefetch) == (7, 0)
    assert (sb.refresh_minutes, sb.full_text, sb.images) == (None, False, True)
    cfg.write_text('[[feeds]]\nurl = "https://a.example/feed"\nfull_text = "yes"\n')
    with pytest.raises(ConfigError, match=r"line 3: 'full_text' of \[\[feeds\]\] #1 must be true"):
        load_config(cfg, tmp_path)


def test_a_full_text_feed_needs_no_page_and_a_feed_keeps_its_own_retention(
    httpserver: HTTPServer, tmp_path
):
    from korantui.core.reading import FULL_TEXT, fetch_reading
    from korantui.core.store.feed_settings import follow_settings

    base = httpserver.url_for("").rstrip("/")
    httpserver.no_handler_status_code = 404
    httpserver.expect_request("/feed.xml").respond_with_data(
        newssite.feed_xml(base), content_type="application/rss+xml"
    )
    cfg_path = tmp_path / "config.toml"
    cfg_path.write_text(
        "retention_days = 0\n"
        f'[[feeds]]\nurl = "{base}/feed.xml"\nname = "Penuh"\nfull_text = true\n'
        "retention_days = 3\n",
        encoding="utf-8",
    )
    _refresh(cfg_path, tmp_path / "data")
    cfg = load_config(cfg_path, tmp_path / "data")
    store = Store(cfg.db_path)
    follow_settings(store, cfg.feeds)
    row = store.headlines()[0]
    headline = store.headline(row.id)
    assert headline is not None

    async def read() -> object:
        async with Fetcher(cfg.fetch) as fetcher:
            return await fetch_reading(store, fetcher, headline)

    reading = asyncio.run(read())
    assert reading.status == FULL_TEXT  # type: ignore[attr-defined]
    assert not [r for r, _ in httpserver.log if r.path.startswith("/berita/")]  # no page fetched
    assert store.article(row.id) is not None and store.headline(row.id).has_article  # type: ignore[union-attr]

    # Its own retention (3 days) prunes even where the config's (0) keeps everything.
    store.set_read([h.id for h in store.headlines()])
    with store.transaction() as db:
        db.execute("UPDATE headlines SET first_seen = '2000-01-01T00:00:00+00:00'")
    total = len(store.headlines())
    assert store.prune(cfg.retention_days) == total and store.headlines() == []
    store.close()


async def test_the_feed_pane_marks_a_dead_feed_and_says_its_health(write_config):
    from korantui.core.store.health import record_attempt
    from tests.screen import screen_text
    from tests.uikit import CONFIG, fill, offline_app, settle

    cfg = write_config(CONFIG)
    fill(cfg)
    store = Store(cfg.db_path)
    satu = next(f for f in store.feeds() if f.name == "Satu")
    now = datetime.now(UTC)
    record_attempt(store, satu.id, now - timedelta(days=10), "HTTP 404 (not found)")
    record_attempt(store, satu.id, now - timedelta(hours=1), "HTTP 404 (not found)")
    store.record_error(satu.id, "HTTP 404 (not found)")
    store.close()
    app = offline_app(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        marks = {e.name: e.mark for e in app.main.feed_list.entries if e.kind == "entry"}
        assert marks["Satu"] == "dead" and marks["Dua"] == ""
        assert "Satu" in screen_text(app) and "✗" in screen_text(app)
        app.main.feed_list.select(f"feed-{satu.id}")
        await settle(app, pilot)
        words = str(app.main.headline_list.border_subtitle)
        assert "DEAD: no success for 10 days" in words and "HTTP 404" in words
