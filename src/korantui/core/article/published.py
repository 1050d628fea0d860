"""The article's publication moment, chosen by evidence; never invented.

Candidates: what a site rule's date selector found, the feed item's own date, the date printed
beside the headline (what the reader sees: often the "updated" day), structured data (JSON-LD,
article:published_time and kin, itemprop, <time>) and htmldate's answer. A date after the
moment the page was fetched or before 1995 is no publication date; a relative date ("2 jam yang
lalu") counts only in the article's own header, relative to the fetch. Sidebars, related lists
and comment threads carry other stories' dates and are never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from copy import deepcopy
from datetime import UTC, datetime, timedelta
from typing import Any

from lxml import html as lxml_html

from korantui.core.article.date_labels import labelled_published
from korantui.core.article.dates import find_printed, is_date_only, parse_date, parse_relative
from korantui.core.article.evidence import NOT_ARTICLE, Candidate, Choice, Page, best, in_clutter
from korantui.core.sanitize import clean_line

EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)
_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "content_publisheddate",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
)
_MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "last-modified")
# Elements whose class names them as the article's date ("published-date", "post-date").
_MARKED_DATE = (
    '//*[contains(@class, "publish") or contains(@class, "post-date")'
    ' or contains(@class, "entry-date") or contains(@class, "posted")'
    ' or contains(@class, "article-date") or contains(@class, "date-time")'
    ' or contains(@class, "tanggal")]'
)
# How far past the headline (elements in page order) the header's date is looked for.
_AFTER_HEADLINE = 60
_BEFORE_HEADLINE = 12


def find_published(
    doc: Any, *, candidates: Iterable[str] = (), now: datetime | None = None
) -> datetime | None:
    """The publication moment of a page (HTML or an lxml tree); candidates are what a site
    rule's date selector found."""
    tree = lxml_html.fromstring(doc) if isinstance(doc, str | bytes) else doc
    return choose_published(Page(tree, ""), rule_dates=candidates, now=now).value


def choose_published(
    page: Page,
    *,
    rule_dates: Iterable[str] = (),
    rule_weight: float = 10.0,
    hint: datetime | None = None,
    now: datetime | None = None,
    ask_htmldate: bool = True,
) -> Choice:
    """htmldate is asked only where the page's own evidence is thin (it costs a page walk)."""
    fetched = now or datetime.now(UTC)
    candidates: list[Candidate] = []
    for text in rule_dates:
        dt = parse_date(text, now=fetched)
        if dt is not None:
            candidates.append(Candidate(dt, "site rule", rule_weight, [f"+{rule_weight:g} rule"]))
            break
    if hint is not None:
        candidates.append(Candidate(hint, "feed item", 6.0, ["+6 the feed's own"]))
    order = list(page.tree.iter())
    printed = _printed_near_headline(page, fetched, order)
    structured = _structured(page, fetched)
    # A label is looked for (it reads every text of the page) where the evidence is thin or
    # split: nothing printed by the headline, no data, or candidates naming different days.
    days = {c.value.date() for c in (*candidates, *printed, *structured)}
    thin = len(days) != 1 or not printed or not structured
    labelled = labelled_published(order, page.headline_element) if thin else None
    if labelled is not None:
        # The page's own word for its publication day, wherever its layout prints it.
        structured.append(Candidate(labelled, _LABELLED, 5.5, [f"+5.5 {_LABELLED}"]))
    candidates += printed + structured
    if ask_htmldate and not any(c.score >= 3.0 for c in candidates):
        dt = _htmldate(page, fetched)
        if dt is not None:
            candidates.append(Candidate(dt, "htmldate", 2.0, ["+2 htmldate's answer"]))
    modified = [_parse(v, fetched) for k in _MODIFIED_KEYS for v in page.meta.get(k, ())]
    # A day the page labels as its update is not its publication, when its data declares one.
    # A publication day only in JSON-LD or microdata, under a printed "Updated" day and no
    # Open Graph publication time, is often the day the address was first made: such pages
    # present the update as the story's day. The page declares its publication where it
    # tells link previews (article:published_time) or its readers (a label, a printed day).
    plain_days = {c.value.date() for c in printed if _UPDATE_LABEL not in c.notes}
    declared = [
        c
        for c in structured
        if _declares_publication(c.source)
        and (c.source in _ANNOUNCED or c.value.date() in plain_days)
    ]
    updated = {c.value.date() for c in printed if _UPDATE_LABEL in c.notes}
    updated -= {c.value.date() for c in declared}
    for c in printed:
        if _EITHER_ORDER in c.notes:
            _read_in_the_data_order(c, structured)
    for c in candidates:
        others = {o.source for o in candidates if o is not c and _same_day(o.value, c.value)}
        if others:
            c.note(min(len(others), 3) * 0.5, f"same day as {', '.join(sorted(others))}")
        # Pages that print both days put the update's first; the publication's is wanted.
        if (
            c in printed
            and any(_same_day(m, c.value) for m in modified)
            and any(_same_day(o.value, s.value) for o in printed for s in structured)
        ):
            c.note(-1.0, "the update's day, and the publication's is printed too")
        if c in printed and _UPDATE_LABEL in c.notes and plain_days - {c.value.date()}:
            c.note(-2.0, "labelled as the update, beside a printed day that is not")
        if declared and c not in declared and c.value.date() in updated:
            c.note(-2.5, "the day the page says it was updated")
        if c.value > fetched + timedelta(days=1):
            c.note(-20.0, "after the page was fetched")
        elif c.value < EARLIEST:
            c.note(-20.0, "before 1995")
    choice = best(candidates, minimum=0.5)
    return _with_clock(choice)


