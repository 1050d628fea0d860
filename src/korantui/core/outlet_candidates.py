"""A built-in outlet read from the first of its candidate sources that works (core/defaults.py).

Outlets move their feeds (Tempo's new site, VOA's retired /api ids): when the address tried
answers 404 or 410, or is not a feed (or a page without headlines), the next candidate is tried
— feed addresses, then the site for discovery, then an HTML index page — and the one that
worked is remembered in the store, so the next refresh goes straight to it. An outlet that
cannot be reached at all (no network, a timeout, a bot wall) is not searched further: the other
candidates would only repeat the error, and a working address must not be forgotten because of
a bad hour.
"""

from __future__ import annotations

import dataclasses
import re

from korantui.core.defaults import CANDIDATES, DISCOVER, Candidate
from korantui.core.models import Feed
from korantui.core.net.errors import FetchError
from korantui.core.sources.kind import Fetched, SourceError, SourceJob, SourceKind
from korantui.core.sources.registry import kind_of
from korantui.core.store import outlet_addresses
from korantui.core.store.database import Store
from korantui.core.threads import off_loop

GONE = (404, 410)  # what says an address is stale, not the network or the server in trouble


class _Stale(Exception):
    """A candidate that says it is the wrong address."""


def candidates_of(feed: Feed, remembered: tuple[str, str] | None) -> list[Candidate]:
    """The order to try: the one that last worked, the feed's own address, then the rest."""
    order: list[Candidate] = []
    first = [Candidate(*remembered)] if remembered else []
    for candidate in (*first, Candidate(feed.url, feed.kind), *CANDIDATES.get(feed.url, ())):
        if candidate not in order:
            order.append(candidate)
    return order


async def fetch_source(store: Store, feed: Feed, source: SourceKind, job: SourceJob) -> Fetched:
    """Read feed's source; a built-in outlet's from the first candidate that works. Raises
    what the first candidate raised when none works (FetchError or SourceError)."""
    if feed.url not in CANDIDATES:
        return await source.fetch(job)
    remembered = await off_loop(outlet_addresses.remembered, store, feed.url)
    order = candidates_of(feed, remembered)
    first_error: Exception | None = None
    for n, candidate in enumerate(order):
        # The stored validators are those of the address that answered last: the first one.
        attempt = dataclasses.replace(job, url=candidate.url)
        if n:
            attempt = dataclasses.replace(attempt, etag="", last_modified="")
        try:
            fetched, used = await _read(candidate, attempt)
        except _Stale as e:
            cause = e.__cause__ if isinstance(e.__cause__, Exception) else e
            first_error = first_error or cause
            continue
        if n > 0 or (remembered is not None and used != Candidate(*remembered)):
            await off_loop(outlet_addresses.remember, store, feed.url, used.url, used.kind)
        feed.kind = used.kind  # how its entries are stored (a page keeps its order)
        return fetched
    assert first_error is not None
    if isinstance(first_error, (FetchError, SourceError)):
        raise first_error
    raise SourceError(str(first_error))


async def _read(candidate: Candidate, job: SourceJob) -> tuple[Fetched, Candidate]:
    """What the candidate gives, and the source that gave it (discovery names its own)."""
    if candidate.kind == DISCOVER:
        return await _discover(job)
    try:
        return await kind_of(candidate.kind).fetch(job), candidate
    except FetchError as e:
        if e.status in GONE:
            raise _Stale from e
        raise
    except SourceError as e:  # not a feed, or a page without headlines
        raise _Stale from e


async def _discover(job: SourceJob) -> tuple[Fetched, Candidate]:
    from korantui.core.sources.discover import DiscoveryError, discover

    try:
        found = await discover(job.fetcher, job.url)
    except DiscoveryError as e:
        words = str(e)
        # "cannot read <site>: <why>": the site itself did not answer; not a stale address
        # unless it said the page is gone.
        if words.startswith("cannot read") and not re.search(r"\b(404|410)\b", words):
            raise SourceError(words) from None
        raise _Stale from SourceError(words)
    if found.parsed is None:
        raise _Stale from SourceError(f"{job.url}: nothing to read")
    return Fetched(found.parsed, found.etag, found.last_modified), Candidate(found.url, found.kind)
