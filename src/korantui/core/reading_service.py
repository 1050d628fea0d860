"""The reading service: the one door through which the app and the CLI change what is read,
starred and followed.

Every state change has one method here (mark read / unread, star, mark a feed or all news read,
open an article, the feed list following the config, a discovered source's first headlines, the
demo edition). A later sync with a server (FreshRSS, Miniflux) queues its changes in these
methods and nowhere else. Each change returns the new values (a Headline is given back, never
edited in place) and calls `on_change`, which the app turns into one coalesced "store changed"
message. Reads pass through too, so a caller holds the service, not the store.

A module, not a package of services: one class of a dozen small methods; a second service (sync)
will sit beside it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from korantui.core.models import Feed, FeedSpec, Headline, ParsedSource, RefreshResult
from korantui.core.reading import Reading, stored_reading
from korantui.core.store import accounts
from korantui.core.store.database import ALL_FEEDS, Store

__all__ = ["ReadingService"]


class ReadingService:
    def __init__(self, store: Store, on_change: Callable[[], None] | None = None) -> None:
        self.store = store
        self.on_change = on_change  # called after every change (any thread)

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    # -- reads ---------------------------------------------------------------------------------

    def feeds(self) -> list[Feed]:
        return self.store.feeds()

    def counts(self) -> tuple[int, int, int]:
        """(unread, total, starred) over active feeds."""
        return self.store.counts()

    def headlines(
        self,
        feed_id: int | None = ALL_FEEDS,
        *,
        unread_only: bool = False,
        starred_only: bool = False,
        limit: int = -1,
    ) -> list[Headline]:
        return self.store.headlines(
            feed_id, unread_only=unread_only, starred_only=starred_only, limit=limit
        )

    def headline(self, headline_id: int) -> Headline | None:
        return self.store.headline(headline_id)

    def search(self, query: str) -> list[Headline]:
        return self.store.search(query)

    def stored_reading(self, headline: Headline) -> Reading:
        """What can be shown without the network: the stored article, else the summary."""
        return stored_reading(self.store, headline)

    def feed_with_unread(self, feeds: list[Feed], feed_id: int | None, step: int) -> Feed | None:
        """The next feed after feed_id (step 1) or before it (-1), wrapping round, that has
        unread headlines; None when no other feed has any."""
        ids = [f.id for f in feeds]
        here = ids.index(feed_id) if feed_id in ids else 0
        for k in range(1, len(feeds)):
            feed = feeds[(here + step * k) % len(feeds)]
            if feed.unread:
                return feed
        return None

    # -- changes -------------------------------------------------------------------------------

    def set_read(self, headlines: Iterable[Headline], read: bool = True) -> list[Headline]:
        """Mark these headlines read (or unread); their new values, in the same order."""
        from korantui.core.store import account_queue  # changes only: not at start-up

        rows = list(headlines)
        account_queue.set_read(self.store, [h.id for h in rows], read)  # queued for an account's
        self._changed()
        return [dataclasses.replace(h, read=read) for h in rows]

    def set_starred(self, headline: Headline, starred: bool) -> Headline:
        from korantui.core.store import account_queue  # changes only: not at start-up

        account_queue.set_starred(self.store, headline.id, starred)
        self._changed()
        return dataclasses.replace(headline, starred=starred)

    def mark_feed_read(self, feed_id: int | None) -> None:
        """Every headline of one feed read; None: of every feed (All news)."""
        from korantui.core.store import account_queue  # changes only: not at start-up

        account_queue.mark_feed_read(self.store, feed_id)  # an account's: by the server's mark-all
        self._changed()

    def open(self, headline_id: int) -> Reading | None:
        """Open a headline: it is read from now on; what can be shown at once (stored text or
        the feed's summary). None when the headline is gone."""
        headline = self.store.headline(headline_id)
        if headline is None:
            return None
        if not headline.read:
            from korantui.core.store import account_queue  # changes only: not at start-up

            account_queue.set_read(self.store, [headline.id])
            headline = dataclasses.replace(headline, read=True)
            self._changed()
        return stored_reading(self.store, headline)

    def article_stored(self, headline_ids: Iterable[int]) -> None:
        """Articles were fetched and stored meanwhile (prefetch, an opened article)."""
        if list(headline_ids):
            self._changed()

    # -- the feed list -------------------------------------------------------------------------

    def sync_feeds(self, specs: Iterable[FeedSpec]) -> None:
        """The store's feeds follow the config's: added, renamed, re-ordered, made inactive."""
        self.store.sync_feeds([*specs, *accounts.account_feed_specs(self.store)])
        self._changed()

    def remove_feed(self, feed_id: int) -> None:
        self.store.remove_feed(feed_id)
        self._changed()

    def store_discovered(
        self, url: str, parsed: ParsedSource, etag: str = "", last_modified: str = ""
    ) -> RefreshResult | None:
        """A source just added: discovery has read it already, its headlines go in without a
        second fetch. None when no feed has that address."""
        from korantui.core.refresh import store_parsed

        feed = next((f for f in self.store.feeds() if f.url == url), None)
        if feed is None:
            return None
        result = store_parsed(self.store, feed, parsed, etag, last_modified)
        self._changed()
        return result

    def load_demo(self) -> int:
        """The demo edition into this store; how many articles it stored."""
        from korantui.core.demo import load_demo

        stored = load_demo(self.store)
        self._changed()
        return stored

    # -- one story, many outlets (core/stories) ------------------------------------------------

    def story_groups(self) -> dict[int, int]:
        """headline id -> story id, for headlines whose story other feeds tell too."""
        from korantui.core.store.stories import groups

        return groups(self.store)

    def set_story_read(self, headlines: Iterable[Headline], read: bool = True) -> list[Headline]:
        """These headlines and every other headline of their stories read (or unread); the new
        values of them all."""
        from korantui.core.store import account_queue
        from korantui.core.store.stories import members_of

        ids = members_of(self.store, [h.id for h in headlines])
        account_queue.set_read(self.store, ids, read)  # as set_read: queued for an account's
        self._changed()
        return [h for h in map(self.store.headline, ids) if h is not None]
