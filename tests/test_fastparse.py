"""The feedparser-rs fast path: where it answers, it agrees with feedparser; elsewhere it declines.

Without feedparser-rs installed the fast path always declines (feedparser reads everything);
the tests that need it skip.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from korantui.core.models import FEED_KIND
from korantui.core.net.fetch import FetchResult
from korantui.core.refresh import parse_source
from korantui.core.sources.fastparse import parse_fast
from korantui.core.sources.feeds import parse_feed
from tests.hostile_servers import billion_laughs

rs = pytest.importorskip("feedparser_rs")

URL = "https://example.org/rss"


def rss(items: str, head: str = '<?xml version="1.0" encoding="UTF-8"?>') -> bytes:
    return (
        f'{head}<rss version="2.0"><channel><title>Koran &amp; Uji</title>'
        f"<link>https://example.org/</link>{items}</channel></rss>"
    ).encode("utf-8" if "1252" not in head else "cp1252")


ITEMS = (
    "<item><title>Banjir &lt;b&gt;Batam&lt;/b&gt;</title><link>https://example.org/a</link>"
    "<guid>https://example.org/a</guid><pubDate>Tue, 20 Sep 2022 09:30:00 +0700</pubDate>"
    '<description>&lt;img src="/foto/a.jpg"&gt;&lt;p&gt;Satu.&lt;/p&gt;&lt;p&gt;Dua.&lt;/p&gt;'
    "</description></item>"
    "<item><title>Tanpa tanggal</title><link>/relatif</link></item>"
)


def test_a_clean_feed_reads_the_same_on_both_paths() -> None:
    data = rss(ITEMS)
    fast = parse_fast(data, URL)
    assert fast is not None
    assert fast == parse_feed(data, URL)
    assert fast.entries[1].link == "https://example.org/relatif"


@pytest.mark.parametrize(
    "data",
    [
        rss(ITEMS.replace("&lt;b&gt;", "&nbsp;<b>")),  # not well-formed: feedparser's recovery
        rss(ITEMS, '<?xml version="1.0" encoding="windows-1252"?>'),  # not UTF-8
        rss(ITEMS.replace("https://example.org/a", "http://127.0.0.1/a")),  # blanked by rs
        rss(ITEMS.replace("<guid>https://example.org/a</guid>", "<guid>7</guid>")),
        rss(""),  # no items: feedparser says why
        b'{"version": "https://jsonfeed.org/version/1.1", "items": []}',
        b"http://example.org/feed.xml",  # an address, never fetched by the parser
    ],
)
def test_the_fast_path_declines_what_feedparser_must_read(data: bytes) -> None:
    assert parse_fast(data, URL) is None


def _as_refreshed(data: bytes):  # type: ignore[no-untyped-def]
    """data parsed as a refresh parses it; the fast path itself must decline or not expand."""
    fast = parse_fast(data, URL)
    assert fast is None or all(len(e.title) < 100 for e in fast.entries)
    return parse_source(FetchResult(URL, 200, data), FEED_KIND)


def test_entities_are_not_expanded_on_the_refresh_path(tmp_path: Path) -> None:
    # feedparser-rs reads this public link (a loopback one would send it to feedparser).
    parsed = _as_refreshed(billion_laughs("https://example.org/1"))
    assert len(parsed.entries) == 1 and len(parsed.entries[0].title) < 100
    secret = tmp_path / "secret.txt"
    secret.write_text("RAHASIA-LOKAL", encoding="utf-8")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<rss version="2.0"><channel><item><title>a &x; b</title>'
        "<description>&x;</description><link>https://example.org/1</link></item></channel></rss>"
    ).encode()
    parsed = _as_refreshed(xxe)
    assert "RAHASIA" not in parsed.entries[0].title + parsed.entries[0].summary


def test_real_feeds_agree_or_fall_back(shared_dir: Path) -> None:
    paths = sorted((shared_dir / "fixtures" / "feeds").glob("*.xml"))
    paths += sorted((shared_dir / "fixtures" / "feedparser").rglob("*.xml"))
    answered = 0
    for path in paths:
        data = path.read_bytes()
        fast = parse_fast(data, URL)
        if fast is None:
            continue
        answered += 1
        assert fast == parse_feed(data, URL), path.name
    assert answered >= 2  # antara and republika are clean RSS


XML_BASE_ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/feeds/">
<title>Basis</title><link href="../" rel="alternate"/><id>urn:x</id>
<updated>2024-01-01T00:00:00Z</updated>
<entry xml:base="https://example.org/blog/"><title>Satu</title><link href="post1.html"/>
<id>urn:a</id><updated>2024-01-01T00:00:00Z</updated>
<summary type="html">&lt;img src="img/a.jpg"&gt; Ringkasan.</summary></entry>
<entry xml:base="/news/"><title>Dua</title><link href="post1.html"/><id>urn:b</id>
<updated>2024-01-02T00:00:00Z</updated></entry>
<entry><title>Tiga</title><link href="post1.html"/><id>urn:c</id>
<updated>2024-01-03T00:00:00Z</updated></entry>
<entry><title>Empat</title><link xml:base="https://other.example/x/" href="y.html"/>
<id>urn:d</id><updated>2024-01-04T00:00:00Z</updated></entry>
<entry xml:base="sub/"><title>Lima</title><link href="post1.html"/><id>urn:e</id>
<updated>2024-01-05T00:00:00Z</updated></entry>
<entry xml:base="sub/deeper/"><title>Enam</title><link href="../lagi/post1.html"/><id>urn:f</id>
<updated>2024-01-06T00:00:00Z</updated></entry>
</feed>"""

XML_BASE_RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xml:base="https://example.org/feeds/"><channel><title>Basis RSS</title>
<link>https://example.org/</link>
<item xml:base="https://example.org/blog/"><title>Satu</title><link>post1.html</link></item>
<item><title>Dua</title><link>post1.html</link></item>
<item xml:base="/lain/"><title>Tiga</title><link>post1.html</link></item>
</channel></rss>"""


@pytest.mark.parametrize("data", [XML_BASE_ATOM, XML_BASE_RSS], ids=["atom", "rss"])
def test_xml_base_reads_as_feedparser_reads_it(data: bytes) -> None:
    # The fast path joined every link to the feed's own address: post1.html under
    # xml:base=".../blog/" became ".../feeds/post1.html".
    url = "https://example.org/feeds/atom.xml"
    assert parse_source(FetchResult(url, 200, data), FEED_KIND) == parse_feed(data, url)


def test_entries_whose_relative_links_meet_under_different_bases_stay_apart(tmp_path) -> None:
    from korantui.core.models import FeedSpec
    from korantui.core.refresh import store_parsed
    from korantui.core.store.database import Store

    url = "https://example.org/feeds/atom.xml"
    parsed = parse_source(FetchResult(url, 200, XML_BASE_ATOM), FEED_KIND)
    assert [e.link for e in parsed.entries] == [
        "https://example.org/blog/post1.html",
        "https://example.org/news/post1.html",
        "https://example.org/feeds/post1.html",
        "https://other.example/x/y.html",
        "https://example.org/feeds/sub/post1.html",
        "https://example.org/feeds/sub/lagi/post1.html",
    ]
    assert parsed.entries[0].image == "https://example.org/blog/img/a.jpg"
    store = Store(tmp_path / "k.db")
    store.sync_feeds([FeedSpec(url)])
    result = store_parsed(store, store.feeds()[0], parsed)
    assert result.new == 6  # the fast path stored 4: links that met at .../feeds/post1.html
    store.close()
