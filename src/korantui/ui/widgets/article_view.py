"""The reading pane: a Line-API view that wraps an article lazily and paints only what shows.

A Static holding a 5,000-word article costs ~100 ms an open: Textual wraps all of it to measure
its height and turns every one of its ~700 lines into strips. Here the article's parts (title,
meta line, paragraphs…) are wrapped one by one only as far as the screen needs; the height of
the rest is estimated, and the rest is wrapped in small steps after the first paint, so the
scroll bar settles on the true height a moment later.

A part is also never wrapped whole when it is long: a one-paragraph page of megabytes would
freeze the UI thread for many seconds on open and on every resize (issue 17). Long texts are cut
into pieces of about PIECE characters at a space (a line may end early where two pieces meet),
and the steps after the first paint wrap a bounded number of characters each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from korantui.core.render import FigureSlot
from korantui.ui.textual_compat import set_virtual_size
from korantui.ui.widgets.frame_styles import FrameStyles

if TYPE_CHECKING:
    from korantui.ui.widgets.image_feed import PictureArrived
    from korantui.ui.widgets.image_pane import PanePictures

# Parts, and characters, wrapped per step after the first paint: small enough to keep keys
# responsive (Rich wraps ~1 MB of text a second here).
_PARTS_PER_STEP = 40
_CHARS_PER_STEP = 8_000

# A text longer than this is wrapped piece by piece (a screen shows ~5,000 characters).
PIECE = 2_000


def _pieces(text: Text) -> list[Text]:
    """text cut into pieces of about PIECE characters, each at a space where there is one."""
    plain = text.plain
    if len(plain) <= PIECE:
        return [text]
    cuts = [0]
    while len(plain) - cuts[-1] > PIECE:
        start = cuts[-1]
        space = plain.rfind(" ", start + PIECE // 2, start + PIECE)
        cuts.append(space + 1 if space > 0 else start + PIECE)
    cuts.append(len(plain))
    # One divide, not a slice per piece: each slice of a Text copies the rest of it.
    return list(text.divide(cuts[1:-1]))


def _split(part: RenderableType) -> list[RenderableType]:
    """A long Text (or padded Text) as pieces, with the padding kept on each."""
    if isinstance(part, Text):
        return list(_pieces(part))
    if isinstance(part, Padding) and isinstance(part.renderable, Text):
        pieces = _pieces(part.renderable)
        if len(pieces) == 1:
            return [part]
        last = len(pieces) - 1
        return [
            Padding(
                piece,
                (part.top if n == 0 else 0, part.right, part.bottom if n == last else 0, part.left),
                style=part.style,
                expand=part.expand,
            )
            for n, piece in enumerate(pieces)
        ]
    return [part]


def _size(part: RenderableType) -> int:
    """Characters in a part, for the budget of a step."""
    if isinstance(part, Padding):
        part = part.renderable
    return len(part.plain) if isinstance(part, Text) else 1


def _flatten(renderable: RenderableType) -> list[RenderableType]:
    """The parts of nested Groups, in order, long texts cut into pieces."""
    if isinstance(renderable, Group):
        parts: list[RenderableType] = []
        for child in renderable.renderables:
            parts.extend(_flatten(child))
        return parts
    return _split(renderable)


def _estimate(part: RenderableType, width: int) -> int:
    """Lines a part will take once wrapped at width (a guess; the real count replaces it)."""
    if isinstance(part, Padding):
        width = max(1, width - part.left - part.right)
        part = part.renderable
    if isinstance(part, Text):
        return sum(len(line) // max(1, width) + 1 for line in part.plain.split("\n"))
    return 1


class ArticleView(FrameStyles, ScrollView, can_focus=True):
    BINDINGS = [
        Binding("space", "page_down", "Scroll", show=False),
        Binding("j", "scroll_down", show=False),
        Binding("k", "scroll_up", show=False),
        Binding("i", "open_picture", "Picture", show=False),
    ]
    DEFAULT_CSS = """
    ArticleView { padding: 0 1; overflow-x: hidden; overflow-y: auto; scrollbar-gutter: stable; }
    """

    def __init__(self, placeholder: RenderableType = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.links: list[str] = []
        self.plain = ""  # the text on show, for tests and copying
        self._parts: list[RenderableType] = _flatten(placeholder) if placeholder else []
        self._lines: list[list[Segment]] = []
        self._wrapped = 0  # how many parts are in _lines
        self._width = 0  # the width _lines were wrapped at
        self._generation = 0  # bumped by show(): a pending step for an older article stops
        self._rest_height = 0  # estimated lines of the parts not yet wrapped
        self._pictures: PanePictures | None = None

    @property
    def pictures(self) -> PanePictures:
        """The pictures among the parts, drawn or awaited. Made by the first article (or the
        first prefetch): the placeholder has none, and their modules (the pictures' cells,
        graphics, store) need not come before the first headlines."""
        if self._pictures is None:
            from korantui.ui.widgets.image_pane import PanePictures

            self._pictures = PanePictures(self)
            if self.is_mounted:
                self._pictures.overlay.watch_screens()
        return self._pictures

    def show(
        self,
        renderable: RenderableType,
        links: list[str] | None = None,
        *,
        plain: str = "",
        keep_scroll: bool = False,
        source: tuple[int | None, str] | None = None,
    ) -> None:
        """source: (headline id, page address) of an article whose pictures are to be fetched."""
        self.links = links or []
        self.plain = plain
        self._parts = _flatten(renderable)
        self.pictures.start(self._parts, source)
        self._rewrap()
        if not keep_scroll:
            self.scroll_home(animate=False)
        self.refresh()

    @property
    def wrapped_lines(self) -> int:
        """Lines wrapped so far at the current width (the rest of the article is estimated)."""
        return len(self._lines)

    @property
    def wrapped_all(self) -> bool:
        return self._wrapped >= len(self._parts)

    def line_text(self, index: int) -> str:
        """The text of wrapped line index ("" past the end): what the reader sees there."""
        if index >= len(self._lines) and self._wrapped < len(self._parts):
            self._wrap(lines=index + 1)
        if not 0 <= index < len(self._lines):
            return ""
        return "".join(segment.text for segment in self._lines[index])

    # -- wrapping ------------------------------------------------------------------------------

    def _rewrap(self) -> None:
        self._generation += 1
        self._lines = []
        self._wrapped = 0
        self._width = self.scrollable_content_region.width
        # The estimated height of the parts not yet wrapped, kept as they are wrapped: summing
        # thousands of pieces again at every step would cost more than wrapping them.
        self._rest_height = sum(self._guess(p) for p in self._parts)
        if self._width > 0:
            self._wrap(lines=self.scroll_offset.y + self.size.height + 1)
            self.call_after_refresh(self._wrap_rest, self._generation)

    def _wrap(self, *, end: int | None = None, lines: int | None = None) -> None:
        """Wrap the next parts, up to part end or until that many lines exist (else all)."""
        console = self.app.console
        options = console.options.update(width=self._width, height=None, highlight=False)
        end = len(self._parts) if end is None else min(end, len(self._parts))
        budget = _CHARS_PER_STEP if lines is None else None
        while self._wrapped < end and (lines is None or len(self._lines) < lines):
            part = self._parts[self._wrapped]
            if isinstance(part, FigureSlot):
                self._lines.extend(self.pictures.lines(part, self._width, len(self._lines)))
            else:
                self._lines.extend(console.render_lines(part, options, pad=False, new_lines=False))
            self._wrapped += 1
            self._rest_height -= self._guess(part)
            if budget is not None:
                budget -= _size(part)
                if budget <= 0:
                    break
        self._set_height()

    def _set_height(self) -> None:
        height = len(self._lines) + self._rest_height
        set_virtual_size(self, Size(self._width, height))

    def _wrap_rest(self, generation: int) -> None:
        if generation != self._generation or self._wrapped >= len(self._parts):
            return
        self._wrap(end=self._wrapped + _PARTS_PER_STEP)
        if self._wrapped < len(self._parts):
            self.call_after_refresh(self._wrap_rest, generation)

    def _guess(self, part: RenderableType) -> int:
        if isinstance(part, FigureSlot):
            return self.pictures.rows(part, self._width)
        return _estimate(part, self._width)

    def rewrap_kept(self) -> None:
        """Wrap again where the reader is: a picture came and its lines change."""
        self._rewrap()
        self.refresh()

    def on_mount(self) -> None:
        if self._pictures is not None:
            self._pictures.overlay.watch_screens()

    def on_hide(self) -> None:
        if self._pictures is not None:  # Kitty's pictures stay where they were drawn: taken off
            self._pictures.overlay.hide()

    def on_picture_arrived(self, message: PictureArrived) -> None:
        self.pictures.arrived(message)

    def action_open_picture(self) -> None:
        self.pictures.open_nearest(self.scroll_offset.y, self.size.height)

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._rewrap()

    # -- painting ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        if index >= len(self._lines) and self._wrapped < len(self._parts):
            self._wrap(lines=index + self.size.height)
        width = self.scrollable_content_region.width
        base = self.frame_style()
        if index >= len(self._lines):
            return Strip.blank(width, base)
        if self._pictures is not None:
            self._pictures.painted()
        strip = Strip(self._lines[index]).apply_style(base)
        return strip.extend_cell_length(width, base).crop(0, width)

    def cell_at(self, index: int, column: int) -> Strip:
        """The cell at column of wrapped line index, as painted (for a picture's spot)."""
        if index >= len(self._lines) and self._wrapped < len(self._parts):
            self._wrap(lines=index + 1)
        base = self.frame_style()
        line = Strip(self._lines[index]) if index < len(self._lines) else Strip([])
        return line.apply_style(base).extend_cell_length(column + 1, base).crop(column, column + 1)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._pictures is not None:  # the terminal's pictures move in the same frame as the text
            self._pictures.sync()
