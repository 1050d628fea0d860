"""Alerts while the app runs: the [[filter]] rules brought to the store (at start, and as each
refreshed feed's headlines arrive), and a terminal notification when a notify rule matches new
ones.

The notification is OSC 9 where the terminal shows it (iTerm2, WezTerm, kitty, ghostty), OSC 777
where that is the one (foot, urxvt, VTE terminals), the bell elsewhere; TERM and TERM_PROGRAM
tell which. Only korantui's own words go into the sequence (a count, and the rule's name from
the user's config), stripped of every control and of the ';' that OSC 777 splits on; the
headlines' titles are shown in a toast, as Text, never in the sequence.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING

from korantui.core.sanitize import clean_line
from korantui.ui.textual_compat import write_to_terminal

if TYPE_CHECKING:
    from korantui.core.models import RefreshResult
    from korantui.core.store.filter_flags import Alert, FilterPass
    from korantui.ui.screens.main import MainScreen

OSC9, OSC777, BELL = "osc9", "osc777", "bell"
_OSC9_PROGRAMS = ("iterm.app", "wezterm", "ghostty")
_OSC777_TERMS = ("foot", "rxvt-unicode")
_MAX_SEQUENCE_TEXT = 200


def terminal_kind(env: Mapping[str, str]) -> str:
    """Which notification the terminal of this environment shows."""
    program = env.get("TERM_PROGRAM", "").lower()
    term = env.get("TERM", "").lower()
    if program in _OSC9_PROGRAMS or term.startswith("xterm-kitty") or "KITTY_WINDOW_ID" in env:
        return OSC9
    if term.startswith(_OSC777_TERMS) or env.get("VTE_VERSION"):
        return OSC777
    return BELL


def sequence_text(text: str) -> str:
    """text made safe inside an OSC string: no control of any kind (C0, C1, ESC, BEL, DEL), no
    format characters, no ';', one capped line."""
    text = clean_line(text)
    kept = "".join(
        c for c in text if c != ";" and unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co")
    )
    return kept[:_MAX_SEQUENCE_TEXT]


def notification(kind: str, title: str, body: str) -> str:
    """The bytes to write for a notification of that kind."""
    title, body = sequence_text(title), sequence_text(body)
    if kind == OSC9:
        return f"\x1b]9;{title}: {body}\x07"
    if kind == OSC777:
        return f"\x1b]777;notify;{title};{body}\x07"
    return "\x07"


def alert_words(alerts: list[Alert], lang: str) -> str:
    rules = list(dict.fromkeys(a.rule for a in alerts))
    names = ", ".join(rules[:3]) + ("…" if len(rules) > 3 else "")
    if lang == "id":
        return f"{len(alerts)} berita baru cocok dengan {names}"
    return f"{len(alerts)} new headline{'s' if len(alerts) != 1 else ''} match {names}"


class Alerter:
    """Held by MainScreen: the filter passes and the alerts of the app."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.sent: list[str] = []  # the sequences written, for the tests and a quiet terminal

    def filter_store(self) -> FilterPass:
        """Bring the rules (and the feeds' own settings) to the store."""
        from korantui.core.store.feed_settings import follow_settings
        from korantui.core.store.filter_flags import apply_filters

        app = self.screen.korantui
        if not app.demo:
            follow_settings(app.store, app.config.feeds)
        done = apply_filters(app.store, app.config.filters)
        for name in done.slow:
            self.screen.notify(
                f"filter {name!r} skipped: its pattern takes too long",
                severity="warning",
                markup=False,
            )
        return done

    def feed_refreshed(self, result: RefreshResult) -> None:
        """A feed's new headlines are stored: judged before the screen reads them."""
        if not result.new or not self.screen.korantui.config.filters.filters:
            return
        done = self.filter_store()
        if done.alerts:
            self.alert(done.alerts)

    def alert(self, alerts: list[Alert]) -> None:
        lang = self.screen.lang
        words = alert_words(alerts, lang)
        sequence = notification(terminal_kind(os.environ), "korantui", words)
        if write_to_terminal(self.screen.app, sequence):
            self.sent.append(sequence)
        titles = "\n".join(f"• {clean_line(a.title)[:100]}" for a in alerts[:5])
        self.screen.notify(f"{words}\n{titles}", title="korantui", timeout=15, markup=False)
