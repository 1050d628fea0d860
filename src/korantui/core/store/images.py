"""Article pictures in the store (table `images`, schema step 3): shrunk, re-encoded bytes by
address, or why an address was refused, so it is not asked again.

In the store rather than in files beside it: a picture then lives and dies with its headline
(ON DELETE CASCADE when retention prunes it), a starred article's pictures are told by a join,
the cap and the eviction are one transaction, and there is still one file to back up or move.
A shrunk news photo is 30-150 KB, the size SQLite reads faster from a table than from files.
"""

from __future__ import annotations

import sqlite3
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime

from korantui.core.store.database import Store

CACHE_CAP = 150 * 1024 * 1024  # all pictures together; the oldest unstarred go first
MB = 1024 * 1024

# The cap the config gives each open store (image_cache_mb): set by the app, read by every
# save, whoever saves (the reading pane, the prefetch), without threading it through them all.
_caps: weakref.WeakKeyDictionary[Store, int] = weakref.WeakKeyDictionary()


def set_cache_cap(store: Store, megabytes: int) -> None:
    """The store's pictures kept to megabytes in all from the next save on."""
    _caps[store] = megabytes * MB


def cache_cap(store: Store) -> int:
    return _caps.get(store, CACHE_CAP)


@dataclass(frozen=True, slots=True)
class StoredImage:
    url: str
    data: bytes  # empty when refused
    width: int
    height: int
    error: str = ""  # why it was refused


def stored_image(store: Store, url: str) -> StoredImage | None:
    with store.transaction() as db:
        row = db.execute(
            "SELECT data, width, height, error FROM images WHERE url = ?", (url,)
        ).fetchone()
    if row is None:
        return None
    return StoredImage(url, bytes(row[0] or b""), row[1], row[2], row[3])


def sizes(store: Store, urls: list[str]) -> dict[str, tuple[int, int]]:
    """(width, height) of the stored pictures among urls: a placeholder of the true height."""
    if not urls:
        return {}
    marks = ",".join("?" * len(urls))
    with store.transaction() as db:
        rows = db.execute(
            f"SELECT url, width, height FROM images WHERE url IN ({marks}) AND error = ''",
            urls,
        ).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def save_image(
    store: Store,
    url: str,
    headline_id: int | None,
    *,
    data: bytes = b"",
    width: int = 0,
    height: int = 0,
    mime: str = "",
    error: str = "",
    cap: int | None = None,
) -> None:
    """cap: bytes of all pictures together (the store's cache_cap when None)."""
    cap = cache_cap(store) if cap is None else cap
    now = datetime.now(UTC).isoformat()
    with store.transaction() as db:
        known = (
            headline_id is not None
            and db.execute("SELECT 1 FROM headlines WHERE id = ?", (headline_id,)).fetchone()
        )
        db.execute(
            "INSERT INTO images (url, headline_id, data, width, height, mime, error, size, stored)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET"
            " data = excluded.data, width = excluded.width, height = excluded.height,"
            " mime = excluded.mime, error = excluded.error, size = excluded.size,"
            " stored = excluded.stored",
            (
                url,
                headline_id if known else None,
                data or None,
                width,
                height,
                mime,
                error,
                len(data),
                now,
            ),
        )
        _evict(db, cap)


def _evict(db: sqlite3.Connection, cap: int) -> None:
    total = db.execute("SELECT COALESCE(SUM(size), 0) FROM images").fetchone()[0]
    if total <= cap:
        return
    rows = db.execute(
        "SELECT i.url, i.size FROM images i LEFT JOIN headlines h ON h.id = i.headline_id"
        " WHERE COALESCE(h.starred, 0) = 0 AND i.size > 0 ORDER BY i.stored, i.rowid"
    ).fetchall()
    gone = []
    for url, size in rows:
        if total <= cap:
            break
        gone.append((url,))
        total -= size
    db.executemany("DELETE FROM images WHERE url = ?", gone)


def total_size(store: Store) -> int:
    with store.transaction() as db:
        return int(db.execute("SELECT COALESCE(SUM(size), 0) FROM images").fetchone()[0])
