"""The "feed" kind: a syndication document, in whichever registered format it turns out to be.

Users (and servers' content types) do not reliably say which format a feed is in, so a feed
source names no format: the document's own bytes choose one of registry.FEED_FORMATS (JSON
Feed, then RSS/Atom/RDF). Adding a format is a module with a FeedFormat and its registration.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from korantui.core.models import FEED_KIND, ParsedSource
from korantui.core.sources.kind import Batch, DocumentKind

if TYPE_CHECKING:
    from korantui.core.net.fetch import FetchResult

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9,"
    " text/xml;q=0.9, */*;q=0.5"
)


@dataclass(frozen=True, slots=True)
class FeedFormat:
    """One feed document format: how to recognise it and where its reader is.

    The reader is named "module:function" and imported on first use: the registry is loaded at
    start-up (by the config), the parsers only with the first refresh."""

    name: str  # for people: "JSON Feed", "RSS/Atom/RDF"
    sniff: Callable[[bytes], bool]  # whether the document's bytes are this format
    # (data, url, content type, batch) -> ParsedSource; raises FeedParseError
    reader: str
    # (data) -> the format's own name for this document ("RSS", "Atom"), when it has variants
    variant_reader: str = ""

    def parse(self, data: bytes, url: str, content_type: str, batch: Batch) -> ParsedSource:
        parsed: ParsedSource = _resolve(self.reader)(data, url, content_type, batch)
        return parsed

    def variant(self, data: bytes) -> str:
        return str(_resolve(self.variant_reader)(data)) if self.variant_reader else self.name


@cache
def _resolve(path: str) -> Callable[..., Any]:
    module, _, name = path.partition(":")
    fn: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return fn


def format_of(data: bytes) -> FeedFormat:
    """The registered format that claims data (the last one takes whatever is left)."""
    from korantui.core.sources.registry import FEED_FORMATS

    return next((f for f in FEED_FORMATS if f.sniff(data)), FEED_FORMATS[-1])


def parse_feed_document(
    data: bytes, url: str, content_type: str = "", batch: Batch | None = None
) -> ParsedSource:
    """A feed document's headlines, whatever its format. Raises FeedParseError saying why not,
    and when reading it costs more than its CPU budget (sources/budget.py)."""
    from korantui.core.sources import budget
    from korantui.core.sources.feeds import FeedParseError

    fmt = format_of(data)
    try:
        return budget.within(
            budget.CPU_SECONDS, fmt.parse, data, url, content_type, batch or Batch()
        )
    except budget.OverBudget:
        raise FeedParseError(budget.over_budget_message()) from None


class FeedKind(DocumentKind):
    name: ClassVar[str] = FEED_KIND
    label: ClassVar[str] = "RSS, Atom, RDF or JSON Feed"
    accept: ClassVar[str] = FEED_ACCEPT

    def parse(self, result: FetchResult, options: Mapping[str, str], batch: Batch) -> ParsedSource:
        return parse_feed_document(
            result.content, result.url, result.headers.get("content-type", ""), batch
        )
