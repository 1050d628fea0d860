"""Refreshing sources: each kind reads its source (core/sources), then its entries are stored.

One source's failure is that source's error line; the others go on. Refresh knows no kind by
name: what to fetch, how to parse it and how to store it (page order or not) is the kind's
(core/sources/registry.py).

Where the time goes, and why it is arranged so (benchmarks/run.py measures it):
- a 304 costs one small UPDATE and no parsing at all;
- feeds are parsed by feedparser-rs when it is sure of them (sources/fastparse, ~1 ms a feed),
  else by feedparser (28-60 ms of pure-Python CPU a feed); when many feeds of one refresh need
  feedparser, they are parsed in a process pool (sources/parsepool) so every core works on them;
- parsing runs in two parse threads (core/threads.py), as each feed arrives, so it overlaps the
  other feeds' waits; the event loop only waits on the network, and few threads hold the GIL
  it needs to send the next requests;
- a refresh reads every feed's validators in one query, and its writes go to one writer thread
  that stores what has arrived meanwhile in one transaction, a savepoint per feed
  (core/store/writer.py): a few commits a refresh, not two hundred, and no pool threads queuing
  on the store's lock;
- the new headlines' stories are grouped once a batch, after its commit, by a child process
  from GROUP_APART_FROM feeds on (core/stories/process.py: grouping is the costliest CPU of a
  cold refresh, and there it takes no GIL from this process), in the writer thread below
  that; a feed's result is given once its headlines are grouped either way;
- the fetcher's pool keeps one idle connection per host between the feeds of a refresh.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime

from korantui.core.models import Feed, FeedSpec, ParsedSource, RefreshResult
from korantui.core.net.fetch import Fetcher, FetchError, FetchResult
from korantui.core.outlet_candidates import fetch_source
from korantui.core.sanitize import clean_line
from korantui.core.sources.feed_kind import FEED_ACCEPT
from korantui.core.sources.kind import Batch, DocumentKind, SourceError, SourceJob
from korantui.core.sources.limits import bounded
from korantui.core.sources.registry import UnknownKind, kind_of
from korantui.core.store.database import Store
from korantui.core.store.health import note_refresh
from korantui.core.store.store_file import sqlite_problem
from korantui.core.store.writer import StoreWriter
from korantui.core.threads import off_loop

__all__ = ["FEED_ACCEPT", "parse_source", "refresh_feed", "refresh_feeds", "store_parsed"]


def parse_source(
    result: FetchResult, kind: str, rules: dict[str, str] | None = None
) -> ParsedSource:
    """Parse a document fetched for a source of that kind (CPU-bound: call it off the loop)."""
    source = kind_of(kind)
    if not isinstance(source, DocumentKind):
        raise SourceError(f"a {source.label} source is not one document")
    return source.parse(result, rules or {}, Batch())


def store_parsed(
    store: Store,
    feed: Feed,
    parsed: ParsedSource,
    etag: str = "",
    last_modified: str = "",
    group: bool = True,
) -> RefreshResult:
    """Write one source's parsed entries (a refresh's, or what discovery already read), within
    the bounds of sources/limits.py; group=False leaves the new headlines' stories to the
    caller (refresh_feeds groups once a store batch)."""
    parsed = bounded(parsed, datetime.now(UTC))
    if parsed.title:
        feed.title = parsed.title
    try:
        page_order = kind_of(feed.kind).page_order
    except UnknownKind:
        page_order = False
    new, total = store.save_entries(
        feed.id,
        parsed.entries,
        title=parsed.title,
        etag=etag,
        last_modified=last_modified,
        page_order=page_order,
    )
    if new and group:
        from korantui.core.stories.grouping import group_new  # not before the first requests

        group_new(store)  # one story across outlets: the new headlines join their stories
    return RefreshResult(feed, new=new, total=total)


async def refresh_feed(
    store: Store,
    fetcher: Fetcher,
    feed: Feed,
    rules: dict[str, str] | None = None,
    *,
    _batch: Batch | None = None,
    _writer: StoreWriter | None = None,
    _validators: tuple[str, str] | None = None,
    _on_parsed: Callable[[], object] | None = None,
) -> RefreshResult:
    """Refresh one source: its kind reads it, then its entries are stored in one transaction
    (a savepoint of the refresh's batch when refresh_feeds writes, core/store/writer.py).
    _on_parsed is called when the source brought something to store (not a 304)."""
    if _writer is None:
        async with StoreWriter(store, _grouper(store)) as writer:
            return await refresh_feed(store, fetcher, feed, rules, _batch=_batch, _writer=writer)
    if _validators is None:
        # A store call on the event loop would wait out another process's lock there.
        _validators = await off_loop(store.validators, feed.id)
    etag, last_modified = _validators
    try:
        source = kind_of(feed.kind)
        job = SourceJob(fetcher, feed.url, rules or {}, etag, last_modified, _batch or Batch())
        fetched = await fetch_source(store, feed, source, job)  # a built-in outlet heals
        if fetched.parsed is None:
            await _writer.write(_not_modified, store, feed.id, fetched.headers)
            return RefreshResult(feed, not_modified=True)
        parsed = fetched.parsed
        if _on_parsed is not None:
            _on_parsed()
        return await _writer.write(
            _store_parsed, store, feed, parsed, fetched.etag, fetched.last_modified, fetched.headers
        )
    except (FetchError, SourceError, UnknownKind) as e:
        headers, status = getattr(e, "headers", {}), getattr(e, "status", 0)
        await _note(_writer, store, feed, str(e), headers, status)
        return RefreshResult(feed, error=str(e))


def _store_parsed(
    store: Store,
    feed: Feed,
    parsed: ParsedSource,
    etag: str,
    last_modified: str,
    headers: Mapping[str, str],
) -> RefreshResult:
    # Looked up when called, not bound at import: a test puts a failing one in its place.
    # Not grouped here: the writer groups once a batch (_grouper).
    result = store_parsed(store, feed, parsed, etag, last_modified, False)
    note_refresh(store, feed.id, "", headers, 200)  # the feed's health, the server's wait
    return result


def _not_modified(store: Store, feed_id: int, headers: Mapping[str, str]) -> None:
    store.record_not_modified(feed_id)
    note_refresh(store, feed_id, "", headers, 304)


def _note_error(store: Store, feed: Feed, message: str) -> None:
    """The feed's error line in the store, when the store takes it: a store locked by another
    process must not turn one feed's error into an exception that ends the whole refresh (the
    RefreshResult carries the error either way)."""
    with contextlib.suppress(sqlite3.Error):
        store.record_error(feed.id, message)


async def _note(
    writer: StoreWriter,
    store: Store,
    feed: Feed,
    message: str,
    headers: Mapping[str, str],
    status: int,
) -> None:
    # The batch itself may fail (its BEGIN waited out another process's lock): the same rule.
    with contextlib.suppress(sqlite3.Error):
        await writer.write(_note_error, store, feed, message)
        await writer.write(note_refresh, store, feed.id, message, headers, status)


async def refresh_feeds(
    store: Store,
    fetcher: Fetcher,
    feeds: Sequence[Feed],
    specs: Sequence[FeedSpec] = (),
    on_result: Callable[[RefreshResult], None] | None = None,
) -> list[RefreshResult]:
    """Refresh feeds concurrently (the fetcher caps concurrency); results in feeds' order.

    Every feed's validators come from one query before the first request; every write goes to
    one writer thread, which stores whatever has arrived meanwhile in one transaction; on_result
    hears of a feed once its rows are committed."""
    batch = Batch(len(feeds))
    options = {s.url: s.rules for s in specs}
    agents = {s.url: s.settings.user_agent for s in specs if s.settings.user_agent}
    validators = await off_loop(store.validators_of, [f.id for f in feeds])

    wave = max(1, fetcher.settings.max_connections)

    async def one(
        feed: Feed, writer: StoreWriter, turn: int, on_parsed: Callable[[], object] | None = None
    ) -> RefreshResult:
        # Feed n starts n // wave loop turns late: preparing a request (httpx, the zone check)
        # runs until httpx's pool yields, so with every feed started at once all 100 requests
        # were built before the first one connected; now the first wave is on the network while
        # the next is built (a few empty loop turns in all).
        for _ in range(turn // wave):
            await asyncio.sleep(0)
        try:
            agent = agents.get(feed.url)
            res = await refresh_feed(
                store,
                fetcher.with_user_agent(agent) if agent else fetcher,
                feed,
                options.get(feed.url),
                _batch=batch,
                _writer=writer,
                _validators=validators.get(feed.id, ("", "")),
                _on_parsed=on_parsed,
            )
        except sqlite3.Error as e:  # the store refused the feed's rows: said in words
            msg = sqlite_problem(e)
            await _note(writer, store, feed, msg, {}, 0)
            res = RefreshResult(feed, error=msg)
        except Exception as e:  # a bug in one source's parsing must not stop the others
            # The message may quote the feed, and the result line goes to a terminal.
            msg = clean_line(f"unexpected error: {type(e).__name__}: {e}")[:500]
            await _note(writer, store, feed, msg, {}, 0)
            res = RefreshResult(feed, error=msg)
        if on_result is not None:
            on_result(res)
        return res

    if len(feeds) < GROUP_APART_FROM:
        async with StoreWriter(store, _grouper(store)) as writer:
            return list(await asyncio.gather(*(one(f, writer, n) for n, f in enumerate(feeds))))
    from functools import partial

    from korantui.core.store.stories import save_members
    from korantui.core.stories.process import GroupingProcess

    # The child reads the store; its rows are stored by the writer, in its next batch.
    writer = StoreWriter(store)
    grouping = GroupingProcess(store, save=partial(writer.write_soon, save_members, store))
    writer.after_commit = _grouper(store, grouping.request)
    # The child starts at the first feed with something to store (a refresh of 304s never
    # needs it), ready by the first commit instead of starting then.
    tasks = (one(f, writer, n, grouping.start_soon) for n, f in enumerate(feeds))
    try:
        async with writer:
            results = list(await asyncio.gather(*tasks))
    except BaseException:
        grouping.close(now=True)  # cancelled (an app quitting): no waiting for the child
        raise
    await off_loop(grouping.close)
    return results


# From this many feeds a refresh groups its stories in a child process (stories/process.py):
# its start (~50 ms, on the other core) pays for itself once a few batches need grouping.
GROUP_APART_FROM = 8


def _grouper(
    store: Store, group: Callable[[], object] | None = None
) -> Callable[[Sequence[object]], object]:
    """What a refresh's writer does after each batch: the batch's new headlines join their
    stories (one story across outlets), once for the batch rather than once a feed; by group
    when given (a child process's: what it returns is waited for), else by group_new here."""

    def after(results: Sequence[object]) -> object:
        if not any(isinstance(r, RefreshResult) and r.new for r in results):
            return None
        if group is not None:
            return group()
        from korantui.core.stories.grouping import group_new

        return group_new(store)

    return after
