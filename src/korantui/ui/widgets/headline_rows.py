"""The headline list's rows made ready to paint: folded into stories, each one's age and cells
measured, the line each starts on. Plain functions of plain values, so a worker thread can do
it for a refresh's 15,000 rows while the UI thread answers keys (~0.5 s of it under load, every
key waiting); the list then only takes the result, when it was made for the list as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import NamedTuple

from rich.cells import cell_len

from korantui.core import clock
from korantui.core.models import Headline
from korantui.core.moments import format_when, story_date
from korantui.ui.story_rows import StoryRows

# A headline is read, not glimpsed: a title that does not fit on one line beside its outlet and
# age takes two lines, or three (the rest of it, then the outlet and the age on the last).
MAX_LINES = 3
# The outlet of a row in All news or a search is a tag, not a column to read.
SOURCE_TAG = 16
SOURCE_TAG_MIN = 6  # a tag cut shorter than this says nothing
SEP = " · "
AGE_REUSE = timedelta(seconds=60)  # an age measured this long ago is shown as it was

# A row's age and the cells of its title, outlet and age, by what they are measured from.
Measured = dict[tuple[object, ...], tuple[str, int, int, int]]


def lines_needed(title: str, avail: int, meta: int) -> int:
    """Lines a title takes wrapped as split_title wraps it, with meta cells on its last line.
    Counted on characters (a cell each in the news of here) and with str methods: every row
    is counted at each resize, 20,000 in ~50 ms where measuring cells took 0.5 s."""
    lines, rest = 1, title
    while len(rest) + 1 + meta > avail and lines < MAX_LINES:
        if len(rest) <= avail:
            return lines + 1  # the title fits; the outlet and age take a line of their own
        end = avail
        if rest[avail] != " ":
            space = rest.rfind(" ", 0, avail)
            if space > avail // 2:
                end = space
        rest = rest[end:].lstrip()
        lines += 1
    return lines


def meta_cells(source: int, age: int, show_source: bool) -> int:
    """The least the outlet and the age need beside a title (the tag cut short)."""
    return (min(source, SOURCE_TAG_MIN) + len(SEP) if show_source and source else 0) + age


def row_tops(
    rows: Sequence[Headline], lengths: Sequence[tuple[int, int, int]], width: int, sources: bool
) -> list[int]:
    """Each row one line, or two where its title needs them: the line each starts on, and the
    lines in all at the end."""
    tops = [0]
    line = 0
    avail = width - 2
    append = tops.append
    for i, (title, source, age) in enumerate(lengths):
        # meta_cells, inlined: this runs over every row at each set of rows and resize.
        meta = (min(source, SOURCE_TAG_MIN) + len(SEP) if sources and source else 0) + age
        if title + 1 + meta <= avail:
            line += 1
        else:
            line += lines_needed(rows[i].title, max(1, avail), meta)
        append(line)
    return tops


class RowSetting(NamedTuple):
    """What the rows are made for: a list whose setting differs makes them again itself."""

    width: int
    lang: str
    show_source: bool
    grouped: bool  # stories folded (StoryRows.enabled)
    expanded: frozenset[int]  # the stories shown open


class PreparedRows(NamedTuple):
    setting: RowSetting
    given: list[Headline]  # the rows as given, before folding
    stories: StoryRows  # their stories (the list takes it as its own)
    rows: list[Headline]  # as shown
    ages: dict[int, str]
    lengths: list[tuple[int, int, int]]
    tops: list[int]
    measured: Measured
    measured_as: tuple[datetime, str]


def measure(
    rows: Sequence[Headline],
    lang: str,
    known: Measured,
    known_as: tuple[datetime, str] | None,
) -> tuple[dict[int, str], list[tuple[int, int, int]], Measured, tuple[datetime, str]]:
    """Each row's age and cells; those known (measured less than AGE_REUSE ago, in this
    language) are taken as they are. Returns ages, lengths, all measured and their now."""
    now = clock.now()
    if known_as is None or known_as[1] != lang or abs(now - known_as[0]) > AGE_REUSE:
        known, known_as = {}, (now, lang)
    now = known_as[0]
    measured: Measured = {}
    ages: dict[int, str] = {}
    lengths: list[tuple[int, int, int]] = []
    for r in rows:
        key = (r.id, r.title, r.feed_name, r.published, r.first_seen)
        found = known.get(key)
        if found is None:
            age = format_when(story_date(r) or r.first_seen, lang, short=True, now=now)
            source = min(cell_len(r.feed_name), SOURCE_TAG)
            found = (age, cell_len(r.title), source, cell_len(age))
        measured[key] = found
        ages[r.id] = found[0]
        lengths.append(found[1:])
    return ages, lengths, measured, known_as


def prepare_rows(
    rows: Sequence[Headline],
    setting: RowSetting,
    groups: dict[int, int] | None,
    known: Measured,
    known_as: tuple[datetime, str] | None,
) -> PreparedRows:
    """The rows ready for a list of this setting (any thread: it touches no widget). groups:
    the story groups read with the rows (None: no story folded)."""
    stories = StoryRows()
    stories.enabled = setting.grouped and groups is not None
    stories.expanded = set(setting.expanded)
    stories.source = (lambda: groups) if groups is not None else None
    shown = stories.fold(rows)
    ages, lengths, measured, measured_as = measure(shown, setting.lang, known, known_as)
    tops = row_tops(shown, lengths, setting.width, setting.show_source)
    return PreparedRows(
        setting, list(rows), stories, shown, ages, lengths, tops, measured, measured_as
    )
