"""Bounded requests to an account's server API (FreshRSS, Miniflux...): GET/POST/PUT/DELETE
with form or JSON bodies, every failure said as an AccountError a reader can act on.

Bounds as for feeds (core/net/fetch.py): connect/read timeouts, a total time per request, a
cap on the body on the wire and after gzip/deflate, http(s) only. Redirects are followed only
for GET and only on the same host (http -> https allowed), so the Authorization header and
the form carrying a password never go to another address.

Unlike a feed's links, an account's address is the reader's own choice and is often on the
LAN or this machine (a self-hosted FreshRSS on 192.168.1.10, Miniflux in a container on
localhost): no zone check applies here, and the client is a plain one, not Fetcher's.

Secrets (a password, an API key, a session token) given to an ApiSession are cut out of every
error text it makes, whatever a server or the OS put in it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from korantui.core.accounts.remote import AccountError, Failure
from korantui.core.net.decode import MB, BoundedDecoder
from korantui.core.net.error_words import CERTIFICATE, reason
from korantui.core.net.errors import FetchError
from korantui.core.sanitize import clean_line, safe_url

if TYPE_CHECKING:
    import httpx

Form = Sequence[tuple[str, str]]  # repeated keys kept in order: i=1&i=2&a=...


class AnswerTooLarge(AccountError):
    """An answer over the size caps (a PROTOCOL failure): a client paging may ask for less."""

    def __init__(self, detail: str) -> None:
        super().__init__(Failure.PROTOCOL, detail)


@dataclass(slots=True)
class ApiLimits:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 90.0
    # A page of items that does not fit is asked for again in halves (the clients do that).
    max_bytes: int = 16 * MB  # on the wire
    max_decoded_bytes: int = 48 * MB
    max_redirects: int = 3


@dataclass(slots=True)
class ApiResponse:
    url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def new_api_client(
    user_agent: str = "", ca_file: str = "", limits: ApiLimits | None = None
) -> httpx.AsyncClient:
    """The httpx client for one run's account requests (one pool for every account)."""
    import httpx

    from korantui.core.net.fetch import DEFAULT_USER_AGENT
    from korantui.core.net.zone_clients import tls_context

    lim = limits or ApiLimits()
    return httpx.AsyncClient(
        timeout=httpx.Timeout(lim.read_timeout, connect=lim.connect_timeout),
        limits=httpx.Limits(max_connections=8, max_keepalive_connections=8),
        follow_redirects=False,
        headers={"User-Agent": user_agent or DEFAULT_USER_AGENT},
        verify=tls_context(ca_file),
        trust_env=True,  # the standard proxy variables, as for feeds
    )


