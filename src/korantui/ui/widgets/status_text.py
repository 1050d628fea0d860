"""A line of the app's own words whose box never changes (the status line's text and mark).

Static.update lays the whole screen out again (its size may follow its text): at R that was a
layout and a repaint of every pane for a line of fixed size, and the first key after R waited.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class StatusText(Widget):
    DEFAULT_CSS = "StatusText { height: 1; }"

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = text

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        """The line's text (never markup); painted again, not laid out."""
        if text != self._text:
            self._text = text
            self.refresh()

    def render(self) -> Text:
        return Text(self._text, no_wrap=True, overflow="ellipsis")
