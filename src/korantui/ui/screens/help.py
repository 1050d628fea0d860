"""The key help screen: every active key with what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from korantui.core.i18n import tr

# (keys, English, Indonesian)
KEYS: list[tuple[str, str, str]] = [
    ("↑ ↓ / j k", "Move in the list", "Pindah di daftar"),
    ("Enter", "Open the feed or the article", "Buka sumber atau artikel"),
    ("Tab / Shift+Tab", "Next / previous pane", "Panel berikutnya / sebelumnya"),
    ("Space / PgDn", "Scroll the article down", "Gulir artikel ke bawah"),
    ("PgUp", "Scroll the article up", "Gulir artikel ke atas"),
    ("r", "Refresh the selected feed", "Muat ulang sumber terpilih"),
    ("R", "Refresh all feeds", "Muat ulang semua sumber"),
    ("o", "Open the article in the web browser", "Buka artikel di peramban"),
    ("?", "Show these keys", "Tampilkan tombol ini"),
    ("q", "Quit", "Keluar"),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; padding: 1 2; background: $panel;
    }
    """

    def __init__(self, app: App, keys: list[tuple[str, str, str]] | None = None) -> None:
        super().__init__()
        self._lang = getattr(app, "lang", "en")
        self._keys = keys or KEYS

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for keys, en, id_ in self._keys:
            table.add_row(Text(keys), Text(id_ if self._lang == "id" else en))
        with VerticalScroll() as scroll:
            scroll.border_title = tr("help_title", self._lang)
            yield Static(table)
