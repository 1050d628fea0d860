"""Discovery against a real local server: every path of issue 4's order."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from korantui.core.models import FEED_KIND, HTML_KIND
from korantui.core.net.fetch import Fetcher, FetchSettings
from korantui.core.sources.discover import Discovery, DiscoveryError, discover, normalise_address

PAGES = Path(__file__).parent / "pages" / "sources"

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Warta Kepri</title><link>https://wartakepri.example/</link>
<item><title>Kapal Feri Kembali Beroperasi</title><link>https://wartakepri.example/a</link></item>
<item><title>UMKM Dapat Pelatihan</title><link>https://wartakepri.example/b</link></item>
</channel></rss>"""
COMMENTS_RSS = RSS.replace(b"<title>Warta Kepri</title>", b"<title>Komentar Warta Kepri</title>")
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Kepri</title>
<entry><title>Satu Berita Atom</title><link href="https://a.example/1"/><id>1</id>
<updated>2024-03-06T09:00:00Z</updated></entry></feed>"""
JSON_FEED = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON Kepri",
        "items": [{"id": "1", "url": "https://j.example/1", "title": "Berita JSON"}],
    }
).encode()


def _page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def _serve(server: HTTPServer, routes: dict[str, tuple[bytes, str]]) -> None:
    """Serve routes; every other address is a 404, as on a real site."""
    for path, (body, ctype) in routes.items():
        uri, _, query = path.partition("?")
        server.expect_request(uri, query_string=query or None).respond_with_data(
            body, content_type=ctype
        )
    server.expect_request(re.compile(".*")).respond_with_data("not found", status=404)


async def _discover(url: str) -> tuple[Discovery, list[str]]:
    lines: list[str] = []
    async with Fetcher(FetchSettings(total_timeout=10)) as fetcher:
        found = await discover(fetcher, url, lines.append)
    return found, lines


@pytest.mark.parametrize(
    ("body", "ctype", "fmt", "summary"),
    [
        (RSS, "application/rss+xml", "RSS", "RSS feed: Warta Kepri (2 headlines)"),
        (ATOM, "application/atom+xml", "Atom", "Atom feed: Atom Kepri (1 headline)"),
        (JSON_FEED, "application/feed+json", "JSON Feed", "JSON Feed: JSON Kepri (1 headline)"),
        # Served as text/plain: the bytes decide, not the header.
        (RSS, "text/plain", "RSS", "RSS feed: Warta Kepri (2 headlines)"),
    ],
)
async def test_address_is_itself_a_feed(
    httpserver: HTTPServer, body: bytes, ctype: str, fmt: str, summary: str
) -> None:
    _serve(httpserver, {"/feed.any": (body, ctype)})
    found, lines = await _discover(httpserver.url_for("/feed.any"))
    assert (found.kind, found.format, found.summary) == (FEED_KIND, fmt, summary)
    assert found.url == httpserver.url_for("/feed.any")
    assert found.alternatives == []
    # One request: nothing else was probed.
    assert len(httpserver.log) == 1
    assert lines[0].startswith("fetching ")


async def test_malformed_feed_that_feedparser_still_reads(httpserver: HTTPServer) -> None:
    _serve(httpserver, {"/rss.xml": (_page("lokomedia-rss.xml"), "text/xml")})
    found, _ = await _discover(httpserver.url_for("/rss.xml"))
    assert found.kind == FEED_KIND
    assert found.count == 2
    assert found.title == "Suara Barelang"
    assert found.warning  # irregular, and said so


async def test_link_alternate_best_chosen_others_listed(httpserver: HTTPServer) -> None:
    _serve(
        httpserver,
        {
            "/": (_page("wordpress-front.html"), "text/html; charset=UTF-8"),
            "/feed/": (RSS, "application/rss+xml"),
            "/comments/feed/": (COMMENTS_RSS, "application/rss+xml"),
        },
    )
    found, lines = await _discover(httpserver.url_for("/"))
    assert found.kind == FEED_KIND
    # The comments feed comes first in no list of ours, even were it first in the page.
    assert found.url == httpserver.url_for("/feed/")
    assert found.alternatives == [httpserver.url_for("/comments/feed/")]
    assert found.summary == "RSS feed: Warta Kepri (2 headlines)"
    assert any("2 feed link(s)" in line for line in lines)
    assert found.spec(category="Kepri").name == "Warta Kepri"
    assert found.spec(name="Mine").name == "Mine"


async def test_link_to_a_dead_feed_then_common_paths(httpserver: HTTPServer) -> None:
    page = b"""<html><head><title>Situs</title>
    <link rel="alternate" type="application/rss+xml" href="/feeds/lama.xml"></head>
    <body><p>Halo</p></body></html>"""
    _serve(httpserver, {"/": (page, "text/html"), "/rss/": (RSS, "application/xml")})
    found, lines = await _discover(httpserver.url_for("/"))
    assert found.kind == FEED_KIND
    assert found.url == httpserver.url_for("/rss/")
    assert any("/feeds/lama.xml" in line and "404" in line for line in lines)
    assert any(line.startswith("trying the usual feed addresses") for line in lines)
    # /feed/ came first and failed, then /rss/ counted.
    probed = [req.path for req, _ in httpserver.log]
    assert probed == ["/", "/feeds/lama.xml", "/feed/", "/rss/"]


async def test_site_with_only_rss_xml(httpserver: HTTPServer) -> None:
    _serve(
        httpserver,
        {
            "/": (_page("portal-terkini.html"), "text/html"),
            "/rss.xml": (_page("lokomedia-rss.xml"), "text/xml"),
        },
    )
    found, lines = await _discover(httpserver.url_for("/"))
    assert found.kind == FEED_KIND
    assert found.url == httpserver.url_for("/rss.xml")
    assert "the page names no feed" in lines


async def test_json_feed_named_by_the_page(httpserver: HTTPServer) -> None:
    page = b"""<html><head><link rel="alternate" type="application/feed+json" title="JSON"
    href="feed.json"></head><body></body></html>"""
    _serve(
        httpserver,
        {"/news/": (page, "text/html"), "/news/feed.json": (JSON_FEED, "application/json")},
    )
    found, _ = await _discover(httpserver.url_for("/news/"))
    assert (found.format, found.url) == ("JSON Feed", httpserver.url_for("/news/feed.json"))


async def test_no_feed_at_all_gives_an_html_source(httpserver: HTTPServer) -> None:
    _serve(httpserver, {"/": (_page("no-feed-home.html"), "text/html")})
    found, lines = await _discover(httpserver.url_for("/"))
    assert found.kind == HTML_KIND
    assert found.format == "HTML"
    assert found.url == httpserver.url_for("/")
    assert found.count == 3
    assert found.title == "Kabar Tanjungpinang"
    assert found.summary == "no feed; 3 headlines from the page"
    assert lines[-1] == "  no feed; 3 headlines from the page"
    assert found.spec().kind == HTML_KIND
    # Every usual place was tried before settling for the page.
    probed = {req.full_path.rstrip("?") for req, _ in httpserver.log}
    assert {"/feed/", "/rss/", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml"} <= probed
    assert {"/rss/terkini.xml", "/?feed=rss2"} <= probed
    # The home page answers /?feed=rss2 too (not WordPress): said why it does not count.
    assert any(re.search(r"\?feed=rss2: not a feed\b", line) for line in lines)


async def test_soft_404_site_answers_every_path_with_its_home_page(
    httpserver: HTTPServer,
) -> None:
    httpserver.expect_request(re.compile(".*")).respond_with_data(
        _page("portal-terkini.html"), content_type="text/html"
    )
    found, _ = await _discover(httpserver.url_for("/"))
    assert (found.kind, found.count) == (HTML_KIND, 8)


async def test_neither_feed_nor_headlines(httpserver: HTTPServer) -> None:
    _serve(httpserver, {"/": (b"<html><body><p>Segera hadir</p></body></html>", "text/html")})
    with pytest.raises(DiscoveryError, match="no feed, and no headlines"):
        await _discover(httpserver.url_for("/"))


async def test_page_error_still_probes_common_paths(httpserver: HTTPServer) -> None:
    _serve(httpserver, {"/feed/": (RSS, "application/rss+xml")})
    found, lines = await _discover(httpserver.url_for("/hilang/"))
    assert found.url == httpserver.url_for("/feed/")
    assert any("HTTP 404" in line for line in lines)


async def test_unreachable_host() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(DiscoveryError, match="cannot read"):
        await _discover(f"http://127.0.0.1:{port}/")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("koranbatam.com", "https://koranbatam.com/"),
        ("  https://batampos.co.id/feed  ", "https://batampos.co.id/feed"),
        ("//kompas.com", "https://kompas.com/"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/"),
    ],
)
def test_normalise_address(given: str, expected: str) -> None:
    assert normalise_address(given) == expected


@pytest.mark.parametrize("given", ["", "javascript:alert(1)", "ftp://x.example/", "   "])
def test_normalise_rejects(given: str) -> None:
    with pytest.raises(DiscoveryError):
        normalise_address(given)


async def test_rss_links_in_the_page_footer(httpserver: HTTPServer) -> None:
    page = b"""<html><head><title>Antara Kepri</title></head><body><p>Halo</p>
    <footer><a href="/rss">RSS</a> <a href="/rss/kepri.xml">Kepri</a>
    <a href="https://other.example/feed.xml">Mitra</a> <a href="/comments/feed/">Komentar</a>
    </footer></body></html>"""
    rss_index = b"<html><body><h1>Daftar RSS</h1><a href='/rss/kepri.xml'>Kepri</a></body></html>"
    _serve(
        httpserver,
        {
            "/": (page, "text/html"),
            "/rss": (rss_index, "text/html"),
            "/rss/kepri.xml": (RSS, "application/rss+xml"),
        },
    )
    found, lines = await _discover(httpserver.url_for("/"))
    assert found.url == httpserver.url_for("/rss/kepri.xml")
    assert "checking 2 RSS link(s) on the page" in lines
    probed = {req.path for req, _ in httpserver.log}
    # Neither the other site's feed nor the comments feed, nor any usual place, was tried.
    assert probed == {"/", "/rss", "/rss/kepri.xml"}


async def test_feed_with_a_comment_first_served_as_html(httpserver: HTTPServer) -> None:
    body = (
        b"<!-- generated by CMS -->\n<?xml-stylesheet href='/rss.xsl'?>\n" + RSS.split(b"?>", 1)[1]
    )
    _serve(httpserver, {"/rss": (body, "text/html")})
    found, _ = await _discover(httpserver.url_for("/rss"))
    assert (found.kind, found.count) == (FEED_KIND, 2)


async def test_a_public_pages_feed_links_into_this_computer_are_not_fetched(
    httpserver: HTTPServer,
) -> None:
    """The reader asked for the page; the feed it names on loopback is korantui's own fetch,
    and a page on the public internet may not lead it there (issue 17)."""
    from korantui.core.net.zones import Zone

    elsewhere = socket.socket()
    elsewhere.bind(("127.0.0.2", 0))
    elsewhere.listen(4)
    elsewhere.settimeout(0.2)
    port = elsewhere.getsockname()[1]
    page = (
        '<html><head><link rel="alternate" type="application/rss+xml"'
        f' href="http://127.0.0.2:{port}/feed.xml"></head><body><p>Halo</p></body></html>'
    ).encode()
    _serve(httpserver, {"/": (page, "text/html")})

    async def public(url: str) -> Zone:
        return Zone.PUBLIC

    try:
        async with Fetcher(FetchSettings(connect_timeout=1, read_timeout=1)) as fetcher:
            with pytest.raises(DiscoveryError):
                await discover(fetcher, httpserver.url_for("/"), origin_zone=public)
        with pytest.raises(OSError):
            elsewhere.accept()  # nobody came
    finally:
        elsewhere.close()
