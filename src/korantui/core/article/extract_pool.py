"""Article extraction in worker processes, for `korantui sync`'s many articles.

A sync of 1,000 articles spent 4.2 s of its 9.4 s of CPU extracting them (the HTML thread,
core/htmlwork.py), and the process as a whole ran at 93-99% of one core: the downloads, the
store and the extraction took turns on one interpreter lock while the other cores idled. Here
the extraction of each article (trafilatura, the site rules, the Indonesian cleanup) runs in a
worker process; this process still fetches, looks at each page for its further parts, and
stores. A worker costs a process start and the extraction's imports (~0.3-0.5 s of CPU, on
another core), so a pool is made only for a sync of many articles on a machine of two cores or
more. Workers come from a forkserver (this process has threads) and end when korantui does;
a pool that fails (a worker killed, a result that cannot cross) leaves the rest of the sync
to the HTML thread, as without one.
"""

from __future__ import annotations

import asyncio
import os
import pickle
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from korantui.core import parent_watch

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from korantui.core.article.extract import Extraction, Hints
    from korantui.core.article.site_rules import SiteRules

MIN_ARTICLES = 40  # fewer than this are extracted here: a worker's start would not pay

# The pool extraction goes to in the current context (a sync's articles), when there is one.
current: ContextVar[ExtractionPool | None] = ContextVar("korantui_extraction_pool", default=None)

_rules: SiteRules | None = None  # in a worker: the rules its pool was made with


def workers() -> int:
    """Workers beside this process, which keeps one core for downloads and the store."""
    return min(3, (os.cpu_count() or 1) - 1)


def worth_it(articles: int) -> bool:
    return articles >= MIN_ARTICLES and workers() >= 1


class ExtractionPool:
    """`extract(pages, url, rules, hints, refuse)` as article_fetch's extract_parts, in a
    worker when rules are the pool's own; `close()` ends the workers."""

    def __init__(self, rules: SiteRules) -> None:
        self.rules = rules
        self.extracted = 0  # in a worker (for tests and the benchmark's notes)
        self._pool: ProcessPoolExecutor | None = None
        self._warming: list[Future[None]] = []  # each worker's imports
        self._broken = False

    def start(self) -> None:
        """Make the workers; until they have imported the extraction (~0.3-0.5 s), articles
        are extracted here, so the downloads never wait for them."""
        if self._pool is not None or self._broken:
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        try:
            self._pool = ProcessPoolExecutor(
                max_workers=max(1, workers()),
                mp_context=multiprocessing.get_context("forkserver"),
                initializer=_init,
                initargs=(os.getpid(), self.rules),
            )
            # Each worker imports the extraction at once, not with the first article.
            self._warming = [self._pool.submit(_ready) for _ in range(max(1, workers()))]
        except (OSError, RuntimeError, ValueError):
            self._broken = True

    def wait_ready(self, timeout: float) -> bool:
        """Whether the workers have started and imported the extraction, waiting that long."""
        from concurrent.futures import wait

        if self._pool is None:
            return False
        done, _ = wait(self._warming, timeout)
        return len(done) == len(self._warming)

    async def extract(
        self,
        pages: list[tuple[str, Any]],
        url: str,
        rules: SiteRules,
        hints: Hints | None,
        refuse: bool,
    ) -> Extraction:
        from concurrent.futures.process import BrokenProcessPool

        from korantui.core.article.article_fetch import extract_parts_here

        ready = self._pool is not None and all(w.done() for w in self._warming)
        if ready and rules is self.rules and not self._broken:
            assert self._pool is not None
            texts = [text for text, _tree in pages]
            loop = asyncio.get_running_loop()
            try:
                found: Extraction = await loop.run_in_executor(
                    self._pool, _extract_texts, texts, url, hints, refuse
                )
            except (BrokenProcessPool, OSError, RuntimeError, pickle.PicklingError):
                self._broken = True  # the rest of the sync extracts here
            else:
                self.extracted += 1
                return found
        return await extract_parts_here(pages, url, rules, hints, refuse)

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _init(parent: int, rules: SiteRules) -> None:
    global _rules
    parent_watch.pool_worker(parent, 0.1)
    _rules = rules


def _ready() -> None:
    """In a worker: import the extraction where it runs, on the worker's HTML thread (lxml's
    compiled XPath belong to the thread that imported them, core/htmlwork.py). korantui's own
    modules import trafilatura only inside their functions: importing them alone left its
    ~0.2 s to the worker's first article, after the pool said it was ready."""
    from korantui.core.htmlwork import on_html_thread

    on_html_thread(_import_extraction)


def _import_extraction() -> None:
    import trafilatura  # noqa: F401  (and htmldate: their XPath are compiled at import)

    import korantui.core.article.article_fetch  # noqa: F401


def _extract_texts(texts: list[str], url: str, hints: Hints | None, refuse: bool) -> Extraction:
    """In a worker: each page parsed again (a tree does not cross processes), then extracted
    as this process would have."""
    from korantui.core.article.article_fetch import extract_parts
    from korantui.core.article.extract import parse_html

    assert _rules is not None
    return extract_parts([(text, parse_html(text)) for text in texts], url, _rules, hints, refuse)
