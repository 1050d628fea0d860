"""Built-in outlets heal themselves: a stale address (404, 410, not a feed) gives way to the
outlet's next candidate, and the one that worked is remembered in the store.

The outlets' own candidate tables are used with every address moved to one loopback server
(same host names, same paths; http and the server's port), and a resolver answers 127.0.0.1 for
every name: nothing leaves this computer.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pytest_httpserver import HTTPServer

from korantui.core import defaults, outlet_candidates
from korantui.core.defaults import CANDIDATES, DEFAULT_FEEDS, DISCOVER, Candidate
from korantui.core.models import FEED_KIND, FeedSpec
from korantui.core.net.fetch import Fetcher, FetchSettings
from korantui.core.net.zones import Zone
from korantui.core.refresh import refresh_feed
from korantui.core.store import outlet_addresses
from korantui.core.store.database import Store

FAST = FetchSettings(connect_timeout=1.0, read_timeout=2.0, total_timeout=5.0)

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>RSS Feed Tempo.co</title><link>https://www.tempo.co/</link>
<item><title>Analis Perkirakan Rupiah Melemah</title>
<link>https://www.tempo.co/ekonomi/analis-2253420</link>
<pubDate>Sun, 07 Jun 2026 14:00:00 +0700</pubDate></item>
<item><title>8 Pinjaman Daring Masuk Pengawasan Khusus OJK</title>
<link>https://www.tempo.co/ekonomi/pinjaman-2253426</link>
<pubDate>Sun, 07 Jun 2026 14:53:12 +0700</pubDate></item>
</channel></rss>"""


async def loopback(host: str, port: int) -> list[str]:
    return ["127.0.0.1"]


def moved(url: str, port: int) -> str:
    parts = urlsplit(url)
    query = f"?{parts.query}" if parts.query else ""
    return f"http://{parts.hostname}:{port}{parts.path}{query}"


