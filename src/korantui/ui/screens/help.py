"""The key help screen: every key in force (config rebindings included) with what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from korantui.core.i18n import tr


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; padding: 0 1; background: $panel;
    }
    """

    def __init__(self, keys: list[tuple[str, str]], lang: str = "en") -> None:
        super().__init__()
        self._lang = lang
        self.keys = keys

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for keys, what in self.keys:
            table.add_row(Text(keys), Text(what))
        with VerticalScroll() as scroll:
            scroll.border_title = tr("help_title", self._lang)
            yield Static(table)
