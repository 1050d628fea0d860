"""Fetching the next few unread articles ahead of the reader, so opening them is instant and they
are stored before the network goes.

The app decides when (a headline highlighted) and cancels when the reader moves on; this module
decides which headlines and fetches them, a couple at a time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING

from korantui.core.feed_reach import FeedReach, OriginZone
from korantui.core.images.fetch import store_pictures
from korantui.core.models import Headline
from korantui.core.reading import FULL_TEXT, fetch_reading
from korantui.core.store.database import Store
from korantui.core.store.feed_settings import images_wanted, prefetch_of

if TYPE_CHECKING:
    from korantui.core.article.site_rules import SiteRules
    from korantui.core.net.fetch import Fetcher

CONCURRENCY = 2  # a reader's prefetch should never crowd out the article they open


def prefetch_targets(rows: Sequence[Headline], cursor: int, count: int) -> list[Headline]:
    """The highlighted headline and those after it that are unread and not stored, up to count."""
    if count <= 0:
        return []
    found: list[Headline] = []
    for row in rows[max(0, cursor) :]:
        if not row.read and not row.has_article and row.link:
            found.append(row)
            if len(found) >= count:
                break
    return found


async def prefetch_articles(
    store: Store,
    fetcher: Fetcher,
    headlines: Sequence[Headline],
    rules: SiteRules | None = None,
    concurrency: int = CONCURRENCY,
    origin_zone: OriginZone | None = None,
    pictures: bool = True,
) -> list[int]:
    """Fetch, extract and store each article; returns the ids stored. Cancellable at any await:
    articles finished before the cancel stay stored. Nobody asked for these pages: each goes no
    further into private networks than its feed's address (origin_zone, see FeedReach)."""
    gate = asyncio.Semaphore(max(1, concurrency))
    reach = FeedReach(store, fetcher, origin_zone)
    headlines = _within_feed_limits(store, headlines)

    async def one(headline: Headline) -> int | None:
        async with gate:
            full = store.headline(headline.id)
            if full is None or store.article(headline.id) is not None:
                return None
            confined = await reach.fetcher_for(full)
            reading = await fetch_reading(store, confined, full, rules)
            # The pictures too, for reading offline (core/images), unless the feed says images
            # = false.
            if reading.status == FULL_TEXT and pictures and images_wanted(store, full.feed_id):
                await store_pictures(store, confined, headline.id, reading.article)
            return headline.id if reading.status == FULL_TEXT else None

    # One article's unexpected error must not stop the others: all finish, then it is raised
    # (the app logs it) with every other article already stored.
    done = await asyncio.gather(*(one(h) for h in headlines), return_exceptions=True)
    errors = [d for d in done if isinstance(d, BaseException)]
    if errors:
        raise errors[0]
    return [i for i in done if isinstance(i, int)]


def _within_feed_limits(store: Store, headlines: Sequence[Headline]) -> list[Headline]:
    """headlines less those past their feed's own prefetch count ([[feeds]] prefetch = N; 0
    fetches none of the feed's articles ahead)."""
    limits: dict[int, int] = {}
    taken: dict[int, int] = {}
    kept = []
    for h in headlines:
        if h.feed_id not in limits:
            limits[h.feed_id] = prefetch_of(store, h.feed_id, len(headlines))
        if taken.get(h.feed_id, 0) < limits[h.feed_id]:
            taken[h.feed_id] = taken.get(h.feed_id, 0) + 1
            kept.append(h)
    return kept
