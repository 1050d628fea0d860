"""A yes/no question (deleting a feed): y or Enter on "yes" says yes; n or Escape says no."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from korantui.core.i18n import tr


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True (yes) or False (no, Escape)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 64; max-width: 95%; height: auto;
        border: round $warning; padding: 1 2; background: $panel;
    }
    ConfirmScreen #question { margin-bottom: 1; }
    ConfirmScreen Horizontal { height: auto; align-horizontal: right; }
    ConfirmScreen Button { margin-left: 2; }
    """

    def __init__(
        self,
        question: str | Text | Content,
        *,
        yes: str = "",
        no: str = "",
        lang: str | None = None,
    ) -> None:
        """question may hold a feed's name from the web: a str is shown as it is, never markup."""
        super().__init__()
        self._question = Content(question) if isinstance(question, str) else question
        self._labels = (yes, no)
        self._lang = lang

    def compose(self) -> ComposeResult:
        lang: str = self._lang or str(getattr(self.app, "lang", "en"))
        yes = self._labels[0] or tr("confirm.yes", lang)
        no = self._labels[1] or tr("confirm.no", lang)
        with Vertical():
            yield Static(self._question, id="question")
            with Horizontal():
                yield Button(f"{yes} (y)", variant="error", id="yes")
                yield Button(f"{no} (n)", variant="primary", id="no")

    def on_mount(self) -> None:
        # The safe answer has the focus: Enter right away keeps the feed.
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
