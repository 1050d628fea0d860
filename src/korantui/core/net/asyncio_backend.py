"""httpcore's network backend on asyncio's own streams, for the fetcher's direct connections.

httpcore runs asyncio through anyio. Its stream layer cost a refresh twice: anyio's socket and
TLS modules are imported at the first connection, ~20-25 ms between the first request being made
and its connect (the whole start of a refresh waits for it); and every read and write enters a
cancel scope and rebuilds the socket's attribute table, ~1 ms of event-loop CPU a request at 16
in flight. asyncio's StreamReader/StreamWriter do the same work directly. What httpcore asks of
a backend is kept: its timeouts (ConnectTimeout, ReadTimeout, WriteTimeout), its errors
(ConnectError, ReadError, WriteError), b"" at the end of the stream, TLS on an open connection,
and "is the server gone?" for an idle one. Proxied requests keep httpx's own pools (anyio).
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore

_CLOSE_WAIT = 1.0  # seconds a closing connection may take to say goodbye (TLS close_notify)


class AsyncioStream(httpcore.AsyncNetworkStream):
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            async with asyncio.timeout(timeout):
                return await self._reader.read(max_bytes)
        except TimeoutError as e:
            raise httpcore.ReadTimeout(str(e) or "read timed out") from e
        except (OSError, ssl.SSLError) as e:
            raise httpcore.ReadError(str(e) or type(e).__name__) from e

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        try:
            async with asyncio.timeout(timeout):
                self._writer.write(buffer)
                await self._writer.drain()
        except TimeoutError as e:
            raise httpcore.WriteTimeout(str(e) or "write timed out") from e
        except (OSError, ssl.SSLError, RuntimeError) as e:  # RuntimeError: a closed transport
            raise httpcore.WriteError(str(e) or type(e).__name__) from e

    async def aclose(self) -> None:
        self._writer.close()
        # Bounded: a TLS peer that never answers the goodbye must not hold a refresh up.
        with contextlib.suppress(Exception):
            async with asyncio.timeout(_CLOSE_WAIT):
                await self._writer.wait_closed()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                await self._writer.start_tls(ssl_context, server_hostname=server_hostname)
        except TimeoutError as e:
            self._writer.close()
            raise httpcore.ConnectTimeout(str(e) or "TLS handshake timed out") from e
        except (OSError, ssl.SSLError) as e:
            self._writer.close()
            raise httpcore.ConnectError(str(e) or type(e).__name__) from e
        return self  # the writer now speaks TLS; the reader reads what it decrypts

    def get_extra_info(self, info: str) -> Any:
        transport = self._writer.transport
        if info == "ssl_object":
            return transport.get_extra_info("ssl_object")
        if info == "client_addr":
            return transport.get_extra_info("sockname")
        if info == "server_addr":
            return transport.get_extra_info("peername")
        if info == "socket":
            return transport.get_extra_info("socket")
        if info == "is_readable":
            # asyncio reads a readable socket at once, so what the server sent while the
            # connection was idle (its close, or bytes it should not have sent) is already in
            # the reader, not waiting in the socket.
            return (
                transport.is_closing()
                or self._reader.at_eof()
                or bool(getattr(self._reader, "_buffer", b""))
                or self._reader.exception() is not None
            )
        return None


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(
                    host,
                    port,
                    local_addr=(local_address, 0) if local_address else None,
                    happy_eyeballs_delay=0.25,  # IPv6 and IPv4 in turn, as anyio does
                )
        except TimeoutError as e:
            raise httpcore.ConnectTimeout(str(e) or "connect timed out") from e
        except OSError as e:
            raise httpcore.ConnectError(str(e) or type(e).__name__) from e
        sock = writer.transport.get_extra_info("socket")
        for option in socket_options or ():
            sock.setsockopt(*option)
        return AsyncioStream(reader, writer)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_unix_connection(path)
        except TimeoutError as e:
            raise httpcore.ConnectTimeout(str(e) or "connect timed out") from e
        except OSError as e:
            raise httpcore.ConnectError(str(e) or type(e).__name__) from e
        return AsyncioStream(reader, writer)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
