"""A connection's stream as httpcore's pool sees it, with its socket looked up once.

Before every request it places, httpcore's pool asks each of its idle connections whether the
server closed it (`get_extra_info("is_readable")`). Through anyio's stream that rebuilds the
socket's whole attribute table every time, a getpeername() call included: ~2,400 times in a warm
refresh of 100 feeds over 25 hosts, ~13% of its CPU (benchmarks/refresh_profile.py). The socket
of a connection never changes, so it is kept here; reading, writing, TLS and every other
attribute are the wrapped stream's own.
"""

from __future__ import annotations

import select
import socket
import ssl
from typing import Any

import httpcore


class LeanStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._socket: socket.socket | None = inner.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return LeanStream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "socket" and self._socket is not None:
            return self._socket
        if info == "is_readable" and self._socket is not None:
            return _readable(self._socket)
        return self._inner.get_extra_info(info)


def _readable(sock: socket.socket) -> bool:
    """httpcore's test: readable while idle means the server closed it (or sent what it should
    not have); a socket without a descriptor counts as closed."""
    fd = sock.fileno()
    if fd < 0:
        return True
    if not hasattr(select, "poll"):  # Windows
        ready, _, _ = select.select([fd], [], [], 0)
        return bool(ready)
    p = select.poll()
    p.register(fd, select.POLLIN)
    return bool(p.poll(0))
