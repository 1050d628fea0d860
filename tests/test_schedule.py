"""core/schedule.py: when a feed is due, backing off on failures, and the server's own word."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from korantui.core.schedule import (
    BACKOFF_CAP,
    HINT_CAP,
    FeedState,
    backoff,
    due_feeds,
    is_due,
    next_due,
    server_wait,
)

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
HALF_HOUR = timedelta(minutes=30)


def test_a_feed_never_tried_is_due_at_once():
    assert next_due(FeedState(), HALF_HOUR) is None
    assert is_due(FeedState(), HALF_HOUR, NOW)


def test_a_feed_is_due_its_interval_after_the_last_attempt():
    state = FeedState(last_attempt=NOW - timedelta(minutes=29))
    assert not is_due(state, HALF_HOUR, NOW)
    assert is_due(state, HALF_HOUR, NOW + timedelta(minutes=1))


def test_failures_double_the_wait_up_to_a_cap():
    waits = [backoff(HALF_HOUR, n) for n in range(0, 12)]
    assert waits[:5] == [HALF_HOUR, HALF_HOUR, HALF_HOUR * 2, HALF_HOUR * 4, HALF_HOUR * 8]
    assert max(waits) == BACKOFF_CAP and waits[-1] == BACKOFF_CAP
    assert backoff(timedelta(hours=12), 5) == timedelta(hours=12)  # never shorter than asked
    assert backoff(HALF_HOUR, 10**6) == BACKOFF_CAP  # no overflow


def test_the_server_wait_holds_a_feed_back_beyond_its_interval():
    state = FeedState(NOW - timedelta(hours=1), 0, not_before=NOW + timedelta(minutes=10))
    assert next_due(state, HALF_HOUR) == NOW + timedelta(minutes=10)
    assert not is_due(state, HALF_HOUR, NOW)


def test_cache_control_expires_and_retry_after():
    assert server_wait({"cache-control": "public, max-age=600"}, 200, NOW) == NOW + timedelta(
        minutes=10
    )
    assert server_wait({"cache-control": "s-maxage=60"}, 304, NOW) == NOW + timedelta(minutes=1)
    expires = "Tue, 01 Dec 2026 13:00:00 GMT"
    assert server_wait({"expires": expires}, 200, NOW) == NOW + timedelta(hours=1)
    assert server_wait({"retry-after": "120"}, 503, NOW) == NOW + timedelta(minutes=2)
    later = "Tue, 01 Dec 2026 12:30:00 GMT"
    assert server_wait({"retry-after": later}, 429, NOW) == NOW + HALF_HOUR
    # Retry-After means nothing on a 200; max-age nothing on an error.
    assert server_wait({"retry-after": "120"}, 200, NOW) is None
    assert server_wait({"cache-control": "max-age=600"}, 500, NOW) is None


def test_server_waits_that_are_past_garbage_or_huge():
    assert server_wait({"expires": "0"}, 200, NOW) is None
    assert server_wait({"expires": "Mon, 01 Jan 2001 00:00:00 GMT"}, 200, NOW) is None
    assert server_wait({"cache-control": "max-age=0, no-cache"}, 200, NOW) is None
    assert server_wait({"retry-after": "soon"}, 503, NOW) is None
    assert server_wait({"cache-control": "max-age=99999999999"}, 200, NOW) == NOW + HINT_CAP
    assert server_wait({"retry-after": "9" * 40}, 503, NOW) == NOW + HINT_CAP


def test_due_feeds_follow_each_feeds_interval_and_the_default():
    recent = FeedState(last_attempt=NOW - timedelta(minutes=20))
    feeds = {
        1: (None, recent),  # the default 30 min: not yet
        2: (15, recent),  # its own 15 min: due
        3: (0, FeedState()),  # never on its own
        4: (None, FeedState()),  # never tried: due
        5: (15, FeedState(recent.last_attempt, 3)),  # failing: 15 * 4 min
    }
    assert due_feeds(feeds, 30, NOW) == [2, 4]
    assert due_feeds(feeds, 0, NOW) == [2]  # refresh_minutes = 0 in the config: feeds' own only
