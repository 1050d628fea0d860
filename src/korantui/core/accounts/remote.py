"""What an account's server (FreshRSS and the other Google Reader API servers, Miniflux) says
and is asked, in korantui's words: the one protocol the sync engine talks to, whatever the
server.

Ids are the server's own, as text: a Google Reader item id is kept in its short decimal form
(the long `tag:google.com,2005:reader/item/<16 hex>` form is converted on the way in), a Miniflux
entry id is its decimal number. A feed id is the server's stream or feed id.
"""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


class Failure(enum.Enum):
    """Why a server could not be used, in the kinds a reader can act on."""

    AUTH = "wrong user name or password"
    API_OFF = "the server's API is switched off or not at this address"
    UNREACHABLE = "the server cannot be reached"
    PROTOCOL = "the server answered something korantui does not understand"
    REFUSED = "the server refused the change"
    SERVER = "the server had an error of its own; korantui tries again at the next sync"


class AccountError(Exception):
    def __init__(self, failure: Failure, detail: str = "") -> None:
        super().__init__(f"{failure.value}{': ' + detail if detail else ''}")
        self.failure = failure
        self.detail = detail


@dataclass(frozen=True, slots=True)
class RemoteFeed:
    id: str  # the server's: "feed/12" (Google Reader stream id) or "12" (Miniflux)
    title: str
    url: str  # the feed's own address
    site_url: str = ""
    categories: tuple[str, ...] = ()  # labels / the Miniflux category


@dataclass(frozen=True, slots=True)
class RemoteItem:
    id: str
    feed_id: str
    title: str
    url: str
    content_html: str = ""  # what the server holds; may be a teaser
    author: str = ""
    published: datetime | None = None  # aware
    read: bool = False
    starred: bool = False


@dataclass(frozen=True, slots=True)
class RemoteState:
    """The server's unread and starred ids, for the state made elsewhere."""

    unread: frozenset[str] = field(default_factory=frozenset)
    starred: frozenset[str] = field(default_factory=frozenset)


class AccountClient(Protocol):
    """One logged-in conversation with one account's server. Every call is bounded in time and
    size and raises AccountError, never an httpx error."""

    async def login(self) -> None: ...

    async def feeds(self) -> list[RemoteFeed]: ...

    async def categories(self) -> list[str]:
        """The server's category / folder names, empty ones too (for moving a feed)."""
        ...

    def items(
        self, since: datetime | None, *, unread_only: bool = False
    ) -> AsyncIterator[list[RemoteItem]]:
        """Pages of items newer than since (all the server keeps when None), newest first.
        unread_only: only the unread ones (a first sync need not pull years of read items).
        (Miniflux pages by entry id, oldest first: the only order stable while it fetches.)"""
        ...

    async def state(self) -> RemoteState: ...

    async def mark_read(self, ids: Iterable[str], read: bool) -> None: ...

    async def mark_starred(self, ids: Iterable[str], starred: bool) -> None: ...

    async def mark_all_read(self, feed_id: str | None, before: datetime) -> None: ...

    async def add_feed(self, url: str, category: str = "") -> RemoteFeed: ...

    async def remove_feed(self, feed_id: str) -> None: ...

    async def rename_feed(self, feed_id: str, title: str) -> None: ...

    async def move_feed(self, feed_id: str, category: str) -> None: ...

    async def aclose(self) -> None: ...
