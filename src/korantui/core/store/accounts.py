"""The store's side of accounts (issue 13): which feeds and headlines are an account's, with
the server's ids; how far each account's last sync got and its last error; the server's state
applied, except where a local change is still queued (the queue: store/account_queue.py).

The tables are schema step 3 (core/store/schema.py). No password or key is ever written here.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

from korantui.core.models import ACCOUNT_KIND, Article, FeedSpec
from korantui.core.sanitize import clean_article, clean_line, clean_paragraphs, safe_url
from korantui.core.store.database import Store

READ, UNREAD, STAR, UNSTAR, MARK_ALL = "read", "unread", "star", "unstar", "mark_all"
_CHUNK = 500  # SQLite's parameters per statement, with room to spare


def iso(dt: datetime) -> str:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat(timespec="seconds")


def from_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def utc_now() -> datetime:
    return datetime.now(UTC)


def chunks(values: Sequence[object]) -> Iterable[Sequence[object]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def marks(n: int) -> str:
    return ",".join("?" * n)


# -- accounts ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AccountStatus:
    name: str
    pulled_from: datetime | None  # the `since` of the next pull
    pulled_at: datetime | None  # when the last complete pull ended: what mark-all covers
    last_attempt: datetime | None
    last_error: str
    queued: int


def account_status(store: Store) -> dict[str, AccountStatus]:
    rows = store._query(
        "SELECT a.name, a.pulled_from, a.pulled_at, a.last_attempt, a.last_error,"
        " (SELECT COUNT(*) FROM account_queue q WHERE q.account = a.name) FROM accounts a"
    )
    return {
        r[0]: AccountStatus(r[0], from_iso(r[1]), from_iso(r[2]), from_iso(r[3]), r[4], r[5])
        for r in rows
    }


def record_pull(
    store: Store, account: str, pulled_from: datetime | None, pulled_at: datetime
) -> None:
    """A complete sync: the next pull starts from pulled_from; the account's error is gone."""
    with store.transaction() as db:
        db.execute(
            "INSERT INTO accounts (name, pulled_from, pulled_at, last_attempt, last_error)"
            " VALUES (?, ?, ?, ?, '') ON CONFLICT(name) DO UPDATE SET"
            " pulled_from = excluded.pulled_from, pulled_at = excluded.pulled_at,"
            " last_attempt = excluded.last_attempt, last_error = ''",
            (account, pulled_from and iso(pulled_from), iso(pulled_at), iso(pulled_at)),
        )


def record_failure(store: Store, account: str, error: str) -> None:
    with store.transaction() as db:
        db.execute(
            "INSERT INTO accounts (name, last_attempt, last_error) VALUES (?, ?, ?)"
            " ON CONFLICT(name) DO UPDATE SET last_attempt = excluded.last_attempt,"
            " last_error = excluded.last_error",
            (account, iso(utc_now()), clean_line(error)[:500]),
        )


def forget_accounts(store: Store, keep: Iterable[str]) -> list[str]:
    """Accounts no longer in the config: their feeds leave the feed pane (starred headlines
    stay, as for a removed feed), their queue is dropped. The names forgotten."""
    keep = set(keep)
    names = {r[0] for r in store._query("SELECT DISTINCT account FROM account_feeds")}
    names |= {r[0] for r in store._query("SELECT name FROM accounts")}
    gone = sorted(names - keep)
    for name in gone:
        rows = store._query("SELECT feed_id FROM account_feeds WHERE account = ?", (name,))
        feed_ids = [r[0] for r in rows]
        for feed_id in feed_ids:
            store.remove_feed(feed_id)
        with store.transaction() as db:
            for table, column in (
                ("account_feeds", "account"),
                ("account_items", "account"),
                ("account_queue", "account"),
                ("accounts", "name"),
            ):
                db.execute(f"DELETE FROM {table} WHERE {column} = ?", (name,))
    return gone


# -- feeds -------------------------------------------------------------------------------------


def store_url(account: str, feed_url: str, remote_id: str) -> str:
    """The store's address of an account's feed: the feed's own address (so the zones of its
    articles' fetches follow the feed's host) made unique to the account and the server's id,
    since the same feed may also be a local one or another account's."""
    base = safe_url(feed_url) or "https://account.invalid/"
    base = base.split("#", 1)[0]
    return f"{base}#korantui-account={quote(account, safe='')}/{quote(remote_id, safe='')}"