_LABELLED = "labelled as the publication"
_ANNOUNCED = frozenset(
    {_LABELLED, "meta article:published_time", "meta og:published_time", "meta article:published"}
)


def _declares_publication(source: str) -> bool:
    return source in (_LABELLED, "json-ld datePublished", "itemprop datePublished") or (
        source.startswith("meta ") and "publish" in source
    )


def _htmldate(page: Page, fetched: datetime) -> datetime | None:
    from htmldate import find_date  # lazy: heavy, and only for pages with thin evidence

    # htmldate reads every date on a page, a sidebar's "Berita Terkini" too: it is shown the
    # page without its sidebars, related lists, comments and chrome.
    tree = deepcopy(page.tree)
    for el in [el for el in tree.iter() if isinstance(el.tag, str) and _is_clutter_box(el)]:
        if el.getparent() is not None:
            el.drop_tree()
    try:
        day = find_date(
            tree,
            url=page.url or None,
            original_date=True,
            extensive_search=True,
            outputformat="%Y-%m-%d",
            max_date=fetched.strftime("%Y-%m-%d"),
        )
    except (ValueError, TypeError):
        return None
    dt = parse_date(day, now=fetched) if day else None
    return dt if dt is not None and _vouched_for(page, tree, dt, fetched) else None


def _vouched_for(page: Page, tree: Any, dt: datetime, now: datetime) -> bool:
    """Whether htmldate's day may be the page's: its extensive search also reads the dates of
    events a story reports, so a day the page prints only inside sentences is refused. A day
    in the address, in an attribute, as a date line, or in a form only htmldate reads stands."""
    day = dt.date()
    if re.search(rf"{day.year}[/-]0?{day.month}[/-]0?{day.day}(?!\d)", page.url):
        return True
    in_sentences = False
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        if any(day.isoformat() in value for value in el.attrib.values()):
            return True
        for text in (el.text, el.tail):
            found = find_printed(text) if text and len(text) < 2000 else None
            if found is None or found[0].date() != day:
                continue
            if not _in_a_sentence(text.strip(), found[1]):
                return True
            in_sentences = True
    # htmldate gives a year it found alone (a copyright line, "/2017/" in a path) as 1 January:
    # that day needs the page to show it.
    return not in_sentences and (day.month, day.day) != (1, 1)


