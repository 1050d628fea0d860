"""The bundled demo edition: its content and loading it through the store."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from korantui.core.demo import (
    DEMO_URL_HOST,
    demo_feed_specs,
    demo_feeds,
    edition_date,
    is_demo_url,
    load_demo,
)
from korantui.core.models import Article
from korantui.core.store.database import Store

BLOCK_KINDS = {"p", "h", "quote", "li", "oli", "pre"}
LINK_PATH = re.compile(r"^/(kepri|nasional|ekonomi|teknologi)/(\d{4})/(\d{2})/[a-z0-9-]+$")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "korantui.db")
    yield s
    s.close()


def _stored_articles(store: Store) -> list[Article]:
    articles = []
    for h in store.headlines():
        a = store.article(h.id)
        assert a is not None, h.title
        articles.append(a)
    return articles


def test_edition_file_is_bundled_and_small() -> None:
    path = resources.files("korantui") / "demo" / "edition.json"
    raw = path.read_bytes()
    assert len(raw) < 80_000
    assert json.loads(raw.decode("utf-8"))["feeds"]


def test_load_demo_stores_feeds_and_articles(store: Store) -> None:
    assert load_demo(store) == 20
    feeds = store.feeds()
    assert [f.category for f in feeds] == ["Kepri", "Nasional", "Ekonomi", "Teknologi"]
    assert [f.url for f in feeds] == [s.url for s in demo_feed_specs()]
    assert all(f.total >= 4 for f in feeds)
    assert sum(f.total for f in feeds) == 20
    articles = _stored_articles(store)
    assert len(articles) == 20
    assert all(a.method == "demo" for a in articles)
    assert all(h.has_article for h in store.headlines())


def test_load_demo_is_idempotent(store: Store) -> None:
    assert load_demo(store) == 20
    first = store.headlines()
    store.set_read([first[0].id])
    store.set_starred(first[1].id, True)
    assert load_demo(store) == 0
    again = store.headlines()
    assert [h.id for h in again] == [h.id for h in first]
    assert store.counts() == (19, 20, 1)
    assert len(store.feeds(include_inactive=True)) == 4


def test_headline_fields_survive_the_store(store: Store) -> None:
    load_demo(store)
    for h in store.headlines():
        full = store.headline(h.id)
        assert full is not None
        assert full.summary and full.author
        assert full.published is not None
        assert is_demo_url(full.link)
        assert full.image == "" or is_demo_url(full.image)


def test_every_article_is_well_formed(store: Store) -> None:
    load_demo(store)
    for a in _stored_articles(store):
        assert len(a.blocks) >= 4, a.title
        assert a.title and a.author and a.site
        assert a.blocks[0].kind == "p"
        assert ", KORANTUI DEMO - " in a.blocks[0].text, a.title
        assert a.blocks[-1].text.endswith("red)"), a.title
        assert all(b.kind in BLOCK_KINDS and b.text.strip() for b in a.blocks)
        assert not a.caption or a.image


def test_links_point_at_their_text(store: Store) -> None:
    load_demo(store)
    count = 0
    for a in _stored_articles(store):
        for b in a.blocks:
            for lk in b.links:
                assert 0 <= lk.start < lk.end <= len(b.text), (a.title, lk)
                span = b.text[lk.start : lk.end]
                assert span.strip() == span != "", (a.title, lk)
                assert urlsplit(lk.url).scheme in ("http", "https")
                assert is_demo_url(lk.url)
                count += 1
    assert count >= 5


def test_every_block_kind_appears(store: Store) -> None:
    load_demo(store)
    kinds = {b.kind for a in _stored_articles(store) for b in a.blocks}
    assert {"quote", "li", "oli", "h", "pre", "p"} <= kinds
    assert any(b.links for a in _stored_articles(store) for b in a.blocks if b.kind == "li")


def test_dates_are_aware_fixed_and_recent() -> None:
    anchor = edition_date()
    assert anchor.tzinfo is not None
    links = set()
    for feed in demo_feeds():
        for entry, article in zip(feed.entries, feed.articles, strict=True):
            assert entry.link == article.url
            assert entry.published is not None and entry.published.utcoffset() == timedelta(hours=7)
            assert anchor - timedelta(days=7) <= entry.published <= anchor
            path = urlsplit(entry.link).path
            m = LINK_PATH.match(path)
            assert m, entry.link
            assert m.group(1) == urlsplit(feed.spec.url).path.strip("/")
            assert (int(m.group(2)), int(m.group(3))) == (
                entry.published.year,
                entry.published.month,
            )
            links.add(entry.link)
    assert len(links) == 20


def test_stored_dates_parse_and_are_timezone_aware(store: Store) -> None:
    load_demo(store)
    for a in _stored_articles(store):
        assert isinstance(a.published, datetime)
        assert a.published.tzinfo is not None
    for h in store.headlines():
        assert h.published is not None and h.published.tzinfo is not None


def test_is_demo_url() -> None:
    assert is_demo_url(f"https://{DEMO_URL_HOST}/kepri/2026/11/x")
    assert is_demo_url("HTTP://Demo.Korantui.Invalid./img/a.jpg")
    assert not is_demo_url("https://batampos.co.id/feed/")
    assert not is_demo_url("https://demo.korantui.invalid.example.com/")
    assert not is_demo_url("")
    assert not is_demo_url(None)
    assert not is_demo_url("http://[::1")


def test_demo_feeds_returns_fresh_objects() -> None:
    first = demo_feeds()
    first[0].articles[0].blocks.clear()
    assert demo_feeds()[0].articles[0].blocks
