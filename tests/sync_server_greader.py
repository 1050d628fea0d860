"""The Google Reader API as FreshRSS serves it (p/api/greader.php), strict: see
tests/sync_servers.py."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

from tests.sync_server_base import (
    BASE_US,
    Answer,
    Feed,
    Item,
    LoopbackServer,
    Request,
    json_answer,
    text_answer,
)

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
        return text_answer("Service Unavailable!", 503)

    def handle(self, req: Request) -> Answer:
        path = req.path
        if not path.startswith("/api/greader.php/"):
            # FreshRSS's own pages: what a url without /api/greader.php reaches.
            return 200, b"<!DOCTYPE html><html><body>FreshRSS</body></html>", "text/html", {}
        path = path[len("/api/greader.php") :]
        if path == "/accounts/ClientLogin":
            return self._login(req)
        if not path.startswith("/reader/api/0/"):
            return text_answer("Bad Request!", 400)
        m = _AUTH.fullmatch(req.headers.get("authorization", ""))
        if m is None or m.group(1) != self.auth:
            return text_answer("Unauthorized!", 401, {"Google-Bad-Token": "true"})
        call = path[len("/reader/api/0/") :]
        q = dict(req.query)
        if call == "token":
            return text_answer(self.token + "\n")
        if call in ("subscription/list", "tag/list", "unread-count") and q.get("output") != "json":
            return text_answer("Not Implemented!", 501)
        if call == "subscription/list":
            return self.padded({"subscriptions": [self._sub(f) for f in self.feeds.values()]})
        if call == "tag/list":
            tags = [{"id": STARRED}] + [
                {"id": f"user/-/label/{c}", "type": "folder"} for c in self.categories
            ]
            return json_answer({"tags": tags})
        if call.startswith("stream/contents/"):
            return self._contents(call[len("stream/contents/") :], q)
        if call == "stream/items/ids":
            return self._ids(q)
        if req.method != "POST":
            # edit-tag, mark-all-as-read, quickadd, subscription/edit: POST only, nothing done
            return text_answer("Bad Request!", 400)
        if dict(req.form).get("T") != self.token:
            return text_answer("Unauthorized!", 401, {"Google-Bad-Token": "true"})
        form = req.form
        if call == "edit-tag":
            return self._edit_tag(form)
        if call == "mark-all-as-read":
            return self._mark_all(dict(form))
        if call == "subscription/quickadd":
            return self._quickadd(q.get("quickadd") or dict(form).get("quickadd", ""))
        if call == "subscription/edit":
            return self._sub_edit(form)
        return text_answer("Bad Request!", 400)

    def _login(self, req: Request) -> Answer:
        f = dict(req.form)
        if req.method != "POST" or "Email" not in f or "Passwd" not in f:
            return text_answer("Bad Request!", 400)
        if f["Email"] != self.user or f["Passwd"] != self.password or not self.api_password_set:
            return text_answer("Unauthorized!", 401, {"Google-Bad-Token": "true"})
        return text_answer(f"SID={self.auth}\nLSID=null\nAuth={self.auth}\n")

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
            return text_answer("Bad Request!", 400)
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
            return text_answer("Bad Request!", 400)
        page, cont = self._page(q, stream)
        data: dict[str, object] = {"itemRefs": [{"id": str(i.id % (1 << 64))} for i in page]}
        if cont:
            data["continuation"] = cont
        return json_answer(data)

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
        return text_answer("OK")

    def _mark_all(self, f: dict[str, str]) -> Answer:
        ts, stream = f.get("ts", "0"), f.get("s", "")
        if not ts.isdigit():
            return text_answer("Bad Request!", 400)
        for item in self.items.values():
            feed = self.feeds.get(item.feed_id)
            if stream.startswith("feed/"):
                hit = stream == f"feed/{item.feed_id}"
            elif stream.startswith("user/-/label/"):
                hit = feed is not None and stream == f"user/-/label/{feed.category}"
            elif stream == READING_LIST:
                hit = True
            else:
                return text_answer("Bad Request!", 400)
            if hit and item.id <= int(ts):
                item.read = True
        return text_answer("OK")

    def _quickadd(self, url: str) -> Answer:
        url = url.removeprefix("feed/")
        if not re.match(r"https?://[^/\s]+", url):
            return json_answer({"numResults": 0, "error": "invalid feed URL"})
        if any(f.url == url for f in self.feeds.values()):
            return json_answer({"numResults": 0, "error": "feed already subscribed"})
        feed = self.add_feed(f"Feed of {urlsplit(url).hostname}", url)
        return json_answer(
            {"numResults": 1, "query": url, "streamId": f"feed/{feed.id}", "streamName": feed.title}
        )

    def _sub_edit(self, form: list[tuple[str, str]]) -> Answer:
        f = dict(form)
        streams = [v for k, v in form if k == "s"]
        if f.get("ac") not in ("edit", "unsubscribe", "subscribe") or not streams:
            return text_answer("Bad Request!", 400)
        for stream in streams:
            fid = stream.removeprefix("feed/")
            feed = self.feeds.get(int(fid)) if fid.isdigit() else None
            if feed is None:
                return text_answer("Bad Request!", 400)
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
        return text_answer("OK")
