"""Opening an article: the stored copy when there is one, else fetch, extract and store it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from korantui.core.models import Article, Block, Enclosure, Headline
from korantui.core.store.database import Store
from korantui.core.store.enclosures import enclosures_of
from korantui.core.store.feed_settings import full_text_feed

if TYPE_CHECKING:
    from korantui.core.article.site_rules import SiteRules
    from korantui.core.net.fetch import Fetcher

FULL_TEXT = "full"
SUMMARY = "summary"
FAILED = "failed"
OFFLINE = "offline"

# What is kept of one paragraph and of one article: a one-paragraph page of 9.9 MB is no
# article anyone reads in a terminal, and every later open, search and wrap would pay for it.
PARAGRAPH_LIMIT = 100_000
ARTICLE_LIMIT = 2_000_000
CUT_MARK = " […]"  # ends a paragraph that was cut; alone, it ends an article that was cut


def capped(article: Article) -> Article:
    """article with no paragraph over PARAGRAPH_LIMIT characters and no more than ARTICLE_LIMIT
    in all: what is cut ends in CUT_MARK (the article is changed in place and returned)."""
    left = ARTICLE_LIMIT
    blocks: list[Block] = []
    for block in article.blocks:
        if left <= 0:
            blocks.append(Block("p", CUT_MARK.strip()))
            break
        limit = min(PARAGRAPH_LIMIT, left)
        if len(block.text) > limit:
            links = [link for link in block.links if link.end <= limit]
            block = Block(block.kind, block.text[:limit] + CUT_MARK, links)
        left -= len(block.text)
        blocks.append(block)
    article.blocks = blocks
    return article


@dataclass(slots=True)
class Reading:
    """What the reading pane shows for one headline, and why."""

    headline: Headline
    article: Article
    status: str  # FULL_TEXT, SUMMARY (no article yet), FAILED (extraction failed), OFFLINE
    reason: str = ""  # why the full text is missing
    stored: bool = False  # the full text came from the cache
    enclosures: tuple[Enclosure, ...] = ()  # the files the feed item carries (audio, video)


def summary_article(headline: Headline) -> Article:
    """The feed's own summary as an Article, shown at once and when the full text is missing."""
    blocks = [Block("p", p) for p in headline.summary.split("\n\n") if p.strip()]
    article = Article(
        url=headline.link,
        title=headline.title,
        author=headline.author,
        published=headline.published,
        site=headline.feed_name,
        image=headline.image,
        blocks=blocks,
        method="summary",
    )
    return capped(article)


def stored_reading(store: Store, headline: Headline) -> Reading:
    """What can be shown without the network: the stored article, else the summary."""
    article = store.article(headline.id)
    files = enclosures_of(store, headline.id)
    if article is not None:  # capped too: stored before the cap existed, or by another path
        return Reading(headline, capped(article), FULL_TEXT, stored=True, enclosures=files)
    return Reading(headline, summary_article(headline), SUMMARY, enclosures=files)


async def fetch_reading(
    store: Store, fetcher: Fetcher, headline: Headline, rules: SiteRules | None = None
) -> Reading:
    """Fetch and extract the article page, store the result; failures fall back to the summary."""
    reading = await _fetched_reading(store, fetcher, headline, rules)
    reading.enclosures = await asyncio.to_thread(enclosures_of, store, headline.id)
    return reading


async def _fetched_reading(
    store: Store, fetcher: Fetcher, headline: Headline, rules: SiteRules | None
) -> Reading:
    from korantui.core.article.article_fetch import fetch_article
    from korantui.core.article.extract import ExtractionError, Hints
    from korantui.core.net.fetch import FetchError  # lazy: the app's start shows stored text

    if full_text_feed(store, headline.feed_id):  # full_text = true: the feed's text is it
        article = summary_article(headline)
        article.method = "feed"
        await asyncio.to_thread(store.save_article, headline.id, article)
        return Reading(headline, article, FULL_TEXT)
    if not headline.link:
        return Reading(headline, summary_article(headline), FAILED, "the headline has no link")
    try:
        # The feed item's own title, date and author are the best evidence there is; and
        # relative dates on the page ("2 jam yang lalu") count from now, the fetch.
        hints = Hints(
            title=headline.title,
            published=headline.published,
            author=headline.author,
            fetched=datetime.now(UTC),
        )
        article = await fetch_article(fetcher, headline.link, rules=rules, hints=hints)
    except FetchError as e:
        status = OFFLINE if e.kind in ("connect", "timeout", "network") else FAILED
        return Reading(headline, summary_article(headline), status, str(e))
    except ExtractionError as e:
        return Reading(headline, summary_article(headline), FAILED, str(e))
    capped(article)  # at the store gate: what is kept is what is shown and searched
    if not article.title:
        article.title = headline.title
    if not article.site:
        article.site = headline.feed_name
    if article.published is None:
        article.published = headline.published
    # In a thread: a store locked by another process waits up to its busy timeout, and on the
    # event loop that wait would stall every other download (sync, prefetch, refresh).
    await asyncio.to_thread(store.save_article, headline.id, article)
    return Reading(headline, article, FULL_TEXT)
