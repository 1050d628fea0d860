"""A fast path for feed parsing: feedparser-rs (Rust) where it is sure, feedparser otherwise.

feedparser is pure Python and costs 28-60 ms of CPU per 50-item feed, which a refresh of 100
feeds cannot afford; feedparser-rs reads the same feed in about a millisecond. It is used only
for well-formed RSS/Atom documents that give at least one entry: anything it finds irregular
(bozo), an unknown format, no entries, a missing module or any exception goes to feedparser, so
error messages, warnings and the recovery of broken feeds stay feedparser's; so do documents
with xml:base, which feedparser resolves everywhere. Its entries go
through the same conversion as feedparser's (feeds._entry), so titles, links, summaries, dates
and images are sanitised by one piece of code. benchmarks/parsers.py measures the agreement of
the two paths on the real fixtures and the benchmark feeds.
"""

from __future__ import annotations

from typing import Any

from korantui.core.models import ParsedSource
from korantui.core.net.doctype import looks_like_json_feed
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line, safe_url
from korantui.core.sources.feeds import _entry, html_to_text

# Formats whose mapping onto feedparser's entry keys was checked against feedparser.
_TRUSTED_VERSIONS = frozenset(
    {"rss20", "rss091u", "rss091n", "rss092", "rss093", "rss094", "rss10", "rss090", "atom10"}
)

_XML_ENCODING = compiled(rb"""^<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']""")

_rs: Any = None  # the feedparser_rs module once imported; False when it is not installed


def _module() -> Any:
    global _rs
    if _rs is None:
        try:
            import feedparser_rs

            _rs = feedparser_rs
        except ImportError:
            _rs = False
    return _rs


class _Raw:
    """A feedparser-rs entry seen through the dict-like `.get` that feeds._entry expects."""

    __slots__ = ("_e",)

    def __init__(self, entry: Any) -> None:
        self._e = entry

    def get(self, key: str, default: Any = None) -> Any:
        e = self._e
        if key == "links":
            return [{"href": x.href or ""} for x in e.links or ()]
        if key == "content":
            return [{"value": x.value or ""} for x in e.content or ()]
        if key in ("media_content", "media_thumbnail"):
            return [{"url": x.url or ""} for x in getattr(e, key) or ()]
        if key == "enclosures":
            # feedparser-rs names the address href (as feedparser does), not url.
            return [
                {
                    "type": x.type or "",
                    "href": getattr(x, "href", None) or getattr(x, "url", None) or "",
                    "length": getattr(x, "length", None) or 0,
                }
                for x in e.enclosures or ()
            ]
        if key == "created_parsed":
            return default
        value = getattr(e, key, None)
        return default if value is None else value


def parse_fast(data: bytes, url: str) -> ParsedSource | None:
    """The feed parsed by feedparser-rs, or None when the fast path is not sure of it."""
    rs = _module()
    body = data.lstrip(b"\xef\xbb\xbf\r\n\t ")
    # Only documents that start like XML: feedparser-rs treats a string that looks like an
    # address as something to download, and the fetching is ours to do.
    if not rs or not body.startswith(b"<") or looks_like_json_feed(body):
        return None
    # Only UTF-8: feedparser's encoding detection and cp1252 repairs are not the fast path's.
    declared = _XML_ENCODING.match(body[:200])
    if declared and declared.group(1).lower().replace(b"-", b"") != b"utf8":
        return None
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    # xml:base changes what relative links mean, per element, down to a single <link> and the
    # images inside a summary; feedparser-rs resolves only some of them (and not the images),
    # so such a document is feedparser's, which resolves them all.
    if b"xml:base" in body:
        return None
    try:
        parsed = rs.parse(body, sanitize_html=False, resolve_relative_uris=False)
        if parsed.bozo or parsed.version not in _TRUSTED_VERSIONS or not parsed.entries:
            return None
        entries = []
        for raw in parsed.entries:
            # feedparser-rs blanks links to private and loopback addresses, and feedparser
            # resolves a relative permalink guid against the feed's address: both are
            # feedparser's to read, so the whole feed goes there.
            if not raw.link or (raw.id and ":" not in raw.id):
                return None
            entry = _entry(_Raw(raw), url)
            if entry is None:  # feedparser's path decides what to do with such an item
                return None
            entries.append(entry)
        feed = parsed.feed
        return ParsedSource(
            title=clean_line(html_to_text(feed.title or "")),
            entries=entries,
            link=safe_url(feed.link or "", url),
        )
    except Exception:  # a fast-path failure of any kind is feedparser's case, not an error
        return None
