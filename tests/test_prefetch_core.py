"""Prefetching in the core: one article's unexpected error stops none of the others."""

from __future__ import annotations

import pytest

from korantui.core.article.site_rules import load_rules
from korantui.core.models import Entry, FeedSpec
from korantui.core.net.fetch import Fetcher
from korantui.core.prefetch import prefetch_articles
from korantui.core.store.database import Store
from tests.newssite import STORIES


class _BrokenFor:
    """Site rules that fail, like a bug would, for one address only."""

    def __init__(self, bad_url: str) -> None:
        self.bad_url = bad_url
        self.rules = load_rules()

    def match(self, url, *args, **kwargs):  # type: ignore[no-untyped-def]
        if url == self.bad_url:
            raise RuntimeError("a bug in one page's rules")
        return self.rules.match(url, *args, **kwargs)

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        return getattr(self.rules, name)


async def test_one_failing_article_leaves_the_others_stored(news_site: str, tmp_path):
    store = Store(tmp_path / "k.db")
    store.sync_feeds([FeedSpec(f"{news_site}/feed.xml", "Koran Uji")])
    feed_id = store.feeds()[0].id
    links = [f"{news_site}/berita/{s.slug}" for s in STORIES]
    store.save_entries(
        feed_id, [Entry(s.title, link) for s, link in zip(STORIES, links, strict=True)]
    )
    headlines = store.headlines(feed_id)
    async with Fetcher() as fetcher:
        with pytest.raises(RuntimeError, match="one page's rules"):
            await prefetch_articles(store, fetcher, headlines, _BrokenFor(links[0]))
    stored = {h.link for h in headlines if store.article(h.id) is not None}
    assert stored == set(links[1:])
    store.close()
