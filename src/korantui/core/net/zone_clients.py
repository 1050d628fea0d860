"""One httpx client per zone a fetch may reach, each checking at connect time where it goes.

The check sits in the network backend, under httpx's connection pool: the host is resolved once,
every address judged, and the connection made to an address that was judged, so a name that
answers a public address to a first lookup and a private one to the next (DNS rebinding) gains
nothing. A pool per zone means a connection opened for an explicit fetch to the LAN is never
reused by an automatic one. Requests that go through a proxy connect to the proxy, which
resolves the name itself: for them only the literal host is judged (Fetcher does that).
"""

from __future__ import annotations

import importlib.util
import os
import ssl
import sys
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any

import httpcore
import httpx

from korantui.core.net.asyncio_backend import AsyncioBackend
from korantui.core.net.zones import Resolver, Zone, allowed_addresses, ip_zone, parse_ip

if TYPE_CHECKING:
    from korantui.core.net.fetch import FetchSettings

# httpcore asks `import sniffio` on every request and every new connection, to learn which async
# library runs it, and takes asyncio when the import fails. anyio 4 no longer brings sniffio, and
# a failing import is not remembered: each one searched every folder of sys.path again, ~600
# searches and ~0.5-1 s of CPU in a refresh of 100 feeds (benchmarks/refresh_profile.py). Where
# it is not installed, it is marked so: the same ImportError, answered from sys.modules.
if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
    sys.modules["sniffio"] = None  # type: ignore[assignment]


class ZoneBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, connecting only to addresses within allowed, and noting in
    connected the zone each host was actually reached in (the most public one seen)."""

    def __init__(
        self,
        inner: httpcore.AsyncNetworkBackend,
        allowed: Zone,
        resolver: Resolver,
        connected: dict[str, Zone],
    ) -> None:
        self._inner = inner
        self.allowed = allowed
        self._resolver = resolver
        self._connected = connected

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        if self.allowed == Zone.SPECIAL:
            # Anywhere may be reached: the name goes to anyio as given (its happy eyeballs
            # between IPv6 and IPv4), and only where it led is noted.
            stream = await self._inner.connect_tcp(
                host, port, timeout, local_address, socket_options
            )
            self._note(host, _peer(stream))
            return stream
        try:
            addresses = await allowed_addresses(host, port, self.allowed, self._resolver)
        except OSError as e:  # DNS: said as httpx says a failed connection
            raise httpcore.ConnectError(str(e)) from e
        if not addresses:
            raise httpcore.ConnectError(f"no address for {host}")
        failure: Exception | None = None
        ordered = _interleaved(addresses)
        for n, address in enumerate(ordered):
            # A dead first family (IPv6 without a route) costs at most 2 s, not the timeout.
            last = n == len(ordered) - 1
            wait = timeout if last or timeout is None else min(timeout, _NEXT_ADDRESS_AFTER)
            try:
                # TLS still checks the certificate against the name: httpcore passes the
                # origin's host as server_hostname, not the address connected to.
                stream = await self._inner.connect_tcp(
                    address, port, wait, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                failure = e
                continue
            self._note(host, address)
            return stream
        assert failure is not None
        raise failure

    def _note(self, host: str, address: str) -> None:
        ip = parse_ip(address)
        if ip is None:
            return
        zone = ip_zone(ip)
        key = host.lower()
        self._connected[key] = min(zone, self._connected.get(key, zone))

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return await self._inner.connect_unix_socket(path, timeout, socket_options)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


_NEXT_ADDRESS_AFTER = 2.0
IDLE_CONNECTIONS = 64  # kept open between requests (httpx closes them after 5 s idle)


def _peer(stream: httpcore.AsyncNetworkStream) -> str:
    address = stream.get_extra_info("server_addr")
    return str(address[0]) if isinstance(address, tuple) and address else ""


def _interleaved(addresses: list[str]) -> list[str]:
    """IPv6 and IPv4 addresses in turn, in the resolver's order otherwise (RFC 8305)."""
    v6 = [a for a in addresses if ":" in a]
    v4 = [a for a in addresses if ":" not in a]
    first, second = (v6, v4) if addresses and ":" in addresses[0] else (v4, v6)
    out: list[str] = []
    for i in range(max(len(first), len(second))):
        out += first[i : i + 1] + second[i : i + 1]
    return out


def tls_context(ca_file: str = "") -> ssl.SSLContext:
    """The certificates trusted: ca_file when set, else SSL_CERT_FILE / SSL_CERT_DIR, else
    certifi's bundle (httpx's own choice)."""
    if ca_file:
        return ssl.create_default_context(cafile=os.path.expanduser(ca_file))
    return httpx.create_ssl_context(trust_env=True)


def zone_client(
    settings: FetchSettings,
    allowed: Zone,
    resolver: Resolver,
    verify: ssl.SSLContext,
    on_response: Callable[[httpx.Response], Awaitable[None]],
    connected: dict[str, Zone],
) -> httpx.AsyncClient:
    s = settings
    client = httpx.AsyncClient(
        timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
        # Fetcher's own caps bound the requests in flight (max_connections, max_per_host); the
        # pool also keeps idle connections to the hosts of a refresh beyond those. A pool of
        # max_connections alone closed an idle host's connection for each new host: a refresh
        # of 100 feeds on 25 sites made 100 connections (each a connect, a close and
        # httpcore's work for them) where 25 do.
        limits=httpx.Limits(
            max_connections=s.max_connections + IDLE_CONNECTIONS,
            max_keepalive_connections=IDLE_CONNECTIONS,
        ),
        follow_redirects=False,
        headers={
            "User-Agent": s.user_agent,
            "Accept-Encoding": "gzip, deflate",
            "Accept-Language": "id,en;q=0.8",
        },
        verify=verify,
        trust_env=True,  # the standard proxy variables; those requests skip the backend
        event_hooks={"response": [on_response]},
    )
    _install_backend(client, ZoneBackend, allowed, resolver, connected)
    return client


def _install_backend(
    client: httpx.AsyncClient,
    backend: type[ZoneBackend],
    allowed: Zone,
    resolver: Resolver,
    connected: dict[str, Zone],
) -> None:
    # httpx takes no network backend; giving it a transport of our own would turn its proxy
    # variables off. The direct pool's backend is replaced instead, and if httpx ever moves it
    # the fetch fails closed here rather than going unchecked.
    pool = getattr(getattr(client, "_transport", None), "_pool", None)
    inner = getattr(pool, "_network_backend", None)
    if not isinstance(pool, httpcore.AsyncConnectionPool) or inner is None:
        raise RuntimeError("httpx's connection pool changed: cannot check where fetches go")
    # Under the zone check, asyncio's own streams rather than anyio's (asyncio_backend.py).
    pool._network_backend = backend(AsyncioBackend(), allowed, resolver, connected)
