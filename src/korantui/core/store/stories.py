"""The store's side of story grouping (core/stories): which headlines are not grouped yet,
the grouped ones' words for the index, and the stories of the headlines on show.

Every headline gets a row once grouped (most are a story of their own), so "not grouped yet"
is a range of ids above the highest grouped one: one index seek, not a scan of the store.
Reads go through Store._query, outside a write transaction: the UI asks for the stories of
the list on its thread, and must not wait for another process's refresh to commit.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from korantui.core.store.database import Store


@dataclass(frozen=True, slots=True)
class Member:
    """A headline as the grouping reads it."""

    headline_id: int
    feed_id: int
    sort_key: str  # its date (ISO), else when it was first seen
    title: str = ""
    summary: str = ""
    story_id: int = 0  # 0: not grouped yet
    terms: str = ""


@dataclass(slots=True)
class Pending:
    """What an index lacks: headlines grouped since it last looked (by another process, or
    before this one started), and headlines not grouped yet."""

    grouped: list[Member]
    last_grouped: int  # the highest grouped headline id
    ungrouped: list[Member]


def pending(store: Store, indexed: int, since: str, limit: int, window: int) -> Pending:
    """The newest `limit` headlines not grouped yet, and the grouped ones with ids above
    `indexed` dated `since` or later and no more than `window` seconds before the oldest of
    the new: one read of the store."""
    last = _last_grouped(store)
    new = store._query(
        "SELECT id, feed_id, sort_key, title, summary FROM headlines WHERE id > ?"
        " ORDER BY id DESC LIMIT ?",
        (last, limit),
    )
    if new:
        oldest = min(r[2] for r in new)
        since = max(since, _before(oldest, window))
    grouped = store._query(
        "SELECT m.headline_id, h.feed_id, h.sort_key, m.story_id, m.terms"
        " FROM story_members m JOIN headlines h ON h.id = m.headline_id"
        " WHERE m.headline_id > ? AND h.sort_key >= ? AND m.terms != ''",
        (indexed, since),
    )
    return Pending(
        [Member(r[0], r[1], r[2], story_id=r[3], terms=r[4]) for r in grouped],
        int(last),
        [Member(r[0], r[1], r[2], r[3], r[4]) for r in reversed(new)],
    )


def _before(sort_key: str, seconds: int) -> str:
    """The ISO date `seconds` before a sort key (itself when it is no date)."""
    try:
        at = datetime.fromisoformat(sort_key)
    except ValueError:
        return ""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return (at - timedelta(seconds=seconds)).astimezone(UTC).isoformat(timespec="seconds")


def save_members(store: Store, members: Iterable[tuple[int, int, str]], below: int = 0) -> None:
    """(headline id, story id, terms) of newly grouped headlines; headlines not grouped yet
    with ids up to `below` become stories of their own, unread by the grouping (too old to
    compare: the first grouping of a large store is bounded)."""
    with store.transaction() as db:
        if below:
            db.execute(
                "INSERT OR IGNORE INTO story_members (headline_id, story_id)"
                " SELECT id, id FROM headlines WHERE id <= ?"
                " AND id > (SELECT COALESCE(MAX(headline_id), 0) FROM story_members)",
                (below,),
            )
        db.executemany(
            "INSERT OR IGNORE INTO story_members (headline_id, story_id, terms) VALUES (?, ?, ?)",
            list(members),
        )


def _last_grouped(store: Store) -> int:
    return int(store._query("SELECT COALESCE(MAX(headline_id), 0) FROM story_members")[0][0])


# The last answer of groups() per store, with the highest grouped id it was read at: stories
# change only when new headlines are grouped, and the list asks at every reload.
_groups: weakref.WeakKeyDictionary[Store, tuple[int, dict[int, int]]] = weakref.WeakKeyDictionary()


def groups(store: Store) -> dict[int, int]:
    """headline id -> story id, for the headlines of stories of more than one headline."""
    last = _last_grouped(store)
    cached = _groups.get(store)
    if cached is not None and cached[0] == last:
        return dict(cached[1])
    rows = store._query(
        "SELECT headline_id, story_id FROM story_members WHERE story_id != headline_id"
    )
    found = {r[0]: r[1] for r in rows}
    for story in set(found.values()):
        found.setdefault(story, story)  # the story's first headline is its id
    _groups[store] = (last, found)
    return dict(found)


def members_of(store: Store, headline_ids: Sequence[int]) -> list[int]:
    """Every headline of the stories of these headlines (themselves included)."""
    ids = list(dict.fromkeys(headline_ids))
    found: set[int] = set(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = store._query(
            "SELECT headline_id FROM story_members WHERE story_id IN"
            f" (SELECT story_id FROM story_members WHERE headline_id IN ({marks}))"
            f" OR headline_id IN (SELECT story_id FROM story_members"
            f" WHERE headline_id IN ({marks}))",
            (*chunk, *chunk),
        )
        found.update(r[0] for r in rows)
    return sorted(found)
