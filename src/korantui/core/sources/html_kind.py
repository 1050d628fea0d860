"""The "html" kind: headlines scraped from a site's front or index page (htmlsource.py), read as
the user's CSS selectors describe it when the config gives some.

Selectors are compiled when the page is read, not when the config is: checking them at start-up
would load lxml before the first frame. A bad one is that source's error line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from korantui.core.models import HTML_KIND, FeedSpec, ParsedSource
from korantui.core.sources.kind import Batch, DocumentKind

if TYPE_CHECKING:
    from korantui.core.net.fetch import FetchResult

# The CSS selectors of a page's headline list, all optional.
HTML_RULE_KEYS = ("item", "title", "link", "date", "summary")


class HtmlKind(DocumentKind):
    name: ClassVar[str] = HTML_KIND
    label: ClassVar[str] = "HTML index page"
    keys: ClassVar[tuple[str, ...]] = HTML_RULE_KEYS
    page_order: ClassVar[bool] = True

    def to_opml(self, spec: FeedSpec) -> dict[str, str]:
        # Other readers would fetch xmlUrl as a feed and fail: give them the page as a link.
        return {"type": "link", "url": spec.url, "htmlUrl": spec.url}

    def address_in_opml(self, attrs: Mapping[str, str]) -> str:
        return (
            attrs.get("xmlUrl")
            or attrs.get("xmlurl")
            or attrs.get("htmlUrl")
            or attrs.get("url")
            or ""
        )

    def parse(self, result: FetchResult, options: Mapping[str, str], batch: Batch) -> ParsedSource:
        from korantui.core.net.charset import decode_html
        from korantui.core.sources.htmlsource import parse_html_source

        html = decode_html(result.content, result.declared_charset)
        return parse_html_source(html, result.url, dict(options))
