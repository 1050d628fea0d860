"""The status line above the key bar: a busy mark and the app's own words.

The line stays once made (with the key bar, after the first frame): shown and hidden, it laid
the screen out again, the panes a row taller or shorter and all of them painted again, at the
first key after R and at the refresh's end.
"""

from __future__ import annotations

from typing import Any

from textual.containers import Horizontal
from textual.screen import Screen

from korantui.ui.widgets.status_text import StatusText

BUSY_MARK = " ⟳"  # the status line's while something runs (the feed pane's busy mark)


def set_status(screen: Screen[Any], text: str, *, after: str) -> None:
    """text on screen's status line, with the busy mark; "" empties it. Before the first frame
    the line is not there yet: it is made then, after the widget whose id is after."""
    found = screen.query("#status-text")
    if found:
        found.first(StatusText).set_text(text)
        screen.query_one("#spinner", StatusText).set_text(BUSY_MARK if text else "")
        screen.query_one("#status").set_class(bool(text), "busy")
    elif text:
        screen.mount(status_line(text), after=screen.query_one(f"#{after}"))


def status_line(text: str) -> Horizontal:
    # A steady mark, not Textual's LoadingIndicator: its animation repainted the line 16
    # times a second, and keys pressed while a refresh ran took ~30 ms where 3 ms with it
    # still (benchmarks/ui_latency.py).
    return Horizontal(
        StatusText(BUSY_MARK if text else "", id="spinner"),
        StatusText(text, id="status-text"),
        id="status",
        classes="busy" if text else "",
    )
