"""The terminal's own pictures over their cells in the reading pane (Kitty's protocol, Sixel).

The pane draws every picture as half-block cells (image_cells.py). Where the terminal has
graphics, a one-cell widget (a spot) sits on the last cell of the picture's last row on screen
and carries, after that cell, the sequences that draw the real picture over the cells: the
cursor to the picture's first row on screen, the picture (Sixel) or its placement (Kitty: the
rows in view of an image sent once), and the cursor back to where the row goes on, so the rest
of the frame lands where Textual expects. The sequences are a control segment, which Textual
counts as no cells; but its line filters drop that mark, and a line Textual divides between
widgets (the pane's is, at its scroll bar) is divided by the characters, which cut the
sequences and printed their tails as text. A one-cell widget is never divided. The spot is the
picture's last cell so that nothing on the screen is drawn after the picture over it (text
erases Sixel).

The spots move with the scroll in the same frame as the text (the pane calls sync() when it
scrolls, wraps or resizes). What Textual draws over cells erases Sixel; it does not erase Kitty's
pictures, so those are taken off by id when they leave the screen, when the article changes,
and when another screen covers the pane (written straight to the terminal, before the frame).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.segment import ControlType, Segment
from textual.strip import Strip
from textual.widget import Widget

from korantui.ui.textual_compat import write_to_terminal
from korantui.ui.widgets.image_graphics import (
    KITTY,
    Graphic,
    frees,
    kitty_free,
    kitty_place,
    kitty_unplace,
    move_to,
)

if TYPE_CHECKING:
    from textual.screen import Screen

    from korantui.ui.widgets.article_view import ArticleView


_NO_CELLS = ((ControlType.CURSOR_FORWARD, 0),)


@dataclass(frozen=True, slots=True)
class OnScreen:
    """A picture of the pane with its graphic, where it sits in the pane's lines."""

    graphic: Graphic
    line: int  # its first line in the pane's lines


@dataclass(frozen=True, slots=True)
class Spot:
    """Where a spot goes on the screen, and what it carries."""

    x: int
    y: int
    controls: str
    kind: str
    cell: Strip  # the pane's cell under it
    line: int  # the picture's first line in the pane's lines


class PictureSpot(Widget):
    """One cell over the reading pane: the last cell of a picture's last row on screen, and the
    sequences that draw the picture."""

    DEFAULT_CSS = """
    PictureSpot { position: absolute; overlay: screen; width: 1; height: 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.cell = Strip.blank(1)
        self.controls = ""
        self.kind = ""

    def render_line(self, y: int) -> Strip:
        if y or not self.controls:
            return self.cell
        return Strip([*self.cell, Segment(self.controls, None, _NO_CELLS)], 1)


class PaneOverlay:
    def __init__(self, view: ArticleView) -> None:
        self.view = view
        # Kitty images the terminal holds, by id: the number of frees when last known held
        self._sent: dict[int, int] = {}
        self._shown: set[int] = set()  # Kitty images placed on the screen now
        self._spots: list[PictureSpot] = []
        self._key: tuple[Any, ...] | None = None
        # (kind, first pane line) of the pictures drawn in the terminal's graphics now
        self.drawn: list[tuple[str, int]] = []

    def watch_screens(self) -> None:
        self.view.app.screen_change_signal.subscribe(self.view, self._screen_changed)

    def _screen_changed(self, screen: Screen[Any]) -> None:
        if screen is not self.view.screen:
            self.hide()
        self._key = None
        self.view.call_after_refresh(self.view.pictures.sync)

    def hide(self) -> None:
        """Kitty's pictures off the screen and the spots away (the pane is covered or hidden)."""
        self._write("".join(kitty_unplace(i) for i in sorted(self._shown)))
        for image_id in self._shown:  # still held now; a later free may take it
            self._sent[image_id] = frees()
        self._shown.clear()
        self._place([])

    def forget(self) -> None:
        """Another article: its pictures out of the terminal's memory too."""
        self._write("".join(kitty_free(i) for i in sorted(self._sent)))
        self._sent.clear()
        self._shown.clear()
        self._place([])

    def _write(self, data: str) -> None:
        if data:
            write_to_terminal(self.view.app, data)

    def stale(self, version: int) -> bool:
        """Whether the screen moved since the last sync (a picture placed while painting)."""
        return self._key != self._key_now(version)

    def _key_now(self, version: int) -> tuple[Any, ...]:
        view = self.view
        active = view.is_attached and view.screen.is_active and view.display
        return (view.scroll_offset.y, view.size, view.content_region, version, active)

    def sync(self, pictures: list[OnScreen], version: int) -> None:
        """The spots for the screen as it is now; Kitty's pictures that left it taken off, the
        new ones sent."""
        key = self._key_now(version)
        if key == self._key:
            return
        self._key = key
        view = self.view
        if not key[-1]:
            self.hide()
            self._key = key
            return
        top, height = view.scroll_offset.y, view.size.height
        x, y = view.content_region.x, view.content_region.y
        spots: list[Spot] = []
        shown: set[int] = set()
        sends: list[str] = []
        for picture in pictures:
            graphic = picture.graphic
            first = max(picture.line, top)
            last = min(picture.line + graphic.rows, top + height) - 1
            if last < first:
                continue  # not on screen
            if graphic.kind == KITTY:
                held = self._sent.get(graphic.image_id)
                if held is None or (held < frees() and graphic.image_id not in self._shown):
                    sends.append(graphic.payload)
                self._sent[graphic.image_id] = frees()
                draw = kitty_place(graphic, first - picture.line, last - first + 1)
                shown.add(graphic.image_id)
            elif first == picture.line and last == picture.line + graphic.rows - 1:
                draw = graphic.payload  # Sixel: wholly in view only
            else:
                continue
            right = x + graphic.columns
            controls = move_to(x, y + first - top) + draw + move_to(right, y + last - top)
            cell = view.cell_at(last, graphic.columns - 1)
            spots.append(
                Spot(right - 1, y + last - top, controls, graphic.kind, cell, picture.line)
            )
        gone = self._shown - shown
        self._write("".join(kitty_unplace(i) for i in sorted(gone)) + "".join(sends))
        for image_id in gone:  # still held now; a later free may take it
            self._sent[image_id] = frees()
        self._shown = shown
        self._place(spots)

    def _place(self, spots: list[Spot]) -> None:
        self.drawn = [(spot.kind, spot.line) for spot in spots]
        if not spots and not self._spots:
            return
        screen = self.view.screen
        while len(self._spots) < len(spots):
            new = PictureSpot()
            self._spots.append(new)
            screen.mount(new)
        for widget, spot in zip(self._spots, spots, strict=False):
            widget.cell, widget.controls, widget.kind = spot.cell, spot.controls, spot.kind
            widget.styles.offset = (spot.x, spot.y)
            widget.display = True
            widget.refresh()
        for widget in self._spots[len(spots) :]:
            widget.controls = ""
            widget.display = False
