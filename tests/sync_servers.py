"""Strict loopback servers for the account tests: a Google Reader API server as FreshRSS serves
it (p/api/greader.php) and a Miniflux REST API (internal/api/*.go), both in memory.

Strict means as documented and as those servers' sources do it, never looser: the exact
`GoogleLogin auth=` header, the POST token (FreshRSS also takes "" and "x"; this one does not),
edit-tag only by POST, continuation with an empty last page, `ot` in seconds, mark-all `ts` in
microseconds; Miniflux's X-Auth-Token or basic auth, paging by after_entry_id, the bookmark as
a toggle. A test reads and changes the state directly (`server.items[...]`: "read elsewhere"),
switches the API off, and makes the Nth request fail (500, or the connection dropped).

Each server is a ThreadingHTTPServer on 127.0.0.x, used as a context manager; no handler loops
or waits without a bound.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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


def _json(data: object, status: int = 200) -> Answer:
    return status, json.dumps(data).encode(), "application/json; charset=UTF-8", {}


def _text(text: str, status: int = 200, headers: dict[str, str] | None = None) -> Answer:
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
        self._http = _HTTPServer((host, 0), _Handler)
        self._http.owner = self
        self.port = self._http.server_address[1]
        self.host = host
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join(timeout=5)

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
        return _json(data)

    def api_off_answer(self) -> Answer:
        raise NotImplementedError

    def handle(self, req: Request) -> Answer:
        raise NotImplementedError


# -- Google Reader API, FreshRSS flavour -------------------------------------------------------

READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
READING_LIST = "user/-/state/com.google/reading-list"
LONG = "tag:google.com,2005:reader/item/"
_AUTH = re.compile(r"GoogleLogin auth=(\S+)")


class GReaderServer(LoopbackServer):
    """url = server.url ("http://127.0.0.x:port/api/greader.php")."""

    def __init__(self, user: str = "budi", password: str = "rahasia-sekali", **kw: str) -> None:
        super().__init__(**kw)
        self.user, self.password = user, password
        self.api_password_set = True  # False: ClientLogin answers 401, as FreshRSS does
        self._salt = "garam"
        self.token_generation = 0

    @property
    def url(self) -> str:
        return f"{self.origin}/api/greader.php"

    def _first_id(self) -> int:
        return BASE_US

    def _id_step(self) -> int:
        return 1_000_000

    @property
    def auth(self) -> str:
        digest = hashlib.sha1(f"{self._salt}{self.user}{self.password}".encode()).hexdigest()
        return f"{self.user}/{digest}"

    @property
    def token(self) -> str:
        seed = f"{self._salt}{self.user}{self.token_generation}".encode()
        return hashlib.sha1(seed).hexdigest().ljust(57, "Z")

    def expire_sessions(self) -> None:
        """Every Auth given so far stops working (a new one comes with the next login)."""
        with self.lock:
            self._salt += "+"

    def rotate_token(self) -> None:
        with self.lock:
            self.token_generation += 1

    def api_off_answer(self) -> Answer:
        return _text("Service Unavailable!", 503)

    def handle(self, req: Request) -> Answer:
        path = req.path
        if not path.startswith("/api/greader.php/"):
            # FreshRSS's own pages: what a url without /api/greader.php reaches.
            return 200, b"<!DOCTYPE html><html><body>FreshRSS</body></html>", "text/html", {}
        path = path[len("/api/greader.php") :]
        if path == "/accounts/ClientLogin":
            return self._login(req)
        if not path.startswith("/reader/api/0/"):
            return _text("Bad Request!", 400)
        m = _AUTH.fullmatch(req.headers.get("authorization", ""))
        if m is None or m.group(1) != self.auth:
            return _text("Unauthorized!", 401, {"Google-Bad-Token": "true"})
        call = path[len("/reader/api/0/") :]
        q = dict(req.query)
        if call == "token":
            return _text(self.token + "\n")
        if call in ("subscription/list", "tag/list", "unread-count") and q.get("output") != "json":
            return _text("Not Implemented!", 501)
        if call == "subscription/list":
            return self.padded({"subscriptions": [self._sub(f) for f in self.feeds.values()]})
        if call == "tag/list":
            tags = [{"id": STARRED}] + [
                {"id": f"user/-/label/{c}", "type": "folder"} for c in self.categories
            ]
            return _json({"tags": tags})
        if call.startswith("stream/contents/"):
            return self._contents(call[len("stream/contents/") :], q)
        if call == "stream/items/ids":
            return self._ids(q)
        if req.method != "POST":
            # edit-tag, mark-all-as-read, quickadd, subscription/edit: POST only, nothing done
            return _text("Bad Request!", 400)
        if dict(req.form).get("T") != self.token:
            return _text("Unauthorized!", 401, {"Google-Bad-Token": "true"})
        form = req.form
        if call == "edit-tag":
            return self._edit_tag(form)
        if call == "mark-all-as-read":
            return self._mark_all(dict(form))
        if call == "subscription/quickadd":
            return self._quickadd(q.get("quickadd") or dict(form).get("quickadd", ""))
        if call == "subscription/edit":
            return self._sub_edit(form)
        return _text("Bad Request!", 400)

    def _login(self, req: Request) -> Answer:
        f = dict(req.form)
        if req.method != "POST" or "Email" not in f or "Passwd" not in f:
            return _text("Bad Request!", 400)
        if f["Email"] != self.user or f["Passwd"] != self.password or not self.api_password_set:
            return _text("Unauthorized!", 401, {"Google-Bad-Token": "true"})
        return _text(f"SID={self.auth}\nLSID=null\nAuth={self.auth}\n")

    def _sub(self, f: Feed) -> dict[str, object]:
        label = {"id": f"user/-/label/{f.category}", "label": f.category}
        return {
            "id": f"feed/{f.id}",
            "title": f.title,
            "categories": [label],
            "url": f.url,
            "htmlUrl": f.site_url,
            "iconUrl": "",
        }

    def _selected(self, q: dict[str, str], stream: str) -> list[Item]:
        ot = int(q["ot"]) if q.get("ot", "").isdigit() else 0
        xt = q.get("xt", "")
        out = []
        for item in self.items.values():
            if ot and item.id < ot * 1_000_000:
                continue
            if (xt == READ and item.read) or (stream == STARRED and not item.starred):
                continue
            if stream.startswith("feed/") and stream != f"feed/{item.feed_id}":
                continue
            out.append(item)
        out.sort(key=lambda i: i.id, reverse=q.get("r", "d") != "o")
        return out

    def _page(self, q: dict[str, str], stream: str) -> tuple[list[Item], str]:
        n = int(q["n"]) if q.get("n", "").isdigit() else 20
        n = max(1, min(n, 10_000))
        items = self._selected(q, stream)
        c = q.get("c", "")
        if c.isdigit():
            # FreshRSS: the continuation is the last id sent; the page starts after it.
            cut = int(c)
            newest_first = q.get("r", "d") != "o"
            items = [i for i in items if (i.id < cut if newest_first else i.id > cut)]
        page = items[:n]
        # As FreshRSS: a full page always carries a continuation, so the last may be empty.
        return page, (str(page[-1].id) if len(page) >= n else "")

    def _contents(self, stream: str, q: dict[str, str]) -> Answer:
        if stream not in (READING_LIST, STARRED) and not stream.startswith("feed/"):
            return _text("Bad Request!", 400)
        page, cont = self._page(q, stream)
        data: dict[str, object] = {
            "id": READING_LIST,
            "updated": 0,
            "items": [self._item_json(i) for i in page],
        }
        if cont:
            data["continuation"] = cont
        return self.padded(data)

    def _item_json(self, i: Item) -> dict[str, object]:
        feed = self.feeds.get(i.feed_id)
        cats = [READING_LIST, f"user/-/label/{feed.category if feed else '_'}"]
        cats += [READ] if i.read else []
        cats += [STARRED] if i.starred else []
        return {
            "id": f"{LONG}{i.id % (1 << 64):016x}",
            "crawlTimeMsec": str(i.id // 1000),
            "timestampUsec": str(i.id),
            "published": i.published,
            "title": i.title,
            "summary": {"content": i.content},
            "alternate": [{"href": i.url}],
            "categories": cats,
            "origin": {"streamId": f"feed/{i.feed_id}", "title": feed.title if feed else "_"},
            "author": i.author,
        }

    def _ids(self, q: dict[str, str]) -> Answer:
        stream = q.get("s", "")
        if not stream:
            return _text("Bad Request!", 400)
        page, cont = self._page(q, stream)
        data: dict[str, object] = {"itemRefs": [{"id": str(i.id % (1 << 64))} for i in page]}
        if cont:
            data["continuation"] = cont
        return _json(data)

    def _item_id(self, given: str) -> int | None:
        # FreshRSS: decimal unless not all digits or led by 0, else the hex after the last /.
        if given.isdigit() and given[0] != "0":
            return int(given)
        tail = given.rsplit("/", 1)[-1]
        return int(tail, 16) if re.fullmatch(r"[0-9a-fA-F]{1,16}", tail) else None

    def _edit_tag(self, form: list[tuple[str, str]]) -> Answer:
        ids = [self._item_id(v) for k, v in form if k == "i"]
        adds = [v for k, v in form if k == "a"]
        removes = [v for k, v in form if k == "r"]
        for iid in ids:
            item = self.items.get(iid) if iid is not None else None
            if item is None:
                continue
            for tag, on in [(a, True) for a in adds] + [(r, False) for r in removes]:
                if tag == READ:
                    item.read = on
                elif tag == STARRED:
                    item.starred = on
        return _text("OK")

    def _mark_all(self, f: dict[str, str]) -> Answer:
        ts, stream = f.get("ts", "0"), f.get("s", "")
        if not ts.isdigit():
            return _text("Bad Request!", 400)
        for item in self.items.values():
            feed = self.feeds.get(item.feed_id)
            if stream.startswith("feed/"):
                hit = stream == f"feed/{item.feed_id}"
            elif stream.startswith("user/-/label/"):
                hit = feed is not None and stream == f"user/-/label/{feed.category}"
            elif stream == READING_LIST:
                hit = True
            else:
                return _text("Bad Request!", 400)
            if hit and item.id <= int(ts):
                item.read = True
        return _text("OK")

    def _quickadd(self, url: str) -> Answer:
        url = url.removeprefix("feed/")
        if not re.match(r"https?://[^/\s]+", url):
            return _json({"numResults": 0, "error": "invalid feed URL"})
        if any(f.url == url for f in self.feeds.values()):
            return _json({"numResults": 0, "error": "feed already subscribed"})
        feed = self.add_feed(f"Feed of {urlsplit(url).hostname}", url)
        return _json(
            {"numResults": 1, "query": url, "streamId": f"feed/{feed.id}", "streamName": feed.title}
        )

    def _sub_edit(self, form: list[tuple[str, str]]) -> Answer:
        f = dict(form)
        streams = [v for k, v in form if k == "s"]
        if f.get("ac") not in ("edit", "unsubscribe", "subscribe") or not streams:
            return _text("Bad Request!", 400)
        for stream in streams:
            fid = stream.removeprefix("feed/")
            feed = self.feeds.get(int(fid)) if fid.isdigit() else None
            if feed is None:
                return _text("Bad Request!", 400)
            if f["ac"] == "unsubscribe":
                del self.feeds[feed.id]
                continue
            if f.get("t"):
                feed.title = f["t"]
            if f.get("a", "").startswith("user/-/label/"):
                feed.category = f["a"][len("user/-/label/") :]
                if feed.category not in self.categories:
                    self.categories.append(feed.category)
            elif f.get("r", "").startswith("user/-/label/"):
                feed.category = "Uncategorized"
        return _text("OK")


# -- Miniflux -----------------------------------------------------------------------------------


class MinifluxServer(LoopbackServer):
    """url = server.origin; the API is under /v1."""

    def __init__(
        self,
        user: str = "budi",
        password: str = "rahasia-sekali",
        api_key: str = "kunci-api-123",
        **kw: str,
    ) -> None:
        super().__init__(**kw)
        self.user, self.password, self.api_key = user, password, api_key
        self.user_id = 7
        self.categories = ["All"]

    @property
    def url(self) -> str:
        return self.origin

    def api_off_answer(self) -> Answer:
        return 404, b"404 page not found\n", "text/plain; charset=utf-8", {}

    def handle(self, req: Request) -> Answer:
        unauthorized = _json({"error_message": "Access Unauthorized"}, 401)
        token = req.headers.get("x-auth-token", "")
        if token:
            if token != self.api_key:
                return unauthorized
        else:
            basic = req.headers.get("authorization", "")
            if not basic.startswith("Basic "):
                return (*unauthorized[:3], {"WWW-Authenticate": 'Basic realm="Restricted"'})
            user, _, pw = base64.b64decode(basic[6:]).decode("utf-8", "replace").partition(":")
            if user != self.user or pw != self.password or not pw:
                return unauthorized
        return self._route(req)

    def _route(self, req: Request) -> Answer:
        m, p = req.method, req.path
        seg = p.strip("/").split("/")
        if seg[:1] != ["v1"]:
            return 404, b"404 page not found\n", "text/plain", {}
        seg = seg[1:]
        try:
            body = json.loads(req.body) if req.body else {}
        except ValueError:
            return _json({"error_message": "invalid JSON"}, 400)
        key = tuple("{id}" if s.isdigit() else s for s in seg)
        num = next((int(s) for s in seg if s.isdigit()), 0)
        routes = {
            ("me",): {"GET": lambda: _json(self._me())},
            ("feeds",): {"GET": self._feeds, "POST": lambda: self._create_feed(body)},
            ("feeds", "{id}"): {
                "GET": lambda: self._feed(num),
                "PUT": lambda: self._update_feed(num, body),
                "DELETE": lambda: self._delete_feed(num),
            },
            ("feeds", "{id}", "mark-all-as-read"): {"PUT": lambda: self._mark_feed(num)},
            ("users", "{id}", "mark-all-as-read"): {"PUT": lambda: self._mark_user(num)},
            ("categories",): {
                "GET": lambda: _json(
                    [
                        {"id": n + 1, "title": c, "user_id": self.user_id}
                        for n, c in enumerate(self.categories)
                    ]
                ),
                "POST": lambda: self._create_category(body),
            },
            ("entries",): {"GET": lambda: self._entries(req), "PUT": lambda: self._status(body)},
            ("entries", "{id}"): {"GET": lambda: self._entry(num)},
            ("entries", "{id}", "bookmark"): {"PUT": lambda: self._bookmark(num)},
        }
        methods = routes.get(key)
        if methods is None:
            return 404, b"404 page not found\n", "text/plain", {}
        handler = methods.get(m)
        if handler is None:
            return 405, b"", "", {}
        return handler()  # type: ignore[operator,no-any-return]

    def _me(self) -> dict[str, object]:
        return {"id": self.user_id, "username": self.user, "is_admin": False}

    def _category_json(self, name: str) -> dict[str, object]:
        return {"id": self.categories.index(name) + 1, "title": name, "user_id": self.user_id}

    def _feed_json(self, f: Feed) -> dict[str, object]:
        return {
            "id": f.id,
            "user_id": self.user_id,
            "feed_url": f.url,
            "site_url": f.site_url,
            "title": f.title,
            "category": self._category_json(f.category),
        }

    def add_feed(self, title: str, url: str, category: str = "All") -> Feed:
        return super().add_feed(title, url, category)

    def _feeds(self) -> Answer:
        return _json([self._feed_json(f) for f in self.feeds.values()])

    def _feed(self, fid: int) -> Answer:
        feed = self.feeds.get(fid)
        return _json(self._feed_json(feed)) if feed else _json({"error_message": "Not Found"}, 404)

    def _category_by_id(self, cid: object) -> str | None:
        if isinstance(cid, int) and 1 <= cid <= len(self.categories):
            return self.categories[cid - 1]
        return None

    def _create_feed(self, body: dict[str, object]) -> Answer:
        url = body.get("feed_url")
        if not isinstance(url, str) or not re.match(r"https?://[^/\s]+", url):
            return _json({"error_message": "The feed URL is not valid"}, 400)
        if any(f.url == url for f in self.feeds.values()):
            return _json({"error_message": "This feed already exists."}, 400)
        cid = body.get("category_id", 0) or 1  # 0: the first category, as Miniflux does
        category = self._category_by_id(cid)
        if category is None:
            return _json({"error_message": "This category does not exist."}, 400)
        feed = self.add_feed(f"Feed of {urlsplit(url).hostname}", url, category)
        return _json({"feed_id": feed.id}, 201)

    def _update_feed(self, fid: int, body: dict[str, object]) -> Answer:
        feed = self.feeds.get(fid)
        if feed is None:
            return _json({"error_message": "Not Found"}, 404)
        if "category_id" in body:
            category = self._category_by_id(body["category_id"])
            if category is None:
                return _json({"error_message": "This category does not exist."}, 400)
            feed.category = category
        if isinstance(body.get("title"), str):
            if not body["title"]:
                return _json({"error_message": "The feed title is empty."}, 400)
            feed.title = str(body["title"])
        return _json(self._feed_json(feed), 201)

    def _delete_feed(self, fid: int) -> Answer:
        if self.feeds.pop(fid, None) is None:
            return _json({"error_message": "Not Found"}, 404)
        return 204, b"", "", {}

    def _mark_feed(self, fid: int) -> Answer:
        if fid not in self.feeds:
            return _json({"error_message": "Not Found"}, 404)
        for item in self.items.values():
            if item.feed_id == fid:
                item.read = True
        return 204, b"", "", {}

    def _mark_user(self, uid: int) -> Answer:
        if uid != self.user_id:
            return _json({"error_message": "Access Forbidden"}, 403)
        for item in self.items.values():
            item.read = True
        return 204, b"", "", {}

    def _create_category(self, body: dict[str, object]) -> Answer:
        title = body.get("title")
        if not isinstance(title, str) or not title:
            return _json({"error_message": "The title is mandatory"}, 400)
        if title in self.categories:
            return _json({"error_message": "This category already exists."}, 400)
        self.categories.append(title)
        return _json(self._category_json(title), 201)

    def _entry_json(self, i: Item) -> dict[str, object]:
        feed = self.feeds.get(i.feed_id) or Feed(i.feed_id, "?", "")

        def stamp(s: float) -> str:
            return datetime.fromtimestamp(s, UTC).isoformat().replace("+00:00", "Z")

        return {
            "id": i.id,
            "user_id": self.user_id,
            "feed_id": i.feed_id,
            "status": "read" if i.read else "unread",
            "hash": str(i.id),
            "title": i.title,
            "url": i.url,
            "comments_url": "",
            "published_at": stamp(i.published),
            "created_at": stamp(i.published),
            "changed_at": stamp(i.changed or i.published),
            "content": i.content,
            "author": i.author,
            "share_code": "",
            "starred": i.starred,
            "reading_time": 1,
            "enclosures": None,
            "feed": self._feed_json(feed),
            "tags": [],
        }

    def _entries(self, req: Request) -> Answer:
        q = dict(req.query)
        statuses = [v for k, v in req.query if k == "status"]
        if any(s not in ("read", "unread", "removed") for s in statuses):
            return _json({"error_message": "Invalid entry status"}, 400)
        if q.get("order", "published_at") not in (
            "id",
            "status",
            "published_at",
            "category_title",
            "category_id",
            "title",
            "author",
        ):
            return _json({"error_message": "Invalid entry order"}, 400)
        if q.get("direction", "asc") not in ("asc", "desc"):
            return _json({"error_message": "Invalid direction"}, 400)
        limit = int(q["limit"]) if q.get("limit", "").isdigit() else 100
        offset = int(q["offset"]) if q.get("offset", "").isdigit() else 0

        def num(name: str) -> int:
            return int(q[name]) if q.get(name, "").isdigit() else 0

        after_id, before_id = num("after_entry_id"), num("before_entry_id")
        changed_after, published_after = num("changed_after"), num("published_after")
        starred = q.get("starred")
        out = []
        for i in self.items.values():
            if statuses and ("read" if i.read else "unread") not in statuses:
                continue
            if (after_id and i.id <= after_id) or (before_id and i.id >= before_id):
                continue
            if changed_after and (i.changed or i.published) <= changed_after:
                continue
            if published_after and i.published <= published_after:
                continue
            if starred in ("true", "1") and not i.starred:
                continue
            out.append(i)
        key = {"id": lambda i: i.id}.get(q.get("order", "published_at"), lambda i: i.published)
        out.sort(key=key, reverse=q.get("direction", "asc") == "desc")
        page = out[offset : offset + limit] if limit else out[offset:]
        return self.padded({"total": len(out), "entries": [self._entry_json(i) for i in page]})

    def _entry(self, eid: int) -> Answer:
        item = self.items.get(eid)
        if item is None:
            return _json({"error_message": "Not Found"}, 404)
        return _json(self._entry_json(item))

    def _status(self, body: dict[str, object]) -> Answer:
        ids, status = body.get("entry_ids"), body.get("status")
        if not isinstance(ids, list) or not ids or not all(isinstance(i, int) for i in ids):
            return _json({"error_message": "The list of entries cannot be empty"}, 400)
        if status not in ("read", "unread", "removed"):
            return _json({"error_message": "Invalid entry status"}, 400)
        for eid in ids:
            if (item := self.items.get(eid)) is not None:
                item.read = status == "read"
                item.changed = datetime.now(UTC).timestamp()
        return 204, b"", "", {}

    def _bookmark(self, eid: int) -> Answer:
        item = self.items.get(eid)
        if item is None:
            return _json({"error_message": "Not Found"}, 404)  # Miniflux: ServerError/no-op
        item.starred = not item.starred
        item.changed = datetime.now(UTC).timestamp()
        return 204, b"", "", {}
