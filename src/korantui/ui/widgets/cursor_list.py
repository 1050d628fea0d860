"""What the feed pane and the headline list share: Line-API rows with a cursor."""

from __future__ import annotations

from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView

from korantui.ui.widgets.frame_styles import FrameStyles


class CursorList(FrameStyles, ScrollView):
    """Rows painted by render_line, a `cursor` reactive (declared by the subclass) kept on a
    row and in view. Subclasses say how many rows there are and what a move announces."""

    def row_count(self) -> int:
        raise NotImplementedError

    def cursor_moved(self) -> None:
        """Called after every change of the cursor: post the subclass's message."""

    def can_hold_cursor(self, index: int) -> bool:
        """Whether the cursor may rest on this row (a heading or a rule may not)."""
        return True

    def action_select(self) -> None:
        """Enter, or a click on a row: post the subclass's message."""

    def rows_changed(self) -> None:
        """After the rows were replaced: the scrollable height follows their number."""
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count())

    def validate_cursor(self, value: int) -> int:
        count = self.row_count()
        return max(0, min(value, count - 1)) if count else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        if self.row_count() and self.size.height:
            self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True, immediate=True)
        self.cursor_moved()

    def refresh_line(self, index: int) -> None:
        y = index - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def on_resize(self, event: events.Resize) -> None:
        self.rows_changed()

    def on_click(self, event: events.Click) -> None:
        index = self.row_at(event)
        if index is not None and self.can_hold_cursor(index):
            self.cursor = index
            self.action_select()

    def row_at(self, event: events.MouseEvent) -> int | None:
        """The row under the pointer; None on the border, the padding or below the rows.
        (event.y counts from the widget's border: taken as the row, a click opened the
        row below the one clicked.)"""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        index = offset.y + self.scroll_offset.y
        return index if 0 <= index < self.row_count() else None
