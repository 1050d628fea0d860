"""Parsing RSS / Atom / RDF documents into sanitised Entries (feedparser)."""

from __future__ import annotations

import calendar
import hashlib
import html
import re
from datetime import UTC, datetime
from typing import Any

from korantui.core.models import Enclosure, Entry, ParsedSource
from korantui.core.moments import in_own_zone
from korantui.core.net.doctype import why_not_a_feed
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line, clean_paragraphs, safe_url
from korantui.core.sources.kind import SourceError
from korantui.core.url_gate import checked_url


class FeedParseError(SourceError):
    """The document gave no headlines; str() says why, for the per-feed error line."""


_BLOCK_TAGS = compiled(r"<\s*(?:/?p|br|/?div|/?li|/?h[1-6]|/?blockquote|/?tr)\b[^>]*>", re.I)
_TAGS = compiled(r"<[^>]*>")


# A numeric character reference with thousands of digits makes int() (in html.unescape and in
# feedparser) raise ValueError: one such "&#999...;" would fail the whole feed. Anything past
# eight digits is beyond Unicode anyway; it becomes U+FFFD, as in a browser.
_HUGE_REF = compiled(r"&#(?:0*[0-9]{9,}|[xX]0*[0-9a-fA-F]{9,});?")
_HUGE_REF_BYTES = compiled(rb"&(?:amp;)*#(?:0*[0-9]{9,}|[xX]0*[0-9a-fA-F]{9,});?")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries), paragraphs kept apart by blank lines."""
    if not fragment:
        return ""
    if "<" not in fragment and "&" not in fragment:
        return clean_paragraphs(fragment)
    text = _BLOCK_TAGS.sub("\n\n", fragment)
    text = _TAGS.sub("", text)
    return clean_paragraphs(html.unescape(_HUGE_REF.sub("\ufffd", text)))


_XML_ENCODING = compiled(r"""^(\s*<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")


def _as_utf8(data: bytes, content_type: str) -> bytes:
    """The document re-encoded as UTF-8, decoded by what its bytes are rather than what it claims.

    Servers lie about charsets (a UTF-8 feed sent as iso-8859-1, a windows-1255 feed declaring
    nothing); feedparser believes the header over the bytes, so decoding is decided here, the way
    article pages are decoded, and feedparser is handed UTF-8 with a matching declaration.
    """
    from korantui.core.net.charset import decode_html
    from korantui.core.net.fetch import header_charset

    text = decode_html(data, header_charset(content_type))
    text = _XML_ENCODING.sub(r'\1"utf-8"', text, count=1)
    return text.encode("utf-8", "replace")


def describe_bozo(exc: object) -> str:
    """feedparser's bozo exception as words for users ("broken XML at line 7: unclosed token")."""
    if exc is None:
        return "irregular feed"
    name = type(exc).__name__
    if name == "SAXParseException":
        line = getattr(exc, "getLineNumber", lambda: 0)()
        msg = getattr(exc, "getMessage", lambda: str(exc))()
        where = f" at line {line}" if line else ""
        return clean_line(f"broken XML{where}: {msg}")[:200]
    if name in ("CharacterEncodingOverride", "CharacterEncodingUnknown"):
        return "wrong or unknown character encoding"
    if name == "NonXMLContentType":
        return "served with a non-XML content type"
    return clean_line(f"irregular feed: {exc}")[:200] or "irregular feed"


def parse_feed(data: bytes, url: str, content_type: str = "") -> ParsedSource:
    """Parse a feed document. Raises FeedParseError, saying why, when it yields no headline or
    costs more than its CPU budget (also in a parse pool's worker).

    A document feedparser marks bozo (broken XML, wrong encoding) is still read when entries
    come out of it; ParsedSource.warning then says what was wrong.
    """
    from korantui.core.sources import budget
    from korantui.core.sources.limits import trim_feed_document

    try:
        return budget.within(
            budget.CPU_SECONDS, _parse_feed, trim_feed_document(data), url, content_type
        )
    except budget.OverBudget:
        raise FeedParseError(budget.over_budget_message()) from None


def _parse_feed(data: bytes, url: str, content_type: str) -> ParsedSource:
    import feedparser  # ~60 ms; not needed on the start-up path

    # A leading newline or BOM before <?xml makes strict parsers fail (Antara, detik): strip it.
    body = _as_utf8(data.lstrip(b"\r\n\t "), content_type).lstrip()
    body = _HUGE_REF_BYTES.sub(b"&#65533;", body)
    # The content type given to feedparser is ours: the charset was settled above, and an HTML
    # content type on a real feed (common) must not stop it from being read as one.
    headers = {"content-location": url, "content-type": "application/xml; charset=utf-8"}
    try:
        parsed = feedparser.parse(body, response_headers=headers, sanitize_html=False)
    except Exception as e:  # feedparser is robust, but the document is a stranger's
        raise FeedParseError(f"not a readable feed ({describe_bozo(e)})") from None
    entries = [e for e in (_entry(raw, url) for raw in parsed.entries) if e is not None]
    warning = describe_bozo(parsed.get("bozo_exception")) if parsed.get("bozo") else ""
    if not entries:
        if parsed.get("version"):
            raise FeedParseError("the feed has no items")
        reason = why_not_a_feed(data, content_type)
        if reason.endswith("no RSS, Atom or RDF document found") and parsed.get("bozo"):
            reason = f"not a feed: {warning}"
        raise FeedParseError(reason)
    feed = parsed.get("feed", {})
    return ParsedSource(
        title=clean_line(html_to_text(feed.get("title", ""))),
        entries=entries,
        link=safe_url(feed.get("link", ""), url),
        warning=warning,
    )


def _entry(raw: Any, base: str) -> Entry | None:
    link = checked_url(raw.get("link", ""), base)
    if not link:
        for alt in raw.get("links", []) or []:
            link = checked_url(alt.get("href", ""), base)
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
        enclosures=_enclosures(raw, base),
    )


