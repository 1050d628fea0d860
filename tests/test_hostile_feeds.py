"""Issue 6, feeds: every hostile and real feed in ../shared/fixtures served and refreshed.

feedparser's own hostile corpus (ill-formed XML, empty documents, broken CDATA, bogus and
mismatched encodings) and real Indonesian RSS are served from a local server, with the
`Header:` lines of feedparser's files sent as HTTP headers, and refreshed together through
refresh_feeds: each gives its entries or a per-feed error that says why, and none stops another.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from korantui.core.models import FeedSpec, RefreshResult
from korantui.core.net.fetch import Fetcher, FetchSettings
from korantui.core.refresh import refresh_feeds
from korantui.core.store.database import Store
from tests.hostile_servers import Site, billion_laughs

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FIXTURES = SHARED / "fixtures"
_HEADER = re.compile(rb"^Header:\s*([\w-]+):\s*(.*?)\s*$", re.M)
_ITEM = re.compile(rb"<item[\s>]")

# What each of feedparser's files must give: a number of entries, or the words of the error.
# A file added to the folder later is still served and refreshed (the generic test below).
EXPECTED: dict[str, int | str] = {
    "bozo_bogus_encoding.xml": "the feed has no items",
    "bozo_double-encoded-html.xml": 1,
    "bozo_encoding_mismatch_crash.xml": 1,
    "bozo_http_text_plain_charset.xml": "the feed has no items",
    "bozo_invalid-bytes-with-bom.xml": "the feed has no items",
    "bozo_linenoise.xml": 1,
    "demoronize-1.xml": 1,
    "double-encoded-html.xml": 1,
    "aaa_illformed.xml": "the feed has no items",
    "http_high_bit_date.xml": "the feed has no items",
    "rss_empty_document.xml": "not a feed: the document is empty",
    "rss_incomplete_cdata.xml": "the feed has no items",
    "rss_item_link_corrupted_ampersands.xml": 1,
    "undeclared_namespace.xml": "the feed has no items",
    "windows1255.xml": 1,
}


def _files() -> list[Path]:
    if not FIXTURES.is_dir():
        return []
    return sorted((FIXTURES / "feedparser").rglob("*.xml")) + sorted(
        (FIXTURES / "feeds").glob("*.xml")
    )


def _headers(data: bytes) -> dict[str, str]:
    """feedparser's simulated HTTP headers: `Header: Name: value` lines in the leading comment."""
    head = data[:2000]
    return {k.decode(): v.decode("latin-1") for k, v in _HEADER.findall(head)}


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Every fixture file served at /<name> and refreshed at once, by file name."""
    files = _files()
    if not files:
        pytest.skip(f"shared fixtures folder {FIXTURES} is absent")
    import asyncio

    store = Store(tmp_path_factory.mktemp("hostile-feeds") / "k.db")
    with Site() as site:
        for path in files:
            data = path.read_bytes()
            headers = _headers(data)
            # Files without a Header: line go out as a server would send a feed.
            ctype = headers.pop("Content-type", "application/rss+xml")
            site.page(f"/{path.name}", data, ctype, headers=headers)
        store.sync_feeds(FeedSpec(url=site.url(f"/{p.name}"), name=p.name) for p in files)

        async def run() -> list[RefreshResult]:
            async with Fetcher(FetchSettings(read_timeout=5, total_timeout=10)) as fetcher:
                return await refresh_feeds(store, fetcher, store.feeds())

        results = asyncio.run(run())
    by_name: dict[str, Any] = {r.feed.name: r for r in results}
    by_name["__store__"] = store
    yield by_name
    store.close()


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_every_fixture_gives_entries_or_a_clear_error(path: Path, refreshed):  # type: ignore[no-untyped-def]
    result = refreshed[path.name]
    if result.error:
        # One line, in words: no exception class names, no tracebacks.
        assert "\n" not in result.error
        assert "Exception" not in result.error and "Error:" not in result.error
        assert not result.error.startswith("unexpected error")
    else:
        assert result.total >= 1
    expected = EXPECTED.get(path.name)
    if path.parent.name == "feeds":
        # The real feeds are all read, bozo or not, every item of them.
        assert result.error == ""
        assert result.total == len(_ITEM.findall(path.read_bytes()))
    elif isinstance(expected, int):
        assert result.error == ""
        assert result.total == expected
    elif isinstance(expected, str):
        assert result.error == expected


def test_fixture_entries_read_right(refreshed):  # type: ignore[no-untyped-def]
    # The stored headlines of the refresh above, by file name.
    store: Store = refreshed["__store__"]

    def first(name: str) -> tuple[str, str, str]:
        """The feed's first item as stored: title, summary, link."""
        rows = sorted(store.headlines(refreshed[name].feed.id), key=lambda r: r.position)
        assert rows, name
        h = store.headline(rows[0].id)
        assert h is not None
        return h.title, h.summary, h.link

    # feedparser's Expect: lines, for the files that carry text.
    assert ord(first("double-encoded-html.xml")[1]) == 8230
    assert ord(first("bozo_double-encoded-html.xml")[1]) == 8230
    assert first("demoronize-1.xml")[1] == "don\u2019t"
    assert first("rss_item_link_corrupted_ampersands.xml")[2] == "http://link/get?a=1&b=2"
    # windows-1255 with no declaration at all is still Hebrew, not mojibake.
    assert first("windows1255.xml")[1].startswith("האם תדפיס נייר")
    # The real feeds: Antara's leading newline, Lokomedia's raw "&" do not lose items.
    assert first("antara-rss-terkini-2015.xml")[0].startswith("29 penerbangan Bandara")
    assert first("lokomedia-ci-static-rss-malformed.xml")[0] == (
        "Looping dalam Looping Disertai Kasus"
    )


