"""HTTP fetching: one shared httpx.AsyncClient, with every request bounded.

Bounds: connect/read timeouts, a total time per request, a body cap enforced while streaming, a
cap on the decompressed size (we decode gzip/deflate ourselves, in bounded steps, so a gzip bomb
stops at the cap), a redirect limit with loop detection and an http(s)-only check on every hop,
and concurrency caps overall and per host. Conditional GET (ETag / Last-Modified) is supported;
the standard proxy variables are honoured through httpx's trust_env.
"""

from __future__ import annotations

import asyncio
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from korantui import __version__
from korantui.core.sanitize import clean_line, safe_url

DEFAULT_USER_AGENT = (
    f"Mozilla/5.0 (X11; Linux x86_64) korantui/{__version__} (terminal news reader)"
)
MB = 1024 * 1024


@dataclass(slots=True)
class FetchSettings:
    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 45.0
    max_bytes: int = 10 * MB  # on the wire
    max_decoded_bytes: int = 30 * MB  # after gzip/deflate
    max_redirects: int = 8
    max_connections: int = 16
    max_per_host: int = 4


class FetchError(Exception):
    """A request without a usable body. kind is a short machine word; str() is for users."""

    def __init__(self, kind: str, message: str, url: str = "", status: int = 0) -> None:
        super().__init__(message)
        self.kind = kind
        self.url = url
        self.status = status


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
        m = re.search(r"charset=[\"']?([\w.:-]+)", self.headers.get("content-type", ""), re.I)
        return m.group(1) if m else ""


# Pages that bot walls serve instead of the article: never to be extracted as news.
_BOT_WALL = re.compile(
    rb"just a moment\.\.\.|<title>\s*just a moment|cf-browser-verification|challenge-platform"
    rb"|verifying you are human|verify you are human|attention required! \| cloudflare"
    rb"|ddos protection by|cf-chl-|captcha-delivery|g-recaptcha|h-captcha|checking your browser",
    re.I,
)


def looks_like_bot_wall(status: int, body: bytes) -> bool:
    head = body[:60_000]
    if status in (403, 429, 503):
        return bool(_BOT_WALL.search(head))
    # Some walls answer 200 with a challenge page that has no article at all.
    return len(body) < 30_000 and bool(
        re.search(rb"just a moment|verifying you are human", head, re.I)
    )


