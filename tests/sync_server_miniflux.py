"""Miniflux's REST API (internal/api/*.go), strict: see tests/sync_servers.py."""

from __future__ import annotations

import base64
import json
import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from tests.sync_server_base import (
    Answer,
    Feed,
    Item,
    LoopbackServer,
    Request,
    json_answer,
)


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
        unauthorized = json_answer({"error_message": "Access Unauthorized"}, 401)
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
            return json_answer({"error_message": "invalid JSON"}, 400)
        key = tuple("{id}" if s.isdigit() else s for s in seg)
        num = next((int(s) for s in seg if s.isdigit()), 0)
        routes = {
            ("me",): {"GET": lambda: json_answer(self._me())},
            ("feeds",): {"GET": self._feeds, "POST": lambda: self._create_feed(body)},
            ("feeds", "{id}"): {
                "GET": lambda: self._feed(num),
                "PUT": lambda: self._update_feed(num, body),
                "DELETE": lambda: self._delete_feed(num),
            },
            ("feeds", "{id}", "mark-all-as-read"): {"PUT": lambda: self._mark_feed(num)},
            ("users", "{id}", "mark-all-as-read"): {"PUT": lambda: self._mark_user(num)},
            ("categories",): {
                "GET": lambda: json_answer(
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
        return handler()

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
        return json_answer([self._feed_json(f) for f in self.feeds.values()])

    def _feed(self, fid: int) -> Answer:
        feed = self.feeds.get(fid)
        if feed is None:
            return json_answer({"error_message": "Not Found"}, 404)
        return json_answer(self._feed_json(feed))

    def _category_by_id(self, cid: object) -> str | None:
        if isinstance(cid, int) and 1 <= cid <= len(self.categories):
            return self.categories[cid - 1]
        return None

    def _create_feed(self, body: dict[str, object]) -> Answer:
        url = body.get("feed_url")
        if not isinstance(url, str) or not re.match(r"https?://[^/\s]+", url):
            return json_answer({"error_message": "The feed URL is not valid"}, 400)
        if any(f.url == url for f in self.feeds.values()):
            return json_answer({"error_message": "This feed already exists."}, 400)
        cid = body.get("category_id", 0) or 1  # 0: the first category, as Miniflux does
        category = self._category_by_id(cid)
        if category is None:
            return json_answer({"error_message": "This category does not exist."}, 400)
        feed = self.add_feed(f"Feed of {urlsplit(url).hostname}", url, category)
        return json_answer({"feed_id": feed.id}, 201)

    def _update_feed(self, fid: int, body: dict[str, object]) -> Answer:
        feed = self.feeds.get(fid)
        if feed is None:
            return json_answer({"error_message": "Not Found"}, 404)
        if "category_id" in body:
            category = self._category_by_id(body["category_id"])
            if category is None:
                return json_answer({"error_message": "This category does not exist."}, 400)
            feed.category = category
        if isinstance(body.get("title"), str):
            if not body["title"]:
                return json_answer({"error_message": "The feed title is empty."}, 400)
            feed.title = str(body["title"])
        return json_answer(self._feed_json(feed), 201)

    def _delete_feed(self, fid: int) -> Answer:
        if self.feeds.pop(fid, None) is None:
            return json_answer({"error_message": "Not Found"}, 404)
        return 204, b"", "", {}

    def _mark_feed(self, fid: int) -> Answer:
        if fid not in self.feeds:
            return json_answer({"error_message": "Not Found"}, 404)
        for item in self.items.values():
            if item.feed_id == fid:
                item.read = True
        return 204, b"", "", {}

    def _mark_user(self, uid: int) -> Answer:
        if uid != self.user_id:
            return json_answer({"error_message": "Access Forbidden"}, 403)
        for item in self.items.values():
            item.read = True
        return 204, b"", "", {}

    def _create_category(self, body: dict[str, object]) -> Answer:
        title = body.get("title")
        if not isinstance(title, str) or not title:
            return json_answer({"error_message": "The title is mandatory"}, 400)
        if title in self.categories:
            return json_answer({"error_message": "This category already exists."}, 400)
        self.categories.append(title)
        return json_answer(self._category_json(title), 201)

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
            return json_answer({"error_message": "Invalid entry status"}, 400)
        if q.get("order", "published_at") not in (
            "id",
            "status",
            "published_at",
            "category_title",
            "category_id",
            "title",
            "author",
        ):
            return json_answer({"error_message": "Invalid entry order"}, 400)
        if q.get("direction", "asc") not in ("asc", "desc"):
            return json_answer({"error_message": "Invalid direction"}, 400)
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
            return json_answer({"error_message": "Not Found"}, 404)
        return json_answer(self._entry_json(item))

    def _status(self, body: dict[str, object]) -> Answer:
        ids, status = body.get("entry_ids"), body.get("status")
        if not isinstance(ids, list) or not ids or not all(isinstance(i, int) for i in ids):
            return json_answer({"error_message": "The list of entries cannot be empty"}, 400)
        if status not in ("read", "unread", "removed"):
            return json_answer({"error_message": "Invalid entry status"}, 400)
        for eid in ids:
            if (item := self.items.get(eid)) is not None:
                item.read = status == "read"
                item.changed = datetime.now(UTC).timestamp()
        return 204, b"", "", {}

    def _bookmark(self, eid: int) -> Answer:
        item = self.items.get(eid)
        if item is None:
            return json_answer({"error_message": "Not Found"}, 404)  # Miniflux: ServerError/no-op
        item.starred = not item.starred
        item.changed = datetime.now(UTC).timestamp()
        return 204, b"", "", {}
