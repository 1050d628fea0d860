"""Refreshing sources: fetch (conditional GET), parse off the event loop, store.

One feed's failure is that feed's error line; the others go on.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

from korantui.core.feeds import FeedParseError, parse_feed
from korantui.core.fetch import Fetcher, FetchError, FetchResult
from korantui.core.models import HTML_KIND, Feed, FeedSpec, ParsedSource, RefreshResult
from korantui.core.store import Store

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9,"
    " text/xml;q=0.9, */*;q=0.5"
)


def parse_source(
    result: FetchResult, kind: str, rules: dict[str, str] | None = None
) -> ParsedSource:
    """Parse a fetched feed or HTML index page (CPU-bound: call it off the event loop)."""
    if kind == HTML_KIND:
        from korantui.core.charset import decode_html
        from korantui.core.htmlsource import parse_html_source

        html = decode_html(result.content, result.declared_charset)
        parsed = parse_html_source(html, result.url, rules or {})
        if not parsed.entries:
            raise FeedParseError("no headlines found on the page")
        return parsed
    return parse_feed(result.content, result.url, result.headers.get("content-type", ""))


async def refresh_feed(
    store: Store, fetcher: Fetcher, feed: Feed, rules: dict[str, str] | None = None
) -> RefreshResult:
    etag, last_modified = store.validators(feed.id)
    try:
        result = await fetcher.get(
            feed.url,
            etag=etag,
            last_modified=last_modified,
            accept=FEED_ACCEPT if feed.kind != HTML_KIND else "",
        )
        if result.not_modified:
            store.record_not_modified(feed.id)
            return RefreshResult(feed, not_modified=True)
        parsed = await asyncio.to_thread(parse_source, result, feed.kind, rules)
    except (FetchError, FeedParseError) as e:
        store.record_error(feed.id, str(e))
        return RefreshResult(feed, error=str(e))
    if parsed.title:
        feed.title = parsed.title
    new, total = store.save_entries(
        feed.id,
        parsed.entries,
        title=parsed.title,
        etag=result.etag,
        last_modified=result.last_modified,
        page_order=feed.kind == HTML_KIND,
    )
    return RefreshResult(feed, new=new, total=total)


async def refresh_feeds(
    store: Store,
    fetcher: Fetcher,
    feeds: Sequence[Feed],
    specs: Sequence[FeedSpec] = (),
    on_result: Callable[[RefreshResult], None] | None = None,
) -> list[RefreshResult]:
    """Refresh feeds concurrently (the fetcher caps concurrency); results in feeds' order."""
    rules = {s.url: s.rules for s in specs}

    async def one(feed: Feed) -> RefreshResult:
        try:
            res = await refresh_feed(store, fetcher, feed, rules.get(feed.url))
        except Exception as e:  # a bug in one source's parsing must not stop the others
            msg = f"unexpected error: {type(e).__name__}: {e}"
            store.record_error(feed.id, msg)
            res = RefreshResult(feed, error=msg)
        if on_result is not None:
            on_result(res)
        return res

    return list(await asyncio.gather(*(one(f) for f in feeds)))