@pytest.fixture
def on_loopback(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """Every outlet's candidates, moved to the test server; its port. The fetcher is confined
    to this computer, so the names go to the loopback resolver, never to DNS."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)  # the loopback server, never a proxy
    port = httpserver.port
    table = {
        moved(url, port): tuple(Candidate(moved(c.url, port), c.kind) for c in cands)
        for url, cands in CANDIDATES.items()
    }
    monkeypatch.setattr(outlet_candidates, "CANDIDATES", table)
    yield port


async def _refresh(tmp_path: Path, url: str, kind: str = FEED_KIND):  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "k.db")
    store.sync_feeds([FeedSpec(url, "Outlet", "", kind)])
    feed = store.feeds()[0]
    async with Fetcher(FAST, resolver=loopback) as fetcher:
        result = await refresh_feed(store, fetcher.confined(Zone.LOOPBACK), feed)
    return store, feed, result


def test_the_outlets_come_from_the_evidence() -> None:
    by_name = {o.name: [c.url for c in o.candidates] for o in defaults.OUTLETS}
    tempo = by_name["Tempo"]
    assert tempo.index("https://www.tempo.co/api/gateway/rss/free/nasional") < tempo.index(
        "https://rss.tempo.co/nasional"
    )
    for name, url in {
        "Tribun Batam": "https://batam.tribunnews.com/rss",
        "Batamnews": "https://batamnews.co.id/feed",
        "Suara": "https://www.suara.com/rss",
        "Liputan6": "https://feed.liputan6.com/rss/news",
        "Merdeka": "https://www.merdeka.com/feed/",
        "Okezone": "https://sindikasi.okezone.com/index.php/rss/0/RSS2.0",
        "JPNN": "https://www.jpnn.com/index.php?mib=rss",
    }.items():
        assert by_name[name][0] == url
    assert not any("zmgqoe" in spec.url for spec in DEFAULT_FEEDS)
    # Each outlet: feeds first, then the site, then a page (where it has them).
    rank = {FEED_KIND: 0, DISCOVER: 1, "html": 2}
    for outlet in defaults.OUTLETS:
        if outlet.name not in ("Koran Batam", "Kompas"):  # their page is the evidence's choice
            kinds = [rank[c.kind] for c in outlet.candidates]
            assert kinds == sorted(kinds), outlet.name
    # An old config's VOA address heals too.
    assert "https://www.voaindonesia.com/api/zmgqoe$moi" in CANDIDATES


async def test_a_gone_address_gives_way_to_the_next_and_is_remembered(
    tmp_path: Path, httpserver: HTTPServer, on_loopback: int
) -> None:
    # An old config's Tempo: rss.tempo.co is gone; the new site's gateway answers.
    httpserver.expect_request("/nasional").respond_with_data("gone", status=410)
    httpserver.expect_request("/api/gateway/rss/free/nasional").respond_with_data(
        RSS, content_type="application/rss+xml"
    )
    old = moved("https://rss.tempo.co/nasional", on_loopback)
    store, feed, result = await _refresh(tmp_path, old)
    assert result.error == "" and result.new == 2
    new = moved("https://www.tempo.co/api/gateway/rss/free/nasional", on_loopback)
    assert outlet_addresses.remembered(store, old) == (new, FEED_KIND)
    # The next refresh goes straight to the address that works.
    httpserver.clear_log()
    async with Fetcher(FAST, resolver=loopback) as fetcher:
        again = await refresh_feed(store, fetcher.confined(Zone.LOOPBACK), feed)
    assert again.error == ""
    assert [r.path for r, _ in httpserver.log] == ["/api/gateway/rss/free/nasional"]


async def test_not_a_feed_is_stale_and_the_site_is_discovered(
    tmp_path: Path, httpserver: HTTPServer, on_loopback: int
) -> None:
    # Batamnews: its /feed is a page now; the site names its feed elsewhere.
    httpserver.expect_request("/feed").respond_with_data(
        "<html><body><p>Halaman tidak ditemukan</p></body></html>", content_type="text/html"
    )
    home = (
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss/terbaru.xml">'
        "</head><body>Batamnews</body></html>"
    )
    httpserver.expect_request("/").respond_with_data(home, content_type="text/html")
    httpserver.expect_request("/rss/terbaru.xml").respond_with_data(
        RSS, content_type="application/rss+xml"
    )
    url = moved("https://batamnews.co.id/feed", on_loopback)
    store, _feed, result = await _refresh(tmp_path, url)
    assert result.error == "" and result.new == 2
    found = outlet_addresses.remembered(store, url)
    assert found == (moved("https://batamnews.co.id/rss/terbaru.xml", on_loopback), FEED_KIND)


async def test_no_network_tries_nothing_more_and_forgets_nothing(
    tmp_path: Path, httpserver: HTTPServer, on_loopback: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    table = dict(outlet_candidates.CANDIDATES)
    url = moved("https://www.suara.com/rss", dead)
    table[url] = (
        Candidate(url, FEED_KIND),
        Candidate(moved("https://www.suara.com/", on_loopback), DISCOVER),
    )
    monkeypatch.setattr(outlet_candidates, "CANDIDATES", table)
    store, _feed, result = await _refresh(tmp_path, url)
    assert "connection refused" in result.error
    assert httpserver.log == []  # the site was not tried: it would only repeat the error
    assert outlet_addresses.remembered(store, url) is None


async def test_when_no_candidate_works_the_first_error_is_said(
    tmp_path: Path, httpserver: HTTPServer, on_loopback: int
) -> None:
    httpserver.no_handler_status_code = 404
    url = moved("https://www.merdeka.com/feed/", on_loopback)  # every path: 404
    _store, _feed, result = await _refresh(tmp_path, url)
    assert "404" in result.error
    assert len(httpserver.log) >= 3  # the feed, the site (and its usual feed paths), the page
