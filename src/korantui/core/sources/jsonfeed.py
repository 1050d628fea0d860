"""JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1) into sanitised Entries."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from korantui.core.models import Entry, ParsedSource
from korantui.core.sanitize import clean_line, safe_url
from korantui.core.sources.feeds import FeedParseError, html_to_text
from korantui.core.sources.kind import Batch

# A feed is a few hundred kB at most; anything far larger is not one we want to hold in memory
# as Python objects (json.loads of a 30 MB body costs several times that).
_MAX_BYTES = 20 * 1024 * 1024


def parse_json_feed(data: bytes, url: str) -> ParsedSource:
    """Parse a JSON Feed document. Raises FeedParseError when it yields no headline."""
    if len(data) > _MAX_BYTES:
        raise FeedParseError("JSON Feed too large")
    try:
        doc = json.loads(data.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError) as e:
        raise FeedParseError(f"not a readable JSON Feed ({clean_line(str(e))[:120]})") from None
    if not isinstance(doc, dict):
        raise FeedParseError("not a JSON Feed (the document is not an object)")
    version = doc.get("version")
    warning = ""
    if not (isinstance(version, str) and "jsonfeed.org/version/" in version):
        warning = "no JSON Feed version given"
    # A 1.0 feed_url/home_page_url may be relative in the wild; resolve against where we got it.
    base = safe_url(_str(doc.get("feed_url")), url) or url
    items = doc.get("items")
    if not isinstance(items, list):
        raise FeedParseError("not a JSON Feed (no items list)")
    feed_authors = _authors(doc)
    entries = [e for e in (_entry(it, base, feed_authors) for it in items) if e is not None]
    if not entries:
        raise FeedParseError("the feed has no items")
    return ParsedSource(
        title=clean_line(_str(doc.get("title"))),
        entries=entries,
        link=safe_url(_str(doc.get("home_page_url")), base),
        warning=warning,
    )


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _authors(obj: dict[str, Any]) -> str:
    # 1.1 has "authors" (a list); 1.0 has "author" (one object).
    raw = obj.get("authors")
    people = raw if isinstance(raw, list) else [obj.get("author")]
    names = [clean_line(_str(p.get("name"))) for p in people if isinstance(p, dict)]
    return ", ".join(n for n in names if n)


def _entry(item: Any, base: str, feed_authors: str) -> Entry | None:
    if not isinstance(item, dict):
        return None
    link = safe_url(_str(item.get("url")), base) or safe_url(_str(item.get("external_url")), base)
    title = clean_line(html_to_text(_str(item.get("title"))))
    summary = html_to_text(_str(item.get("content_html"))) or html_to_text(
        _str(item.get("content_text"))
    )
    if not summary:
        summary = html_to_text(_str(item.get("summary")))
    if not title:
        # Title-less items (microblog posts) are allowed by the spec: use the text's opening.
        title = clean_line(html_to_text(_str(item.get("summary")))) or summary.split("\n")[0]
        title = title[:120]
    if not title and not link:
        return None
    raw_id = item.get("id")
    guid = clean_line(str(raw_id)) if isinstance(raw_id, (str, int)) else ""
    return Entry(
        title=title,
        link=link,
        guid=(guid or link or title)[:1000],
        summary=summary,
        published=_when(item.get("date_published")) or _when(item.get("date_modified")),
        author=_authors(item) or feed_authors,
        image=safe_url(_str(item.get("image")), base)
        or safe_url(_str(item.get("banner_image")), base),
    )


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp  # in the outlet's own offset: its times are shown as it wrote them


def read_format(data: bytes, url: str, content_type: str, batch: Batch) -> ParsedSource:
    """The feed kind's reader of this format (registry.FEED_FORMATS)."""
    return parse_json_feed(data, url)
