"""A sync's articles extracted in worker processes (core/article/extract_pool.py): the same
articles as extracted here, and here whenever the workers are not there to take them."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from korantui.core.article import extract_pool
from korantui.core.article.article_fetch import extract_parts
from korantui.core.article.extract import Hints, parse_html
from korantui.core.article.extract_pool import ExtractionPool
from korantui.core.article.site_rules import load_rules
from korantui.core.config import load_config
from korantui.core.net.fetch import Fetcher
from korantui.core.store.database import Store
from korantui.core.sync import PlainReport, sync_all
from tests.hostile_servers import article_page, rss

PARAGRAPHS = [
    f"Paragraf {n}: kapal nelayan dari Batam kembali ke pelabuhan setelah cuaca buruk." * 4
    for n in range(6)
]


def _pages(title: str) -> list[tuple[str, object]]:
    text = article_page(title, PARAGRAPHS)
    return [(text, parse_html(text))]


async def test_a_worker_extracts_an_article_as_this_process_does() -> None:
    rules = load_rules()
    hints = Hints(title="Kapal kembali")
    url = "http://127.0.0.1/berita/1"
    here = extract_parts(_pages("Kapal kembali"), url, rules, hints, True)
    pool = ExtractionPool(rules)
    try:
        # Not started: extracted here.
        assert await pool.extract(_pages("Kapal kembali"), url, rules, hints, True) == here
        assert pool.extracted == 0
        pool.start()
        assert await asyncio.to_thread(pool.wait_ready, 60)
        assert await pool.extract(_pages("Kapal kembali"), url, rules, hints, True) == here
        assert pool.extracted == 1
        # Rules that are not the pool's (the workers have only its own): here.
        other = load_rules([{"name": "lain", "domains": ["contoh.test"], "content": ["main"]}])
        assert await pool.extract(_pages("Kapal kembali"), url, other, hints, True) == here
        assert pool.extracted == 1
    finally:
        pool.close()


def _site(httpserver, articles: int) -> str:  # type: ignore[no-untyped-def]
    items = []
    for i in range(articles):
        path = f"/berita/{i}"
        page = article_page(f"Kabar pelabuhan nomor {i}", [f"Nomor {i}. " + p for p in PARAGRAPHS])
        httpserver.expect_request(path).respond_with_data(page, content_type="text/html")
        items.append({"title": f"Kabar pelabuhan nomor {i}", "link": httpserver.url_for(path)})
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(items), content_type="application/rss+xml"
    )
    return httpserver.url_for("/feed.xml")


def _sync(tmp_path: Path, feed: str, name: str) -> tuple[int, dict[str, list[str]]]:
    cfg_path = tmp_path / f"{name}.toml"
    cfg_path.write_text(f'[[feeds]]\nurl = "{feed}"\nname = "Koran"\n', encoding="utf-8")
    cfg = load_config(cfg_path, tmp_path / name)
    store = Store(cfg.db_path)
    store.sync_feeds(cfg.feeds)

    async def go() -> int:
        async with Fetcher(cfg.fetch) as fetcher:
            summary = await sync_all(store, fetcher, cfg.feeds, PlainReport(lambda line: None))
        return summary.extracted_apart

    apart = asyncio.run(go())
    texts = {}
    for h in store.headlines():
        article = store.article(h.id)
        assert article is not None, h.title
        texts[h.title] = [b.text for b in article.blocks]
    store.close()
    return apart, texts


@pytest.mark.skipif(extract_pool.workers() < 1, reason="one core: a sync extracts in-process")
def test_a_large_sync_stores_the_same_articles_extracted_in_workers(
    tmp_path: Path,
    httpserver,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = extract_pool.MIN_ARTICLES + 5
    feed = _site(httpserver, articles)
    apart, in_workers = _sync(tmp_path, feed, "workers")
    monkeypatch.setattr(extract_pool, "MIN_ARTICLES", 10_000)
    none, here = _sync(tmp_path, feed, "here")
    assert none == 0
    # Until the workers are up the first articles are extracted here; then in them.
    assert 0 < apart <= articles
    assert len(in_workers) == articles
    assert in_workers == here
    assert all(any("kapal nelayan" in b for b in blocks) for blocks in here.values())
