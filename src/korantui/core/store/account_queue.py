"""The queue of an account's local changes not yet pushed to its server (issue 13).

A change of read or starred state and its queue entry are written in one transaction (these
functions are the ReadingService's way into the store for them), so a crash before the push
loses nothing; the sync engine pushes the queue and an entry leaves it only once the server has
accepted it (unqueue). A local headline's change is the plain store update, nothing queued.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from korantui.core.store.accounts import (
    MARK_ALL,
    READ,
    STAR,
    UNREAD,
    UNSTAR,
    chunks,
    from_iso,
    iso,
    marks,
    utc_now,
)
from korantui.core.store.database import Store

_DIMENSION = {READ: (READ, UNREAD), UNREAD: (READ, UNREAD), STAR: (STAR, UNSTAR)}
_DIMENSION[UNSTAR] = _DIMENSION[STAR]


# -- local changes and the queue -----------------------------------------------------------------


def _enqueue(db: sqlite3.Connection, kind: str, headline_ids: Sequence[int], when: str) -> None:
    """Queue kind for those of headline_ids that are an account's and whose read (or starred)
    state is about to change; an earlier queued entry of the same state is
    superseded (the latest change is the one to push)."""
    if kind in (READ, UNREAD):
        differs = "h.read != ?"
        value = int(kind == READ)
    else:
        differs = "h.starred != ?"
        value = int(kind == STAR)
    for chunk in chunks(list(headline_ids)):
        rows = db.execute(
            f"SELECT ai.account, ai.remote_id, ai.headline_id FROM account_items ai"
            f" JOIN headlines h ON h.id = ai.headline_id"
            f" WHERE ai.headline_id IN ({marks(len(chunk))}) AND {differs}",
            (*chunk, value),
        ).fetchall()
        if not rows:
            continue
        same = _DIMENSION[kind]
        db.executemany(
            "DELETE FROM account_queue WHERE account = ? AND remote_id = ? AND kind IN (?, ?)",
            [(account, remote_id, *same) for account, remote_id, _ in rows],
        )
        db.executemany(
            "INSERT INTO account_queue (account, kind, remote_id, headline_id, queued)"
            " VALUES (?, ?, ?, ?, ?)",
            [(account, kind, remote_id, hid, when) for account, remote_id, hid in rows],
        )


def set_read(store: Store, headline_ids: Iterable[int], read: bool = True) -> None:
    """Store.set_read, and the account headlines among them queued, in one transaction."""
    ids = list(headline_ids)
    with store.transaction() as db:
        _enqueue(db, READ if read else UNREAD, ids, iso(utc_now()))
        db.executemany("UPDATE headlines SET read = ? WHERE id = ?", [(int(read), i) for i in ids])


def set_starred(store: Store, headline_id: int, starred: bool) -> None:
    with store.transaction() as db:
        _enqueue(db, STAR if starred else UNSTAR, [headline_id], iso(utc_now()))
        db.execute("UPDATE headlines SET starred = ? WHERE id = ?", (int(starred), headline_id))


def mark_feed_read(store: Store, feed_id: int | None) -> None:
    """Store.mark_feed_read, and a mark-all queued for the account the feed is one of (every
    account, for All news). The mark-all covers what the last pull brought, not what arrived
    on the server since: those items were never shown. It supersedes the read and unread
    entries queued for the headlines it covers."""
    when = iso(utc_now())
    with store.transaction() as db:
        targets: list[tuple[str, str, int | None]]
        if feed_id is None:
            targets = [(name, "", None) for (name,) in db.execute("SELECT name FROM accounts")]
        else:
            targets = [
                (account, remote_id, feed_id)
                for account, remote_id in db.execute(
                    "SELECT account, remote_id FROM account_feeds WHERE feed_id = ?", (feed_id,)
                )
            ]
        for account, remote_feed, store_feed in targets:
            row = db.execute("SELECT pulled_at FROM accounts WHERE name = ?", (account,)).fetchone()
            scope = "" if store_feed is None else " AND h.feed_id = ?"
            params: tuple[object, ...] = (account,) if store_feed is None else (account, store_feed)
            if not (row and row[0]):
                # No pull ever completed: no time is known to be all the reader saw, so the
                # headlines shown are marked one by one instead.
                ids = db.execute(
                    "SELECT h.id FROM headlines h JOIN account_items ai ON ai.headline_id = h.id"
                    f" WHERE h.read = 0 AND ai.account = ?{scope}",
                    params,
                ).fetchall()
                _enqueue(db, READ, [i for (i,) in ids], when)
                continue
            before = row[0]
            db.execute(
                "DELETE FROM account_queue WHERE account = ? AND kind IN ('read', 'unread')"
                " AND headline_id IN (SELECT h.id FROM headlines h JOIN account_items ai"
                f" ON ai.headline_id = h.id WHERE ai.account = ?{scope})",
                (account, *params),
            )
            db.execute(
                "INSERT INTO account_queue (account, kind, remote_id, before, queued)"
                " VALUES (?, ?, ?, ?, ?)",
                (account, MARK_ALL, remote_feed, before, when),
            )
        if feed_id is None:
            db.execute("UPDATE headlines SET read = 1 WHERE read = 0")
        else:
            db.execute("UPDATE headlines SET read = 1 WHERE feed_id = ? AND read = 0", (feed_id,))


@dataclass(frozen=True, slots=True)
class Queued:
    id: int
    kind: str
    remote_id: str  # the item's; a mark-all's feed ('' for the whole account)
    before: datetime | None  # a mark-all's


def queued(store: Store, account: str) -> list[Queued]:
    rows = store._query(
        "SELECT id, kind, remote_id, before FROM account_queue WHERE account = ? ORDER BY id",
        (account,),
    )
    return [Queued(r[0], r[1], r[2], from_iso(r[3])) for r in rows]


def unqueue(store: Store, entry_ids: Iterable[int]) -> None:
    """The server accepted these entries."""
    ids = list(entry_ids)
    with store.transaction() as db:
        db.executemany("DELETE FROM account_queue WHERE id = ?", [(i,) for i in ids])