def feed_category(account: str, categories: Sequence[str]) -> str:
    """The feed pane's heading of an account's feed: under the account, by the server's label."""
    label = clean_line(categories[0]) if categories else ""
    return f"{account} / {label}" if label else account


_ORDER = "ORDER BY af.account, f.category, COALESCE(NULLIF(f.name, ''), f.title, f.url), f.id"


def account_feed_specs(store: Store) -> list[FeedSpec]:
    """Every account's feeds as specs, after the config's: the config's feed list makes every
    other feed inactive, and account feeds stay."""
    rows = store._query(
        "SELECT f.url, f.name, f.category FROM account_feeds af JOIN feeds f ON f.id = af.feed_id "
        + _ORDER
    )
    return [FeedSpec(url=r[0], name=r[1], category=r[2], kind=ACCOUNT_KIND) for r in rows]


def save_feeds(
    store: Store, account: str, feeds: Sequence[tuple[str, str, str, Sequence[str]]]
) -> dict[str, int]:
    """The account's subscriptions as the server lists them, (remote id, title, feed url,
    categories) each: new ones added, renamed and moved ones changed, the ones gone made
    inactive. The store feed id of each remote id."""
    with store.transaction() as db:
        known = dict(
            db.execute(
                "SELECT remote_id, feed_id FROM account_feeds WHERE account = ?", (account,)
            ).fetchall()
        )
        found: dict[str, int] = {}
        for remote_id, title, url, categories in feeds:
            name, category = clean_line(title)[:300], feed_category(account, categories)
            feed_id = known.get(remote_id)
            if feed_id is None:
                cur = db.execute(
                    "INSERT INTO feeds (url, name, category, kind, position, active)"
                    " VALUES (?, ?, ?, ?, 0, 1) ON CONFLICT(url) DO UPDATE SET"
                    " name = excluded.name, category = excluded.category, kind = excluded.kind,"
                    " active = 1 RETURNING id",
                    (store_url(account, url, remote_id), name, category, ACCOUNT_KIND),
                )
                feed_id = cur.fetchone()[0]
                db.execute(
                    "INSERT OR REPLACE INTO account_feeds (feed_id, account, remote_id)"
                    " VALUES (?, ?, ?)",
                    (feed_id, account, remote_id),
                )
            else:
                db.execute(
                    "UPDATE feeds SET name = ?, category = ?, active = 1 WHERE id = ?",
                    (name, category, feed_id),
                )
            found[remote_id] = feed_id
        gone = [feed_id for remote_id, feed_id in known.items() if remote_id not in found]
        for feed_id in gone:
            db.execute("DELETE FROM account_feeds WHERE feed_id = ?", (feed_id,))
        _place_account_feeds(db)
    for feed_id in gone:
        store.remove_feed(feed_id)
    return found


def _place_account_feeds(db: sqlite3.Connection) -> None:
    """Account feeds after the local ones, by account and heading, as account_feed_specs lists
    them: the feed pane shows one heading per run of feeds."""
    start = db.execute(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM feeds WHERE active = 1"
        " AND id NOT IN (SELECT feed_id FROM account_feeds)"
    ).fetchone()[0]
    ids = [
        r[0]
        for r in db.execute(
            "SELECT f.id FROM account_feeds af JOIN feeds f ON f.id = af.feed_id " + _ORDER
        )
    ]
    places = [(start + i, feed_id) for i, feed_id in enumerate(ids)]
    db.executemany("UPDATE feeds SET position = ? WHERE id = ?", places)


def feed_account(store: Store, feed_id: int) -> tuple[str, str] | None:
    """(account, remote feed id) of a store feed; None for a local feed."""
    rows = store._query(
        "SELECT account, remote_id FROM account_feeds WHERE feed_id = ?", (feed_id,)
    )
    return (rows[0][0], rows[0][1]) if rows else None


def account_feed_ids(store: Store) -> dict[int, str]:
    """Every account feed's store id -> its account."""
    return dict(store._query("SELECT feed_id, account FROM account_feeds"))


# -- items -------------------------------------------------------------------------------------


@dataclass(slots=True)
class ItemRow:
    """A server's item, ready for the store (its text already plain)."""

    remote_id: str
    feed_id: int
    title: str
    link: str
    summary: str
    author: str = ""
    published: datetime | None = None
    read: bool = False
    starred: bool = False
    article: Article | None = None  # the server's content, when it is the whole article


