"""HTTP fetching: one shared httpx.AsyncClient, with every request bounded.

Bounds: connect/read timeouts, a total time per request, a body cap enforced while streaming, a
cap on the decompressed size (we decode gzip/deflate ourselves, in bounded steps, so a gzip bomb
stops at the cap), a redirect limit with loop detection and an http(s)-only check on every hop,
and concurrency caps overall and per host. Conditional GET (ETag / Last-Modified) is supported;
the standard proxy variables are honoured through httpx's trust_env.

Every request carries the most private zone it may reach (core/net/zones.py): a plain Fetcher
may go anywhere (the reader asked), `fetcher.confined(zone)` only up to zone (what korantui
fetches on its own), and redirects never lead somewhere more private than where they started.
"""

from __future__ import annotations

import asyncio
import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from korantui.core.net.botwall import BLOCKED_MESSAGE, looks_like_bot_wall
from korantui.core.net.decode import MB, BoundedDecoder
from korantui.core.net.doctype import binary_kind
from korantui.core.net.error_words import CERTIFICATE, http_message, reason
from korantui.core.net.errors import FetchError, FetchRefused
from korantui.core.net.fetch_settings import DEFAULT_USER_AGENT as DEFAULT_USER_AGENT
from korantui.core.net.fetch_settings import FetchSettings
from korantui.core.net.zones import (
    AddressRefused,
    Resolver,
    Zone,
    literal_zone,
    system_resolver,
    url_zone,
)
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line, safe_url

if TYPE_CHECKING:
    import ssl

    import httpx  # imported where a client is made: the app imports this module at start-up


@dataclass(slots=True)
class FetchResult:
    url: str  # the final address, after redirects
    status: int
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str:
        return self.headers.get("etag", "")

    @property
    def last_modified(self) -> str:
        return self.headers.get("last-modified", "")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def declared_charset(self) -> str:
        return header_charset(self.headers.get("content-type", ""))


_CHARSET_PARAM = compiled(r"charset=[\"']?([\w.:-]+)", re.I)


def header_charset(content_type: str) -> str:
    """The charset parameter of a Content-Type header value, as given ("" when there is none)."""
    m = _CHARSET_PARAM.search(content_type)
    return m.group(1) if m else ""


# Content types that are never a page or a feed: refused before their bytes are read.
_BINARY_TYPES = ("image/", "audio/", "video/", "font/")
_BINARY_EXACT = frozenset(
    {"application/pdf", "application/zip", "application/gzip", "application/x-msdownload"}
)


