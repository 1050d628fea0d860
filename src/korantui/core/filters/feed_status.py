"""Each feed's health in words, as `korantui feeds` prints it."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from korantui.core import clock
from korantui.core.filters.health_words import health_lines
from korantui.core.store.health import health

if TYPE_CHECKING:
    from korantui.core.config import Config
    from korantui.core.store.database import Store


def feed_status_lines(store: Store, cfg: Config) -> dict[int, list[str]]:
    """feed id -> lines (in English: the command's language)."""
    try:
        found = health(store)
    except sqlite3.OperationalError:  # a read-only store of an older schema has no such table
        return {}
    now = clock.now()
    days = cfg.filters.dead_after_days
    return {fid: health_lines(h, now, days) for fid, h in found.items()}


def saved_search_lines(store: Store, cfg: Config) -> list[str]:
    """One line a saved search: its name, unread count and search."""
    from korantui.core.queries import unread_counts

    queries = cfg.filters.queries
    try:
        counts = unread_counts(store, queries)
    except sqlite3.OperationalError:
        return []
    return [
        " · ".join(
            x for x in (f"⌕ {q.name}", f"{n} unread", q.category, f"search: {q.search}") if x
        )
        for q, n in zip(queries, counts, strict=True)
    ]