class ApiSession:
    """Requests to one account's server through a client the caller owns and closes."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        limits: ApiLimits | None = None,
        secrets: Iterable[str] = (),
    ) -> None:
        self.client = client
        self.limits = limits or ApiLimits()
        self._secrets = {s for s in secrets if s}

    def __repr__(self) -> str:
        return f"ApiSession({len(self._secrets)} secrets held)"

    def add_secret(self, secret: str) -> None:
        if secret:
            self._secrets.add(secret)

    def redact(self, text: str) -> str:
        # Longest first, so a token containing the password is cut whole.
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, "***")
        return text

    def error(self, failure: Failure, detail: str = "") -> AccountError:
        return AccountError(failure, self.redact(clean_line(detail))[:300])

    async def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, str | int] | Form | None = None,
        form: Form | None = None,
        json_body: Any = None,
        headers: Mapping[str, str] | None = None,
        check: bool = True,
        want_json: bool = True,
    ) -> ApiResponse:
        """One request, redirects on the same host followed for GET. With check, a status
        that is not a success raises AccountError (see check()); without, it is returned."""
        if not safe_url(url):
            raise self.error(Failure.PROTOCOL, "the account's address is not an http(s) address")
        content: bytes | None = None
        sent = {"Accept-Encoding": "gzip, deflate", **(headers or {})}
        if form is not None:
            import urllib.parse

            content = urllib.parse.urlencode(list(form)).encode("ascii")
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        elif json_body is not None:
            content = json.dumps(json_body).encode("utf-8")
            sent["Content-Type"] = "application/json"
        if want_json:
            sent.setdefault("Accept", "application/json")
        try:
            async with asyncio.timeout(self.limits.total_timeout):
                resp = await self._follow(method, url, params, content, sent)
        except TimeoutError:
            raise self.error(
                Failure.UNREACHABLE,
                f"no complete answer within {self.limits.total_timeout:g} s",
            ) from None
        if check:
            self.check(resp, want_json)
        return resp

    def check(self, resp: ApiResponse, want_json: bool = True) -> None:
        """Raise the AccountError a status (or an HTML page where JSON was asked) stands for."""
        status = resp.status
        if status in (401, 403):
            raise self.error(Failure.AUTH, f"HTTP {status}")
        if status == 404 and resp.content_type == "application/json":
            # The API answering, about one thing it does not have (Miniflux: a feed deleted).
            raise self.error(Failure.REFUSED, f"not on the server{_server_words(resp)}")
        if status in (404, 405, 410, 501):
            raise self.error(Failure.API_OFF, f"HTTP {status} at {_where(resp.url)}")
        if status == 429 or status >= 500:
            raise self.error(Failure.SERVER, f"HTTP {status}")
        if status >= 400:
            raise self.error(Failure.REFUSED, f"HTTP {status}{_server_words(resp)}")
        if status >= 300:
            raise self.error(Failure.PROTOCOL, f"HTTP {status} (a redirect not followed)")
        if want_json and status != 204 and _looks_html(resp):
            raise self.error(
                Failure.API_OFF,
                f"a web page, not the API, answers at {_where(resp.url)}",
            )

    def json(self, resp: ApiResponse) -> Any:
        """The answer's JSON, or PROTOCOL."""
        try:
            return json.loads(resp.body)
        except (ValueError, UnicodeDecodeError):
            if _looks_html(resp):
                raise self.error(
                    Failure.API_OFF, f"a web page, not the API, answers at {_where(resp.url)}"
                ) from None
            raise self.error(Failure.PROTOCOL, "the answer is not JSON") from None

    async def _follow(
        self,
        method: str,
        url: str,
        params: Mapping[str, str | int] | Form | None,
        content: bytes | None,
        headers: dict[str, str],
    ) -> ApiResponse:
        current = url
        for _ in range(self.limits.max_redirects + 1):
            resp, location = await self._one(method, current, params, content, headers)
            if location is None:
                return resp
            nxt = safe_url(location, current)
            if not nxt or method != "GET" or not _same_host(current, nxt):
                raise self.error(
                    Failure.API_OFF,
                    f"the server sends korantui elsewhere ({_where(nxt or location)});"
                    " put the API's own address in the account's url",
                )
            current, params = nxt, None  # the Location carries its own query
        raise self.error(Failure.PROTOCOL, f"more than {self.limits.max_redirects} redirects")

    async def _one(
        self,
        method: str,
        url: str,
        params: Mapping[str, str | int] | Form | None,
        content: bytes | None,
        headers: Mapping[str, str],
    ) -> tuple[ApiResponse, str | None]:
        import httpx

        lim = self.limits
        try:
            async with self.client.stream(
                method,
                url,
                params=params,  # type: ignore[arg-type]
                content=content,
                headers=headers,
                follow_redirects=False,
            ) as resp:
                hdrs = {k.lower(): v for k, v in resp.headers.items()}
                if resp.status_code in (301, 302, 303, 307, 308) and "location" in hdrs:
                    return ApiResponse(str(resp.url), resp.status_code, hdrs), hdrs["location"]
                declared = hdrs.get("content-length", "")
                if declared.isdigit() and int(declared) > lim.max_bytes:
                    raise AnswerTooLarge(
                        f"an answer of {int(declared) / MB:.1f} MB, over the"
                        f" {lim.max_bytes / MB:.1f} MB cap"
                    )
                decoder = BoundedDecoder(hdrs.get("content-encoding", ""), lim.max_decoded_bytes)
                body = bytearray()
                wire = 0
                async for chunk in resp.aiter_raw():
                    wire += len(chunk)
                    if wire > lim.max_bytes:
                        raise AnswerTooLarge(f"an answer over the {lim.max_bytes / MB:.1f} MB cap")
                    body += decoder.feed(chunk)
                    if resp.status_code >= 400 and len(body) > 65536:
                        break  # an error page: its head says enough
                return ApiResponse(str(resp.url), resp.status_code, hdrs, bytes(body)), None
        except AccountError:
            raise
        except FetchError as e:  # the decoder: over the cap, or corrupt
            if e.kind == "too_large":
                size = lim.max_decoded_bytes / MB
                raise AnswerTooLarge(f"an answer over {size:.1f} MB decompressed") from None
            raise self.error(Failure.PROTOCOL, str(e)) from None
        except httpx.ConnectTimeout:
            raise self.error(Failure.UNREACHABLE, "no answer to the connection") from None
        except httpx.ReadTimeout:
            raise self.error(
                Failure.UNREACHABLE, f"the server stopped answering for {lim.read_timeout:g} s"
            ) from None
        except httpx.TimeoutException:
            raise self.error(Failure.UNREACHABLE, "the server did not answer in time") from None
        except httpx.ConnectError as e:
            words = reason(e)
            if words.startswith(CERTIFICATE):
                raise self.error(Failure.UNREACHABLE, words) from None
            raise self.error(Failure.UNREACHABLE, f"cannot connect: {words}") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, UnicodeError):
            raise self.error(Failure.PROTOCOL, "not a valid address") from None
        except (httpx.HTTPError, OSError) as e:
            raise self.error(Failure.UNREACHABLE, f"network error: {reason(e)}") from None


def _looks_html(resp: ApiResponse) -> bool:
    if resp.content_type in ("text/html", "application/xhtml+xml"):
        return True
    head = resp.body[:256].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _server_words(resp: ApiResponse) -> str:
    """A JSON API's own short reason (Miniflux: error_message), for a refused change."""
    if resp.content_type != "application/json" or len(resp.body) > 4096:
        return ""
    try:
        data = json.loads(resp.body)
    except ValueError:
        return ""
    words = data.get("error_message") if isinstance(data, dict) else None
    return f": {clean_line(words)[:160]}" if isinstance(words, str) and words else ""


def _same_host(a: str, b: str) -> bool:
    pa, pb = urlsplit(a), urlsplit(b)
    if (pa.hostname or "").lower() != (pb.hostname or "").lower():
        return False
    if pa.scheme == pb.scheme:
        return pa.port == pb.port
    return pa.scheme == "http" and pb.scheme == "https"  # an upgrade, never a downgrade


def _where(url: str) -> str:
    """scheme://host/path of url, never its query nor any user:password@."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "an invalid address"
    return clean_line(f"{parts.scheme}://{host}{port}{parts.path}")[:160]


def api_url(base: str, path: str) -> str:
    """base (the account's url, with or without a trailing slash) joined with path."""
    return urljoin(base.rstrip("/") + "/", path.lstrip("/"))
