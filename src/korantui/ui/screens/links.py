"""The links of the open article, numbered as in the text: a number opens that link."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class LinksScreen(ModalScreen[str | None]):
    """Dismisses with the chosen address, or None. Typing digits picks link [n]: at once when no
    longer number could exist, else after the next digit or Enter."""

    BINDINGS = [
        Binding("escape,q,l", "cancel", "Close", show=False),
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
    ]
    DEFAULT_CSS = """
    LinksScreen { align: center middle; }
    LinksScreen > OptionList {
        width: 90%; max-width: 110; height: auto; max-height: 80%;
        border: round $accent; background: $panel;
    }
    """

    def __init__(self, links: list[str], title: str) -> None:
        super().__init__()
        self.links = links
        self._title = title
        self._typed = ""

    def compose(self) -> ComposeResult:
        options = []
        for n, url in enumerate(self.links, 1):
            prompt = Text(f"[{n}] ", style="bold cyan")
            prompt.append(url)
            options.append(Option(prompt, id=str(n)))
        menu = OptionList(*options, id="links")
        menu.border_title = self._title
        yield menu

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        if event.character is None or not event.character.isdigit():
            return
        event.stop()
        event.prevent_default()
        typed = self._typed + event.character
        number = int(typed)
        if not 1 <= number <= len(self.links):
            self._typed = ""
            self.app.bell()
            return
        self._typed = typed
        menu = self.query_one(OptionList)
        menu.highlighted = number - 1
        if number * 10 > len(self.links):  # no link [n0] and beyond: nothing more to type
            self.dismiss(self.links[number - 1])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.links[event.option_index])

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
