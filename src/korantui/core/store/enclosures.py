"""The files feed items carry (an episode's audio, a video, a PDF): written with a new
headline, read for the reading pane. What a feed says of them (type, length) is shown, never
trusted: korantui fetches none of them."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from korantui.core.models import Enclosure
from korantui.core.sanitize import clean_line, safe_url

if TYPE_CHECKING:
    from korantui.core.store.database import Store


def save_enclosures(
    db: sqlite3.Connection, headline_id: int | None, enclosures: Sequence[Enclosure]
) -> None:
    """In the caller's transaction (a headline being stored)."""
    rows = [
        (headline_id, i, url, clean_line(e.type)[:100], max(0, min(e.length, 10**13)))
        for i, e in enumerate(enclosures)
        if (url := safe_url(e.url))
    ]
    db.executemany(
        "INSERT OR REPLACE INTO enclosures (headline_id, position, url, type, length)"
        " VALUES (?, ?, ?, ?, ?)",
        rows,
    )


def enclosures_of(store: Store, headline_id: int) -> tuple[Enclosure, ...]:
    rows = store._query(
        "SELECT url, type, length FROM enclosures WHERE headline_id = ? ORDER BY position",
        (headline_id,),
    )
    return tuple(Enclosure(url, kind, length) for url, kind, length in rows)
