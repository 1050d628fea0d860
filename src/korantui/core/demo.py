"""The bundled demo edition: fictional Indonesian news, loaded through the ordinary store.

Shown when korantui starts with no network and an empty cache, or with `korantui --demo`. The
edition lives in `korantui/demo/edition.json` (package data): every story, person and quote in it
is invented for the project, and every address is under the `.invalid` top-level domain, which
never resolves. Its dates are fixed strings (around `EDITION_DATE`), so tests are deterministic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from korantui.core.models import FEED_KIND, Article, Block, Entry, FeedSpec, Link
from korantui.core.store.database import Store

DEMO_URL_HOST = "demo.korantui.invalid"
DEMO_METHOD = "demo"
_EDITION_FILE = ("demo", "edition.json")


@dataclass(slots=True)
class DemoFeed:
    """One demo source: its spec, its headlines and the article behind each (same order)."""

    spec: FeedSpec
    title: str
    entries: list[Entry] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)


@lru_cache(maxsize=1)
def _read_json() -> dict[str, Any]:
    """The edition file, parsed once (read-only: build objects from it, never change it)."""
    path = resources.files("korantui")
    for part in _EDITION_FILE:
        path = path / part
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _block(raw: dict[str, Any]) -> Block:
    links = [Link(int(lk["start"]), int(lk["end"]), str(lk["url"])) for lk in raw.get("links", [])]
    return Block(str(raw["kind"]), str(raw["text"]), links)


def _feed(raw: dict[str, Any]) -> DemoFeed:
    spec = FeedSpec(
        url=raw["url"], name=raw["name"], category=raw.get("category", ""), kind=FEED_KIND
    )
    demo = DemoFeed(spec=spec, title=raw.get("title", ""))
    for a in raw["articles"]:
        published = datetime.fromisoformat(a["published"])
        demo.entries.append(
            Entry(
                title=a["title"],
                link=a["link"],
                guid=a["link"],
                summary=a.get("summary", ""),
                published=published,
                author=a.get("author", ""),
                image=a.get("image", ""),
            )
        )
        demo.articles.append(
            Article(
                url=a["link"],
                title=a["title"],
                author=a.get("author", ""),
                published=published,
                site=raw["name"],
                image=a.get("image", ""),
                caption=a.get("caption", ""),
                blocks=[_block(b) for b in a["blocks"]],
                method=DEMO_METHOD,
            )
        )
    return demo


def edition_date() -> datetime:
    """The fixed moment the demo edition is written as of (timezone-aware, +07:00)."""
    return datetime.fromisoformat(_read_json()["edition"])


def demo_feeds() -> list[DemoFeed]:
    """The demo edition, feed by feed (new objects on every call: callers may change them)."""
    return [_feed(f) for f in _read_json()["feeds"]]


def demo_feed_specs() -> list[FeedSpec]:
    """The demo sources, in display order."""
    return [f.spec for f in demo_feeds()]


def load_demo(store: Store) -> int:
    """Put the demo edition into store; returns how many articles it stored.

    The demo feeds become the store's active feeds (`Store.sync_feeds`: any other feed is made
    inactive until the next sync from the config). Headlines go in with `save_entries` and each
    article with `save_article`. Idempotent: an article already stored is left alone (read and
    starred state are kept), so a second run stores nothing and returns 0.
    """
    feeds = demo_feeds()
    store.sync_feeds(f.spec for f in feeds)
    ids = {f.url: f.id for f in store.feeds()}
    stored = 0
    for demo in feeds:
        feed_id = ids[demo.spec.url]
        store.save_entries(feed_id, demo.entries, title=demo.title)
        by_link = {h.link: h for h in store.headlines(feed_id)}
        for article in demo.articles:
            headline = by_link.get(article.url)
            if headline is None or headline.has_article:
                continue
            store.save_article(headline.id, article)
            stored += 1
    return stored


def is_demo_url(url: str | None) -> bool:
    """Whether url points into the demo edition (never fetched, never opened in a browser)."""
    if not url:
        return False
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return False
    host = host.rstrip(".").lower()
    return host == DEMO_URL_HOST or host.endswith("." + DEMO_URL_HOST)
