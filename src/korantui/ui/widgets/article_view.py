"""The reading pane: a scrolling view of one rendered article."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static


class RenderedOnce:
    """A renderable rendered once per width. Textual measures a Static's height by rendering
    all of its content, then renders all of it again to paint: for a 5,000-word article that is
    ~15 ms of Rich wrapping each time, on every open."""

    __slots__ = ("_lines", "renderable")

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._lines: dict[tuple[object, ...], list[list[Segment]]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = (options.max_width, options.justify, options.overflow, options.no_wrap)
        lines = self._lines.get(key)
        if lines is None:
            whole = options.update(height=None)  # the caller crops; the cache holds it all
            lines = self._lines[key] = console.render_lines(self.renderable, whole, pad=False)
        for line in lines:
            yield from line
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)


class ArticleView(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("space", "page_down", "Scroll", show=False),
        Binding("j", "scroll_down", show=False),
        Binding("k", "scroll_up", show=False),
    ]
    DEFAULT_CSS = """
    ArticleView { padding: 0 1; }
    ArticleView > #article-body { width: 100%; }
    """

    def __init__(self, placeholder: RenderableType = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._placeholder = placeholder
        self.links: list[str] = []
        self.plain = ""  # the text on show, for tests and copying

    def compose(self) -> ComposeResult:
        yield Static(self._placeholder, id="article-body", markup=False)

    def show(
        self,
        renderable: RenderableType,
        links: list[str] | None = None,
        *,
        plain: str = "",
        keep_scroll: bool = False,
    ) -> None:
        self.links = links or []
        self.plain = plain
        self.query_one("#article-body", Static).update(RenderedOnce(renderable))
        if not keep_scroll:
            self.scroll_home(animate=False)