def _is_clutter_box(el: Any) -> bool:
    if el.tag in ("aside", "nav", "footer"):
        return True
    marks = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(marks.strip()) and NOT_ARTICLE.search(marks) is not None


def _parse(text: str, now: datetime) -> datetime | None:
    return parse_date(text, now=now)


def _same_day(a: datetime | None, b: datetime | None) -> bool:
    return a is not None and b is not None and a.date() == b.date()


def _structured(page: Page, now: datetime) -> list[Candidate]:
    found: list[Candidate] = []
    for obj in page.json_ld_articles or page.json_ld:
        value = obj.get("datePublished") or obj.get("dateCreated")
        dt = parse_date(value, now=now) if isinstance(value, str) else None
        if dt is not None:
            found.append(Candidate(dt, "json-ld datePublished", 3.5))
            break
    for key in _META_KEYS:
        for value in page.meta.get(key, ()):
            dt = parse_date(value, now=now)
            if dt is not None:
                found.append(Candidate(dt, f"meta {key}", 3.5 if "published" in key else 3.0))
                break
        if len(found) >= 3:
            break
    for el in page.tree.xpath('//*[@itemprop="datePublished" or @property="datePublished"]'):
        if not in_clutter(el):
            dt = parse_date(el.get("content") or el.get("datetime") or el.text_content(), now=now)
            if dt is not None:
                found.append(Candidate(dt, "itemprop datePublished", 3.0))
                break
    for el in page.tree.xpath(_MARKED_DATE):
        dt, relative = _date_of(el, now)
        if dt is not None and not relative:
            found.append(Candidate(dt, "an element marked as the date", 2.5))
            break
    for el in page.tree.iter("time"):
        if el.get("datetime") and not in_clutter(el):
            dt = parse_date(el.get("datetime", ""), now=now)
            if dt is not None:
                found.append(Candidate(dt, "first <time>", 2.0))
            break
    return found


def _printed_near_headline(page: Page, now: datetime, order: list[Any]) -> list[Candidate]:
    """The first dates printed in the article's header: just after the headline (or just before
    it), outside sidebars and lists of other stories."""
    anchor = page.headline_element
    if anchor is None:
        anchor = page.main_element
    if anchor is None:
        return []
    try:
        at = order.index(anchor)
    except ValueError:
        return []
    inside = set(anchor.iter()) if anchor is page.headline_element else set()
    after = [el for el in order[at + 1 : at + 1 + _AFTER_HEADLINE] if el not in inside]
    before = order[max(0, at - _BEFORE_HEADLINE) : at]
    found: list[Candidate] = []
    for distance, el in enumerate([anchor, *after]):
        dt, relative = _date_of(el, now, page) if el is not anchor else (None, False)
        if dt is None:
            dt, relative = _tail_date(el, page), False
        if dt is not None and not any(c.value == dt for c in found):
            points = 5.0 - max(distance - 1, 0) * 0.02
            found.append(
                Candidate(dt, "printed near the headline", points, [f"+{points:g} printed"])
            )
            if _labelled_update(el):
                found[-1].notes.append(_UPDATE_LABEL)
            if _either_order(el, dt):
                found[-1].notes.append(_EITHER_ORDER)
            if relative:
                # "3 jam yang lalu" is only as precise as the fetch time it counts from.
                found[-1].note(-2.5, "relative to the fetch")
            if len(found) == 3:
                return found
    if not found:
        # A dateline over the headline may carry both days ("22 December 2022 · Updated: 2
        # January 2026"): the nearest two are read.
        for el in reversed(before):
            dt, relative = _date_of(el, now, page)
            if dt is not None and not any(c.value == dt for c in found):
                found.append(Candidate(dt, "printed above the headline", 3.0 - 2.5 * relative))
                if _labelled_update(el):
                    found[-1].notes.append(_UPDATE_LABEL)
                if len(found) == 2:
                    break
    return found


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


