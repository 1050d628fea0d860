"""A Google Reader API client, as FreshRSS serves it (p/api/greader.php) and The Old Reader,
Inoreader and BazQux do too.

url is the API's root: `https://host/api/greader.php` for FreshRSS, `https://theoldreader.com`,
`https://www.inoreader.com` (which also wants its AppId/AppKey headers: extra_headers) or
`https://bazqux.com`; `accounts/ClientLogin` and `reader/api/0/...` are under it.

What the servers do, read from FreshRSS's source: ClientLogin answers `SID=…/LSID=…/Auth=…`
lines (401 for a wrong password, 503 "Service Unavailable!" when the API is switched off in
FreshRSS's settings); every later call carries `Authorization: GoogleLogin auth=<Auth>`;
POSTs carry the `T` token from `reader/api/0/token`, and a bad token answers 401 with
`Google-Bad-Token: true`, after which the token is fetched again, once. Continuations are
opaque: an empty page may still carry one (FreshRSS counts items before its extensions drop
some), so paging goes on while there is a new one, within a bound.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from korantui.core.accounts.ids import long_id, short_id
from korantui.core.accounts.remote import (
    AccountError,
    Failure,
    RemoteFeed,
    RemoteItem,
    RemoteState,
)
from korantui.core.net.api import (
    AnswerTooLarge,
    ApiLimits,
    ApiResponse,
    ApiSession,
    Form,
    api_url,
    new_api_client,
)
from korantui.core.sanitize import clean_line, safe_url

if TYPE_CHECKING:
    import httpx

READING_LIST = "user/-/state/com.google/reading-list"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
LABEL = "user/-/label/"
_API = "reader/api/0/"


class GReaderClient:
    """One account on a Google Reader API server (see the module's words for url)."""

    kind = "greader"

    def __init__(
        self,
        url: str,
        username: str,
        password: str,
        *,
        http: httpx.AsyncClient | None = None,
        limits: ApiLimits | None = None,
        extra_headers: Mapping[str, str] | None = None,
        page_size: int = 500,
        ids_page_size: int = 5000,
        edit_batch: int = 250,
        max_pages: int = 2000,
        ts_per_second: int = 1_000_000,
    ) -> None:
        self.url = url.rstrip("/")
        # mark-all-as-read's ts: µs for FreshRSS (and Google); The Old Reader documents ms.
        self.ts_per_second = ts_per_second
        self.username = username
        self._password = password
        self._own_http = http is None
        self._http = http or new_api_client(limits=limits)
        self._api = ApiSession(self._http, limits, secrets=[password])
        self._extra = dict(extra_headers or {})
        self._auth = ""
        self._token = ""
        self.page_size = page_size
        self.ids_page_size = ids_page_size
        self.edit_batch = max(1, edit_batch)
        self.max_pages = max_pages

    def __repr__(self) -> str:
        return f"GReaderClient({self.url!r}, user {self.username!r})"

    # -- login and the two credentials of later calls -----------------------------------------

    async def login(self) -> None:
        resp = await self._api.request(
            "POST",
            api_url(self.url, "accounts/ClientLogin"),
            # accountType and service: what Google's ClientLogin and The Old Reader's want;
            # FreshRSS and BazQux read Email and Passwd alone.
            form=[
                ("accountType", "HOSTED_OR_GOOGLE"),
                ("service", "reader"),
                ("Email", self.username),
                ("Passwd", self._password),
            ],
            headers=self._extra,
            check=False,
            want_json=False,
        )
        if resp.status in (400, 401, 403):
            # FreshRSS: 401 for a wrong password or no API password set; 400 for a user name
            # it cannot take.
            raise self._api.error(
                Failure.AUTH,
                "the server refused the login (in FreshRSS, the API password is set in"
                " Profile → API management)",
            )
        if resp.status == 503 and b"Service Unavailable" in resp.body[:200]:
            raise self._api.error(
                Failure.API_OFF, "FreshRSS: allow API access in Administration → Authentication"
            )
        self._api.check(resp, want_json=False)
        if _field(resp.text(), "Error"):  # Google's and BazQux's Error=BadAuthentication
            raise self._api.error(Failure.AUTH, "the server refused the login")
        auth = _field(resp.text(), "Auth")
        if not auth:
            if resp.body.lstrip()[:1] == b"<":
                raise self._api.error(
                    Failure.API_OFF, "a web page answers where ClientLogin should be"
                )
            raise self._api.error(Failure.PROTOCOL, "ClientLogin answered no Auth line")
        self._auth = auth
        self._api.add_secret(auth)
        await self._refresh_token()

    def _headers(self) -> dict[str, str]:
        if not self._auth:
            raise AccountError(Failure.AUTH, "not logged in")
        return {**self._extra, "Authorization": f"GoogleLogin auth={self._auth}"}

    async def _refresh_token(self) -> None:
        resp = await self._api.request(
            "GET", api_url(self.url, _API + "token"), headers=self._headers(), want_json=False
        )
        token = resp.text().strip()
        if not token or len(token) > 1000 or not token.isascii() or "<" in token:
            raise self._api.error(Failure.PROTOCOL, "the token call answered no token")
        self._token = token
        self._api.add_secret(token)

    async def _get(self, path: str, params: Form) -> Any:
        if not self._auth:
            await self.login()
        for attempt in (0, 1):
            resp = await self._api.request(
                "GET",
                api_url(self.url, _API + path),
                params=[*params, ("output", "json")],
                headers=self._headers(),
                check=False,
            )
            if resp.status == 401 and attempt == 0:
                await self.login()  # a session that expired (Inoreader's, BazQux's do)
                continue
            self._api.check(resp)
            break
        return self._api.json(resp)

    async def _post(
        self, path: str, form: Form, query: Form = (), *, says_ok: bool = True
    ) -> ApiResponse:
        """POST with the token. says_ok: the call answers "OK" when done (edit-tag,
        mark-all-as-read, subscription/edit); anything else (a proxy's login page) means the
        change was not made, and it stays queued."""
        url = api_url(self.url, _API + path)
        if not self._auth:
            await self.login()
        for attempt in (0, 1):
            resp = await self._api.request(
                "POST",
                url,
                params=list(query) or None,
                form=[*form, ("T", self._token)],
                headers=self._headers(),
                check=False,
                want_json=False,
            )
            if resp.status == 401 and attempt == 0:
                # A stale token (FreshRSS says so with Google-Bad-Token), or a session gone:
                # then the token call answers 401 too, and the login is made again.
                try:
                    await self._refresh_token()
                except AccountError as e:
                    if e.failure != Failure.AUTH:
                        raise
                    await self.login()
                continue
            self._api.check(resp, want_json=False)
            if says_ok and resp.body.strip() != b"OK":
                failure = Failure.API_OFF if resp.body.lstrip()[:1] == b"<" else Failure.PROTOCOL
                raise self._api.error(failure, f"{path} did not answer OK")
            return resp
        raise AssertionError("unreachable")

    # -- reading -------------------------------------------------------------------------------

    async def feeds(self) -> list[RemoteFeed]:
        data = await self._get("subscription/list", [])
        subs = _list(data, "subscriptions", self._api)
        feeds: list[RemoteFeed] = []
        for sub in subs:
            if not isinstance(sub, dict) or not isinstance(sub.get("id"), str):
                continue
            feeds.append(
                RemoteFeed(
                    id=sub["id"],
                    title=clean_line(_str(sub.get("title"))) or sub["id"],
                    url=safe_url(_str(sub.get("url"))) or _feed_url_of(sub["id"]),
                    site_url=safe_url(_str(sub.get("htmlUrl"))),
                    categories=tuple(_labels(sub.get("categories"))),
                )
            )
        return feeds

    async def categories(self) -> list[str]:
        data = await self._get("tag/list", [])
        names: list[str] = []
        for tag in _list(data, "tags", self._api):
            tid = tag.get("id") if isinstance(tag, dict) else None
            if isinstance(tid, str) and "/label/" in tid and tag.get("type") != "tag":
                names.append(clean_line(tid.split("/label/", 1)[1]))
        return [n for n in names if n]

    async def items(
        self, since: datetime | None, *, unread_only: bool = False
    ) -> AsyncIterator[list[RemoteItem]]:
        params: list[tuple[str, str]] = [("n", str(self.page_size))]
        if since is not None:
            params.append(("ot", str(max(0, int(since.timestamp())))))
        if unread_only:
            params.append(("xt", READ))
        path = "stream/contents/" + READING_LIST
        async for page in self._pages(path, params, "items"):
            items = [item for raw in page if (item := _item(raw)) is not None]
            if items:
                yield items

    async def state(self) -> RemoteState:
        unread = await self._ids([("s", READING_LIST), ("xt", READ)])
        starred = await self._ids([("s", STARRED)])
        return RemoteState(unread=frozenset(unread), starred=frozenset(starred))

    async def _ids(self, params: list[tuple[str, str]]) -> set[str]:
        found: set[str] = set()
        query = [*params, ("n", str(self.ids_page_size))]
        async for refs in self._pages("stream/items/ids", query, "itemRefs"):
            for ref in refs:
                rid = ref.get("id") if isinstance(ref, dict) else None
                if isinstance(rid, str | int) and str(rid):
                    found.add(short_id(str(rid)))
        return found

    async def _pages(
        self, path: str, params: list[tuple[str, str]], key: str
    ) -> AsyncIterator[list[Any]]:
        seen: set[str] = set()
        continuation = ""
        for _ in range(self.max_pages):
            query = params + ([("c", continuation)] if continuation else [])
            try:
                data = await self._get(path, query)
            except AnswerTooLarge:
                # Long articles: the rest is asked for in halves (n), never a stuck sync.
                n = int(dict(params).get("n", "0"))
                if n <= 10:
                    raise
                params = [(k, str(n // 2) if k == "n" else v) for k, v in params]
                continue
            yield _list(data, key, self._api)
            nxt = data.get("continuation") if isinstance(data, dict) else None
            if nxt is None or nxt == "":
                return
            continuation = str(nxt)
            if continuation in seen:
                raise self._api.error(Failure.PROTOCOL, "the server repeats a continuation")
            seen.add(continuation)
        raise self._api.error(Failure.PROTOCOL, f"more than {self.max_pages} pages")

    # -- state changes ---------------------------------------------------------------------------

    async def mark_read(self, ids: Iterable[str], read: bool) -> None:
        await self._edit_tag(ids, READ, add=read)

    async def mark_starred(self, ids: Iterable[str], starred: bool) -> None:
        await self._edit_tag(ids, STARRED, add=starred)

    async def _edit_tag(self, ids: Iterable[str], tag: str, *, add: bool) -> None:
        # One state per call (older FreshRSS reads one a= and one r=), the long form of ids
        # (a negative short id is not read as a number by FreshRSS), bounded batches.
        wanted = [long_id(short_id(i)) for i in dict.fromkeys(ids)]
        for start in range(0, len(wanted), self.edit_batch):
            batch = wanted[start : start + self.edit_batch]
            form = [("i", i) for i in batch] + [("a" if add else "r", tag)]
            await self._post("edit-tag", form)

    async def mark_all_read(self, feed_id: str | None, before: datetime) -> None:
        # FreshRSS compares ts with its entry ids, which are µs timestamps.
        ts = max(0, int(before.timestamp() * self.ts_per_second))
        await self._post("mark-all-as-read", [("s", feed_id or READING_LIST), ("ts", str(ts))])

    # -- subscriptions ---------------------------------------------------------------------------

    async def add_feed(self, url: str, category: str = "") -> RemoteFeed:
        # quickadd in the query too: FreshRSS before 1.20 read it only from there.
        resp = await self._post(
            "subscription/quickadd", [("quickadd", url)], [("quickadd", url)], says_ok=False
        )
        data = self._api.json(resp)
        if not isinstance(data, dict) or not data.get("numResults"):
            words = _str(data.get("error")) if isinstance(data, dict) else ""
            raise self._api.error(Failure.REFUSED, words or "the server did not add the feed")
        stream = str(data.get("streamId") or "")
        if stream and not stream.startswith("feed/"):
            stream = f"feed/{stream}"  # FreshRSS before 1.20 answered its bare number
        if not stream:
            raise self._api.error(Failure.PROTOCOL, "quickadd answered no streamId")
        if category:
            await self.move_feed(stream, category)
        for feed in await self.feeds():
            if feed.id == stream:
                return feed
        title = clean_line(_str(data.get("streamName"))) or url
        return RemoteFeed(stream, title, safe_url(_str(data.get("query"))) or url)

    async def remove_feed(self, feed_id: str) -> None:
        await self._post("subscription/edit", [("ac", "unsubscribe"), ("s", feed_id)])

    async def rename_feed(self, feed_id: str, title: str) -> None:
        await self._post("subscription/edit", [("ac", "edit"), ("s", feed_id), ("t", title)])

    async def move_feed(self, feed_id: str, category: str) -> None:
        form = [("ac", "edit"), ("s", feed_id)]
        if category:
            form.append(("a", LABEL + category))
        else:
            # Out of every label: FreshRSS puts the feed back in its default category.
            current = next((f for f in await self.feeds() if f.id == feed_id), None)
            if current is None or not current.categories:
                return
            form += [("r", LABEL + c) for c in current.categories[:1]]
        await self._post("subscription/edit", form)

    async def aclose(self) -> None:
        if self._own_http:
            await self._http.aclose()


# -- the answers' shapes ---------------------------------------------------------------------


def _field(text: str, name: str) -> str:
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() == name:
            return value.strip()
    return ""


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _list(data: object, key: str, api: ApiSession) -> list[Any]:
    if not isinstance(data, dict):
        raise api.error(Failure.PROTOCOL, f"the answer holds no '{key}'")
    value = data.get(key, [])
    if not isinstance(value, list):
        raise api.error(Failure.PROTOCOL, f"'{key}' is not a list")
    return value


def _labels(categories: object) -> list[str]:
    names: list[str] = []
    for cat in categories if isinstance(categories, list) else []:
        if not isinstance(cat, dict):
            continue
        name = _str(cat.get("label"))
        if not name and "/label/" in _str(cat.get("id")):
            name = _str(cat.get("id")).split("/label/", 1)[1]
        if clean_line(name):
            names.append(clean_line(name))
    return names


def _feed_url_of(stream_id: str) -> str:
    # Google's own stream ids were feed/<the feed's url>.
    return safe_url(stream_id[5:]) if stream_id.startswith("feed/") else ""


def _href(links: object) -> str:
    if isinstance(links, list):
        for link in links:
            if isinstance(link, dict) and (url := safe_url(_str(link.get("href")))):
                return url
    return ""


def _item(raw: object) -> RemoteItem | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        return None
    origin = raw.get("origin") if isinstance(raw.get("origin"), dict) else {}
    cats = [c for c in raw.get("categories") or [] if isinstance(c, str)]
    body = raw.get("content") if isinstance(raw.get("content"), dict) else raw.get("summary")
    published = raw.get("published")
    when = None
    if isinstance(published, int | float) and 0 < published < 1e11:
        when = datetime.fromtimestamp(published, UTC)
    return RemoteItem(
        id=short_id(raw["id"]),
        feed_id=_str(origin.get("streamId")),  # type: ignore[union-attr]
        title=clean_line(_str(raw.get("title"))),
        url=_href(raw.get("canonical")) or _href(raw.get("alternate")),
        content_html=_str(body.get("content")) if isinstance(body, dict) else "",
        author=clean_line(_str(raw.get("author"))),
        published=when,
        # user/-/… from FreshRSS, user/<number>/… from Google and Inoreader.
        read=any(c.endswith("/state/com.google/read") for c in cats),
        starred=any(c.endswith("/state/com.google/starred") for c in cats),
    )