class Fetcher:
    """The one HTTP client of a run: `async with Fetcher(settings) as f: await f.get(url)`.

    resolver: how names become addresses for the zone checks (a test's answers loopback).
    """

    def __init__(
        self, settings: FetchSettings | None = None, *, resolver: Resolver | None = None
    ) -> None:
        from korantui.core.net.trust import Trust

        self.settings = settings or FetchSettings()
        self.resolver: Resolver = resolver or system_resolver
        self.reach = Zone.SPECIAL  # the most private zone requests go to unless told otherwise
        self.user_agent = ""  # a feed's own User-Agent; "" sends the settings' one
        # The certificates are read when the first https request needs them (core/net/trust.py).
        self._trust = Trust(self.settings.ca_file)
        self._tls: ssl.SSLContext = self._trust.context
        # host -> the most public zone it was reached in, directly (not through a proxy).
        self._connected: dict[str, Zone] = {}
        # One client (one connection pool) per zone, shared by every confined() view. The
        # unrestricted one is made now: a malformed proxy variable is then said at once.
        self._clients: dict[Zone, httpx.AsyncClient] = {}
        self._client(Zone.SPECIAL)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._all = asyncio.Semaphore(self.settings.max_connections)

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        for client in list(self._clients.values()):
            await client.aclose()

    def confined(self, zone: Zone) -> Fetcher:
        """This fetcher, sharing its clients and caps, whose requests reach no further than zone
        (nor than this one's own reach): what korantui fetches on its own for a feed in zone."""
        view = copy.copy(self)
        view.reach = min(self.reach, zone)
        return view

    def with_user_agent(self, user_agent: str) -> Fetcher:
        """This fetcher, sharing its clients and caps, its requests sent as user_agent (a
        [[feeds]] table's own, checked by the config as one line of printable ASCII)."""
        view = copy.copy(self)
        view.user_agent = user_agent
        return view

    async def zone_of(self, url: str) -> Zone:
        """The zone url points into (see zones.url_zone), and no more private than where this
        fetcher actually reached its host: a feed fetched from a public address whose name
        now answers 10.0.0.1 (DNS rebinding) still counts as public. A lookup that does not
        answer in the connect timeout counts as public, the strictest reading."""
        try:
            async with asyncio.timeout(self.settings.connect_timeout):
                zone = await url_zone(url, self.resolver)
        except TimeoutError:
            return Zone.PUBLIC
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return zone
        reached = self._connected.get(host)
        return zone if reached is None else min(zone, reached)

    async def following(self, url: str) -> Fetcher:
        """The fetcher for what a page at url leads to on its own (its canonical address, its
        further pages): no more private than url itself."""
        if self.reach == Zone.PUBLIC:
            return self
        return self.confined(await self.zone_of(url))

    def _client(self, allowed: Zone) -> httpx.AsyncClient:
        client = self._clients.get(allowed)
        if client is None:
            from korantui.core.net.zone_clients import zone_client

            client = zone_client(
                self.settings, allowed, self.resolver, self._tls, _hold_location, self._connected
            )
            self._clients[allowed] = client
        return client

    def _host_gate(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).netloc.lower()
        gate = self._hosts.get(host)
        if gate is None:
            gate = self._hosts[host] = asyncio.Semaphore(self.settings.max_per_host)
        return gate

    async def get(
        self,
        url: str,
        *,
        etag: str = "",
        last_modified: str = "",
        accept: str = "",
        max_bytes: int | None = None,
        reach: Zone | None = None,
        hops: Zone | None = None,
    ) -> FetchResult:
        """GET url, following redirects. Raises FetchError for anything that is not a usable body
        (a 304 is returned, with no content, when etag/last_modified matched).

        reach: the most private zone url may be in (default: this fetcher's); hops: the most
        private zone redirects may lead to (default: no more private than url's own). Either
        refused raises FetchRefused, before anything is sent there."""
        if not safe_url(url):
            raise FetchError("scheme", f"not an http(s) address: {clean_line(url)[:200]}", url)
        headers: dict[str, str] = {}
        # Validators came from a stranger's headers: sent back only when they are plain
        # printable ASCII, or httpx would refuse the request and the feed fail for good.
        if etag and _header_safe(etag):
            headers["If-None-Match"] = etag
        if last_modified and _header_safe(last_modified):
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        if self.user_agent:
            headers["User-Agent"] = self.user_agent
        allowed = self.reach if reach is None else min(reach, self.reach)
        # The total time starts when the request may go out, not while it waits its turn
        # behind the concurrency caps (50 feeds on one host would otherwise time out queueing).
        deadline: list[float] = []
        try:
            return await self._follow(
                url, headers, max_bytes or self.settings.max_bytes, deadline, allowed, hops
            )
        except TimeoutError:
            raise FetchError(
                "timeout", f"no complete answer within {self.settings.total_timeout:g} s", url
            ) from None

    async def _follow(
        self,
        url: str,
        headers: dict[str, str],
        max_bytes: int,
        deadline: list[float],
        allowed: Zone,
        hops: Zone | None,
    ) -> FetchResult:
        seen: set[str] = set()
        current = url
        hop_limit: Zone | None = None  # known once the first answer is a redirect
        for _ in range(self.settings.max_redirects + 1):
            if current in seen:
                raise FetchError("redirects", "redirect loop", url)
            seen.add(current)
            limit = allowed if hop_limit is None else hop_limit
            result, location = await self._one(current, headers, max_bytes, deadline, limit)
            if location is None:
                return result
            nxt = safe_url(location, current)
            if not nxt:
                raise FetchError(
                    "scheme",
                    f"redirect to a non-http(s) address: {clean_line(location)[:200]}",
                    url,
                )
            if hop_limit is None:
                if hops is None:
                    hops = allowed if allowed == Zone.PUBLIC else await self.zone_of(url)
                hop_limit = min(allowed, hops)
            current = nxt
        raise FetchError("redirects", f"more than {self.settings.max_redirects} redirects", url)

    async def _one(
        self,
        url: str,
        headers: Mapping[str, str],
        max_bytes: int,
        deadline: list[float],
        allowed: Zone,
    ) -> tuple[FetchResult, str | None]:
        # A literal address or a telling name is judged before any lookup or connection; a
        # name is judged again by every address it resolves to when connecting (zone_clients).
        # Through a proxy, which resolves names itself, this literal judgement is all there is.
        zone = literal_zone(url)
        if zone is not None and zone > allowed:
            host = urlsplit(url).hostname or url
            raise FetchRefused(AddressRefused(host, zone, allowed), url)
        if not self._trust.ready and url[:6].lower() == "https:":
            await self._trusted(url)
        async with self._all, self._host_gate(url):
            if not deadline:
                deadline.append(asyncio.get_running_loop().time() + self.settings.total_timeout)
            async with asyncio.timeout_at(deadline[0]):
                return await self._request(self._client(allowed), url, headers, max_bytes)

    async def _trusted(self, url: str) -> None:
        """No handshake before the certificates are in (the first https request reads them)."""
        import ssl

        try:
            await asyncio.to_thread(self._trust.wait)
        except (ssl.SSLError, OSError, ValueError) as e:
            words = clean_line(str(e))[:200]
            raise FetchError("tls", f"cannot read the trusted certificates: {words}", url) from None

    async def _request(
        self, client: httpx.AsyncClient, url: str, headers: Mapping[str, str], max_bytes: int
    ) -> tuple[FetchResult, str | None]:
        import httpx  # already loaded by __init__: a dictionary lookup

        try:
            async with client.stream("GET", url, headers=headers) as resp:
                if resp.status_code in (301, 302, 303, 307, 308):
                    if _LOCATION not in resp.headers:
                        raise FetchError(
                            "http", f"HTTP {resp.status_code} redirect with no address", url
                        )
                    return FetchResult(url, resp.status_code), resp.headers[_LOCATION]
                hdrs = {k.lower(): v for k, v in resp.headers.items()}
                ctype = hdrs.get("content-type", "").split(";")[0].strip().lower()
                # An image fetch (core/images) asks for images and sniffs the bytes itself.
                image = headers.get("Accept", "").startswith("image/")
                if (
                    resp.status_code < 300
                    and not image
                    and (ctype.startswith(_BINARY_TYPES) or ctype in _BINARY_EXACT)
                ):
                    raise FetchError(
                        "content_type",
                        f"not a web page or feed: the server sent {clean_line(ctype)[:60]}",
                        url,
                        detail=binary_kind(b"", ctype),
                    )
                declared = (
                    int(hdrs["content-length"]) if hdrs.get("content-length", "").isdigit() else 0
                )
                if declared > max_bytes:
                    raise FetchError(
                        "too_large",
                        f"response of {declared // MB} MB is over the {max_bytes // MB} MB cap",
                        url,
                    )
                decoder = BoundedDecoder(
                    hdrs.get("content-encoding", ""), self.settings.max_decoded_bytes
                )
                body = bytearray()
                wire = 0
                # Binary served as octet-stream (or as anything) is told by its first bytes
                # and dropped there, not read to the cap and decoded as a page.
                sniffed = resp.status_code >= 300 or image
                async for chunk in resp.aiter_raw():
                    wire += len(chunk)
                    if wire > max_bytes:
                        raise FetchError(
                            "too_large", f"response over the {max_bytes // MB} MB cap", url
                        )
                    body += decoder.feed(chunk)
                    if not sniffed and len(body) >= 1024:
                        sniffed = True
                        if kind := binary_kind(bytes(body[:1024]), ctype):
                            raise _not_text(kind, url)
                    if resp.status_code >= 400 and len(body) > 65536:
                        break  # an error page: its head is enough to tell a bot wall
                if not sniffed and (kind := binary_kind(bytes(body), ctype)):
                    raise _not_text(kind, url)
                status = resp.status_code
        except FetchError as e:
            e.url = e.url or url
            raise
        except AddressRefused as e:  # from the connection check: nothing was sent
            raise FetchRefused(e, url) from None
        except httpx.ConnectTimeout:
            raise FetchError("timeout", "cannot connect: no answer from the server", url) from None
        except httpx.ReadTimeout:
            raise FetchError(
                "timeout",
                f"the server stopped sending (nothing for {self.settings.read_timeout:g} s)",
                url,
            ) from None
        except httpx.TimeoutException:
            raise FetchError("timeout", "the server did not answer in time", url) from None
        except httpx.ConnectError as e:
            words = reason(e)
            kind = "tls" if words.startswith(CERTIFICATE) else "connect"
            raise FetchError(kind, f"cannot connect: {words}", url) from None
        except (httpx.HTTPError, OSError) as e:
            raise FetchError("network", f"network error: {reason(e)}", url) from None
        except (httpx.InvalidURL, ValueError, UnicodeError):
            raise FetchError(
                "invalid", f"not a valid address: {clean_line(url)[:200]}", url
            ) from None
        content = bytes(body)
        if status == 304:
            return FetchResult(url, 304, b"", hdrs), None
        if looks_like_bot_wall(status, content):
            raise FetchError("blocked", BLOCKED_MESSAGE, url, status)
        if status >= 400:
            error = FetchError("http", http_message(status, hdrs), url, status)
            error.headers = hdrs  # Retry-After, for the scheduler (core/schedule.py)
            raise error
        return FetchResult(url, status, content, hdrs), None


def _not_text(kind: str, url: str) -> FetchError:
    return FetchError("content_type", f"not a web page or feed: {kind}", url, detail=kind)


_LOCATION = "x-korantui-location"


async def _hold_location(response: httpx.Response) -> None:
    # httpx parses a redirect's Location itself, even when not following it, and raises on
    # "javascript:..." or garbage. We judge the address ourselves (_follow), so it is moved aside.
    if "location" in response.headers:
        response.headers[_LOCATION] = response.headers["location"]
        del response.headers["location"]


def _header_safe(value: str) -> bool:
    return len(value) < 1000 and all(" " <= c <= "~" for c in value)
