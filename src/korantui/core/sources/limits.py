"""How much of one source korantui reads: bounds that keep a hostile source's cost linear.

Two gates. Before parsing, an XML feed's document is trimmed (trim_feed_document): items past
MAX_ITEMS and, within an item, repeated elements (categories, authors, enclosures, media,
links) past MAX_REPEATED are cut out, so the parsers' work is bounded by what is kept (70 items
of 5,000 <category> cost feedparser 39 s of CPU; trimmed, a few milliseconds). After parsing,
every kind's result goes through bounded(): at most MAX_ITEMS headlines, titles and other fields
cut to size, and a date far in the future dropped (the headline is then dated by when it was
first seen instead of staying on top of All news until 9999).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import cache

from korantui.core.models import Entry, ParsedSource
from korantui.core.regex_cache import compiled

MAX_ITEMS = 500  # headlines of one source per refresh (a busy news feed has 50-200)
MAX_LINKS = 5000  # links of an HTML index page looked at (a front page has 300-2,000)
MAX_REPEATED = 25  # of one repeated element (category, author, enclosure...) per item
MAX_TITLE = 1000  # characters
MAX_AUTHOR = 300
MAX_SUMMARY = 100_000
# Feeds' clocks and time zones are often hours off; a date beyond this is not a date.
FUTURE_SLACK = timedelta(days=2)

# Below this many tags a document cannot hold enough repetition to be worth scanning.
_SCAN_FROM_TAGS = 5_000
_ITEM = rb"(?:[\w-]+:)?(?:item|entry)"
_ITEM_START = compiled(rb"<" + _ITEM + rb"(?=[\s/>])", re.I)
_ITEM_END = compiled(rb"</" + _ITEM + rb"\s*>", re.I)
_REPEATED = [
    *("category", "dc:subject", "author", "dc:creator", "contributor", "enclosure"),
    *("media:content", "media:thumbnail", "media:group", "link", "atom:link"),
]


@cache
def _elements() -> list[re.Pattern[bytes]]:
    """One whole element of each repeated name: self-closing, or up to its closing tag
    (compiled when a document first needs trimming, not at the first parse of every run)."""
    flags = re.I | re.S
    return [
        compiled(rb"<(" + re.escape(n.encode()) + rb")(?=[\s/>])[^>]*?(?:/>|>.*?</\1\s*>)", flags)
        for n in _REPEATED
    ]


# A person's name or address longer than this is cut before parsing: feedparser looks for an
# e-mail address in it with a regular expression that is quadratic (a 50 KB author: minutes).
_PERSON_BYTES = 1000
_LONG_PERSON = compiled(
    rb"(<(author|dc:creator|managingEditor|webMaster|name|email)>)([^<]{%d,})(</\2\s*>)"
    % _PERSON_BYTES,
    re.I,
)


def trim_feed_document(data: bytes) -> bytes:
    """data without the items past MAX_ITEMS, the repeated elements past MAX_REPEATED of any
    item, and with people's names cut short. Whole elements are cut, so a well-formed document
    stays well-formed."""
    data = _LONG_PERSON.sub(_cut_person, data)
    if data.count(b"<") < _SCAN_FROM_TAGS:
        return data
    starts = [m.start() for m in _ITEM_START.finditer(data)]
    if not starts:
        return data
    last_end = max((m.end() for m in _ITEM_END.finditer(data, starts[-1])), default=len(data))
    kept = starts[:MAX_ITEMS]
    # The items past the cap go whole: from the first of them to the end of the last.
    ends = [*kept[1:], starts[MAX_ITEMS] if len(starts) > MAX_ITEMS else last_end]
    parts = [data[: kept[0]]]
    for start, end in zip(kept, ends, strict=True):
        item = data[start:end]
        if item.count(b"<") > 2 * MAX_REPEATED:
            item = _trim_item(item)
        parts.append(item)
    parts.append(data[last_end:])
    return b"".join(parts)


def _cut_person(m: re.Match[bytes]) -> bytes:
    text = m.group(3)[:MAX_AUTHOR]
    # Not inside a UTF-8 sequence nor an entity reference.
    while text and 0x80 <= text[-1] < 0xC0:
        text = text[:-1]
    if text and text[-1] >= 0xC0:
        text = text[:-1]
    amp = text.rfind(b"&")
    if amp >= 0 and b";" not in text[amp:]:
        text = text[:amp]
    return m.group(1) + text + m.group(4)


def _trim_item(item: bytes) -> bytes:
    for element in _elements():
        for k, m in enumerate(element.finditer(item)):
            if k == MAX_REPEATED:
                item = item[: m.start()] + element.sub(b"", item[m.start() :])
                break
    return item


def bounded(parsed: ParsedSource, now: datetime) -> ParsedSource:
    """parsed with at most MAX_ITEMS entries, each field cut to size and no future date."""
    latest = now + FUTURE_SLACK
    entries = [_bounded(e, latest) for e in parsed.entries[:MAX_ITEMS]]
    warning = parsed.warning
    if len(parsed.entries) > MAX_ITEMS:
        warning = warning or f"only the first {MAX_ITEMS} of {len(parsed.entries)} items read"
    return replace(parsed, entries=entries, warning=warning)


def _bounded(e: Entry, latest: datetime) -> Entry:
    published = e.published
    if published is not None:
        aware = published if published.tzinfo is not None else published.replace(tzinfo=UTC)
        if aware > latest:
            published = None
    if (
        published is e.published
        and len(e.title) <= MAX_TITLE
        and len(e.author) <= MAX_AUTHOR
        and len(e.summary) <= MAX_SUMMARY
    ):
        return e
    return replace(
        e,
        title=e.title[:MAX_TITLE],
        author=e.author[:MAX_AUTHOR],
        summary=e.summary[:MAX_SUMMARY],
        published=published,
    )
