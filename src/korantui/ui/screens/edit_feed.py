"""Editing a feed's name and category (the address stays: remove and add to change it)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from korantui.core.i18n import tr


@dataclass(slots=True)
class EditFeedResult:
    name: str
    category: str


class EditFeedScreen(ModalScreen[EditFeedResult | None]):
    """Dismisses with the edited EditFeedResult (stripped strings), or None on Escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    EditFeedScreen { align: center middle; }
    EditFeedScreen > Vertical {
        width: 72; max-width: 95%; height: auto;
        border: round $accent; padding: 1 2; background: $panel;
    }
    EditFeedScreen #address { color: $text-muted; margin-bottom: 1; }
    EditFeedScreen Input { margin-bottom: 1; }
    EditFeedScreen Horizontal { height: auto; align-horizontal: right; }
    EditFeedScreen Button { margin-left: 2; }
    """

    def __init__(
        self, name: str = "", category: str = "", *, url: str = "", lang: str | None = None
    ) -> None:
        super().__init__()
        self._values = (name, category)
        self._url = url
        self._lang = lang

    def compose(self) -> ComposeResult:
        lang: str = self._lang or str(getattr(self.app, "lang", "en"))
        with Vertical() as box:
            box.border_title = tr("edit.title", lang)
            yield Static(Content(self._url), id="address")
            yield Input(self._values[0], placeholder=tr("edit.name", lang), id="name")
            yield Input(self._values[1], placeholder=tr("edit.category", lang), id="category")
            with Horizontal():
                yield Button(tr("edit.save", lang), variant="primary", id="save")
                yield Button(tr("edit.cancel", lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.dismiss(
            EditFeedResult(
                self.query_one("#name", Input).value.strip(),
                self.query_one("#category", Input).value.strip(),
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