_UPDATE_LABEL = "labelled as the update"
_MACHINE_READ = ("json-ld", "meta", "itemprop", "first <time>")
_EITHER_ORDER = "day and month could be either way round"
_NUMERIC_DAY = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}(?!\d)")


def _either_order(el: Any, dt: datetime) -> bool:
    """Whether el prints dt as numbers that read as a day either way ("09.10.2024")."""
    if dt.day > 12 or dt.month > 12 or dt.day == dt.month:
        return False
    m = _NUMERIC_DAY.search(clean_line(el.text_content())[:120])
    return m is not None and {int(m.group(1)), int(m.group(2))} == {dt.day, dt.month}


def _read_in_the_data_order(c: Candidate, structured: list[Candidate]) -> None:
    """Read day first (as Indonesia writes), "09.10.2024" is 9 October; where the page's own
    data names 10 September and not 9 October, the page wrote the month first."""
    swapped = c.value.replace(day=c.value.month, month=c.value.day)
    days = {s.value.date() for s in structured if s.source.startswith(_MACHINE_READ)}
    if swapped.date() in days and c.value.date() not in days:
        c.value = swapped
        c.notes.append("read month first, as the page's data has it")


_UPDATE_WORDS = re.compile(
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


def _date_of(el: Any, now: datetime, page: Page | None = None) -> tuple[datetime | None, bool]:
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
    text = clean_line(el.text_content())
    if el.tag == "a" and not _is_permalink_date(el, text):
        return None, False
    if not text or len(text) > 120 or any(_is_date_line(c) for c in el.iterchildren()):
        return None, False  # the child that holds the date speaks for itself
    found = find_printed(text)
    if found is None:
        return (parse_relative(text, now), True) if len(text) < 40 else (None, False)
    if _in_a_sentence(text, found[1]):
        return None, False
    return found[0], False


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


def _in_a_sentence(text: str, date_text: str) -> bool:
    """A date inside a sentence is an event the story reports; a date line is mostly date,
    with at most a label, a place or a byline around it."""
    others = len(text.split()) - len(date_text.split())
    return others > 8 or (others >= 4 and text.endswith((".", "!", "?", '"', "”")))


def _is_date_line(el: Any) -> bool:
    if not isinstance(el.tag, str) or el.tag in ("script", "style"):
        return False
    if el.tag == "time" and el.get("datetime"):
        return True
    text = clean_line(el.text_content())
    if el.tag == "a" and not _is_permalink_date(el, text):
        return False
    return bool(text) and len(text) <= 120 and find_printed(text) is not None


def _is_permalink_date(el: Any, text: str) -> bool:
    """A link whose whole text is a date is the post's permalink or its day's archive (themes
    print the byline's date so); a link with a headline and a date is another story."""
    return el.tag == "a" and is_date_only(text)


def _with_clock(choice: Choice) -> Choice:
    """Where the chosen date is a day alone (midnight) and structured data names a time on the
    same day, that moment; where structured data's "UTC" time is the printed local clock with
    a false "Z" (Detik's pubdate), the printed moment."""
    value = choice.value
    if value is None:
        return choice
    structured = [c for c in choice.candidates if c.source.startswith(("meta", "json-ld"))]
    minute = value.replace(second=0, microsecond=0)
    for c in structured:
        if c.value.replace(second=0, microsecond=0) == minute and c.value != value:
            return Choice(
                c.value, f"{choice.source}, to the second by {c.source}", choice.candidates
            )
    if value.time() == datetime.min.time():
        for c in structured:
            if _same_day(c.value, value) and c.value.time() != datetime.min.time():
                return Choice(
                    c.value, f"{choice.source}, with the time of {c.source}", choice.candidates
                )
    return choice
