"""The RSS/Atom/RDF feed format: feedparser-rs where it is sure, feedparser otherwise, and
feedparser in a process pool once enough feeds of one refresh need it."""

from __future__ import annotations

import re

from korantui.core.models import ParsedSource
from korantui.core.sources.kind import Batch

SLOW_COUNTER = "feedparser"  # the batch counter of feeds that needed feedparser


def read_format(data: bytes, url: str, content_type: str, batch: Batch) -> ParsedSource:
    """The feed kind's reader of this format (registry.FEED_FORMATS)."""
    from korantui.core.sources import parsepool
    from korantui.core.sources.fastparse import parse_fast
    from korantui.core.sources.feeds import parse_feed
    from korantui.core.sources.limits import trim_feed_document

    data = trim_feed_document(data)
    fast = parse_fast(data, url)
    if fast is not None:
        return fast
    if parsepool.worth_it(batch.bump(SLOW_COUNTER), batch.size):
        return parsepool.parse_feed_in_pool(data, url, content_type)
    return parse_feed(data, url, content_type)


def variant(data: bytes) -> str:
    """RSS, Atom or RDF, for discovery's words."""
    head = data[:4096].lower()
    if b"<rdf:rdf" in head:
        return "RDF"
    if re.search(rb"<feed[\s>]", head) and b"<rss" not in head:
        return "Atom"
    return "RSS"