class _Decoder:
    """gzip/deflate decoding in bounded steps, so a bomb cannot blow past the cap."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit = limit
        self.size = 0
        enc = encoding.lower().strip()
        if enc in ("gzip", "x-gzip"):
            self._z: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            self._z = zlib.decompressobj()
            self._deflate_probe = True
        else:
            self._z = None
        self._raw_deflate_tried = False

    def feed(self, chunk: bytes) -> bytes:
        if self._z is None:
            return self._count(chunk)
        out = bytearray()
        data = chunk
        while data:
            try:
                piece = self._z.decompress(data, 256 * 1024)
            except zlib.error:
                if not self._raw_deflate_tried and self.size == 0 and not out:
                    # Some servers send raw deflate without the zlib header.
                    self._raw_deflate_tried = True
                    self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise FetchError("invalid", "the server sent a corrupt compressed body") from None
            out += self._count(piece)
            data = self._z.unconsumed_tail
            if not piece and not data:
                break
        return bytes(out)

    def _count(self, piece: bytes) -> bytes:
        self.size += len(piece)
        if self.size > self.limit:
            raise FetchError("too_large", f"decompressed body over {self.limit // MB} MB")
        return piece


class Fetcher:
    """The one HTTP client of a run: `async with Fetcher(settings) as f: await f.get(url)`."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings()
        s = self.settings
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            limits=httpx.Limits(
                max_connections=s.max_connections, max_keepalive_connections=s.max_connections
            ),
            follow_redirects=False,
            headers={
                "User-Agent": s.user_agent,
                "Accept-Encoding": "gzip, deflate",
                "Accept-Language": "id,en;q=0.8",
            },
            trust_env=True,
        )
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._all = asyncio.Semaphore(s.max_connections)

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

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
    ) -> FetchResult:
        """GET url, following redirects. Raises FetchError for anything that is not a usable body
        (a 304 is returned, with no content, when etag/last_modified matched)."""
        if not safe_url(url):
            raise FetchError("scheme", f"not an http(s) address: {clean_line(url)[:200]}", url)
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if accept:
            headers["Accept"] = accept
        try:
            async with asyncio.timeout(self.settings.total_timeout):
                return await self._follow(url, headers, max_bytes or self.settings.max_bytes)
        except TimeoutError:
            raise FetchError(
                "timeout", f"no complete answer within {self.settings.total_timeout:g} s", url
            ) from None

    async def _follow(self, url: str, headers: dict[str, str], max_bytes: int) -> FetchResult:
        seen: set[str] = set()
        current = url
        for _ in range(self.settings.max_redirects + 1):
            if current in seen:
                raise FetchError("redirects", "redirect loop", url)
            seen.add(current)
            result, location = await self._one(current, headers, max_bytes)
            if location is None:
                return result
            nxt = safe_url(location, current)
            if not nxt:
                raise FetchError(
                    "scheme",
                    f"redirect to a non-http(s) address: {clean_line(location)[:200]}",
                    url,
                )
            current = nxt
        raise FetchError("redirects", f"more than {self.settings.max_redirects} redirects", url)

    async def _one(
        self, url: str, headers: Mapping[str, str], max_bytes: int
    ) -> tuple[FetchResult, str | None]:
        async with self._all, self._host_gate(url):
            try:
                async with self._client.stream("GET", url, headers=headers) as resp:
                    if resp.status_code in (301, 302, 303, 307, 308) and "location" in resp.headers:
                        return FetchResult(url, resp.status_code), resp.headers["location"]
                    hdrs = {k.lower(): v for k, v in resp.headers.items()}
                    declared = (
                        int(hdrs["content-length"])
                        if hdrs.get("content-length", "").isdigit()
                        else 0
                    )
                    if declared > max_bytes:
                        raise FetchError(
                            "too_large",
                            f"response of {declared // MB} MB is over the {max_bytes // MB} MB cap",
                            url,
                        )
                    decoder = _Decoder(
                        hdrs.get("content-encoding", ""), self.settings.max_decoded_bytes
                    )
                    body = bytearray()
                    wire = 0
                    async for chunk in resp.aiter_raw():
                        wire += len(chunk)
                        if wire > max_bytes:
                            raise FetchError(
                                "too_large", f"response over the {max_bytes // MB} MB cap", url
                            )
                        body += decoder.feed(chunk)
                    status = resp.status_code
            except FetchError as e:
                e.url = e.url or url
                raise
            except httpx.TimeoutException:
                raise FetchError("timeout", "the server did not answer in time", url) from None
            except httpx.ConnectError as e:
                raise FetchError("connect", f"cannot connect: {_reason(e)}", url) from None
            except (httpx.HTTPError, OSError) as e:
                raise FetchError("network", f"network error: {_reason(e)}", url) from None
        content = bytes(body)
        if status == 304:
            return FetchResult(url, 304, b"", hdrs), None
        if looks_like_bot_wall(status, content):
            raise FetchError("blocked", "blocked by a bot wall — open in browser", url, status)
        if status >= 400:
            msg = f"HTTP {status}"
            if status == 429 and hdrs.get("retry-after"):
                msg += f" (too many requests; retry after {_retry_after(hdrs['retry-after'])})"
            elif status in (404, 410):
                msg += " (not found)" if status == 404 else " (gone)"
            raise FetchError("http", msg, url, status)
        return FetchResult(url, status, content, hdrs), None


def _reason(e: Exception) -> str:
    text = clean_line(str(e)) or type(e).__name__
    return text[:200]


def _retry_after(value: str) -> str:
    value = value.strip()
    if value.isdigit():
        return f"{value} s"
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return clean_line(value)[:60]


def absolute(url: str, base: str) -> str:
    return urljoin(base, url)


async def fetch_once(url: str, settings: FetchSettings | None = None) -> FetchResult:
    """One request with a short-lived client (CLI `read` and other one-shot commands)."""
    async with Fetcher(settings) as fetcher:
        return await fetcher.get(url)
