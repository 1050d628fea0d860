"""A one-line question: the search box, and the path of an OPML file."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input


class PromptScreen(ModalScreen[str | None]):
    """Dismisses with the text typed (stripped), or None on Escape or an empty answer."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]
    DEFAULT_CSS = """
    PromptScreen { align: center top; }
    PromptScreen > Vertical {
        width: 80%; max-width: 90; height: auto; margin-top: 3;
        border: round $accent; background: $panel; padding: 0 1;
    }
    """

    def __init__(self, title: str, *, value: str = "") -> None:
        super().__init__()
        self._title = title
        self._value = value

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self._title
            yield Input(value=self._value, id="prompt-input")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
