"""Grouping a store's new headlines into stories, after a refresh stored them.

Each store has one index of its recent headlines in this process, kept between refreshes
(rebuilt from story_members' stored words in a new process, not from the text): a refresh
only reads its new headlines' words and scores each against the few indexed ones that share
its rarest words. Headlines another process grouped meanwhile are taken into the index first.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from korantui.core.store import stories as stored
from korantui.core.store.database import Store
from korantui.core.stories.index import Doc, StoryIndex
from korantui.core.stories.match import WINDOW_SECONDS
from korantui.core.stories.text import Terms, terms

# A store's first grouping compares its newest headlines, this many; older ones stay stories
# of their own (a store of 20,000 takes ~1 s to group whole, once, for news days old).
FIRST_RUN_LIMIT = 3000
KEEP_DAYS = 9  # the index holds headlines this recent: a new one is compared within 2 days
_REFRESH_LIMIT = 20_000  # one call groups at most this many (a refresh brings hundreds)

_lock = threading.Lock()
_indexes: weakref.WeakKeyDictionary[Store, StoryIndex] = weakref.WeakKeyDictionary()


def _seconds(sort_key: str) -> float:
    try:
        at = datetime.fromisoformat(sort_key)
    except ValueError:
        return 0.0
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.timestamp()


def _since(now: datetime) -> str:
    return (now - timedelta(days=KEEP_DAYS)).astimezone(UTC).isoformat(timespec="seconds")


def _catch_up(index: StoryIndex, found: stored.Pending) -> None:
    """Index what was grouped since the index last looked."""
    for m in found.grouped:
        words = Terms.load(m.terms)
        if words is not None:
            index.add(Doc(m.headline_id, m.feed_id, _seconds(m.sort_key), words, m.story_id))
    index.newest_id = max(index.newest_id, found.last_grouped)


def group_new(
    store: Store,
    now: datetime | None = None,
    save: Callable[[Store, list[tuple[int, int, str]], int], object] = stored.save_members,
) -> int:
    """Give the store's headlines not grouped yet their stories; how many were grouped.
    A store busy in another process is left for the next refresh. save(store, rows, below)
    stores them (the grouping child hands them to the refresh's writer instead, process.py);
    this process's index takes them as stored."""
    now = now or datetime.now(UTC)
    try:
        with _lock:
            index = _indexes.get(store)
            if index is None:
                index = _indexes[store] = StoryIndex()
            # A store nothing was grouped in yet (upgraded) has only its newest compared; so
            # has one this process has not seen yet: bounded either way.
            limit = FIRST_RUN_LIMIT if index.newest_id == 0 else _REFRESH_LIMIT
            # A new process indexes only what its new headlines can meet (the window before
            # them), not all it would keep.
            found = stored.pending(store, index.newest_id, _since(now), limit, WINDOW_SECONDS)
            if found.last_grouped < index.newest_id:
                # Grouped headlines went away (a feed removed, a damaged file replaced): the
                # index may hold ids the store will give again. Rebuilt from what is stored.
                index = _indexes[store] = StoryIndex()
                found = stored.pending(store, 0, _since(now), FIRST_RUN_LIMIT, WINDOW_SECONDS)
            _catch_up(index, found)
            new = found.ungrouped
            if not new:
                return 0
            rows: list[tuple[int, int, str]] = []
            index.begin()
            for m in sorted(new, key=lambda m: (m.sort_key, m.headline_id)):
                words = terms(m.title, m.summary)
                doc = Doc(m.headline_id, m.feed_id, _seconds(m.sort_key), words)
                rows.append((m.headline_id, index.group(doc), words.dump()))
            # The newest `limit` were grouped; any older ones become stories of their own.
            truncated = len(new) == limit
            save(store, rows, new[0].headline_id - 1 if truncated else 0)
            index.newest_id = max(index.newest_id, new[-1].headline_id)
            if len(index) > 4 * _REFRESH_LIMIT:
                index.forget_before((now - timedelta(days=KEEP_DAYS)).timestamp())
            return len(rows)
    except sqlite3.OperationalError:
        # Locked or busy: nothing was written (one transaction), the next refresh groups them.
        _indexes.pop(store, None)  # the index may hold headlines the store did not take
        return 0
