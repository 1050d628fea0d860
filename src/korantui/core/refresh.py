"""Refreshing sources: fetch (conditional GET), parse off the event loop, store.

One feed's failure is that feed's error line; the others go on.

Where the time goes, and why it is arranged so (benchmarks/run.py measures it):
- a 304 costs one small UPDATE and no parsing at all;
- feeds are parsed by feedparser-rs when it is sure of them (core/fastparse, ~1 ms a feed), else
  by feedparser (28-60 ms of pure-Python CPU a feed); when many feeds of one refresh need
  feedparser, they are parsed in a process pool (core/parsepool) so every core works on them;
- parsing and every store call run in worker threads, so the event loop only waits on the
  network.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import Callable, Sequence

from korantui.core.models import HTML_KIND, Feed, FeedSpec, ParsedSource, RefreshResult
from korantui.core.net.fetch import Fetcher, FetchError, FetchResult
from korantui.core.sanitize import clean_line
from korantui.core.sources.fastparse import parse_fast
from korantui.core.sources.feeds import FeedParseError, parse_feed
from korantui.core.store.database import Store

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9,"
    " text/xml;q=0.9, */*;q=0.5"
)


def parse_source(
    result: FetchResult,
    kind: str,
    rules: dict[str, str] | None = None,
    slow_parse: Callable[[bytes, str, str], ParsedSource] = parse_feed,
) -> ParsedSource:
    """Parse a fetched feed or HTML index page (CPU-bound: call it off the event loop).

    Feeds go to feedparser-rs first, and to slow_parse (feedparser) when it declines them."""
    if kind == HTML_KIND:
        from korantui.core.net.charset import decode_html
        from korantui.core.sources.htmlsource import parse_html_source

        html = decode_html(result.content, result.declared_charset)
        parsed = parse_html_source(html, result.url, rules or {})
        if not parsed.entries:
            raise FeedParseError("no headlines found on the page")
        return parsed
    fast = parse_fast(result.content, result.url)
    if fast is not None:
        return fast
    return slow_parse(result.content, result.url, result.headers.get("content-type", ""))


class _Batch:
    """What the feeds of one refresh share: the rules, and the process pool once it pays."""

    def __init__(self, size: int, rules: dict[str, dict[str, str]]) -> None:
        self.size = size
        self.rules = rules
        self.slow = 0  # feeds of this batch that needed feedparser so far

    def slow_parse(self, data: bytes, url: str, content_type: str) -> ParsedSource:
        """feedparser in this thread, or in the pool when enough feeds of the batch need it."""
        from korantui.core.sources import parsepool

        self.slow += 1
        if parsepool.worth_it(self.slow, self.size):
            return parsepool.parse_feed_in_pool(data, url, content_type)
        return parse_feed(data, url, content_type)


def _parse_and_store(store: Store, feed: Feed, result: FetchResult, batch: _Batch) -> RefreshResult:
    """Runs in a worker thread: parse, then write the feed's entries in one transaction."""
    parsed = parse_source(result, feed.kind, batch.rules.get(feed.url), batch.slow_parse)
    return store_parsed(store, feed, parsed, result.etag, result.last_modified)


def store_parsed(
    store: Store, feed: Feed, parsed: ParsedSource, etag: str = "", last_modified: str = ""
) -> RefreshResult:
    """Write one source's parsed entries (a refresh's, or what discovery already read)."""
    if parsed.title:
        feed.title = parsed.title
    new, total = store.save_entries(
        feed.id,
        parsed.entries,
        title=parsed.title,
        etag=etag,
        last_modified=last_modified,
        page_order=feed.kind == HTML_KIND,
    )
    return RefreshResult(feed, new=new, total=total)


async def refresh_feed(
    store: Store,
    fetcher: Fetcher,
    feed: Feed,
    rules: dict[str, str] | None = None,
    *,
    _batch: _Batch | None = None,
) -> RefreshResult:
    batch = _batch or _Batch(1, {feed.url: rules or {}})
    # Every store call goes to a thread: a store locked by another process waits up to its busy
    # timeout, and on the event loop that wait would stall every other feed's download.
    etag, last_modified = await asyncio.to_thread(store.validators, feed.id)
    try:
        result = await fetcher.get(
            feed.url,
            etag=etag,
            last_modified=last_modified,
            accept=FEED_ACCEPT if feed.kind != HTML_KIND else "",
        )
        if result.not_modified:
            await asyncio.to_thread(store.record_not_modified, feed.id)
            return RefreshResult(feed, not_modified=True)
        return await asyncio.to_thread(_parse_and_store, store, feed, result, batch)
    except (FetchError, FeedParseError) as e:
        await asyncio.to_thread(_note_error, store, feed, str(e))
        return RefreshResult(feed, error=str(e))


def _note_error(store: Store, feed: Feed, message: str) -> None:
    """The feed's error line in the store, when the store takes it: a store locked by another
    process must not turn one feed's error into an exception that ends the whole refresh (the
    RefreshResult carries the error either way)."""
    with contextlib.suppress(sqlite3.Error):
        store.record_error(feed.id, message)


async def refresh_feeds(
    store: Store,
    fetcher: Fetcher,
    feeds: Sequence[Feed],
    specs: Sequence[FeedSpec] = (),
    on_result: Callable[[RefreshResult], None] | None = None,
) -> list[RefreshResult]:
    """Refresh feeds concurrently (the fetcher caps concurrency); results in feeds' order."""
    batch = _Batch(len(feeds), {s.url: s.rules for s in specs})

    async def one(feed: Feed) -> RefreshResult:
        try:
            res = await refresh_feed(store, fetcher, feed, _batch=batch)
        except Exception as e:  # a bug in one source's parsing must not stop the others
            # The message may quote the feed, and the result line goes to a terminal.
            msg = clean_line(f"unexpected error: {type(e).__name__}: {e}")[:500]
            await asyncio.to_thread(_note_error, store, feed, msg)
            res = RefreshResult(feed, error=msg)
        if on_result is not None:
            on_result(res)
        return res

    return list(await asyncio.gather(*(one(f) for f in feeds)))
