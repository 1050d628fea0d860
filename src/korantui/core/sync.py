"""`korantui sync`: refresh every feed, then fetch and store the full text of every unread
article that has none, so the morning's news reads offline.

The service reports through a SyncReport; two reports exist: a Rich progress bar for a terminal
and plain lines for cron and pipes.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from korantui.core.feed_reach import FeedReach, OriginZone
from korantui.core.i18n import count
from korantui.core.models import FeedSpec, Headline, RefreshResult
from korantui.core.reading import FAILED, FULL_TEXT, Reading, fetch_reading, summary_article
from korantui.core.sanitize import clean_line
from korantui.core.store.database import Store
from korantui.core.store.store_file import sqlite_problem
from korantui.core.sync_limits import SyncLimits, within_limits

if TYPE_CHECKING:
    from korantui.core.article.site_rules import SiteRules
    from korantui.core.net.fetch import Fetcher

# Articles in flight at once; 0: as many as the fetcher's caps let through (its connections,
# and its per-host cap, which is the politeness that matters). Extraction runs on its own thread
# (core/htmlwork.py) while the other downloads go on, and for many articles on a machine of two
# cores or more in worker processes (core/article/extract_pool.py).
ARTICLE_CONCURRENCY = 0


@dataclass(slots=True)
class SyncSummary:
    feeds: int = 0
    feed_errors: int = 0
    new: int = 0
    articles: int = 0  # unread articles without full text, tried
    left: int = 0  # past the caps of [sync] (core/sync_limits.py): for the next sync
    stored: int = 0
    failures: list[str] = field(default_factory=list)  # one line per failed feed or article
    # Why the store could not take what was fetched (a full disk): the sync failed as a whole.
    store_problem: str = ""
    extracted_apart: int = 0  # articles extracted in worker processes (core/article/extract_pool)

    def line(self) -> str:
        done = "Sync failed" if self.store_problem else "Sync done"
        line = (
            f"{done}: {count(self.feeds, 'feed')} ({self.feed_errors} failed),"
            f" {count(self.new, 'new headline')}, {count(self.stored, 'article')} stored"
            # failures holds the failed feeds too, counted just above
            f" ({len(self.failures) - self.feed_errors} failed)"
        )
        if self.left:
            line += f"; {count(self.left, 'article')} left for the next sync (the [sync] caps)"
        return f"{line} — {self.store_problem}" if self.store_problem else line


class SyncReport(Protocol):
    def feeds_started(self, count: int) -> None: ...
    def feed_done(self, result: RefreshResult) -> None: ...
    def articles_started(self, count: int) -> None: ...
    def article_done(self, headline: Headline, reading: Reading) -> None: ...
    def finished(self, summary: SyncSummary) -> None: ...


async def sync_all(
    store: Store,
    fetcher: Fetcher,
    specs: Sequence[FeedSpec],
    report: SyncReport,
    rules: SiteRules | None = None,
    concurrency: int = ARTICLE_CONCURRENCY,
    origin_zone: OriginZone | None = None,
    limits: SyncLimits | None = None,
) -> SyncSummary:
    """Refresh, then fetch every unread article without full text, newest first, within limits
    (per site and in all: core/sync_limits.py). The articles are fetched on korantui's own
    initiative: each no further into private networks than its feed's address (origin_zone,
    see FeedReach)."""
    from korantui.core.article import extract_pool
    from korantui.core.article.site_rules import load_rules
    from korantui.core.refresh import refresh_feeds

    rules = rules or load_rules()  # one object: what an extraction pool is made with

    summary = SyncSummary()
    feeds = store.feeds()
    report.feeds_started(len(feeds))
    results = await refresh_feeds(store, fetcher, feeds, specs, on_result=report.feed_done)
    summary.feeds = len(results)
    for r in results:
        summary.new += r.new
        if r.error:
            summary.feed_errors += 1
            summary.failures.append(f"{r.feed.display_name}: {r.error}")
            if _STORE_FULL in r.error:  # refresh reports the store's error as the feed's
                summary.store_problem = sqlite_problem(sqlite3.OperationalError(_STORE_FULL))

    targets = [h for h in store.headlines(unread_only=True) if not h.has_article and h.link]
    targets, left = within_limits(targets, limits or SyncLimits())
    summary.left = len(left)
    summary.articles = len(targets)
    report.articles_started(len(targets))
    gate = asyncio.Semaphore(max(1, concurrency or fetcher.settings.max_connections))
    reach = FeedReach(store, fetcher, origin_zone)

    async def one(row: Headline) -> None:
        headline = row
        async with gate:
            try:
                if summary.store_problem:  # no use downloading what cannot be kept
                    raise _Skipped(summary.store_problem)
                headline = store.headline(row.id) or row
                confined = await reach.fetcher_for(headline)
                reading = await fetch_reading(store, confined, headline, rules)
            except _Skipped as e:
                reading = Reading(headline, summary_article(headline), FAILED, f"not fetched: {e}")
            except sqlite3.OperationalError as e:  # the store's, not the article's
                summary.store_problem = problem = sqlite_problem(e)
                reading = Reading(headline, summary_article(headline), FAILED, problem)
            except Exception as e:  # a bug in one article's extraction must not stop the others
                reason = clean_line(f"unexpected error: {type(e).__name__}: {e}")[:200]
                reading = Reading(headline, summary_article(headline), FAILED, reason)
        if reading.status == FULL_TEXT:
            summary.stored += 1
        else:
            summary.failures.append(f"{clean_line(headline.title)[:60]}: {reading.reason}")
        report.article_done(headline, reading)

    pool = extract_pool.ExtractionPool(rules) if extract_pool.worth_it(len(targets)) else None
    token = extract_pool.current.set(pool)  # the tasks made below extract in its workers
    try:
        if pool is not None:
            pool.start()  # until its workers are ready, articles are extracted here
        await asyncio.gather(*(one(h) for h in targets))
    finally:
        extract_pool.current.reset(token)
        if pool is not None:
            summary.extracted_apart = pool.extracted
            await asyncio.to_thread(pool.close)
    report.finished(summary)
    return summary


_STORE_FULL = "database or disk is full"  # SQLite's words for SQLITE_FULL


class _Skipped(Exception):
    pass


class PlainReport:
    """One line per feed and per article: readable in a cron mail or a log file."""

    def __init__(self, out: Callable[[str], None] | None = None) -> None:
        self._out = out or (lambda line: print(line, flush=True))
        self._articles = 0
        self._done = 0

    def feeds_started(self, count: int) -> None:
        self._out(f"Refreshing {count} feeds")

    def feed_done(self, result: RefreshResult) -> None:
        name = result.feed.display_name
        if result.error:
            self._out(f"{name}: error: {result.error}")
        elif result.not_modified:
            self._out(f"{name}: not modified")
        else:
            self._out(f"{name}: {result.new} new of {result.total} headlines")

    def articles_started(self, count: int) -> None:
        self._articles = count
        self._out(f"Fetching {count} unread articles")

    def article_done(self, headline: Headline, reading: Reading) -> None:
        self._done += 1
        title = clean_line(headline.title)[:70]
        outcome = "stored" if reading.status == FULL_TEXT else f"failed: {reading.reason}"
        self._out(f"[{self._done}/{self._articles}] {title}: {outcome}")

    def finished(self, summary: SyncSummary) -> None:
        self._out(summary.line())


class ProgressReport:
    """A Rich progress bar for feeds, then one for articles; the summary printed at the end."""

    def __init__(self, console: Any = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.console = console or Console(file=sys.stdout)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=self.console,
            transient=False,
        )
        self._feeds: Any = None
        self._articles: Any = None

    def feeds_started(self, count: int) -> None:
        self.progress.start()
        self._feeds = self.progress.add_task("Feeds", total=count)

    def feed_done(self, result: RefreshResult) -> None:
        self.progress.advance(self._feeds)
        if result.error:
            from rich.text import Text

            self.progress.console.print(
                Text(f"{result.feed.display_name}: {result.error}", style="yellow")
            )

    def articles_started(self, count: int) -> None:
        self._articles = self.progress.add_task("Articles", total=count)

    def article_done(self, headline: Headline, reading: Reading) -> None:
        self.progress.advance(self._articles)

    def finished(self, summary: SyncSummary) -> None:
        from rich.text import Text

        self.progress.stop()
        self.console.print(Text(summary.line()))
        for failure in summary.failures[:20]:
            self.console.print(Text(f"  {failure}", style="dim"))
