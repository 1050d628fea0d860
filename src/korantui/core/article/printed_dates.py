"""The dates a page prints for its reader: the first ones in the article's header (just after
the headline, or just above it), whether a label calls one the update's, and whether a date is a
line of its own or an event inside a sentence. Sidebars, related lists and comment threads
print other stories' dates: what sits in them is never read.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from korantui.core.article.dates import find_printed, is_date_only, parse_date, parse_relative
from korantui.core.article.evidence import NOT_ARTICLE, Candidate, Page, in_clutter
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line

# How far past the headline (elements in page order) the header's date is looked for.
_AFTER_HEADLINE = 60
_BEFORE_HEADLINE = 12
# The longest text read as a date line ("Selasa, 20 September 2022 09:30 WIB | Penulis: ...").
DATE_LINE_CHARS = 120


# What a relative date ("3 jam yang lalu") loses: it is only as precise as the fetch time it
# counts from, and where that is only the latest the page can have been fetched (a saved file's
# time), it is a guess that any absolute date of the page outweighs.
RELATIVE_PENALTY = 2.5
RELATIVE_PENALTY_UNSURE = 4.0


def printed_near_headline(page: Page, now: datetime, now_exact: bool = True) -> list[Candidate]:
    """The first dates printed in the article's header: just after the headline (or just before
    it), outside sidebars and lists of other stories. now is when the page was fetched;
    now_exact False where it is only the latest it can have been (a saved file's time)."""
    penalty = RELATIVE_PENALTY if now_exact else RELATIVE_PENALTY_UNSURE
    anchor = page.headline_element
    if anchor is None:
        anchor = page.main_element
    if anchor is None:
        return []
    at = page.position(anchor)
    if at is None:
        return []
    order = page.order
    inside = set(anchor.iter()) if anchor is page.headline_element else set()
    after = [el for el in order[at + 1 : at + 1 + _AFTER_HEADLINE] if el not in inside]
    before = order[max(0, at - _BEFORE_HEADLINE) : at]
    found: list[Candidate] = []
    for distance, el in enumerate([anchor, *after]):
        dt, relative = printed_date_of(el, now, page) if el is not anchor else (None, False)
        if dt is not None and el.tag in ("td", "th") and _next_row_dated(el, now):
            break  # a table of data under the headline: the header's dates came before it
        if dt is None:
            dt, relative = _tail_date(el, page), False
        if dt is not None and not any(c.value == dt for c in found):
            points = 5.0 - max(distance - 1, 0) * 0.02
            found.append(
                Candidate(dt, "printed near the headline", points, [f"+{points:g} printed"])
            )
            if _labelled_update(el):
                found[-1].notes.append(UPDATE_LABEL)
            if _either_order(el, dt):
                found[-1].notes.append(EITHER_ORDER)
            if relative:
                found[-1].note(-penalty, "relative to the fetch")
            if len(found) == 3:
                return found
    if not found:
        # A dateline over the headline may carry both days ("22 December 2022 · Updated: 2
        # January 2026"): the nearest two are read.
        for el in reversed(before):
            dt, relative = printed_date_of(el, now, page)
            if dt is not None and not any(c.value == dt for c in found):
                found.append(Candidate(dt, "printed above the headline", 3.0 - penalty * relative))
                if _labelled_update(el):
                    found[-1].notes.append(UPDATE_LABEL)
                if len(found) == 2:
                    break
    return found


def _next_row_dated(cell: Any, now: datetime) -> bool:
    """Whether a table cell's column prints a date in the next row too ("1/1/2013 +13.1%",
    "2/1/2013 +13.1%"): a series of data, not the article's day."""
    row = cell.getparent()
    following = row.getnext() if row is not None else None
    if following is None or following.tag != "tr":
        return False
    column = list(row).index(cell)
    cells = list(following)
    return column < len(cells) and _printed_date(cells[column], now)[0] is not None


def _tail_date(el: Any, page: Page) -> datetime | None:
    """A date printed as bare text after an element ("<legend>Title</legend> 20 December
    2025"), which no element holds: only a timestamp and nothing else."""
    tail = clean_line(el.tail or "") if isinstance(el.tag, str) else ""
    if not tail or len(tail) > 60 or not is_date_only(tail):
        return None
    parent = el.getparent()
    if parent is None or _elsewhere(parent, page):
        return None
    found = find_printed(tail)
    # "Date: 16-19 March 2026" is an event's range, not a timestamp.
    if found is None or re.search(r"\d", tail.replace(found[1], " ")):
        return None
    return found[0]


UPDATE_LABEL = "labelled as the update"
EITHER_ORDER = "day and month could be either way round"
_NUMERIC_DAY = compiled(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}(?!\d)")


def _either_order(el: Any, dt: datetime) -> bool:
    """Whether el prints dt as numbers that read as a day either way ("09.10.2024")."""
    if dt.day > 12 or dt.month > 12 or dt.day == dt.month:
        return False
    m = _NUMERIC_DAY.search(clean_line(el.text_content())[:DATE_LINE_CHARS])
    return m is not None and {int(m.group(1)), int(m.group(2))} == {dt.day, dt.month}


_UPDATE_WORDS = compiled(
    r"updated|\bupdate\b|modified|diperbarui|pembaruan|terakhir diubah|revised|last edited", re.I
)


def _labelled_update(el: Any) -> bool:
    """Whether a printed date says it is the update's: by its class ("entry-modified-time",
    "updated"), its own words, or a label just before it ("Last Updated on")."""
    marks = f"{el.get('class') or ''} {el.get('id') or ''}"
    before = [clean_line(el.text_content())[:60]]
    previous = el.getprevious()
    if previous is not None and isinstance(previous.tag, str):
        before.append(clean_line(previous.text_content())[-40:])
    parent = el.getparent()
    if parent is not None:
        before.append(clean_line(parent.text or "")[-40:])
    return bool(_UPDATE_WORDS.search(marks) or _UPDATE_WORDS.search(" ".join(before)))


# Elements whose text no reader sees as the article's ("head" holds the JSON-LD's text).
_NO_TEXT = frozenset({"script", "style", "head", "title", "noscript", "template"})


def printed_date_of(
    el: Any, now: datetime, page: Page | None = None
) -> tuple[datetime | None, bool]:
    """The date el prints, and whether it is relative ("2 jam yang lalu")."""
    dt, relative = _printed_date(el, now)
    # Where an element sits is asked last: walking its ancestors costs more than its text.
    if dt is None or _elsewhere(el, page):
        return None, False
    return dt, relative


def _printed_date(el: Any, now: datetime) -> tuple[datetime | None, bool]:
    if not isinstance(el.tag, str) or el.tag in _NO_TEXT:
        return None, False
    if el.tag == "time" and el.get("datetime"):
        return parse_date(el.get("datetime"), now=now), False
    text = _line_text(el)
    if el.tag == "a" and not _is_permalink_date(el, text):
        return None, False
    if not text or any(_is_date_line(c) for c in el.iterchildren()):
        return None, False  # the child that holds the date speaks for itself
    found = find_printed(text)
    if found is None:
        return (parse_relative(text, now), True) if len(text) < 40 else (None, False)
    if in_a_sentence(text, found[1]):
        return None, False
    return found[0], False


def _line_text(el: Any) -> str:
    """el's text (clean_line of its text_content), or "" where it is longer than a date line:
    the 60 elements after a headline include the article's container, whose whole text is not
    worth joining only to be refused. The margin covers what cleaning drops."""
    chunks, visible = [], 0
    for chunk in el.itertext():
        chunks.append(chunk)
        visible += len("".join(chunk.split()))
        if visible > DATE_LINE_CHARS + 64:
            return ""
    text = clean_line("".join(chunks))
    return text if len(text) <= DATE_LINE_CHARS else ""


def _elsewhere(el: Any, page: Page | None) -> bool:
    """Whether el's date belongs to something other than the article. An <aside> or <footer>
    inside the article element is the article's own (HTML's place for its byline and date),
    and so is a box marked as clutter that holds the headline too (a page builder's
    "widget" around the post); any other box marked as clutter, or outside the article, is
    not."""
    if not in_clutter(el):
        return False
    if page is None:
        return True
    main, headline = page.main_element, page.headline_element
    framing = set(headline.iterancestors()) if headline is not None else set()
    boxed = False
    for node in (el, *el.iterancestors()):
        if node is main:
            return False
        if node in framing:
            continue
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if node.tag == "nav" or (marks.strip() and NOT_ARTICLE.search(marks)):
            return True
        boxed = boxed or node.tag in ("aside", "footer")
    return boxed


def in_a_sentence(text: str, date_text: str) -> bool:
    """A date inside a sentence is an event the story reports; a date line is mostly date,
    with at most a label, a place or a byline around it."""
    others = len(text.split()) - len(date_text.split())
    return others > 8 or (others >= 4 and text.endswith((".", "!", "?", '"', "”")))


def _is_date_line(el: Any) -> bool:
    if not isinstance(el.tag, str) or el.tag in ("script", "style"):
        return False
    if el.tag == "time" and el.get("datetime"):
        return True
    text = _line_text(el)
    if el.tag == "a" and not _is_permalink_date(el, text):
        return False
    return bool(text) and find_printed(text) is not None


def _is_permalink_date(el: Any, text: str) -> bool:
    """A link whose whole text is a date is the post's permalink or its day's archive (themes
    print the byline's date so); a link with a headline and a date is another story."""
    return el.tag == "a" and is_date_only(text)
