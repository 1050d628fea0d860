"""Only web pages are read as articles (issue 17, item 10): audio, video, PDF, zip or any binary
behind an article link is told by its bytes, whatever it is served as, and said in words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from korantui.core.models import Entry, FeedSpec, Headline
from korantui.core.net.doctype import binary_kind, why_not_an_article
from korantui.core.net.fetch import Fetcher, FetchSettings
from korantui.core.reading import FAILED, FULL_TEXT, fetch_reading
from korantui.core.refresh import refresh_feeds
from korantui.core.store.database import Store
from tests.hostile_servers import Site, article_page, simple_rss

FAST = FetchSettings(connect_timeout=1.0, read_timeout=2.0, total_timeout=5.0)
TEXT = [
    "Perahu nelayan kembali melaut setelah cuaca membaik sejak Selasa, dan hasil tangkapan "
    "ikan tongkol di pelabuhan pendaratan ikan mulai naik lagi menurut para pedagang.",
    "Harga ikan di pasar pagi turun hampir sepertiga dibanding pekan lalu, ketika ombak tinggi "
    "membuat sebagian besar kapal memilih bersandar di dermaga menunggu angin reda.",
]
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(range(256)) * 8_000  # ~2 MB
BODIES: dict[str, tuple[bytes, str, str]] = {
    # path: (body, declared type, what the reader is told)
    "/podcast.bin": (MP3, "application/octet-stream", "audio"),
    "/episode": (MP3, "text/html", "audio"),
    "/laporan": (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"0" * 5000,
        "application/octet-stream",
        "a PDF document",
    ),
    "/arsip": (
        b"PK\x03\x04\x14\x00\x00\x00" + bytes(2000),
        "application/octet-stream",
        "a zip archive",
    ),
    "/video": (b"\x00\x00\x00\x20ftypisom" + bytes(3000), "application/octet-stream", "video"),
    "/foto": (b"\x89PNG\r\n\x1a\n" + bytes(3000), "text/html", "an image"),
    "/data": (bytes(range(256)) * 20, "application/octet-stream", "a binary file"),
    "/lagu": (b"\xff\xfb\x90\x64" + bytes(3000), "audio/mpeg", "audio"),
}


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as s:
        yield s


def _headline(store: Store, url: str) -> Headline:
    store.sync_feeds([FeedSpec(url="http://127.0.0.1:1/feed.xml", name="Uji")])
    feed = store.feeds()[0]
    store.save_entries(feed.id, [Entry(title="Siniar", link=url, summary="Ringkasan.")])
    headline = store.headline(store.headlines()[0].id)
    assert headline is not None
    return headline


@pytest.mark.parametrize("path", sorted(BODIES))
async def test_binary_behind_an_article_link_is_not_an_article(
    site: Site, tmp_path: Path, path: str
):
    body, ctype, words = BODIES[path]
    url = site.page(path, body, ctype)
    store = Store(tmp_path / "k.db")
    headline = _headline(store, url)
    async with Fetcher(FAST) as fetcher:
        reading = await fetch_reading(store, fetcher, headline)
    assert reading.status == FAILED
    assert reading.reason == f"not an article page: {words} (open in browser)"
    assert store.article(headline.id) is None
    assert store.search("tongkol") == []
    store.close()


async def test_a_page_served_as_octet_stream_is_still_an_article(site: Site, tmp_path: Path):
    url = site.page(
        "/berita", article_page("Nelayan melaut lagi", TEXT), "application/octet-stream"
    )
    store = Store(tmp_path / "k.db")
    headline = _headline(store, url)
    async with Fetcher(FAST) as fetcher:
        reading = await fetch_reading(store, fetcher, headline)
    assert reading.status == FULL_TEXT
    assert TEXT[1] in reading.article.text
    store.close()


async def test_feeds_in_utf16_or_served_as_octet_stream_still_refresh(site: Site, tmp_path: Path):
    rss = simple_rss(site.base)
    site.page("/a.xml", rss.encode(), "application/octet-stream")
    site.page(
        "/b.xml",
        rss.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
        "application/xml",
    )
    store = Store(tmp_path / "k.db")
    store.sync_feeds(
        [FeedSpec(url=site.url("/a.xml"), name="a"), FeedSpec(url=site.url("/b.xml"), name="b")]
    )
    async with Fetcher(FAST) as fetcher:
        results = await refresh_feeds(store, fetcher, store.feeds())
    assert [(r.error, r.new) for r in results] == [("", 3), ("", 3)]
    store.close()


def test_the_sniffer_reads_bytes_before_the_declared_type():
    assert binary_kind(b"OggS\x00\x02" + bytes(100), "text/html") == "audio"
    assert binary_kind(b"RIFF\x00\x00\x00\x00WAVEfmt ", "") == "audio"
    assert binary_kind(b"\x00\x00\x00\x18ftypM4A " + bytes(50), "") == "audio"
    assert binary_kind(b"\x1aE\xdf\xa3" + bytes(50), "") == "video"
    assert binary_kind(b"\xff\xfe<\x00r\x00s\x00s\x00", "application/octet-stream") == ""
    assert binary_kind(b"<!doctype html><p>halo</p>", "image/png") == ""
    assert binary_kind(b"", "video/mp4") == "video"
    assert (
        why_not_an_article(b"%PDF-1.4") == "not an article page: a PDF document (open in browser)"
    )
    assert why_not_an_article(b"<html><body><p>Berita</p></body></html>", "text/html") == ""
