"""The headline list: a Line-API ScrollView that renders only the rows on screen.

ListView mounts a widget per row (about 50 s for 5,000 rows); this list keeps plain Headline
objects and paints a row only when it is visible, so 20,000 headlines cost no more than 20.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from korantui.core import clock
from korantui.core.models import Headline
from korantui.ui.story_rows import Positions, StoryRows
from korantui.ui.textual_compat import set_virtual_size
from korantui.ui.widgets.cells import cut, fit
from korantui.ui.widgets.cursor_list import CursorList
from korantui.ui.widgets.headline_rows import (
    SEP,
    SOURCE_TAG,
    SOURCE_TAG_MIN,
    Measured,
    PreparedRows,
    RowSetting,
    lines_needed,
    measure,
    prepare_rows,
    row_tops,
)

__all__ = ["HeadlineList", "lines_needed", "split_title"]


def split_title(title: str, width: int) -> tuple[str, str]:
    """The title's first line (at most width cells, ended at a space where there is one) and
    the rest."""
    if cell_len(title) <= width:
        return title, ""
    head = set_cell_size(title, width)
    space = head.rfind(" ")
    if title[len(head) : len(head) + 1] != " " and space > width // 2:
        head = head[:space]
    return head, title[len(head) :].lstrip()


class HeadlineList(CursorList, can_focus=True):
    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        # PgDn / PgUp scroll the open article (the screen pages this list when it is alone).
        Binding("pagedown", "screen.scroll_article(1)", show=False),
        Binding("pageup", "screen.scroll_article(-1)", show=False),
        Binding("home,g", "first", show=False),
        Binding("end,G", "last", show=False),
        Binding("enter", "select", "Open", show=False),
        Binding("right", "expand_story", show=False),
        Binding("left", "collapse_story", show=False),
    ]
    COMPONENT_CLASSES = {
        "headline-list--cursor",
        "headline-list--unread",
        "headline-list--read",
        "headline-list--meta",
        "headline-list--star",
        "headline-list--highlight",
    }
    DEFAULT_CSS = """
    HeadlineList {
        overflow-x: hidden;
        overflow-y: auto;
    }
    HeadlineList > .headline-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    HeadlineList:blur > .headline-list--cursor {
        background: $block-cursor-blurred-background;
        color: $foreground;
        text-style: none;
    }
    HeadlineList > .headline-list--unread { text-style: bold; }
    HeadlineList > .headline-list--read { color: $text-muted; }
    HeadlineList > .headline-list--meta { color: $text-muted; }
    HeadlineList > .headline-list--star { color: $warning; }
    HeadlineList > .headline-list--highlight { color: $accent; text-style: bold; }
    """

    # Not repaint: a move repaints the two rows it changes (watch_cursor), not the list.
    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    class Highlighted(Message):
        def __init__(self, headline_list: HeadlineList, headline: Headline | None) -> None:
            super().__init__()
            self.headline_list = headline_list
            self.headline = headline

    class Selected(Message):
        def __init__(self, headline_list: HeadlineList, headline: Headline) -> None:
            super().__init__()
            self.headline_list = headline_list
            self.headline = headline

    def __init__(self, *, lang: str = "en", name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.lang = lang
        self.rows: list[Headline] = []
        self.empty_text = ""
        self.show_source = True  # the feed's name on each row (off inside a single feed)
        self._now = clock.now()
        self._ages: dict[int, str] = {}  # computed once per list, not per paint
        self._lengths: list[tuple[int, int, int]] = []  # cells of each row's title, source, age
        # Each row's age and cells as last measured, by what they are measured from: a refresh
        # sets 15,000 rows again for a few new ones, and measuring them all took ~0.3 s of the
        # UI thread (with the keys waiting).
        self._measured: Measured = {}
        self._measured_as: tuple[datetime, str] | None = None  # the now and language of them
        self._tops: list[int] = [0]  # the line each row starts on, and the lines in all at the end
        self._tops_for: tuple[int, bool] = (-1, True)  # the width and show_source of _tops
        self._empty_lines: tuple[str, int, list[str]] = ("", 0, [])  # text, width, its lines
        self.stories = StoryRows()  # one story of many outlets as one row (ui/story_rows.py)
        self._rows_at = Positions()  # each row's index by headline id

    # -- data ----------------------------------------------------------------------------------

    def row_setting(self) -> RowSetting:
        stories = self.stories
        width = self.scrollable_content_region.width
        expanded = frozenset(stories.expanded)
        return RowSetting(width, self.lang, self.show_source, stories.enabled, expanded)

    def row_maker(
        self, show_source: bool
    ) -> Callable[[Sequence[Headline], dict[int, int] | None], PreparedRows]:
        """What a worker thread makes this list's rows with (rows, their story groups), for
        the list as it is now, with show_source as it will be: set_rows(prepared=) takes them."""
        setting = self.row_setting()._replace(show_source=show_source)
        known, known_as = self._measured, self._measured_as

        def make(rows: Sequence[Headline], groups: dict[int, int] | None) -> PreparedRows:
            return prepare_rows(rows, setting, groups, known, known_as)

        return make

    def set_rows(
        self,
        rows: Sequence[Headline],
        keep_id: int | None = None,
        prepared: PreparedRows | None = None,
    ) -> None:
        """Show rows; the cursor stays on keep_id when it is still there (and, in a scrolled
        list, on its line of the screen: headlines arriving above it move nothing in view).
        prepared: these rows made ready by a worker (row_maker), taken when made for the list
        as it is (but for its width: then only their lines are counted here)."""
        line = self.cursor - self.scroll_offset.y if self.scroll_offset.y > 0 else None
        before = self._in_view() if keep_id is not None else None
        setting = self.row_setting()
        if prepared is not None and prepared.setting._replace(width=setting.width) == setting:
            self._take(prepared)
        else:
            self.rows = self.stories.fold(rows)
            self._measure()
            self.rows_changed()
        target = 0
        if keep_id is not None:
            for i, row in enumerate(self.rows):
                if row.id == keep_id:
                    target = i
                    break
        self.cursor = target
        if keep_id is None:
            self.scroll_to(y=0, animate=False)
        elif line is not None and target:
            self.scroll_to(y=max(0, target - line), animate=False, immediate=True)
        if before is None or before != self._in_view():
            self.refresh()

    def _in_view(self) -> tuple[object, ...]:
        """What the list's lines on screen show: rows landing below them (a refresh's, into a
        long list) change nothing in it, and the list is then not painted again."""
        top, height = self.scroll_offset.y, self.size.height
        first = self._row_of_line(top) if self.rows else 0
        last = self._row_of_line(top + height) if self.rows else -1
        rows = tuple(
            (row, self._ages.get(row.id), self._tops[i] - top, self._tops[i + 1] - self._tops[i])
            for i, row in enumerate(self.rows[first : last + 1], first)
        )
        shown = (self.show_source, self.empty_text, self.size, self.scrollable_content_region)
        return (top, self.cursor - first, rows, shown)

    def _measure(self) -> None:
        """Each row's age and the cells of its title, outlet and age. Ages are of the list's
        minute: those measured less than AGE_REUSE ago are kept, not made again."""
        found = measure(self.rows, self.lang, self._measured, self._measured_as)
        self._ages, self._lengths, self._measured, self._measured_as = found
        self._now = self._measured_as[0]

    def _take(self, prepared: PreparedRows) -> None:
        """Rows a worker made ready: taken as they are (no pass over them here)."""
        stories = prepared.stories
        # Whether stories fold and where they come from stay the list's own.
        stories.enabled, stories.source = self.stories.enabled, self.stories.source
        self.stories = stories
        self.rows, self._ages, self._lengths = prepared.rows, prepared.ages, prepared.lengths
        self._measured, self._measured_as = prepared.measured, prepared.measured_as
        self._now = prepared.measured_as[0]
        width = self.scrollable_content_region.width
        if width != prepared.setting.width:  # the panes moved meanwhile (a feed's mark)
            self.rows_changed()
            return
        self._tops = prepared.tops
        self._tops_for = (width, prepared.setting.show_source)
        set_virtual_size(self, Size(width, self._tops[-1]))

    @property
    def current(self) -> Headline | None:
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor]
        return None

    def row(self, headline_id: int) -> Headline | None:
        """The row of this headline, when the list shows it."""
        index = self._rows_at.of(self.rows).get(headline_id)
        return None if index is None else self.rows[index]

    def replace_rows(self, rows: Sequence[Headline]) -> None:
        """New values of rows on show (read, starred…): rows are replaced, never edited. The
        rows of their stories follow (a story's row is read when all its members are)."""
        by_id = {r.id: r for r in rows}
        self.stories.replace(rows)
        positions = self._rows_at.of(self.rows)
        found = (positions.get(h) for h in self.stories.with_their_stories(by_id))
        for i in sorted(i for i in found if i is not None):
            row = self.rows[i]
            self.rows[i] = self.stories.as_row(by_id.get(row.id) or row)
            self.refresh_line(i)

    def articles_stored(self, headline_ids: set[int]) -> None:
        """These headlines' articles are stored now (prefetch takes them off its list)."""
        positions = self._rows_at.of(self.rows)
        found = (positions.get(h) for h in headline_ids)
        rows = [self.rows[i] for i in found if i is not None]
        self.replace_rows([dataclasses.replace(r, has_article=True) for r in rows])

    # -- cursor --------------------------------------------------------------------------------

    def row_count(self) -> int:
        return len(self.rows)

    def rows_changed(self) -> None:
        """Each row one line, or two where its title needs them; the lines they start on."""
        width = self.scrollable_content_region.width
        self._tops = row_tops(self.rows, self._lengths, width, self.show_source)
        self._tops_for = (width, self.show_source)
        set_virtual_size(self, Size(width, self._tops[-1]))

    def on_resize(self, event: events.Resize) -> None:
        # A layout of the screen (a row count changed, a toast) resizes the list to the size it
        # had: the lines need counting again only for another width. (Not CursorList's handler
        # too: Textual calls each class's own.)
        event.prevent_default()
        if self._tops_for != (self.scrollable_content_region.width, self.show_source):
            self.rows_changed()

    def row_lines(self, index: int) -> tuple[int, int]:
        """The first line of row index and how many lines it takes."""
        if not 0 <= index < len(self._tops) - 1:
            return 0, 1
        return self._tops[index], self._tops[index + 1] - self._tops[index]

    def _row_of_line(self, line: int) -> int:
        return bisect.bisect_right(self._tops, line) - 1

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        if self.row_count() and self.size.height:
            top, height = self.row_lines(new)
            region = Region(0, top, 1, height)
            self.scroll_to_region(region, animate=False, force=True, immediate=True)
        self.cursor_moved()

    def refresh_line(self, index: int) -> None:
        top, height = self.row_lines(index)
        y = top - self.scroll_offset.y
        if -height < y < self.size.height:
            self.refresh(Region(0, y, self.size.width, height))

    def row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        line = offset.y + self.scroll_offset.y
        if not 0 <= line < self._tops[-1]:
            return None
        return self._row_of_line(line)

    def _page(self, step: int) -> None:
        """The cursor a screenful of lines up or down."""
        top, _height = self.row_lines(self.cursor)
        line = max(0, min(top + step * max(1, self.size.height - 1), self._tops[-1] - 1))
        self.cursor = self._row_of_line(line)

    def cursor_moved(self) -> None:
        self.post_message(self.Highlighted(self, self.current))

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up_rows(self) -> None:
        self._page(-1)

    def action_page_down_rows(self) -> None:
        self._page(1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_select(self) -> None:
        if self.action_expand_story():
            return
        if self.current is not None:
            self.post_message(self.Selected(self, self.current))

    def action_expand_story(self) -> bool:
        current = self.current
        if self.stories.expand(current):
            self.set_rows(self.stories.shown, keep_id=current.id if current else None)
            return True
        return False

    def action_collapse_story(self) -> None:
        header = self.stories.collapse(self.current)
        if header is not None:
            self.set_rows(self.stories.shown, keep_id=header)

    # -- painting ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + self.scroll_offset.y
        base = self.frame_style()
        if not self.rows:
            lines = self._wrapped_empty(width)
            if y < len(lines):
                text = set_cell_size(" " + lines[y], width)
                return Strip([Segment(text, base + self.frame_style("headline-list--meta"))])
            return Strip.blank(width, base)
        if line >= self._tops[-1]:
            return Strip.blank(width, base)
        index = self._row_of_line(line)
        row = self.rows[index]
        top, height = self.row_lines(index)
        return self._row_strip(row, width, index == self.cursor, base, line - top, height)

    def _wrapped_empty(self, width: int) -> list[str]:
        """The empty list's text wrapped to the pane (the first-run offer is several lines)."""
        text, at, lines = self._empty_lines
        if text != self.empty_text or at != width:
            wrapped = Text(self.empty_text).wrap(self.app.console, max(1, width - 2))
            lines = [line.plain for line in wrapped]
            self._empty_lines = (self.empty_text, width, lines)
        return lines

    def _row_strip(
        self, row: Headline, width: int, is_cursor: bool, base: Style, part: int, lines: int
    ) -> Strip:
        """Line `part` of a row given `lines` lines (rows_changed decided how many)."""
        style = base + self.frame_style(
            "headline-list--read" if row.read else "headline-list--unread", partial=True
        )
        if row.highlight:  # a [[filter]] highlight rule matches it: a style, never markup
            style += self.frame_style("headline-list--highlight", partial=True)
        meta_style = base + self.frame_style("headline-list--meta", partial=True)
        star_style = base + self.frame_style("headline-list--star", partial=True)
        if is_cursor:
            cursor_style = self.frame_style("headline-list--cursor", partial=True)
            style, meta_style, star_style = (
                s + cursor_style for s in (style, meta_style, star_style)
            )
        mark = "★" if row.starred else ("●" if not row.read else " ")
        age = self._ages[row.id]
        avail = width - 2
        source = row.feed_name if self.show_source else ""
        tag = min(cell_len(source), SOURCE_TAG)
        lead = Segment(mark + " ", star_style if row.starred else style)
        text = row.title
        short = min(tag, SOURCE_TAG_MIN)
        if lines > 1:
            # As much of the title as each line holds; the rest, with the outlet and the age,
            # on the last line.
            heads = []
            for _ in range(lines - 1):
                head, text = split_title(text, max(1, avail))
                heads.append(head)
            if part < lines - 1:
                first = lead if part == 0 else Segment("  ", style)
                return Strip([first, Segment(fit(heads[part], avail), style)], width)
            lead = Segment("  ", style)
        # The tag gives way to the title, down to a short one.
        tag = min(tag, max(short, avail - (cell_len(text) + 1 + len(SEP) + cell_len(age))))
        meta = f"{cut(source, tag)}{SEP}{age}" if source else age
        room = max(0, avail - cell_len(meta) - 1)
        gap = " " * max(1, avail - room - cell_len(meta))
        # The gap ends the title's segment: an SVG export's text that starts with spaces lost
        # them in rsvg-convert (the README's PNGs ran title and outlet together).
        segments = [lead, Segment(fit(text, room) + gap, style), Segment(meta, meta_style)]
        return Strip(segments, width)