def test_malformed_feed_is_read_with_a_warning(refreshed):  # type: ignore[no-untyped-def]
    from korantui.core.sources.feeds import parse_feed

    assert FIXTURES.is_dir()
    path = FIXTURES / "feeds" / "lokomedia-ci-static-rss-malformed.xml"
    parsed = parse_feed(path.read_bytes(), "http://127.0.0.1/rss.xml", "application/rss+xml")
    assert len(parsed.entries) == 10
    assert parsed.warning.startswith("broken XML at line 250")
    assert refreshed[path.name].error == ""


def test_entity_expansion_and_external_entities_are_not_followed(tmp_path: Path):
    from korantui.core.sources.feeds import parse_feed

    # "Billion laughs": nine levels of ten-fold entities. expat refuses the amplification; the
    # feed is still read, as the broken XML it is, without a gigabyte of "lol".
    laughs = billion_laughs("http://127.0.0.1/1")
    parsed = parse_feed(laughs, "http://127.0.0.1/f.xml", "application/rss+xml")
    assert len(parsed.entries) == 1 and len(parsed.entries[0].title) < 100
    # An external entity naming a local file: its content never enters a headline.
    secret = tmp_path / "secret.txt"
    secret.write_text("RAHASIA-LOKAL", encoding="utf-8")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<rss version="2.0"><channel><item><title>a &x; b</title>'
        "<description>&x;</description><link>http://127.0.0.1/1</link></item></channel></rss>"
    ).encode()
    parsed = parse_feed(xxe, "http://127.0.0.1/f.xml", "application/rss+xml")
    assert "RAHASIA" not in parsed.entries[0].title + parsed.entries[0].summary


def test_a_pool_that_cannot_start_parses_in_this_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool started from a thread can fail with ValueError ("bad value(s) in fds_to_keep"):
    the feed is still parsed, here, and no pool is tried again."""
    from korantui.core.sources import parsepool

    def refuse() -> None:
        raise ValueError("bad value(s) in fds_to_keep")

    monkeypatch.setattr(parsepool, "_get_pool", refuse)
    monkeypatch.setattr(parsepool, "_broken", False)
    data = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>K</title>'
        b"<item><title>Kabar pagi</title><link>http://x.test/1</link></item></channel></rss>"
    )
    parsed = parsepool.parse_feed_in_pool(data, "http://x.test/f.xml", "application/rss+xml")
    assert [e.title for e in parsed.entries] == ["Kabar pagi"]
    assert not parsepool.worth_it(slow=99, batch=99)
