"""A Miniflux REST API client (https://miniflux.app/docs/api.html; internal/api/*.go).

url is the Miniflux root (`https://rss.example.id`, or with its BASE_URL path); the API is
under `/v1/`. Authentication: an API key in `X-Auth-Token` (Settings → API Keys), or HTTP basic
with the user name and password (both as Miniflux's middleware reads them).

Paging is by entry id (`order=id&direction=asc&after_entry_id=<last>`): new entries arriving
while a sync pages never shift a page, as offsets would. An incremental pull asks for what
changed after the last sync (`changed_after`, newer servers; an older one ignores it and
answers everything, which is slower but loses nothing).

The bookmark call is a toggle (`PUT /v1/entries/{id}/bookmark`): before toggling, the
client reads each entry's current `starred` (one GET per entry for a few, the list of starred
entries for many) and toggles only those that differ, so a replayed or duplicated push never
turns a star off. A star changed elsewhere between that read and the toggle is the one race
left; the next sync's pulled state shows it.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from korantui.core.accounts.remote import (
    AccountError,
    Failure,
    RemoteFeed,
    RemoteItem,
    RemoteState,
)
from korantui.core.net.api import AnswerTooLarge, ApiLimits, ApiSession, api_url, new_api_client
from korantui.core.sanitize import clean_line, safe_url

if TYPE_CHECKING:
    import httpx

_FEW = 20  # up to this many stars to change: one GET per entry, else the starred list


class MinifluxClient:
    """One Miniflux account: api_key, or username and password."""

    kind = "miniflux"

    def __init__(
        self,
        url: str,
        *,
        username: str = "",
        password: str = "",
        api_key: str = "",
        http: httpx.AsyncClient | None = None,
        limits: ApiLimits | None = None,
        page_size: int = 250,
        status_batch: int = 500,
        max_pages: int = 2000,
    ) -> None:
        self.url = url.rstrip("/")
        self.username = username
        if api_key:
            self._auth = {"X-Auth-Token": api_key}
            secrets = [api_key, password]
        else:
            pair = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
            self._auth = {"Authorization": f"Basic {pair}"}
            secrets = [password, pair]
        self._own_http = http is None
        self._http = http or new_api_client(limits=limits)
        self._api = ApiSession(self._http, limits, secrets=secrets)
        self.user_id = 0
        self.page_size = page_size
        self.status_batch = max(1, status_batch)
        self.max_pages = max_pages

    def __repr__(self) -> str:
        return f"MinifluxClient({self.url!r}, user {self.username!r})"

    async def _call(
        self, method: str, path: str, params: list[tuple[str, str]] | None = None, body: Any = None
    ) -> Any:
        resp = await self._api.request(
            method,
            api_url(self.url, "v1/" + path),
            params=params,
            json_body=body,
            headers=self._auth,
        )
        return None if resp.status == 204 or not resp.body else self._api.json(resp)

    async def login(self) -> None:
        me = await self._call("GET", "me")
        if not isinstance(me, dict) or not isinstance(me.get("id"), int):
            raise self._api.error(Failure.PROTOCOL, "/v1/me answered no user")
        self.user_id = me["id"]

    async def feeds(self) -> list[RemoteFeed]:
        data = await self._call("GET", "feeds")
        return [f for raw in _seq(data, self._api) if (f := _feed(raw)) is not None]

    async def categories(self) -> list[str]:
        return [name for _cid, name in await self._category_ids()]

    async def _category_ids(self) -> list[tuple[int, str]]:
        data = await self._call("GET", "categories")
        return [
            (c["id"], clean_line(c.get("title") if isinstance(c.get("title"), str) else ""))
            for c in _seq(data, self._api)
            if isinstance(c, dict) and isinstance(c.get("id"), int)
        ]

    async def _category_id(self, name: str) -> int:
        """The id of the category called name, made when there is none; 0 for ""."""
        if not name:
            return 0
        for cid, title in await self._category_ids():
            if title == name:
                return cid
        made = await self._call("POST", "categories", body={"title": name})
        if not isinstance(made, dict) or not isinstance(made.get("id"), int):
            raise self._api.error(Failure.PROTOCOL, "the new category has no id")
        return int(made["id"])

    # -- entries ---------------------------------------------------------------------------------

    async def items(
        self, since: datetime | None, *, unread_only: bool = False
    ) -> AsyncIterator[list[RemoteItem]]:
        params: list[tuple[str, str]] = []
        if since is not None:
            params.append(("changed_after", str(max(0, int(since.timestamp())))))
        params.append(("status", "unread"))
        if not unread_only:  # never "removed": Miniflux keeps those, emptied, unless asked
            params.append(("status", "read"))
        async for page in self._entries(params):
            items = [item for raw in page if (item := _item(raw)) is not None]
            if items:
                yield items

    async def _entries(self, params: list[tuple[str, str]]) -> AsyncIterator[list[Any]]:
        after = 0
        limit = self.page_size
        for _ in range(self.max_pages):
            query = [*params, ("order", "id"), ("direction", "asc"), ("limit", str(limit))]
            if after:
                query.append(("after_entry_id", str(after)))
            try:
                data = await self._call("GET", "entries", query)
            except AnswerTooLarge:
                if limit <= 10:
                    raise
                limit //= 2  # long articles: the same page in halves, never a stuck sync
                continue
            if not isinstance(data, dict) or not isinstance(data.get("entries"), list | None):
                raise self._api.error(Failure.PROTOCOL, "/v1/entries answered no entries")
            page = [e for e in data.get("entries") or [] if isinstance(e, dict)]
            ids = [e["id"] for e in page if isinstance(e.get("id"), int)]
            if ids and min(ids) <= after:
                raise self._api.error(Failure.PROTOCOL, "entries are not paged by id")
            if page:
                yield page
            if len(page) < limit or not ids:
                return
            after = max(ids)
        raise self._api.error(Failure.PROTOCOL, f"more than {self.max_pages} pages")

    async def _ids(self, params: list[tuple[str, str]]) -> set[str]:
        found: set[str] = set()
        async for page in self._entries(params):
            found.update(str(e["id"]) for e in page if isinstance(e.get("id"), int))
        return found

    async def state(self) -> RemoteState:
        unread = await self._ids([("status", "unread")])
        starred = await self._ids([("starred", "true")])
        return RemoteState(unread=frozenset(unread), starred=frozenset(starred))

    async def mark_read(self, ids: Iterable[str], read: bool) -> None:
        numbers = _numbers(ids)
        for start in range(0, len(numbers), self.status_batch):
            batch = numbers[start : start + self.status_batch]
            body = {"entry_ids": batch, "status": "read" if read else "unread"}
            await self._call("PUT", "entries", body=body)

    async def mark_starred(self, ids: Iterable[str], starred: bool) -> None:
        numbers = _numbers(ids)
        if len(numbers) <= _FEW:
            now: dict[int, bool] = {}
            for n in numbers:
                try:
                    entry = await self._call("GET", f"entries/{n}")
                except AccountError as e:
                    if e.failure == Failure.REFUSED:  # 404: the entry is gone
                        continue
                    raise
                if isinstance(entry, dict) and isinstance(entry.get("starred"), bool):
                    now[n] = entry["starred"]
        else:
            marked = await self._ids([("starred", "true")])
            now = {n: str(n) in marked for n in numbers}
        for n, is_starred in now.items():
            if is_starred != starred:
                await self._call("PUT", f"entries/{n}/bookmark")

    async def mark_all_read(self, feed_id: str | None, before: datetime) -> None:
        # Miniflux marks what is unread when the call arrives (it takes no time): items that
        # came in since `before` are marked too.
        if feed_id:
            await self._call("PUT", f"feeds/{_number(feed_id, self._api)}/mark-all-as-read")
            return
        if not self.user_id:
            await self.login()
        await self._call("PUT", f"users/{self.user_id}/mark-all-as-read")

    # -- feeds -----------------------------------------------------------------------------------

    async def add_feed(self, url: str, category: str = "") -> RemoteFeed:
        body: dict[str, object] = {"feed_url": url}
        if cid := await self._category_id(category):
            body["category_id"] = cid  # else Miniflux takes the user's first category
        made = await self._call("POST", "feeds", body=body)
        if not isinstance(made, dict) or not isinstance(made.get("feed_id"), int):
            raise self._api.error(Failure.PROTOCOL, "the new feed has no id")
        feed = _feed(await self._call("GET", f"feeds/{made['feed_id']}"))
        return feed or RemoteFeed(str(made["feed_id"]), url, url)

    async def remove_feed(self, feed_id: str) -> None:
        await self._call("DELETE", f"feeds/{_number(feed_id, self._api)}")

    async def rename_feed(self, feed_id: str, title: str) -> None:
        await self._call("PUT", f"feeds/{_number(feed_id, self._api)}", body={"title": title})

    async def move_feed(self, feed_id: str, category: str) -> None:
        cid = await self._category_id(category)
        if not cid:  # out of any category: Miniflux has none, the first one is its default
            ids = await self._category_ids()
            if not ids:
                return
            cid = ids[0][0]
        fid = _number(feed_id, self._api)
        await self._call("PUT", f"feeds/{fid}", body={"category_id": cid})

    async def aclose(self) -> None:
        if self._own_http:
            await self._http.aclose()


def _seq(data: object, api: ApiSession) -> list[Any]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise api.error(Failure.PROTOCOL, "expected a list")
    return data


def _numbers(ids: Iterable[str]) -> list[int]:
    return [int(i) for i in dict.fromkeys(ids) if i.isascii() and i.isdigit()]


def _number(feed_id: str, api: ApiSession) -> int:
    if not (feed_id.isascii() and feed_id.isdigit()):
        raise api.error(Failure.REFUSED, "not a Miniflux feed id")
    return int(feed_id)


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _feed(raw: object) -> RemoteFeed | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), int):
        return None
    cat = raw.get("category")
    title = clean_line(_str(cat.get("title"))) if isinstance(cat, dict) else ""
    return RemoteFeed(
        id=str(raw["id"]),
        title=clean_line(_str(raw.get("title"))) or str(raw["id"]),
        url=safe_url(_str(raw.get("feed_url"))),
        site_url=safe_url(_str(raw.get("site_url"))),
        categories=(title,) if title else (),
    )


def _when(text: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    # Miniflux writes 0001-01-01 for an entry without a date.
    return when if when.tzinfo is not None and when.year > 1970 else None


def _item(raw: dict[str, Any]) -> RemoteItem | None:
    if not isinstance(raw.get("id"), int) or not isinstance(raw.get("feed_id"), int):
        return None
    return RemoteItem(
        id=str(raw["id"]),
        feed_id=str(raw["feed_id"]),
        title=clean_line(_str(raw.get("title"))),
        url=safe_url(_str(raw.get("url"))),
        content_html=_str(raw.get("content")),
        author=clean_line(_str(raw.get("author"))),
        published=_when(_str(raw.get("published_at"))),
        read=raw.get("status") == "read",
        starred=raw.get("starred") is True,
    )
