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
from korantui.core.article.dates import find_printed, parse_date
from korantui.core.article.evidence import (
    Candidate,
    Choice,
    Page,
    RuleFinding,
    best,
    in_clutter,
    is_clutter_box,
)
from korantui.core.article.printed_dates import (
    EITHER_ORDER,
    UPDATE_LABEL,
    in_a_sentence,
    printed_date_of,
    printed_near_headline,
)
from korantui.core.regex_cache import compiled

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
# A class that names its element as the article's date ("published-date", "post-date"), as
# contains(@class, …) tests it: substrings.
_MARKED_DATE = compiled("publish|post-date|entry-date|posted|article-date|date-time|tanggal")


def find_published(
    doc: Any, *, candidates: Iterable[str] = (), now: datetime | None = None
) -> datetime | None:
    """The publication moment of a page (HTML or an lxml tree); candidates are what a site
    rule's date selector found."""
    tree = lxml_html.fromstring(doc) if isinstance(doc, str | bytes) else doc
    texts = [t for t in candidates if t]
    rule = RuleFinding(texts) if texts else None
    return choose_published(Page(tree, ""), rule=rule, now=now).value


def choose_published(
    page: Page,
    *,
    rule: RuleFinding | None = None,
    hint: datetime | None = None,
    now: datetime | None = None,
    now_exact: bool = True,
    ask_htmldate: bool = True,
) -> Choice:
    """htmldate is asked only where the page's own evidence is thin (it costs a page walk).
    now is when the page was fetched; now_exact False where it is only the latest it can have
    been (a saved file's time)."""
    fetched = now or datetime.now(UTC)
    candidates: list[Candidate] = []
    if rule is not None:
        dated = (parse_date(text, now=fetched) for text in rule.texts)
        dt = next((d for d in dated if d is not None), None)
        if dt is not None:
            candidates.append(rule.candidate(dt))
    if hint is not None:
        candidates.append(Candidate(hint, "feed item", 6.0, ["+6 the feed's own"]))
    order = page.order
    printed = printed_near_headline(page, fetched, now_exact)
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
    plain_days = {c.value.date() for c in printed if UPDATE_LABEL not in c.notes}
    declared = [
        c
        for c in structured
        if _declares_publication(c.source)
        and (c.source in _ANNOUNCED or c.value.date() in plain_days)
    ]
    updated = {c.value.date() for c in printed if UPDATE_LABEL in c.notes}
    updated -= {c.value.date() for c in declared}
    for c in printed:
        if EITHER_ORDER in c.notes:
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
        if c in printed and UPDATE_LABEL in c.notes and plain_days - {c.value.date()}:
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
    for el in [el for el in tree.iter() if isinstance(el.tag, str) and is_clutter_box(el)]:
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
            if not in_a_sentence(text.strip(), found[1]):
                return True
            in_sentences = True
    # htmldate gives a year it found alone (a copyright line, "/2017/" in a path) as 1 January:
    # that day needs the page to show it.
    return not in_sentences and (day.month, day.day) != (1, 1)


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
    for el in page.with_class(_MARKED_DATE):
        dt, relative = printed_date_of(el, now)
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


_MACHINE_READ = ("json-ld", "meta", "itemprop", "first <time>")


def _read_in_the_data_order(c: Candidate, structured: list[Candidate]) -> None:
    """Read day first (as Indonesia writes), "09.10.2024" is 9 October; where the page's own
    data names 10 September and not 9 October, the page wrote the month first."""
    swapped = c.value.replace(day=c.value.month, month=c.value.day)
    days = {s.value.date() for s in structured if s.source.startswith(_MACHINE_READ)}
    if swapped.date() in days and c.value.date() not in days:
        c.value = swapped
        c.notes.append("read month first, as the page's data has it")


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
