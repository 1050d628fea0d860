"""One httpx client per zone a fetch may reach, each checking at connect time where it goes.

The check sits in the network backend, under httpx's connection pool: the host is resolved once,
every address judged, and the connection made to an address that was judged, so a name that
answers a public address to a first lookup and a private one to the next (DNS rebinding) gains
nothing. A pool per zone means a connection opened for an explicit fetch to the LAN is never
reused by an automatic one. Requests that go through a proxy connect to the proxy, which
resolves the name itself: for them only the literal host is judged (Fetcher does that).
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any

import httpcore
import httpx

from korantui.core.net.zones import Resolver, Zone, allowed_addresses

if TYPE_CHECKING:
    from korantui.core.net.fetch import FetchSettings


class ZoneBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, connecting only to addresses within allowed."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend, allowed: Zone, resolver: Resolver):
        self._inner = inner
        self.allowed = allowed
        self._resolver = resolver

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await allowed_addresses(host, port, self.allowed, self._resolver)
        except OSError as e:  # DNS: said as httpx says a failed connection
            raise httpcore.ConnectError(str(e)) from e
        if not addresses:
            raise httpcore.ConnectError(f"no address for {host}")
        failure: Exception | None = None
        for address in addresses:
            try:
                # TLS still checks the certificate against the name: httpcore passes the
                # origin's host as server_hostname, not the address connected to.
                return await self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                failure = e
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return await self._inner.connect_unix_socket(path, timeout, socket_options)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


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
) -> httpx.AsyncClient:
    s = settings
    client = httpx.AsyncClient(
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
        verify=verify,
        trust_env=True,  # the standard proxy variables; those requests skip the backend
        event_hooks={"response": [on_response]},
    )
    if allowed < Zone.SPECIAL:
        _install_backend(client, allowed, resolver)
    return client


def _install_backend(client: httpx.AsyncClient, allowed: Zone, resolver: Resolver) -> None:
    # httpx takes no network backend; giving it a transport of our own would turn its proxy
    # variables off. The direct pool's backend is replaced instead, and if httpx ever moves it
    # the fetch fails closed here rather than going unchecked.
    pool = getattr(getattr(client, "_transport", None), "_pool", None)
    inner = getattr(pool, "_network_backend", None)
    if not isinstance(pool, httpcore.AsyncConnectionPool) or inner is None:
        raise RuntimeError("httpx's connection pool changed: cannot check where fetches go")
    pool._network_backend = ZoneBackend(inner, allowed, resolver)
