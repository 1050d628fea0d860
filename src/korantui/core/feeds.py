"""Parsing RSS / Atom / RDF / JSON Feed documents into sanitised Entries (feedparser)."""

from __future__ import annotations

import calendar
import hashlib
import html
import re
from datetime import UTC, datetime
from typing import Any

from korantui.core.models import Entry, ParsedSource
from korantui.core.sanitize import clean_line, clean_paragraphs, safe_url


class FeedParseError(Exception):
    """The document gave no headlines; str() says why, for the per-feed error line."""


_BLOCK_TAGS = re.compile(r"<\s*(?:/?p|br|/?div|/?li|/?h[1-6]|/?blockquote|/?tr)\b[^>]*>", re.I)
_TAGS = re.compile(r"<[^>]*>")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries), paragraphs kept apart by blank lines."""
    if not fragment:
        return ""
    if "<" not in fragment and "&" not in fragment:
        return clean_paragraphs(fragment)
    text = _BLOCK_TAGS.sub("\n\n", fragment)
    text = _TAGS.sub("", text)
    return clean_paragraphs(html.unescape(text))


def looks_like_json_feed(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b"jsonfeed.org" in data[:4096]


def parse_feed(data: bytes, url: str, content_type: str = "") -> ParsedSource:
    """Parse a feed document. Raises FeedParseError when it yields no headline."""
    if looks_like_json_feed(data):
        from korantui.core.jsonfeed import parse_json_feed

        return parse_json_feed(data, url)
    import feedparser  # ~60 ms; not needed on the start-up path

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    # A leading newline or BOM before <?xml makes strict parsers fail (Antara, detik): strip it.
    parsed = feedparser.parse(
        data.lstrip(b"\r\n\t "), response_headers=headers, sanitize_html=False
    )
    entries = [e for e in (_entry(raw, url) for raw in parsed.entries) if e is not None]
    warning = ""
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        warning = clean_line(f"{type(exc).__name__}: {exc}")[:200] if exc else "irregular feed"
    if not entries:
        if parsed.get("bozo"):
            raise FeedParseError(f"not a readable feed ({warning})")
        if not parsed.get("version"):
            raise FeedParseError("not a feed (no RSS, Atom or RDF document found)")
        raise FeedParseError("the feed has no items")
    feed = parsed.get("feed", {})
    return ParsedSource(
        title=clean_line(feed.get("title", "")),
        entries=entries,
        link=safe_url(feed.get("link", ""), url),
        warning=warning,
    )


def _entry(raw: Any, base: str) -> Entry | None:
    link = safe_url(raw.get("link", ""), base)
    if not link:
        for alt in raw.get("links", []) or []:
            link = safe_url(alt.get("href", ""), base)
            if link:
                break
    title = clean_line(html_to_text(raw.get("title", "")))
    summary_html = raw.get("summary", "") or ""
    for content in raw.get("content", []) or []:
        # content:encoded is often longer than the description, but not always full text.
        if len(content.get("value", "")) > len(summary_html):
            summary_html = content.get("value", "")
    summary = html_to_text(summary_html)
    if not title:
        title = summary.split("\n")[0][:120]
    if not title and not link:
        return None
    guid = clean_line(raw.get("id", "")) or link or _digest(title + summary)
    return Entry(
        title=title,
        link=link,
        guid=guid[:1000],
        summary=summary,
        published=_when(raw),
        author=clean_line(raw.get("author", "")),
        image=_image(raw, base),
    )


def _when(raw: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = raw.get(key)
        if value:
            try:
                stamp = datetime.fromtimestamp(calendar.timegm(value), UTC)
            except (OverflowError, ValueError, OSError):
                continue
            if stamp.year > 1971:  # "1970" is what broken CMSs print for "unknown"
                return stamp
    return None


def _image(raw: Any, base: str) -> str:
    for media in (raw.get("media_content") or []) + (raw.get("media_thumbnail") or []):
        url = safe_url(media.get("url", ""), base)
        if url:
            return url
    for enc in raw.get("enclosures") or []:
        if str(enc.get("type", "")).startswith("image/"):
            url = safe_url(enc.get("href", ""), base)
            if url:
                return url
    m = re.search(r"<img[^>]+src=[\"']([^\"']+)", raw.get("summary", "") or "", re.I)
    return safe_url(html.unescape(m.group(1)), base) if m else ""


def _digest(text: str) -> str:
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()
