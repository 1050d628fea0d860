"""Local HTTP servers that misbehave on purpose, for the hostile-world tests (issue 6).

One threaded server on 127.0.0.1 per test; each path is a small function that writes to the
socket whatever the case needs: a normal answer, headers and then silence, one byte a second,
50 MB, a gzip bomb, a redirect loop. Handlers that stall wait on the server's stop event, so a
test never leaves a thread behind and never sleeps itself.
"""

from __future__ import annotations

import gzip
import sys
import threading
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[["_RequestHandler"], None]


class _RequestHandler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass  # tests stay quiet

    def do_GET(self) -> None:
        site = self.server.site
        path = self.path.split("?")[0]
        site.hits[path] = site.hits.get(path, 0) + 1
        handler = site.routes.get(path)
        if handler is None:
            handler = next((h for pre, h in site.prefixes if path.startswith(pre)), None)
        try:
            if handler is None:
                self.answer(404, b"<html><body>not here</body></html>", "text/html")
            else:
                handler(self)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            pass  # the client gave up, as it should

    # -- helpers for route functions ----------------------------------------------------------

    def answer(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def chunked(self, status: int, chunks: Iterator[bytes], headers: dict[str, str]) -> None:
        """Stream chunks with no Content-Length, so only the client's running count can stop it."""
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for chunk in chunks:
            if self.server.site.stopping.is_set():
                return
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        self.wfile.write(b"0\r\n\r\n")

    def stall(self, seconds: float = 30.0) -> None:
        self.server.site.stopping.wait(seconds)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # 50 feeds fetched at once must not wait on SYN retries
    site: Site

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up (timed out, or killed on purpose) is part of the test.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class Site:
    """A local site whose paths answer however the test says. Use as a context manager."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.prefixes: list[tuple[str, Handler]] = []  # (path prefix, handler), after exact paths
        self.hits: dict[str, int] = {}
        self.stopping = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _RequestHandler)
        self._server.site = self
        self.port = self._server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> Site:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, handler: Handler) -> str:
        self.routes[path] = handler
        return self.url(path)

    def route_prefix(self, prefix: str, handler: Handler) -> None:
        self.prefixes.append((prefix, handler))

    def page(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        return self.route(path, lambda h: h.answer(status, data, content_type, headers))


# -- bodies ----------------------------------------------------------------------------------


def billion_laughs(link: str) -> bytes:
    """An RSS feed whose title is nine levels of ten-fold entities ("billion laughs")."""
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{levels}]>'
        '<rss version="2.0"><channel><title>&l9;</title>'
        f"<item><title>Tawa &l9;</title><link>{link}</link></item></channel></rss>"
    ).encode()


def rss(items: list[dict[str, str]], title: str = "Koran Uji", base: str = "") -> str:
    """An RSS 2.0 document; item values are inserted as given (the caller escapes or not)."""
    parts = []
    for item in items:
        fields = "".join(f"<{k}>{v}</{k}>" for k, v in item.items())
        parts.append(f"<item>{fields}</item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{title}</title><link>{base}/</link><description>uji</description>"
        + "".join(parts)
        + "</channel></rss>"
    )


def simple_rss(base: str, n: int = 3, prefix: str = "Berita") -> str:
    return rss(
        [
            {
                "title": f"{prefix} nomor {i}",
                "link": f"{base}/berita/{prefix.lower()}-{i}",
                "guid": f"{base}/berita/{prefix.lower()}-{i}",
                "description": f"Ringkasan {prefix.lower()} nomor {i}.",
                "pubDate": f"Tue, {10 + i:02d} Sep 2022 09:30:00 +0700",
            }
            for i in range(1, n + 1)
        ],
        base=base,
    )


def article_page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:title" content="{title}"></head><body>'
        f"<article><h1>{title}</h1><div class='content'>{body}</div></article></body></html>"
    )


def gzip_bomb_chunks(total: int, chunk: int = 1024 * 1024) -> Iterator[bytes]:
    """A gzip stream of `total` zero bytes, compressed on the fly (1 GB is ~1 MB on the wire)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(chunk)
    for _ in range(total // chunk):
        out = comp.compress(zeros)
        if out:
            yield out
    yield comp.flush()


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data)


CLOUDFLARE_WALL = (
    "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    "<div id='challenge-platform'>Checking if the site connection is secure</div>"
    "<p>Verifying you are human. This may take a few seconds.</p></body></html>"
)
CAPTCHA_WALL = (
    "<html><head><title>Security check</title></head><body><h1>Are you a robot?</h1>"
    "<div class='g-recaptcha' data-sitekey='x'></div></body></html>"
)
