"""The terminal's own pictures over their cells in the reading pane (Kitty's protocol, Sixel).

The pane draws every picture as half-block cells (image_cells.py); where the terminal has
graphics, the line of a picture's last row on screen also carries, after its cells, the
sequences that draw the real picture over them: the cursor to the picture's first row on
screen, the picture (Sixel) or its placement (Kitty: the rows in view of an image sent once),
and the cursor back to where the line ends, so the rest of the frame lands where Textual
expects. This is how textual-image's Sixel widget draws too; here it is a part of the lines
the pane scrolls, so a picture moves with its text in the same frame and costs a scroll no
more than its cells. Textual counts the line by the cells it declares, not by the characters
of the sequences.

What Textual draws over cells erases Sixel; it does not erase Kitty's pictures, so those are
taken off by id when they leave the screen, when the article changes, and when another screen
covers the pane (sequences written straight to the terminal, before the next frame).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from textual.strip import Strip

from korantui.ui.textual_compat import write_to_terminal
from korantui.ui.widgets.image_graphics import (
    KITTY,
    Graphic,
    kitty_free,
    kitty_place,
    kitty_unplace,
    move_to,
)

if TYPE_CHECKING:
    from textual.screen import Screen

    from korantui.ui.widgets.article_view import ArticleView


@dataclass(frozen=True, slots=True)
class OnScreen:
    """A picture of the pane with its graphic, where it sits in the pane's lines."""

    graphic: Graphic
    line: int  # its first line in the pane's lines


class PaneOverlay:
    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self._sent: dict[int, Graphic] = {}  # Kitty images the terminal holds, by id
        self._shown: set[int] = set()  # Kitty images placed on the screen now
        self._key: tuple[Any, ...] | None = None
        self._controls: dict[int, str] = {}  # pane line -> what its strip carries after cells
        self.drawn: list[tuple[str, int]] = []  # (kind, pane line) of the pictures drawn now

    def watch_screens(self) -> None:
        self.view.app.screen_change_signal.subscribe(self.view, self._screen_changed)

    def _screen_changed(self, screen: Screen[Any]) -> None:
        if screen is not self.view.screen:
            self.hide()
        self._key = None
        self.view.refresh()  # its lines again: with the pictures, or without while covered

    def hide(self) -> None:
        """Kitty's pictures off the screen (the pane is covered or hidden)."""
        self._write("".join(kitty_unplace(i) for i in sorted(self._shown)))
        self._shown.clear()
        self._key = None
        self.drawn = []

    def forget(self) -> None:
        """Another article: its pictures out of the terminal's memory too."""
        self._write("".join(kitty_free(i) for i in sorted(self._sent)))
        self._sent.clear()
        self._shown.clear()
        self._key = None
        self.drawn = []

    def _write(self, data: str) -> None:
        if data:
            write_to_terminal(self.view.app, data)

    def strip(self, strip: Strip, index: int, pictures: list[OnScreen], version: int) -> Strip:
        """strip (pane line index, on screen) with the sequences it carries, if any."""
        view = self.view
        region = view.content_region
        top, height = view.scroll_offset.y, view.size.height
        active = view.screen.is_active
        key = (top, height, region, version, active)
        if key != self._key:
            self._key = key
            self._layout(pictures if active else [], top, height, region.x, region.y)
        controls = self._controls.get(index)
        if not controls:
            return strip
        return Strip([*strip, Segment(controls)], strip.cell_length)

    def _layout(self, pictures: list[OnScreen], top: int, height: int, x: int, y: int) -> None:
        """Which lines carry which picture, for the screen as it is now; Kitty's pictures that
        left it taken off, the new ones sent."""
        width = self.view.scrollable_content_region.width
        controls: dict[int, str] = {}
        shown: set[int] = set()
        drawn: list[tuple[str, int]] = []
        sends: list[str] = []
        for picture in pictures:
            graphic = picture.graphic
            first = max(picture.line, top)
            last = min(picture.line + graphic.rows, top + height) - 1
            if last < first:
                continue  # not on screen
            if graphic.kind == KITTY:
                if graphic.image_id not in self._sent:
                    self._sent[graphic.image_id] = graphic
                    sends.append(graphic.payload)
                draw = kitty_place(graphic, first - picture.line, last - first + 1)
                shown.add(graphic.image_id)
            elif first == picture.line and last == picture.line + graphic.rows - 1:
                draw = graphic.payload  # Sixel: wholly in view only
            else:
                continue
            controls[last] = move_to(x, y + first - top) + draw + move_to(x + width, y + last - top)
            drawn.append((graphic.kind, picture.line))
        gone = self._shown - shown
        self._write("".join(kitty_unplace(i) for i in sorted(gone)) + "".join(sends))
        self._shown = shown
        self._controls = controls
        self.drawn = drawn
