"""The fetcher's connections: one per host reused across a refresh, whatever the number of hosts."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from korantui.core.net.fetch import Fetcher, FetchError, FetchSettings


class _Counting(ThreadingHTTPServer):
    daemon_threads = True
    connections = 0


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    server: _Counting

    def setup(self) -> None:
        self.server.connections += 1  # one handler per connection
        super().setup()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = b"<rss version='2.0'><channel><title>x</title></channel></rss>"
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


async def test_more_hosts_than_connections_each_keep_their_connection() -> None:
    settings = FetchSettings(max_connections=4, max_per_host=2)
    servers = [_Counting((f"127.0.0.{k + 1}", 0), _Handler) for k in range(10)]
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in servers]
    for t in threads:
        t.start()
    try:
        urls = [f"http://{s.server_address[0]}:{s.server_address[1]}/f.xml" for s in servers]
        async with Fetcher(settings) as fetcher:
            for _ in range(3):  # a refresh's feeds, host after host, three times over
                for url in urls:
                    assert (await fetcher.get(url)).status == 200
    finally:
        for s in servers:
            s.shutdown()
            s.server_close()
    assert [s.connections for s in servers] == [1] * 10


async def test_a_feed_whose_headline_says_captcha_is_not_taken_for_a_bot_wall() -> None:
    from tests.hostile_servers import Site, rss

    item = {"title": "Captcha baru di situs pajak", "link": "https://koran.example/berita/1"}
    with Site() as site:
        url = site.page("/f.xml", rss([item]), "application/rss+xml")
        wall = site.page("/wall", "<html><title>Just a moment...</title></html>")
        async with Fetcher() as fetcher:
            assert b"Captcha baru" in (await fetcher.get(url)).content
            with pytest.raises(FetchError, match="blocked"):
                await fetcher.get(wall)


class _Hanging(_Counting):
    closed: threading.Event


class _ClosingHandler(_Handler):
    """Says nothing of closing (HTTP/1.1 keep-alive), then closes the connection anyway, as a
    server whose idle timeout ran out between two feeds does."""

    server: _Hanging

    def do_GET(self) -> None:
        super().do_GET()
        self.wfile.flush()
        self.close_connection = True

    def finish(self) -> None:
        super().finish()
        self.server.closed.set()


async def test_an_idle_connection_the_server_closed_is_not_reused() -> None:
    import asyncio

    server = _Hanging(("127.0.0.1", 0), _ClosingHandler)
    server.closed = threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/f.xml"
    try:
        async with Fetcher(FetchSettings()) as fetcher:
            assert (await fetcher.get(url)).status == 200
            assert await asyncio.to_thread(server.closed.wait, 10)
            # The pool sees the closed socket readable while idle, and opens another.
            assert (await fetcher.get(url)).status == 200
    finally:
        server.shutdown()
        server.server_close()
    assert server.connections == 2