MAX_ENCLOSURES = 5  # of one item: a podcast episode has one; more is a feed's mistake


def _enclosures(raw: Any, base: str) -> tuple[Enclosure, ...]:
    """The item's files other than pictures (those are its image), each an http(s) address
    with the feed's type and length, bounded."""
    found: list[Enclosure] = []
    for enc in raw.get("enclosures") or []:
        kind = clean_line(str(enc.get("type", "") or ""))[:100].lower()
        url = checked_url(str(enc.get("href", "") or ""), base)
        if not url or kind.startswith("image/") or any(e.url == url for e in found):
            continue
        try:
            length = max(0, min(int(str(enc.get("length", "") or 0).strip()), 10**13))
        except ValueError:
            length = 0
        found.append(Enclosure(url, kind, length))
        if len(found) == MAX_ENCLOSURES:
            break
    return tuple(found)


def _when(raw: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = raw.get(key)
        if value:
            try:
                stamp = datetime.fromtimestamp(calendar.timegm(value), UTC)
            except (OverflowError, ValueError, OSError):
                continue
            if stamp.year > 1971:  # "1970" is what broken CMSs print for "unknown"
                return in_own_zone(stamp, raw.get(key.removesuffix("_parsed")))
    return None


def _image(raw: Any, base: str) -> str:
    for media in (raw.get("media_content") or []) + (raw.get("media_thumbnail") or []):
        url = checked_url(media.get("url", ""), base)
        if url:
            return url
    for enc in raw.get("enclosures") or []:
        if str(enc.get("type", "")).startswith("image/"):
            url = checked_url(enc.get("href", ""), base)
            if url:
                return url
    m = re.search(r"<img[^>]+src=[\"']([^\"']+)", raw.get("summary", "") or "", re.I)
    return checked_url(html.unescape(m.group(1)), base) if m else ""


def _digest(text: str) -> str:
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()
