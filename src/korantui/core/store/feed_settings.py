"""The per-feed settings that matter to whoever holds the store, not only to who read the config:
full_text (an article is the feed's own text, no page is fetched), images, retention_days (the
prune), prefetch. They follow the config like the feeds do (follow_settings)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

    from korantui.core.models import FeedSpec
    from korantui.core.store.database import Store

# Headlines of feeds with a retention of their own are left to own_retention_ids.
NO_OWN_RETENTION = (
    "feed_id NOT IN (SELECT feed_id FROM feed_settings WHERE retention_days IS NOT NULL)"
)


def follow_settings(store: Store, specs: Sequence[FeedSpec]) -> None:
    """The store's feed_settings made the config's (written only when they differ)."""
    ids = {url: fid for fid, url in store._query("SELECT id, url FROM feeds")}
    wanted = sorted(
        (
            ids[s.url],
            int(s.settings.full_text),
            int(s.settings.images),
            s.settings.retention_days,
            s.settings.prefetch,
        )
        for s in specs
        if s.url in ids
        and (
            s.settings.full_text
            or not s.settings.images
            or s.settings.retention_days is not None
            or s.settings.prefetch is not None
        )
    )
    stored = store._query(
        "SELECT feed_id, full_text, images, retention_days, prefetch FROM feed_settings"
        " ORDER BY feed_id"
    )
    if [tuple(r) for r in stored] == wanted:
        return
    with store.transaction() as db:
        db.execute("DELETE FROM feed_settings")
        db.executemany(
            "INSERT INTO feed_settings (feed_id, full_text, images, retention_days, prefetch)"
            " VALUES (?, ?, ?, ?, ?)",
            wanted,
        )


def _setting(store: Store, feed_id: int, column: str, default: object) -> object:
    rows = store._query(f"SELECT {column} FROM feed_settings WHERE feed_id = ?", (feed_id,))
    return rows[0][0] if rows and rows[0][0] is not None else default


def full_text_feed(store: Store, feed_id: int) -> bool:
    """Whether the feed carries whole articles (full_text = true): its summary is the article."""
    return bool(_setting(store, feed_id, "full_text", 0))


def images_wanted(store: Store, feed_id: int) -> bool:
    """images = false on the feed: no image of its articles is fetched or shown."""
    return bool(_setting(store, feed_id, "images", 1))


def prefetch_of(store: Store, feed_id: int, default: int) -> int:
    """How many of the feed's articles are fetched ahead of the cursor."""
    value = _setting(store, feed_id, "prefetch", default)
    return value if isinstance(value, int) else default


def own_retention_ids(db: sqlite3.Connection, now: datetime) -> list[int]:
    """Read, unstarred headlines older than their feed's own retention_days (0 keeps all)."""
    found: list[int] = []
    for feed_id, days in db.execute(
        "SELECT feed_id, retention_days FROM feed_settings WHERE retention_days > 0"
    ).fetchall():
        cutoff = (now - timedelta(days=days)).isoformat(timespec="seconds")
        found.extend(
            r[0]
            for r in db.execute(
                "SELECT id FROM headlines WHERE feed_id = ? AND read = 1 AND starred = 0"
                " AND first_seen < ?",
                (feed_id, cutoff),
            )
        )
    return found
