"""How far what korantui fetches on its own for a feed's headlines may reach: no further into
private networks than the feed's own address (a public feed's links to 192.168.1.1, to
localhost or to the cloud metadata service are not followed by prefetch or sync)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from korantui.core.models import Headline
from korantui.core.net.fetch import Fetcher
from korantui.core.net.zones import Zone
from korantui.core.store.database import Store

# A feed's address -> the most private zone its headlines' links may lead to. The default asks
# the fetcher where the address points; a caller may judge otherwise (a test says "this
# loopback feed counts as public").
OriginZone = Callable[[str], Awaitable[Zone]]


class FeedReach:
    def __init__(self, store: Store, fetcher: Fetcher, origin_zone: OriginZone | None = None):
        self._fetcher = fetcher
        self._origin_zone = origin_zone or fetcher.zone_of
        self._feeds = {f.id: f.url for f in store.feeds(include_inactive=True)}
        self._zones: dict[int, Zone] = {}

    async def fetcher_for(self, headline: Headline) -> Fetcher:
        """The fetcher for headline's article: confined to its feed's zone (public when the feed
        is not known, the strictest)."""
        zone = self._zones.get(headline.feed_id)
        if zone is None:
            url = self._feeds.get(headline.feed_id, "")
            zone = await self._origin_zone(url) if url else Zone.PUBLIC
            self._zones[headline.feed_id] = zone
        return self._fetcher.confined(zone)


async def private_lead(fetcher: Fetcher, link: str, origin_url: str) -> Zone | None:
    """The zone link points into when that is more private than origin_url's (the feed's or
    the page's address it came from), so the reader opening it can be told where it goes and
    asked first; None when it is not. Lookups only: nothing is sent to either address."""
    zone = await fetcher.zone_of(link)
    return zone if zone > await fetcher.zone_of(origin_url) else None
