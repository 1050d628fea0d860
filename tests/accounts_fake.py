"""An in-memory account server behind the AccountClient protocol, for the engine's unit tests
(the end-to-end tests talk to tests/sync_servers.py through the real clients instead).

It keeps what a server keeps: feeds, items with their read and starred state, and it can be
told to fail: at login (wrong password), or at the n-th call from now (a server going away
mid-sync).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from korantui.core.accounts.remote import (
    AccountError,
    Failure,
    RemoteFeed,
    RemoteItem,
    RemoteState,
)

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


@dataclass
class FakeServer:
    feeds: dict[str, RemoteFeed] = field(default_factory=dict)
    items: dict[str, RemoteItem] = field(default_factory=dict)
    added: dict[str, datetime] = field(default_factory=dict)  # item id -> when it arrived
    password: str = "rahasia"
    page_size: int = 3
    fail_after: int | None = None  # calls that still succeed; then UNREACHABLE
    calls: list[str] = field(default_factory=list)
    mark_alls: list[tuple[str | None, datetime]] = field(default_factory=list)

    def add_feed(self, fid: str, title: str, category: str = "") -> None:
        cats = (category,) if category else ()
        self.feeds[fid] = RemoteFeed(fid, title, f"https://news.example/{fid}.xml", "", cats)

    def add_item(
        self, iid: str, fid: str, *, content: str = "", when: datetime | None = None
    ) -> None:
        when = when or datetime.now(UTC)
        self.items[iid] = RemoteItem(
            iid,
            fid,
            f"Berita {iid}",
            f"https://news.example/{fid}/{iid}",
            content_html=content or f"<p>Ringkasan {iid}.</p>",
            published=when,
        )
        self.added[iid] = when

    def set(self, iid: str, **state: bool) -> None:
        if iid not in self.items:
            raise AccountError(Failure.REFUSED, f"no entry {iid}")
        self.items[iid] = replace(self.items[iid], **state)

    def client(self, password: str | None = None) -> FakeClient:
        return FakeClient(self, self.password if password is None else password)


class FakeClient:
    def __init__(self, server: FakeServer, password: str) -> None:
        self.server = server
        self.password = password
        self.logged_in = False

    def _call(self, name: str) -> None:
        s = self.server
        if s.fail_after is not None:
            if s.fail_after <= 0:
                raise AccountError(Failure.UNREACHABLE, "connection refused")
            s.fail_after -= 1
        s.calls.append(name)
        if name != "login" and not self.logged_in:
            raise AccountError(Failure.AUTH, "not logged in")

    async def login(self) -> None:
        self._call("login")
        if self.password != self.server.password:
            raise AccountError(Failure.AUTH)
        self.logged_in = True

    async def feeds(self) -> list[RemoteFeed]:
        self._call("feeds")
        return list(self.server.feeds.values())

    async def items(self, since: datetime | None) -> AsyncIterator[list[RemoteItem]]:
        self._call("items")
        chosen = [
            i
            for i in self.server.items.values()
            if since is None or self.server.added[i.id] > since
        ]
        chosen.sort(key=lambda i: self.server.added[i.id], reverse=True)
        for start in range(0, len(chosen), self.server.page_size):
            if start:
                self._call("items-page")
            yield chosen[start : start + self.server.page_size]

    async def state(self) -> RemoteState:
        self._call("state")
        items = self.server.items.values()
        return RemoteState(
            unread=frozenset(i.id for i in items if not i.read),
            starred=frozenset(i.id for i in items if i.starred),
        )

    async def mark_read(self, ids: Iterable[str], read: bool) -> None:
        self._call("mark_read")
        for iid in ids:
            self.server.set(iid, read=read)

    async def mark_starred(self, ids: Iterable[str], starred: bool) -> None:
        self._call("mark_starred")
        for iid in ids:
            self.server.set(iid, starred=starred)

    async def mark_all_read(self, feed_id: str | None, before: datetime) -> None:
        self._call("mark_all_read")
        self.server.mark_alls.append((feed_id, before))
        for item in list(self.server.items.values()):
            if (feed_id is None or item.feed_id == feed_id) and self.server.added[
                item.id
            ] <= before + timedelta(seconds=1):
                self.server.set(item.id, read=True)

    async def add_feed(self, url: str, category: str = "") -> RemoteFeed:
        self._call("add_feed")
        fid = f"feed/{len(self.server.feeds) + 1}"
        feed = RemoteFeed(fid, url, url, "", (category,) if category else ())
        self.server.feeds[fid] = feed
        return feed

    async def remove_feed(self, feed_id: str) -> None:
        self._call("remove_feed")
        self.server.feeds.pop(feed_id, None)

    async def rename_feed(self, feed_id: str, title: str) -> None:
        self._call("rename_feed")
        self.server.feeds[feed_id] = replace(self.server.feeds[feed_id], title=title)

    async def move_feed(self, feed_id: str, category: str) -> None:
        self._call("move_feed")
        self.server.feeds[feed_id] = replace(self.server.feeds[feed_id], categories=(category,))

    async def aclose(self) -> None:
        pass
