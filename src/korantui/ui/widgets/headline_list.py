"""The headline list: a Line-API ScrollView that renders only the rows on screen.

ListView mounts a widget per row (about 50 s for 5,000 rows); this list keeps plain Headline
objects and paints a row only when it is visible, so 20,000 headlines cost no more than 20.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from korantui.core import clock
from korantui.core.i18n import format_age
from korantui.core.models import Headline
from korantui.ui.story_rows import StoryRows
from korantui.ui.widgets.cells import fit
from korantui.ui.widgets.cursor_list import CursorList


class HeadlineList(CursorList, can_focus=True):
    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up_rows", show=False),
        Binding("pagedown", "page_down_rows", show=False),
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
    """

    cursor: reactive[int] = reactive(0, always_update=True)

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
        self._age_width = 0
        self._name_width = 0
        self.stories = StoryRows()  # one story of many outlets as one row (ui/story_rows.py)

    # -- data ----------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Headline], keep_id: int | None = None) -> None:
        """Show rows; the cursor stays on keep_id when it is still there."""
        self.rows = self.stories.fold(rows)
        self._now = clock.now()
        self._ages = {
            r.id: format_age(r.published or r.first_seen, self.lang, self._now) for r in self.rows
        }
        self._age_width = max((cell_len(a) for a in self._ages.values()), default=0)
        self._name_width = max((cell_len(r.feed_name) for r in self.rows), default=0)
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
        self.refresh()

    @property
    def current(self) -> Headline | None:
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor]
        return None

    def row(self, headline_id: int) -> Headline | None:
        """The row of this headline, when the list shows it."""
        return next((r for r in self.rows if r.id == headline_id), None)

    def replace_rows(self, rows: Sequence[Headline]) -> None:
        """New values of rows on show (read, starred…): rows are replaced, never edited."""
        by_id = {r.id: r for r in rows}
        self.stories.replace(rows)
        for i, row in enumerate(self.rows):
            new = by_id.get(row.id)
            if new is not None or self.stories.is_story(row):
                self.rows[i] = self.stories.as_row(new or row)
                self.refresh_line(i)

    def articles_stored(self, headline_ids: set[int]) -> None:
        """These headlines' articles are stored now (prefetch takes them off its list)."""
        self.replace_rows(
            [dataclasses.replace(r, has_article=True) for r in self.rows if r.id in headline_ids]
        )

    # -- cursor --------------------------------------------------------------------------------

    def row_count(self) -> int:
        return len(self.rows)

    def cursor_moved(self) -> None:
        self.post_message(self.Highlighted(self, self.current))

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up_rows(self) -> None:
        self.cursor -= max(1, self.size.height - 1)

    def action_page_down_rows(self) -> None:
        self.cursor += max(1, self.size.height - 1)

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
        index = y + self.scroll_offset.y
        base = self.frame_style()
        if not self.rows:
            if y == 0 and self.empty_text:
                text = set_cell_size(" " + self.empty_text, width)
                return Strip([Segment(text, base + self.frame_style("headline-list--meta"))])
            return Strip.blank(width, base)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        return self._row_strip(row, width, index == self.cursor, base)

    def _row_strip(self, row: Headline, width: int, is_cursor: bool, base: Style) -> Strip:
        style = base + self.frame_style(
            "headline-list--read" if row.read else "headline-list--unread", partial=True
        )
        meta_style = base + self.frame_style("headline-list--meta", partial=True)
        star_style = base + self.frame_style("headline-list--star", partial=True)
        if is_cursor:
            cursor_style = self.frame_style("headline-list--cursor", partial=True)
            style, meta_style, star_style = (
                s + cursor_style for s in (style, meta_style, star_style)
            )
        mark = "★" if row.starred else ("●" if not row.read else " ")
        age = self._ages[row.id]
        # Aligned columns: title, source, age. The title keeps at least 60% of the row; the
        # source's column goes first when that does not leave it 8 cells.
        age_col = min(self._age_width, width // 3)
        source_col = 0
        if self.show_source:
            room = width * 2 // 5 - age_col - 1
            source_col = min(self._name_width, room) if room >= 8 else 0
        title_width = max(0, width - 2 - (source_col + 1 if source_col else 0) - (age_col + 1))
        segments = [
            Segment(mark + " ", star_style if row.starred else style),
            Segment(fit(row.title, title_width), style),
        ]
        if source_col:
            segments.append(Segment(" " + fit(row.feed_name, source_col), meta_style))
        age_text = fit(age, age_col)
        if cell_len(age) < age_col:
            age_text = " " * (age_col - cell_len(age)) + age  # right-aligned
        segments.append(Segment(" " + age_text, meta_style))
        return Strip(segments, width)
