"""The SQLite store: feeds, headlines, read/star state, opened articles, full-text search.

Every write in a transaction; opening the file (WAL, busy timeout, schema, a bad file moved
aside, `Store.notice` saying so) is core.store_file's.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from korantui.core.models import Article, Entry, Feed, FeedSpec, Headline
from korantui.core.moments import from_stored, to_stored
from korantui.core.sanitize import clean_article, clean_line
from korantui.core.store.entries import save_entries
from korantui.core.store.feed_settings import NO_OWN_RETENTION, own_retention_ids
from korantui.core.store.flag_sql import HIDDEN_SQL, HIGHLIGHT_SQL
from korantui.core.store.store_file import (
    SCHEMA_VERSION,
    StoreError,
    close_store_file,
    file_is_damaged,
    move_aside_damaged,
    open_store_file,
)

__all__ = ["SCHEMA_VERSION", "Store", "StoreError"]


_LIST_COLUMNS = (
    "h.id, h.feed_id, h.title, h.link, h.guid, h.published, h.first_seen, h.position,"
    " h.read, h.starred, COALESCE(NULLIF(f.name, ''), NULLIF(f.title, ''), f.url),"
    " EXISTS(SELECT 1 FROM articles a WHERE a.headline_id = h.id), " + HIGHLIGHT_SQL
)

ALL_FEEDS = None  # feed_id meaning "all news"


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat(timespec="seconds")


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class Store:
    """One connection per Store; safe to share between threads (calls are serialised)."""

    def __init__(self, path: Path | str, *, check: bool = True, read_only: bool = False) -> None:
        """check=False leaves the damage check (a read of the whole file) to damaged();
        read_only: an existing store, for reading alone (a read-only data dir)."""
        self.path = Path(path)
        self._lock = threading.RLock()
        self._depth = 0  # transactions open on this connection (the outer one, savepoints)
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._read_only = read_only
        # notice: one line for the user when a bad store file had to be moved aside.
        # closed_clean: the last korantui closed the file and nothing changed it since
        # (core/store/clean_close.py), so it needs no reading for damage.
        self._db, self.notice, self.closed_clean = open_store_file(
            self.path, check=check, read_only=read_only
        )

    def damaged(self) -> bool:
        """Whether the file is damaged: read in full, unless it was closed cleanly last time
        and is unchanged since (then nothing can have damaged it before this session)."""
        return False if self.closed_clean else file_is_damaged(self.path)

    def replace_damaged(self) -> str:
        """Move the damaged file aside and go on with a new, empty store; the notice for it."""
        with self._lock:
            self._db.close()
            self.notice = move_aside_damaged(self.path)
            self._db, _, self.closed_clean = open_store_file(self.path)
            return self.notice

    def close(self) -> None:
        with self._lock:
            close_store_file(self._db, None if self._read_only else self.path)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction; inside another one (a refresh's batch, core/store/writer.py) a
        savepoint of it, so this part alone rolls back when it fails."""
        with self._lock:
            if self._depth:
                yield from self._savepoint()
                return
            self._db.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                # SQLite may have ended the transaction itself (a full disk, an I/O error), or
                # kept it open after a COMMIT it could not make (busy): either way, none of it.
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0

    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        name = f"part{self._depth}"
        self._db.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield self._db
        except BaseException:
            if self._db.in_transaction:  # else SQLite already rolled everything back
                self._db.execute(f"ROLLBACK TO {name}")
                self._db.execute(f"RELEASE {name}")
            raise
        finally:
            self._depth -= 1
        self._db.execute(f"RELEASE {name}")

    def _query(self, sql: str, params: Sequence[object] = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    # -- feeds ---------------------------------------------------------------------------------

    def sync_feeds(self, specs: Iterable[FeedSpec]) -> None:
        """Make the store's active feeds those of the config, in its order."""
        specs = list(specs)
        wanted = [(s.url, s.name, s.category, s.kind) for s in specs]
        rows = self._query(
            "SELECT url, name, category, kind FROM feeds WHERE active = 1 ORDER BY position"
        )
        if rows == wanted:
            return  # as every start finds it: no write, no lock taken
        with self.transaction() as db:
            db.execute("UPDATE feeds SET active = 0")
            for position, spec in enumerate(specs):
                db.execute(
                    "INSERT INTO feeds (url, name, category, kind, position, active)"
                    " VALUES (?, ?, ?, ?, ?, 1)"
                    " ON CONFLICT(url) DO UPDATE SET name = excluded.name,"
                    " category = excluded.category, kind = excluded.kind,"
                    " position = excluded.position, active = 1",
                    (spec.url, spec.name, spec.category, spec.kind, position),
                )

    def feeds(self, *, include_inactive: bool = False) -> list[Feed]:
        rows = self._query(
            "SELECT f.id, f.url, f.name, f.category, f.kind, f.title, f.position,"
            " f.last_refresh, f.last_error,"
            " (SELECT COUNT(*) FROM headlines h WHERE h.feed_id = f.id AND h.read = 0"
            f" AND {HIDDEN_SQL}),"
            " (SELECT COUNT(*) FROM headlines h WHERE h.feed_id = f.id)"
            " FROM feeds f"
            + ("" if include_inactive else " WHERE f.active = 1")
            + " ORDER BY f.position"
        )
        return [
            Feed(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _dt(r[7]), r[8], r[9], r[10])
            for r in rows
        ]

    def validators(self, feed_id: int) -> tuple[str, str]:
        rows = self._query("SELECT etag, last_modified FROM feeds WHERE id = ?", (feed_id,))
        return (rows[0][0], rows[0][1]) if rows else ("", "")

    def validators_of(self, feed_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """validators() of many feeds in one query (a refresh's first step)."""
        wanted = set(feed_ids)
        rows = self._query("SELECT id, etag, last_modified FROM feeds")
        return {r[0]: (r[1], r[2]) for r in rows if r[0] in wanted}

    def record_error(self, feed_id: int, error: str) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE feeds SET last_error = ?, last_refresh = ? WHERE id = ?",
                (clean_line(error)[:500], _iso(_now()), feed_id),
            )

    def record_not_modified(self, feed_id: int) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE feeds SET last_error = '', last_refresh = ? WHERE id = ?",
                (_iso(_now()), feed_id),
            )

    def remove_feed(self, feed_id: int) -> None:
        with self.transaction() as db:
            db.execute(
                "DELETE FROM headline_search WHERE rowid IN"
                " (SELECT id FROM headlines WHERE feed_id = ? AND starred = 0)",
                (feed_id,),
            )
            db.execute("DELETE FROM headlines WHERE feed_id = ? AND starred = 0", (feed_id,))
            db.execute("UPDATE feeds SET active = 0 WHERE id = ?", (feed_id,))

    # -- headlines -----------------------------------------------------------------------------

    def save_entries(
        self,
        feed_id: int,
        entries: Sequence[Entry],
        *,
        title: str = "",
        etag: str = "",
        last_modified: str = "",
        page_order: bool = False,
    ) -> tuple[int, int]:
        """Store a refresh's entries; (new, total in this refresh): core/store/entries.py."""
        return save_entries(
            self,
            feed_id,
            entries,
            title=title,
            etag=etag,
            last_modified=last_modified,
            page_order=page_order,
        )

    def _rows_to_headlines(self, rows: list[tuple]) -> list[Headline]:
        return [
            Headline(
                id=r[0],
                feed_id=r[1],
                title=r[2],
                link=r[3],
                guid=r[4],
                published=from_stored(r[5]),
                first_seen=_dt(r[6]),
                position=r[7],
                read=bool(r[8]),
                starred=bool(r[9]),
                feed_name=r[10],
                has_article=bool(r[11]),
                highlight=bool(r[12]),
            )
            for r in rows
        ]

    def headlines(
        self,
        feed_id: int | None = ALL_FEEDS,
        *,
        unread_only: bool = False,
        starred_only: bool = False,
        limit: int = -1,
        offset: int = 0,
    ) -> list[Headline]:
        """Headlines newest first (page order within a refresh for HTML sources)."""
        where = ["f.active = 1 OR h.starred = 1", HIDDEN_SQL]
        params: list[object] = []
        if feed_id is not None:
            where.append("h.feed_id = ?")
            params.append(feed_id)
        if unread_only:
            where.append("h.read = 0")
        if starred_only:
            where.append("h.starred = 1")
        sql = (
            f"SELECT {_LIST_COLUMNS} FROM headlines h JOIN feeds f ON f.id = h.feed_id"
            f" WHERE ({') AND ('.join(where)})"
            " ORDER BY h.sort_key DESC, h.position, h.id DESC LIMIT ? OFFSET ?"
        )
        return self._rows_to_headlines(self._query(sql, [*params, limit, offset]))

    def headline(self, headline_id: int) -> Headline | None:
        rows = self._query(
            f"SELECT {_LIST_COLUMNS}, h.summary, h.author, h.image FROM headlines h"
            " JOIN feeds f ON f.id = h.feed_id WHERE h.id = ?",
            (headline_id,),
        )
        if not rows:
            return None
        h = self._rows_to_headlines(rows)[0]
        h.summary, h.author, h.image = rows[0][13], rows[0][14], rows[0][15]
        return h

    def set_read(self, headline_ids: Iterable[int], read: bool = True) -> None:
        ids = list(headline_ids)
        with self.transaction() as db:
            db.executemany(
                "UPDATE headlines SET read = ? WHERE id = ?", [(int(read), i) for i in ids]
            )

    def mark_feed_read(self, feed_id: int | None) -> None:
        with self.transaction() as db:
            if feed_id is None:
                db.execute("UPDATE headlines SET read = 1 WHERE read = 0")
            else:
                db.execute(
                    "UPDATE headlines SET read = 1 WHERE feed_id = ? AND read = 0", (feed_id,)
                )

    def set_starred(self, headline_id: int, starred: bool) -> None:
        with self.transaction() as db:
            db.execute("UPDATE headlines SET starred = ? WHERE id = ?", (int(starred), headline_id))

    def counts(self) -> tuple[int, int, int]:
        """(unread, total, starred) over active feeds."""
        # Three counts, each from an index (the unread and starred ones are partial): one
        # pass over every headline took 3 ms at 10,000, on every start and opened article.
        active = "feed_id IN (SELECT id FROM feeds WHERE active = 1)"
        row = self._query(
            f"SELECT (SELECT COUNT(*) FROM headlines h WHERE read = 0 AND {active}"
            f" AND {HIDDEN_SQL}),"
            f" (SELECT COUNT(*) FROM headlines WHERE {active}),"
            f" (SELECT COUNT(*) FROM headlines WHERE starred = 1 AND {active})"
        )[0]
        return row[0], row[1], row[2]

    # -- articles ------------------------------------------------------------------------------

    def save_article(self, headline_id: int, article: Article) -> None:
        import json  # here, not at the top: opening the app reads no article (~1.7 ms)

        article = clean_article(article)  # whoever extracted it, it enters the store clean
        data = json.dumps(article.to_dict(), ensure_ascii=False)
        with self.transaction() as db:
            db.execute(
                "INSERT INTO articles (headline_id, url, data, fetched) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(headline_id) DO UPDATE SET url = excluded.url,"
                " data = excluded.data, fetched = excluded.fetched",
                (headline_id, article.url, data, _iso(_now())),
            )
            db.execute(
                "UPDATE headline_search SET body = ? WHERE rowid = ?", (article.text, headline_id)
            )
            if article.published is not None:  # a dateless headline takes its page's date:
                db.execute(  # the list then shows the date the pane shows
                    "UPDATE headlines SET published = ? WHERE id = ? AND published IS NULL",
                    (to_stored(article.published), headline_id),
                )

    def article(self, headline_id: int) -> Article | None:
        import json

        rows = self._query("SELECT data FROM articles WHERE headline_id = ?", (headline_id,))
        if not rows:
            return None
        try:
            return Article.from_dict(json.loads(rows[0][0]))
        except (ValueError, KeyError, TypeError):
            return None

    # -- search and upkeep ---------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 200) -> list[Headline]:
        """Full-text search over title, summary and stored article text, best first (bm25)."""
        match = _fts_query(query)
        if not match:
            return []
        rows = self._query(
            f"SELECT {_LIST_COLUMNS} FROM headline_search s"
            " JOIN headlines h ON h.id = s.rowid JOIN feeds f ON f.id = h.feed_id"
            f" WHERE headline_search MATCH ? AND {HIDDEN_SQL}"
            " ORDER BY bm25(headline_search, 10.0, 3.0, 1.0) LIMIT ?",
            (match, limit),
        )
        return self._rows_to_headlines(rows)

    def prune(self, retention_days: int) -> int:
        """Delete read, unstarred headlines older than retention_days (or their feed's own
        retention_days: core/store/feed_settings.py); returns how many."""
        cutoff = _iso(_now() - timedelta(days=retention_days)) if retention_days > 0 else None
        with self.transaction() as db:
            ids = (
                [
                    r[0]
                    for r in db.execute(
                        "SELECT id FROM headlines WHERE read = 1 AND starred = 0 AND first_seen < ?"
                        f" AND {NO_OWN_RETENTION}",
                        (cutoff,),
                    )
                ]
                if cutoff
                else []
            )
            ids += own_retention_ids(db, _now())
            db.executemany("DELETE FROM headline_search WHERE rowid = ?", [(i,) for i in ids])
            db.executemany("DELETE FROM headlines WHERE id = ?", [(i,) for i in ids])
        return len(ids)


def _fts_query(query: str) -> str:
    """Each word of the user's query as a quoted prefix term, so punctuation is never syntax."""
    words = [w.replace('"', "") for w in clean_line(query).split()]
    return " ".join(f'"{w}"*' for w in words if w)
