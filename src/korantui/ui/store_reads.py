"""What the panes show of the store besides feeds and rows, read by the Refresher's worker
threads and handed to the UI thread with the rows they go with.

The app holds one SQLite connection behind one lock, and a refresh's write batch holds that
lock for up to a second: a query made on the UI thread while a refresh lands waits for it, and
every key pressed meanwhile waits too. So a snapshot reads the feeds' health in its thread (the
story groups of its rows too: ui/refreshing.py); the UI thread reads them itself only outside
snapshots (a reader's own change, a feed chosen), as before.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from korantui.core.store.database import Store
    from korantui.core.store.health import FeedHealth


def read_health(store: Store) -> dict[int, FeedHealth]:
    """Every feed's health; none in a store without the table yet (as ui/feed_health.py)."""
    from korantui.core.store.health import health

    try:
        return health(store)
    except sqlite3.OperationalError:
        return {}
