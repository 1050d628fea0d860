"""Feed health on the main screen: the dead mark in the feed pane and the words under the
headline list of a selected feed."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from korantui.core import clock
from korantui.core.filters.health_words import health_lines
from korantui.core.sanitize import clean_line
from korantui.core.store.health import FeedHealth, health

if TYPE_CHECKING:
    from korantui.core.models import Feed
    from korantui.ui.screens.main import MainScreen


def _health(screen: MainScreen) -> dict[int, FeedHealth]:
    try:
        return health(screen.korantui.store)
    except sqlite3.OperationalError:
        return {}


def dead_feeds(screen: MainScreen, found: dict[int, FeedHealth] | None = None) -> set[int]:
    """found: the health read already (off the UI thread); else it is read here."""
    days = screen.korantui.config.filters.dead_after_days
    now = clock.now()
    found = _health(screen) if found is None else found
    return {fid for fid, h in found.items() if h.dead(days, now)}


def subtitle(
    screen: MainScreen, feed: Feed | None, known: dict[int, FeedHealth] | None = None
) -> str:
    """What the headline list's lower border says of the selected feed's health (known: the
    health read already)."""
    if feed is None:
        return ""
    found = (_health(screen) if known is None else known).get(feed.id)
    error = clean_line(feed.last_error)[:120] if feed.last_error else ""
    if found is None or not found.failures:
        return error
    lines = health_lines(
        found,
        clock.now(),
        screen.korantui.config.filters.dead_after_days,
        screen.lang,
        short=True,
    )
    # The error first: it says most, and a narrow pane cuts the end.
    return " · ".join([error, *lines[:2]] if error else lines[:2])
