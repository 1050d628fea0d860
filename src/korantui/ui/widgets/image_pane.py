"""The pictures of the article in the reading pane: which slots it has, what each one draws
(a placeholder of the picture's height, its half-block cells, or one line saying why not),
where each sits, and the full-screen view of the nearest one (`i`).

The reading pane is a Line-API view that wraps the article into lines itself (article_view.py),
so a picture is lines of cells among the text's lines rather than a child widget: a widget
could not sit inside those lines, and lines keep scrolling as smooth as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from rich.segment import Segment
from rich.style import Style

from korantui.core.sanitize import clean_line
from korantui.ui.widgets.image_cells import picture_size, placeholder_lines
from korantui.ui.widgets.image_feed import PictureArrived, PictureFeed, Wanted
from korantui.ui.widgets.image_overlay import OnScreen, PaneOverlay
from korantui.ui.widgets.image_terminal import inline_kind
from korantui.ui.widgets.image_words import word

if TYPE_CHECKING:
    from PIL.Image import Image
    from rich.console import RenderableType

    from korantui.core.render import FigureSlot
    from korantui.ui.widgets.article_view import ArticleView
    from korantui.ui.widgets.image_graphics import Graphic

MODES = ("auto", "cells", "off")
_PLACEHOLDER = Style(color="grey50")


def pictures_mode(view: Any) -> str:
    config = getattr(view.app, "config", None)
    mode = getattr(config, "images", "auto")
    return mode if mode in MODES else "auto"


@dataclass(slots=True)
class Placed:
    """Where a picture was drawn: its first line in the pane's lines and how many it took."""

    url: str
    line: int
    rows: int
    columns: int = 0


