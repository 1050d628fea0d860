"""One picture full-screen (`i` on the reading pane): the terminal's own graphics where it has
them (Kitty's protocol or Sixel, through textual-image's widgets; a Kitty without Unicode
placeholders, 0.20-0.27, by korantui's own direct placement over the cells), half-block cells
elsewhere. The stored, shrunk copy is shown: the same offline as online."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.segment import ControlType, Segment
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from korantui.ui.textual_compat import write_to_terminal
from korantui.ui.widgets.image_cells import half_cell_lines
from korantui.ui.widgets.image_graphics import (
    KITTY,
    kitty_place,
    kitty_unplace,
    make_graphic,
    move_to,
)
from korantui.ui.widgets.image_terminal import CELLS, SIXEL, TGP, TGP_PLACE, graphics
from korantui.ui.widgets.image_words import word

if TYPE_CHECKING:
    from PIL.Image import Image
    from textual.app import ComposeResult

    from korantui.ui.widgets.image_graphics import Graphic

_NO_CELLS = ((ControlType.CURSOR_FORWARD, 0),)


def fitted(width: int, height: int, columns: int, rows: int) -> tuple[int, int]:
    """(columns, rows) of a width×height picture as large as fits columns×rows cells."""
    if width <= 0 or height <= 0 or columns <= 0 or rows <= 0:
        return 1, 1
    cols = min(columns, max(1, round(rows * 2 * width / height)))
    return cols, max(1, min(rows, round(cols * height / width / 2)))


class HalfCellPicture(Widget):
    """A picture in half-block cells, as large as the widget allows."""

    DEFAULT_CSS = "HalfCellPicture { width: 1fr; height: 1fr; }"

    def __init__(self, image: Image, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.image = image
        self._lines: list[list[Segment]] = []
        self._for: tuple[int, int] = (0, 0)

    def render_line(self, y: int) -> Strip:
        size = (self.size.width, self.size.height)
        if size != self._for:
            cols, rows = fitted(*self.image.size, *size)
            self._lines = half_cell_lines(self.image, cols, rows)
            self._for = size
        if y >= len(self._lines):
            return Strip.blank(self.size.width)
        strip = Strip(self._lines[y])
        pad = (self.size.width - strip.cell_length) // 2
        return Strip.join([Strip.blank(pad), strip]).extend_cell_length(self.size.width)


class PlacedPicture(HalfCellPicture):
    """The picture's cells with the real picture placed over them by Kitty's protocol: its last
    row carries the placement (as the reading pane's spots do, image_overlay.py; this widget is
    as wide as the screen, so Textual never divides its lines)."""

    def __init__(self, image: Image, *, id: str | None = None) -> None:
        super().__init__(image, id=id)
        self.graphic: Graphic | None = None
        self._asked: tuple[int, int] = (0, 0)

    def on_resize(self) -> None:
        size = (self.size.width, self.size.height)
        if size == self._asked or 0 in size:
            return
        self._asked = size
        cols, rows = fitted(*self.image.size, *size)
        image = self.image

        def work() -> None:  # the picture at this size: ~0.1 s of scaling and compressing
            graphic = make_graphic(image, cols, rows, KITTY)
            self.app.call_from_thread(self._arrived, graphic, size)

        self.run_worker(work, thread=True, exclusive=True, group="placed-picture")

    def _arrived(self, graphic: Graphic, size: tuple[int, int]) -> None:
        if size != self._asked:
            return
        old = self.graphic
        # Unplaced, not freed: Kitty 0.26 frees with an image every other one not placed at the
        # time, the reading pane's too (image_graphics.kitty_free); the pane's next article
        # frees them all.
        write_to_terminal(self.app, (kitty_unplace(old.image_id) if old else "") + graphic.payload)
        self.graphic = graphic
        self.refresh()

    def on_unmount(self) -> None:
        if self.graphic is not None:
            write_to_terminal(self.app, kitty_unplace(self.graphic.image_id))

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        graphic = self.graphic
        if graphic is None or y != graphic.rows - 1 or not self.screen.is_active:
            return strip
        region = self.content_region
        left = region.x + (self.size.width - graphic.columns) // 2
        controls = (
            move_to(left, region.y)
            + kitty_place(graphic, 0, graphic.rows)
            + move_to(region.x + self.size.width, region.y + y)
        )
        return Strip([*strip, Segment(controls, None, _NO_CELLS)], strip.cell_length)


class PictureScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
        Binding("q", "close", show=False),
        Binding("i", "close", show=False),
    ]
    DEFAULT_CSS = """
    PictureScreen { align: center middle; }
    PictureScreen #picture-status { width: 1fr; height: 1; color: $text-muted; }
    """

    def __init__(self, url: str, mode: str = "auto") -> None:
        super().__init__()
        self.url = url
        self.mode = mode
        self.drawn_with = ""  # CELLS, TGP or SIXEL once the picture is on screen

    def compose(self) -> ComposeResult:
        lang = getattr(self.app, "lang", "en")
        yield Static(word("close", lang), id="picture-status", markup=False)

    def on_mount(self) -> None:
        self.run_worker(self._load, thread=True, exclusive=True, group="picture-screen")

    def _load(self) -> None:
        from korantui.core.images.decode import ImageRefused, open_stored
        from korantui.core.store.images import stored_image

        app = cast("Any", self.app)
        stored = stored_image(app.store, self.url) if getattr(app, "has_store", False) else None
        image = None
        if stored is not None and stored.data:
            try:
                image = open_stored(stored.data).convert("RGB")
            except ImageRefused:
                image = None
        self.app.call_from_thread(self._show, image)

    def _show(self, image: Image | None) -> None:
        lang = getattr(self.app, "lang", "en")
        if image is None:
            self.query_one("#picture-status", Static).update(word("not_stored", lang))
            return
        found = graphics() if self.mode == "auto" else CELLS
        widget: Widget
        if found in (TGP, SIXEL):
            from textual_image.widget import SixelImage, TGPImage

            widget = (TGPImage if found == TGP else SixelImage)(image, classes=found)
            # As wide as fits with the aspect kept; textual-image sets the height from the
            # picture and the terminal's cell size ("1fr" both ways would stretch it).
            cols, _ = fitted(*image.size, self.size.width, max(1, self.size.height - 1))
            widget.styles.width = cols
            widget.styles.height = "auto"
        elif found == TGP_PLACE:
            widget = PlacedPicture(image)
        else:
            widget = HalfCellPicture(image)
        self.drawn_with = found
        self.mount(widget)

    def action_close(self) -> None:
        self.dismiss()
