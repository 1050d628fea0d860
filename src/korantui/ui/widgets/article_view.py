"""The reading pane: a scrolling view of one rendered article."""

from __future__ import annotations

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static


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
        self.query_one("#article-body", Static).update(renderable)
        if not keep_scroll:
            self.scroll_home(animate=False)
