"""Each feed's health: its last attempt and success, failures in a row and since when, the last
error in words, and the earliest moment its server allows the next request (core/schedule.py)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from korantui.core.sanitize import clean_line

if TYPE_CHECKING:
    from korantui.core.schedule import FeedState
    from korantui.core.store.database import Store


@dataclass(frozen=True, slots=True)
class FeedHealth:
    feed_id: int
    last_attempt: datetime | None = None
    last_success: datetime | None = None
    failures: int = 0
    failing_since: datetime | None = None
    last_error: str = ""
    not_before: datetime | None = None

    @property
    def state(self) -> FeedState:
        # The scheduler's, for its own use: the app's first frame reads the health, not it.
        from korantui.core.schedule import FeedState

        return FeedState(self.last_attempt, self.failures, self.not_before)

    def dead(self, days: int, now: datetime) -> bool:
        """Failing, with no success for `days` days (or, never a success, failing that long)."""
        if not self.failures or self.failing_since is None:
            return False
        return now - (self.last_success or self.failing_since) >= timedelta(days=days)


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat(timespec="seconds") if dt is not None else None


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def note_refresh(
    store: Store, feed_id: int, error: str, headers: Mapping[str, str], status: int
) -> None:
    """A refresh's outcome in the feed's health, when the store takes it: a store locked by
    another process must not turn it into an error of the whole refresh."""
    from korantui.core import clock
    from korantui.core.schedule import server_wait

    now = clock.now().astimezone(UTC)
    with contextlib.suppress(sqlite3.Error):
        record_attempt(store, feed_id, now, error, server_wait(headers, status, now))


def record_attempt(
    store: Store, feed_id: int, now: datetime, error: str = "", not_before: datetime | None = None
) -> None:
    """One refresh of the feed: a success (error "") or a failure, and the server's wait."""
    with store.transaction() as db:
        if error:
            db.execute(
                "INSERT INTO feed_health (feed_id, last_attempt, failures, failing_since,"
                " last_error, not_before) VALUES (?, ?, 1, ?, ?, ?)"
                " ON CONFLICT(feed_id) DO UPDATE SET last_attempt = excluded.last_attempt,"
                " failures = failures + 1,"
                " failing_since = COALESCE(failing_since, excluded.failing_since),"
                " last_error = excluded.last_error, not_before = excluded.not_before",
                (feed_id, _iso(now), _iso(now), clean_line(error)[:500], _iso(not_before)),
            )
        else:
            db.execute(
                "INSERT INTO feed_health (feed_id, last_attempt, last_success, failures,"
                " not_before) VALUES (?, ?, ?, 0, ?)"
                " ON CONFLICT(feed_id) DO UPDATE SET last_attempt = excluded.last_attempt,"
                " last_success = excluded.last_success, failures = 0, failing_since = NULL,"
                " last_error = '', not_before = excluded.not_before",
                (feed_id, _iso(now), _iso(now), _iso(not_before)),
            )


def health(store: Store) -> dict[int, FeedHealth]:
    """Every feed's health that the store knows, by feed id."""
    rows = store._query(
        "SELECT feed_id, last_attempt, last_success, failures, failing_since, last_error,"
        " not_before FROM feed_health"
    )
    return {
        r[0]: FeedHealth(r[0], _dt(r[1]), _dt(r[2]), r[3], _dt(r[4]), r[5], _dt(r[6])) for r in rows
    }