def known_items(store: Store, account: str, remote_ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunks(list(remote_ids)):
        rows = store._query(
            f"SELECT remote_id FROM account_items WHERE account = ? AND remote_id IN"
            f" ({marks(len(chunk))})",
            (account, *chunk),
        )
        found.update(r[0] for r in rows)
    return found


def save_items(store: Store, account: str, items: Sequence[ItemRow]) -> int:
    """New items as headlines (the ones already stored are left as they are: their state comes
    from apply_state); how many were new. One transaction a page."""
    now = iso(utc_now())
    new = 0
    with store.transaction() as db:
        for item in items:
            if db.execute(
                "SELECT 1 FROM account_items WHERE account = ? AND remote_id = ?",
                (account, item.remote_id),
            ).fetchone():
                continue
            title, summary = clean_line(item.title)[:1000], clean_paragraphs(item.summary)
            published = iso(item.published) if item.published else None
            cur = db.execute(
                "INSERT INTO headlines (feed_id, guid, link, title, summary, author, published,"
                " first_seen, sort_key, read, starred) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    item.feed_id,
                    clean_line(item.remote_id)[:1000],
                    safe_url(item.link),
                    title,
                    summary,
                    clean_line(item.author)[:300],
                    published,
                    now,
                    published or now,
                    int(item.read),
                    int(item.starred),
                ),
            )
            headline_id = cur.lastrowid
            body = ""
            if item.article is not None:
                article = clean_article(item.article)
                body = article.text
                db.execute(
                    "INSERT INTO articles (headline_id, url, data, fetched) VALUES (?, ?, ?, ?)",
                    (
                        headline_id,
                        article.url,
                        json.dumps(article.to_dict(), ensure_ascii=False),
                        now,
                    ),
                )
            db.execute(
                "INSERT INTO headline_search (rowid, title, summary, body) VALUES (?, ?, ?, ?)",
                (headline_id, title, summary, body),
            )
            db.execute(
                "INSERT INTO account_items (headline_id, account, remote_id) VALUES (?, ?, ?)",
                (headline_id, account, item.remote_id),
            )
            new += 1
        feed_ids = {item.feed_id for item in items}
        db.executemany(
            "UPDATE feeds SET last_refresh = ?, last_error = '' WHERE id = ?",
            [(now, f) for f in feed_ids],
        )
    return new


# -- the server's state, applied -----------------------------------------------------------------


def apply_state(store: Store, account: str, unread: frozenset[str], starred: frozenset[str]) -> int:
    """The server's unread and starred ids over the account's headlines, except where a local
    change is still queued: that one wins until it is pushed. How many headlines changed."""
    with store.transaction() as db:
        queued_read: set[str] = set()
        queued_star: set[str] = set()
        all_read_feeds: set[str] = set()  # remote feed ids with a mark-all queued ('' = all)
        for kind, remote_id in db.execute(
            "SELECT kind, remote_id FROM account_queue WHERE account = ?", (account,)
        ):
            if kind in (READ, UNREAD):
                queued_read.add(remote_id)
            elif kind in (STAR, UNSTAR):
                queued_star.add(remote_id)
            elif kind == MARK_ALL:
                all_read_feeds.add(remote_id)
        rows = db.execute(
            "SELECT ai.headline_id, ai.remote_id, h.read, h.starred, af.remote_id"
            " FROM account_items ai JOIN headlines h ON h.id = ai.headline_id"
            " LEFT JOIN account_feeds af ON af.feed_id = h.feed_id WHERE ai.account = ?",
            (account,),
        ).fetchall()
        reads: list[tuple[int, int]] = []
        stars: list[tuple[int, int]] = []
        for headline_id, remote_id, read, star, feed_remote in rows:
            read_held = (
                remote_id in queued_read or "" in all_read_feeds or feed_remote in all_read_feeds
            )
            want_read = int(remote_id not in unread)
            if not read_held and want_read != read:
                reads.append((want_read, headline_id))
            want_star = int(remote_id in starred)
            if remote_id not in queued_star and want_star != star:
                stars.append((want_star, headline_id))
        db.executemany("UPDATE headlines SET read = ? WHERE id = ?", reads)
        db.executemany("UPDATE headlines SET starred = ? WHERE id = ?", stars)
    return len({h for _, h in reads} | {h for _, h in stars})