class PanePictures:
    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.feed = PictureFeed(view)
        self.generation = 0
        self.images: dict[str, Image] = {}
        self.errors: dict[str, str] = {}
        self._sizes: dict[str, tuple[int, int]] = {}
        self._placed: dict[str, Placed] = {}
        # Cells of each picture at a size: a picture arriving rewraps the pane, and the others
        # on screen are not drawn again.
        self._cells: dict[tuple[str, int, int], list[list[Segment]]] = {}
        self._graphics: dict[tuple[str, int, int], Graphic] = {}
        self._redraw: set[str] = set()  # pictures to draw again for the pane's new width
        self._asked: set[tuple[str, int, int]] = set()  # sizes asked of the worker
        self.urls: list[str] = []
        self._source: tuple[int | None, str] | None = None
        self.overlay = PaneOverlay(view)
        self.version = 0  # bumped when a picture is placed or drawn: the overlay looks again
        self._syncing = False

    @property
    def on(self) -> bool:
        """Pictures drawn in the pane. Not in the demo edition: its pictures are addresses of
        nowhere (core/demo.py), shown as the line naming them."""
        if getattr(self.view.app, "demo", False):
            return False
        return pictures_mode(self.view) != "off"

    def start(self, parts: list[RenderableType], source: tuple[int | None, str] | None) -> None:
        from korantui.core.render import FigureSlot

        urls = [p.figure.url for p in parts if isinstance(p, FigureSlot)]
        same = urls == self.urls and source == self._source
        self.urls, self._source = urls, source
        self._placed = {}
        self.version += 1
        self.feed.kind = inline_kind() if pictures_mode(self.view) == "auto" else ""
        if same:
            return  # the same article drawn again (a language change): pictures kept
        self.generation += 1
        self.overlay.forget()
        self.images, self.errors, self._cells, self._graphics = {}, {}, {}, {}
        self._redraw, self._asked = set(), set()
        self._sizes = self.feed.sizes(urls) if urls else {}
        if source is not None and urls:
            self.feed.want(Wanted(self.generation, source[0], source[1], urls))

    def rows(self, slot: FigureSlot, width: int) -> int:
        url = slot.figure.url
        if url in self.errors:
            return 1
        image = self.images.get(url)
        w, h = image.size if image is not None else self._sizes.get(url, (0, 0))
        return picture_size(w, h, width)[1]

    def lines(self, slot: FigureSlot, width: int, at: int) -> list[list[Segment]]:
        url = slot.figure.url
        lang = getattr(self.view.app, "lang", "en")
        self.version += 1
        if url in self.errors:
            self._placed[url] = Placed(url, at, 1, 0)
            label = slot.label.copy()
            label.append(f"  ({word('not_shown', lang)}: {clean_line(self.errors[url])})")
            return [list(label.render(self.view.app.console))]
        image = self.images.get(url)
        w, h = image.size if image is not None else self._sizes.get(url, (0, 0))
        cols, rows = picture_size(w, h, width)
        self._placed[url] = Placed(url, at, rows, cols)
        if image is not None:
            drawn = self._cells.get((url, cols, rows))
            if drawn is None:
                return self._stand_in(url, cols, rows, width)
            return drawn
        name = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
        return placeholder_lines(cols, rows, f" ▣ {clean_line(name)[:40]} ", _PLACEHOLDER)

    def arrived(self, message: PictureArrived) -> None:
        if message.generation != self.generation or message.url not in self.urls:
            return
        if message.image is not None:
            self.images[message.url] = message.image
            if message.cells is not None:
                cols, rows, lines = message.cells
                self._cells[(message.url, cols, rows)] = lines
                if message.graphic is not None:
                    self._graphics[(message.url, cols, rows)] = message.graphic
        else:
            self.errors[message.url] = message.error
        self.view.rewrap_kept()

    def _stand_in(self, url: str, cols: int, rows: int, width: int) -> list[list[Segment]]:
        """The picture's cells at another size, cut or padded to this one, while the worker
        draws it again for the pane's new width (a resize)."""
        if (url, cols, rows) not in self._asked:
            self._asked.add((url, cols, rows))
            if not self._redraw:
                self.view.call_after_refresh(self._ask_redraw, self.generation, width)
            self._redraw.add(url)
        old = next((lines for key, lines in self._cells.items() if key[0] == url), [])
        blank = [Segment(" " * cols)]
        return [Segment.adjust_line_length(line, cols) for line in old[:rows]] + [
            blank for _ in range(rows - len(old))
        ]

    def _ask_redraw(self, generation: int, width: int) -> None:
        if generation == self.generation and self._redraw:
            urls = sorted(self._redraw)
            self._redraw = set()
            self.feed.redraw(generation, urls, width)

    def sync(self) -> None:
        """The terminal's own pictures where the pane's pictures are on screen now."""
        self._syncing = False
        pictures: list[OnScreen] = []
        if self.on and self.feed.kind:
            for placed in self._placed.values():
                graphic = self._graphics.get((placed.url, placed.columns, placed.rows))
                if graphic is not None:
                    pictures.append(OnScreen(graphic, placed.line))
        self.overlay.sync(pictures, self.version)

    def painted(self) -> None:
        """The pane painted a line: if it moved since the last sync (a picture was placed while
        it painted), the overlay follows a frame later."""
        if self._graphics and not self._syncing and self.overlay.stale(self.version):
            self._syncing = True
            self.view.call_after_refresh(self.sync)

    def placed(self) -> list[Placed]:
        """The pictures drawn so far, in reading order (for tests and `i`)."""
        return sorted(self._placed.values(), key=lambda p: p.line)

    def open_nearest(self, top: int, height: int) -> None:
        """The picture on screen (else the nearest one) full-screen."""
        placed = self.placed()
        if not placed:
            lang = getattr(self.view.app, "lang", "en")
            self.view.notify(word("no_images", lang), severity="warning", markup=False)
            return

        def distance(p: Placed) -> int:
            if p.line < top + height and p.line + p.rows > top:
                return 0
            return min(abs(p.line - top), abs(p.line + p.rows - top))

        nearest = min(placed, key=distance)
        from korantui.ui.widgets.image_screen import PictureScreen

        app = cast("Any", self.view.app)
        app.push_screen(PictureScreen(nearest.url, pictures_mode(self.view)))


def cycle_command(app: Any) -> tuple[str, Any, str]:
    """The palette's entry that turns pictures to the next mode (auto, cells, off), for this
    run: the config file keeps what it says."""
    lang = getattr(app, "lang", "en")
    mode = getattr(app.config, "images", "auto")
    nxt = MODES[(MODES.index(mode) + 1) % len(MODES)] if mode in MODES else "auto"

    def turn() -> None:
        app.config.images = nxt
        app.main.reader.redraw()
        app.notify(word("mode_now", lang, mode=nxt), markup=False)

    return word("cmd_images", lang, mode=mode, next=nxt), turn, word("cmd_images_help", lang)
