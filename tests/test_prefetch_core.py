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


async def _prefetch_with(store: Store, spec: FeedSpec, links: list[str]) -> list[int]:
    from korantui.core.store.feed_settings import follow_settings

    store.sync_feeds([spec])
    follow_settings(store, [spec])
    feed_id = store.feeds()[0].id
    store.save_entries(feed_id, [Entry(f"Berita {i}", link) for i, link in enumerate(links)])
    async with Fetcher() as fetcher:
        return await prefetch_articles(store, fetcher, store.headlines(feed_id), load_rules())


@pytest.mark.parametrize(("limit", "stored"), [(0, 0), (1, 1), (None, 3)])
async def test_a_feeds_own_prefetch_count_bounds_what_is_fetched_ahead(
    news_site: str, tmp_path, limit, stored
):
    from korantui.core.models import FeedSettings

    store = Store(tmp_path / "k.db")
    spec = FeedSpec(f"{news_site}/feed.xml", "Koran Uji", settings=FeedSettings(prefetch=limit))
    links = [f"{news_site}/berita/{s.slug}" for s in STORIES[:3]]
    assert len(await _prefetch_with(store, spec, links)) == stored
    store.close()


@pytest.mark.parametrize("wanted", [True, False])
async def test_images_false_on_a_feed_stores_no_pictures_of_its_articles(tmp_path, wanted):
    from korantui.core.models import FeedSettings
    from korantui.core.store.images import stored_image
    from tests.images_site import PictureSite, pantai_site

    site = PictureSite().start()
    try:
        feed = pantai_site(site)
        store = Store(tmp_path / "k.db")
        spec = FeedSpec(feed, "Koran Uji", settings=FeedSettings(images=wanted))
        assert await _prefetch_with(store, spec, [f"{site.base}/berita/pantai"])
        lead = stored_image(store, f"{site.base}/foto/pantai-lead.jpg")
        assert (lead is not None) == wanted
        assert ("/foto/pantai-lead.jpg" in site.requests) == wanted
        store.close()
    finally:
        site.stop()
