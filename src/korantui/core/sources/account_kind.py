"""The source kind of an account's feeds in the store: their headlines come from the account's
sync (core/accounts/engine.py), so refreshing one fetches nothing.

Registered with the other kinds so that a refresh of every feed (the app's, `korantui refresh`,
`korantui sync`) passes over account feeds as "not modified" instead of fetching the feed's own
address behind the server's back. A [[feeds]] table cannot name this kind: an account's feeds
come from its [[account]] table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from korantui.core.models import ACCOUNT_KIND, FeedSpec
from korantui.core.sources.kind import Fetched, SourceJob


class AccountFeedKind:
    name: ClassVar[str] = ACCOUNT_KIND
    label: ClassVar[str] = "a feed of an account (FreshRSS, Miniflux…)"
    keys: ClassVar[tuple[str, ...]] = ()
    page_order: ClassVar[bool] = False

    def check(self, options: Mapping[str, str]) -> tuple[str, str]:
        return "kind", "an account's feeds come from its [[account]] table, not from [[feeds]]"

    def to_opml(self, spec: FeedSpec) -> dict[str, str]:
        return {"type": "rss", "xmlUrl": spec.url.split("#", 1)[0]}

    def address_in_opml(self, attrs: Mapping[str, str]) -> str:
        return ""

    async def fetch(self, job: SourceJob) -> Fetched:
        return Fetched(None)
