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

import contextlib
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
    """Held by MainScreen: the filter passes and the alerts of the app.

    A pass runs in a worker thread, one at a time: a refreshed feed's result reaches the
    Refresher (which shows its headlines) only once its new headlines are judged, and the
    refresh's end after the last of them. Until judged, new headlines are shown nowhere (the
    store's HIDDEN_SQL), so a headline that a rule hides never flashes by.
    """

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.sent: list[str] = []  # the sequences written to the terminal
        self._running = False
        self._pending: list[RefreshResult] = []
        self._done_waiting: list[list[RefreshResult]] = []

    def filter_store(self) -> None:
        """At start: the feeds' own settings into the store, and the rules brought to it; the
        stored headlines judged again (the rules changed) in a worker, the screen after it."""
        from korantui.core.store.feed_settings import follow_settings
        from korantui.core.store.filter_flags import needs_full_pass

        app = self.screen.korantui
        if not app.demo:
            follow_settings(app.store, app.config.feeds)
        if needs_full_pass(app.store, app.config.filters):
            self.screen.set_status(_words("applying", self.screen.lang))
            self._run([], reload=True)
        else:
            self._judged([], self._pass(), False)

    def feed_refreshed(self, result: RefreshResult) -> None:
        """A feed's headlines are stored: judged, then handed on to the Refresher."""
        if not self.screen.korantui.config.filters.filters:
            self._hand_on(result)
            return
        self._pending.append(result)
        if not self._running:
            self._run(self._take())

    def store_changed(self) -> None:
        """The store changed (a feed added with its first headlines, another process): new
        headlines not judged yet are judged, then shown."""
        from korantui.core.store.filter_flags import unjudged

        app = self.screen.korantui
        if app.config.filters.filters and not self._running and unjudged(app.store):
            self._run(self._take(), changed=True)

    def refresh_done(self, results: list[RefreshResult]) -> None:
        if self._running or self._pending:
            self._done_waiting.append(results)
        else:
            self.screen.refresher.refresh_done(results)

    def _take(self) -> list[RefreshResult]:
        batch, self._pending = self._pending, []
        return batch

    def _pass(self) -> FilterPass:
        from korantui.core.store.filter_flags import apply_filters

        app = self.screen.korantui
        return apply_filters(app.store, app.config.filters)

    def _run(
        self, batch: list[RefreshResult], *, reload: bool = False, changed: bool = False
    ) -> None:
        from korantui.core.store.filter_flags import FilterPass

        self._running = True
        app = self.screen.app

        def work() -> None:
            done = FilterPass()
            try:
                done = self._pass()
            finally:  # a failed pass (reported as the worker's) still lets the refresh finish
                with contextlib.suppress(RuntimeError):  # the app is closing
                    app.call_from_thread(self._judged, batch, done, reload, changed)

        self.screen.run_worker(work, thread=True, group="filters", exit_on_error=False)

    def _judged(
        self, batch: list[RefreshResult], done: FilterPass, reload: bool, changed: bool = False
    ) -> None:
        self._running = False
        screen = self.screen
        for name in done.slow:
            screen.notify(
                _words("slow", screen.lang).format(name=name), severity="warning", markup=False
            )
        if reload and not screen.refresher.busy_feeds:
            screen.set_status("")
        if reload or (changed and done.judged):  # what was judged is shown now
            screen.reload_feeds()
            screen.reload_headlines(keep=True)
        for result in batch:
            self._hand_on(result)
        if done.alerts:
            self.alert(done.alerts)
        if self._pending:
            self._run(self._take())
            return
        waiting, self._done_waiting = self._done_waiting, []
        for results in waiting:
            screen.refresher.refresh_done(results)

    def _hand_on(self, result: RefreshResult) -> None:
        from korantui.ui.saved_searches import is_query_id

        screen = self.screen
        screen.refresher.feed_refreshed(result)
        # The Refresher's snapshots re-read feeds' lists, not a saved search's: that one is
        # read here (its rows come from the index, a few milliseconds), the cursor kept.
        if result.new and is_query_id(screen.shown_entry) and screen.search_query is None:
            screen.reload_headlines(keep=True)

    def alert(self, alerts: list[Alert]) -> None:
        lang = self.screen.lang
        words = alert_words(alerts, lang)
        sequence = notification(terminal_kind(os.environ), "korantui", words)
        if write_to_terminal(self.screen.app, sequence):
            self.sent.append(sequence)
        titles = "\n".join(f"• {clean_line(a.title)[:100]}" for a in alerts[:5])
        self.screen.notify(f"{words}\n{titles}", title="korantui", timeout=15, markup=False)


_WORDS = {
    "applying": ("Applying the filters…", "Menerapkan filter…"),
    "slow": (
        "filter {name!r} skipped: its pattern takes too long",
        "filter {name!r} dilewati: polanya terlalu lama",
    ),
}


def _words(key: str, lang: str) -> str:
    en, id_ = _WORDS[key]
    return id_ if lang == "id" else en
