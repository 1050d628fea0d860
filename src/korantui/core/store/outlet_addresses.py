"""Which of a built-in outlet's candidate sources last worked: remembered so that a refresh goes
straight to it, and so that a stale built-in address heals once, not at every refresh."""

from __future__ import annotations

from datetime import UTC, datetime

from korantui.core.store.database import Store


def remembered(store: Store, outlet: str) -> tuple[str, str] | None:
    """(url, kind) that last worked for the outlet stored under this address, if any."""
    with store.transaction() as db:
        row = db.execute(
            "SELECT url, kind FROM outlet_addresses WHERE outlet = ?", (outlet,)
        ).fetchone()
    return (str(row[0]), str(row[1])) if row else None


def remember(store: Store, outlet: str, url: str, kind: str) -> None:
    found = datetime.now(UTC).isoformat()
    with store.transaction() as db:
        db.execute(
            "INSERT INTO outlet_addresses (outlet, url, kind, found) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(outlet) DO UPDATE SET url = excluded.url, kind = excluded.kind,"
            " found = excluded.found",
            (outlet, url, kind, found),
        )
