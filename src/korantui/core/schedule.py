"""When a feed may be fetched next: pure functions of the feed's state and the moment.

A feed is due its interval after its last attempt; after failures the wait doubles with each
one (capped); and never before the server's own word, which the last answer gave as
`Cache-Control: max-age`, `Expires` or (on 429/503) `Retry-After` (capped too, so a server's
"come back next year" does not silence a feed for good).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from korantui.core.regex_cache import compiled

DEFAULT_INTERVAL = timedelta(minutes=30)
BACKOFF_CAP = timedelta(hours=6)  # the longest wait failures alone impose
HINT_CAP = timedelta(hours=24)  # the longest a server's headers may hold a feed back
_MAX_AGE = compiled(r"(?:^|[,\s])(s-maxage|max-age)\s*=\s*\"?(\d{1,12})", re.I)


@dataclass(frozen=True, slots=True)
class FeedState:
    last_attempt: datetime | None = None
    failures: int = 0  # in a row
    not_before: datetime | None = None  # the server's earliest time for the next request


def backoff(interval: timedelta, failures: int) -> timedelta:
    """The wait after `failures` failures in a row: the interval, doubled for each failure after
    the first, never more than the cap (or the interval, when that is longer)."""
    if failures <= 1:
        return interval
    cap = max(interval, BACKOFF_CAP)
    return min(interval * 2 ** min(failures - 1, 30), cap)


def next_due(state: FeedState, interval: timedelta) -> datetime | None:
    """When the feed is due (None: never tried, so at once)."""
    if state.last_attempt is None:
        return state.not_before
    due = state.last_attempt + backoff(interval, state.failures)
    if state.not_before is not None and state.not_before > due:
        return state.not_before
    return due


def is_due(state: FeedState, interval: timedelta, now: datetime) -> bool:
    due = next_due(state, interval)
    return due is None or due <= now


def server_wait(headers: Mapping[str, str], status: int, now: datetime) -> datetime | None:
    """The earliest next request the answer's headers ask for (None: they say nothing).
    headers: lower-case names."""
    wait: timedelta | None = None
    if status in (429, 503) and headers.get("retry-after"):
        wait = _retry_after(headers["retry-after"], now)
    if wait is None and 200 <= status < 400:
        match = _MAX_AGE.search(headers.get("cache-control", ""))
        if match:
            wait = timedelta(seconds=min(int(match.group(2)), int(HINT_CAP.total_seconds())))
        elif headers.get("expires"):
            wait = _date_from_now(headers["expires"], now)
    if wait is None or wait <= timedelta(0):
        return None
    return now + min(wait, HINT_CAP)


def _retry_after(value: str, now: datetime) -> timedelta | None:
    value = value.strip()
    if value.isdigit():
        return timedelta(seconds=min(int(value[:12]), int(HINT_CAP.total_seconds())))
    return _date_from_now(value, now)


def _date_from_now(value: str, now: datetime) -> timedelta | None:
    # lazy: email's ~6 ms are for an HTTP date's rare answer, not for the app's first frame
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None  # "0", "-1" and garbage: already expired, by RFC 9111
    if when.tzinfo is None:
        return None
    return when - now


def interval_of(refresh_minutes: int | None, default_minutes: int) -> timedelta | None:
    """A feed's interval: its own refresh_minutes, else the config's; None: never on its own."""
    minutes = default_minutes if refresh_minutes is None else refresh_minutes
    return timedelta(minutes=minutes) if minutes > 0 else None


def due_feeds(
    feeds: Mapping[int, tuple[int | None, FeedState]], default_minutes: int, now: datetime
) -> list[int]:
    """The ids of the feeds due now, of feed id -> (its refresh_minutes, its state)."""
    found = []
    for feed_id, (minutes, state) in feeds.items():
        interval = interval_of(minutes, default_minutes)
        if interval is not None and is_due(state, interval, now):
            found.append(feed_id)
    return found
