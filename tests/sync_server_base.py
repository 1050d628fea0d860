"""What the loopback account servers share (tests/sync_servers.py): one threaded HTTP server
on 127.0.0.x, the in-memory feeds and items, the request log, the API switch, the faults."""

from __future__ import annotations

import json
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self
from urllib.parse import parse_qsl, urlsplit

BASE_US = 1_764_000_000_000_000  # entry ids as FreshRSS makes them: µs of the crawl time


@dataclass
class Feed:
    id: int
    title: str
    url: str
    site_url: str = ""
    category: str = "Uncategorized"


@dataclass
class Item:
    id: int  # FreshRSS: the µs crawl time; Miniflux: a sequence
    feed_id: int
    title: str
    url: str
    content: str = ""
    author: str = ""
    published: int = 0  # seconds
    read: bool = False
    starred: bool = False
    changed: float = 0.0  # seconds; Miniflux's changed_at


@dataclass
class Request:
    method: str
    path: str
    query: list[tuple[str, str]]
    form: list[tuple[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _any(self) -> None:
        owner = self.server.owner
        split = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, 4 * 1024 * 1024)) if length else b""
        form: list[tuple[str, str]] = []
        if "form-urlencoded" in self.headers.get("Content-Type", ""):
            form = parse_qsl(body.decode("latin-1"), keep_blank_values=True)
        req = Request(
            self.command,
            split.path,
            parse_qsl(split.query, keep_blank_values=True),
            form,
            {k.lower(): v for k, v in self.headers.items()},
            body,
        )
        with owner.lock:
            owner.count += 1
            owner.log.append(req)
            fault = owner.faults.pop(owner.count, "")
        if fault == "drop":
            self.close_connection = True
            return
        if fault == "500":
            return self.answer(500, b"Internal Server Error", "text/plain")
        if not owner.api_enabled:
            return self.answer(*owner.api_off_answer())
        if owner.login_wall:
            page = b"<!DOCTYPE html><html><body><form>Sign in</form></body></html>"
            return self.answer(200, page, "text/html; charset=utf-8")
        if (to := owner.redirects.get(split.path)) is not None:
            return self.answer(302, b"", "", {"Location": to})
        with owner.lock:
            status, body_out, ctype, extra = owner.handle(req)
        self.answer(status, body_out, ctype, extra)

    do_GET = do_POST = do_PUT = do_DELETE = _any

    def answer(
        self, status: int, body: bytes, ctype: str = "", headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64
    owner: LoopbackServer

    def handle_error(self, request: object, client_address: object) -> None:
        # A client hanging up on an answer over its cap is part of the test.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


Answer = tuple[int, bytes, str, dict[str, str]]


def json_answer(data: object, status: int = 200) -> Answer:
    return status, json.dumps(data).encode(), "application/json; charset=UTF-8", {}


def text_answer(text: str, status: int = 200, headers: dict[str, str] | None = None) -> Answer:
    return status, text.encode(), "text/plain; charset=UTF-8", headers or {}


class LoopbackServer:
    """What both servers share: the thread, the state, the switches and the faults."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.lock = threading.RLock()
        self.feeds: dict[int, Feed] = {}
        self.items: dict[int, Item] = {}
        self.categories: list[str] = ["Uncategorized"]
        self.api_enabled = True
        self.count = 0
        self.log: list[Request] = []
        self.faults: dict[int, str] = {}
        self.padding = 0  # bytes added to every JSON answer, for the size caps
        self.redirects: dict[str, str] = {}  # path -> Location of a 302, before any auth
        self.login_wall = False  # every answer a 200 HTML login page (a proxy's single sign-on)
        self._http = _HTTPServer((host, 0), _Handler)
        self._http.owner = self
        self.port = self._http.server_address[1]
        self.host = host
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join(timeout=5)

    @property
    def url(self) -> str:
        """The address a client is given: the API's root."""
        return self.origin

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.port}"

    def fail(self, nth_from_now: int, kind: str = "500") -> None:
        """The nth request from now (1 = the next one) answers 500, or kind="drop": the
        connection is closed without an answer."""
        with self.lock:
            self.faults[self.count + nth_from_now] = kind

    def calls(self, path_end: str, method: str = "") -> list[Request]:
        with self.lock:
            return [
                r
                for r in self.log
                if r.path.endswith(path_end) and (not method or r.method == method)
            ]

    def add_feed(self, title: str, url: str, category: str = "Uncategorized") -> Feed:
        with self.lock:
            fid = max(self.feeds, default=0) + 1
            if category not in self.categories:
                self.categories.append(category)
            feed = self.feeds[fid] = Feed(fid, title, url, url.rsplit("/", 1)[0], category)
            return feed

    def add_items(self, n: int, feed_id: int, *, start: int = 0, read: bool = False) -> list[int]:
        """n cheap items in feed_id, ids rising with their crawl time (one second apart)."""
        with self.lock:
            first = max(self.items, default=self._first_id() + start - 1) + 1
            ids = []
            for k in range(n):
                iid = first + k * self._id_step()
                self.items[iid] = Item(
                    iid,
                    feed_id,
                    f"Berita {iid}",
                    f"https://berita.example/{feed_id}/{iid}",
                    f"<p>Isi berita {iid}.</p>",
                    "Redaksi",
                    1_764_000_000 + (iid - self._first_id()) // self._id_step(),
                    read,
                )
                ids.append(iid)
            return ids

    def _first_id(self) -> int:
        return 1

    def _id_step(self) -> int:
        return 1

    def padded(self, data: dict[str, object]) -> Answer:
        if self.padding:
            data = {**data, "padding": "x" * self.padding}
        return json_answer(data)

    def api_off_answer(self) -> Answer:
        raise NotImplementedError

    def handle(self, req: Request) -> Answer:
        raise NotImplementedError
