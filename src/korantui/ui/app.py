"""The korantui app: its life cycle only (config, store, network runner, theme, language, errors).

What is on screen and what the keys do belong to MainScreen (ui/screens/main.py) and its widgets.
The app calls the core, never the reverse; every change of reading state goes through the core's
ReadingService (core/reading_service.py).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen
from textual.theme import Theme

from korantui.core.config import Config
from korantui.core.errorlog import log_exception
from korantui.core.i18n import tr
from korantui.core.reading_service import ReadingService
from korantui.core.sanitize import clean_line, is_openable
from korantui.core.store.database import Store
from korantui.core.store.store_file import is_corrupt_error
from korantui.ui.keys import keymap_clashes, keymap_from_config
from korantui.ui.screens.main import MainScreen
from korantui.ui.textual_compat import GuardedApp, write_to_terminal

if TYPE_CHECKING:
    from textual.command import Provider

    from korantui.core.article.site_rules import SiteRules
    from korantui.core.net.runner import NetworkRunner


def koran_commands() -> type[Provider]:
    """The palette's own commands, imported when the palette first opens (Textual takes a
    provider's class or a function that gives it)."""
    from korantui.ui.commands import KoranCommands

    return KoranCommands


class KoranApp(GuardedApp):
    CSS_PATH = "app.tcss"
    TITLE = "korantui"
    COMMANDS = GuardedApp.COMMANDS | {koran_commands}

    def __init__(
        self,
        config: Config,
        *,
        demo: bool = False,
        refresh_on_start: bool = True,
    ) -> None:
        super().__init__()
        self.config = config
        self.lang = self.initial_language()
        self.demo = demo
        self.refresh_on_start = refresh_on_start
        self._store: Store | None = None
        self._service: ReadingService | None = None
        self._runner: NetworkRunner | None = None
        self._rules: SiteRules | None = None
        self._terminal_title: str | None = None  # what the terminal's title bar shows
        self._startup_theme: str | None = None  # applied at start: not a choice to remember
        # A refresh's network, parse and store work in a child process (core/refresh_process.py):
        # the app's process keeps its interpreter lock for the screen while feeds land.
        # KORANTUI_REFRESH_IN_CHILD=0: in this process, as before (a comparison, a fallback).
        self.refresh_in_child = os.environ.get("KORANTUI_REFRESH_IN_CHILD", "1") != "0"
        self.main = MainScreen(lang=self.lang)

    def get_default_screen(self) -> Screen[None]:
        return self.main

    # -- set-up --------------------------------------------------------------------------------

    def on_mount(self) -> None:
        from korantui.ui.saved_searches import BINDINGS as SEARCH_BINDINGS

        keymap, unknown = keymap_from_config(self.config.keys, SEARCH_BINDINGS)
        if keymap:
            self.set_keymap(keymap)
        if unknown:
            text = tr("unknown_keys", self.lang, names=", ".join(unknown))
            self.notify(text, severity="warning", markup=False)
        for clash in keymap_clashes(self.config.keys, SEARCH_BINDINGS):
            self.notify(f"[keys]: {clash}", severity="warning", timeout=20, markup=False)
        for warning in self.config.warnings:  # likely typos in the config file
            self.notify(warning, severity="warning", timeout=20, markup=False)
        theme = self.initial_theme()
        if theme:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self.remember_theme)
        self.open_store()

    def open_store(self) -> None:
        """The store (the demo edition's own, in the demo), opened without the damage check so
        the first frame comes sooner (MainScreen checks it after), a damaged file set aside."""
        path = self.config.data_dir / "demo" / "korantui.db" if self.demo else self.config.db_path
        store = Store(path, check=False)
        self._store = store
        self._service = ReadingService(store)
        try:
            self.follow_config()
        except sqlite3.DatabaseError as error:
            if not is_corrupt_error(error):
                raise
            store.replace_damaged()
            self.follow_config()
        if store.notice:
            self.notify(store.notice, severity="warning", timeout=15, markup=False)
        self.sub_title = tr("demo_title", self.lang) if self.demo else ""
        if self.demo:
            self.service.load_demo()

    def follow_config(self) -> None:
        """The config's feeds in the store (the demo edition has its own)."""
        if not self.demo:
            self.service.sync_feeds(self.config.feeds)

    @property
    def store(self) -> Store:
        """The open store, for reading (changes go through `service`)."""
        assert self._store is not None, "the store opens on mount"
        return self._store

    @property
    def service(self) -> ReadingService:
        assert self._service is not None, "the store opens on mount"
        return self._service

    @property
    def has_store(self) -> bool:
        return self._store is not None

    @property
    def runner(self) -> NetworkRunner:
        if self._runner is None:
            from korantui.core.net.runner import NetworkRunner

            self._runner = NetworkRunner(self.config.fetch)
        return self._runner

    @property
    def rules(self) -> SiteRules:
        if self._rules is None:
            from korantui.core.article.site_rules import load_rules

            self._rules = load_rules(self.config.rules)
        return self._rules

    def action_demo(self) -> None:
        """The demo edition, in its own store: the user's is closed, nothing of it changes."""
        if self.demo:
            return
        self.workers.cancel_all()
        self.stop_network()  # a refresh in flight must not write into the store closed here
        self.main.forget_store()
        self.store.close()
        self.demo = True
        self.open_store()
        self.main.show_store()

    def stop_network(self) -> None:
        """Cancel every network job (their waiting workers end at once); a later fetch starts a
        new runner."""
        self.main.refresher.stop_children()
        runner, self._runner = self._runner, None
        if runner is not None:
            runner.close()

    async def action_quit(self) -> None:
        # Before Textual takes the screens down: a worker waiting on a stalled download or a
        # long parse wakes now and ends quietly, and no job writes into the store once it closes.
        self.workers.cancel_all()
        self.stop_network()
        self.exit()

    # -- the terminal --------------------------------------------------------------------------

    def show_terminal_title(self, title: str) -> None:
        """The unread count in the terminal's own title bar (Textual only shows it in a Header).
        The title is our own words and a number, never text from a feed."""
        if title == self._terminal_title or self.is_headless:
            return
        if self._terminal_title is None:
            write_to_terminal(self, "\x1b[22;0t")  # keep the user's title, to give it back
        if write_to_terminal(self, f"\x1b]2;{clean_line(title)}\x07"):
            self._terminal_title = title

    def on_unmount(self) -> None:
        if self._terminal_title is not None:
            write_to_terminal(self, "\x1b[23;0t")
        self.stop_network()
        if self._store is not None:
            self._store.close()

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        # Every path to the browser (Textual's Markdown links included) passes here: http(s) only.
        if not is_openable(url):
            return
        import webbrowser

        try:
            webbrowser.get()  # finds one, launches nothing
        except webbrowser.Error:  # a server, a container: nothing would open, say so
            self.notify(tr("no_browser", self.lang), severity="warning", markup=False)
            return
        super().open_url(url, new_tab=new_tab)

    # -- language and theme --------------------------------------------------------------------

    def initial_language(self) -> str:
        """The config's language when it names one; else the palette's last choice; else LANG."""
        from korantui.core.uistate import load_state

        remembered = load_state(self.config.data_dir).get("language")
        if self.config.language == "auto" and remembered in ("id", "en"):
            return str(remembered)
        return self.config.ui_language

    @property
    def language_chosen(self) -> bool:
        """Whether the language is the palette's choice, remembered over config and LANG."""
        from korantui.core.uistate import load_state

        return self.config.language == "auto" and load_state(self.config.data_dir).get(
            "language"
        ) in ("id", "en")

    def set_language(self, lang: str | None) -> None:
        """The palette's choice, remembered; None forgets it (the config's, or LANG's, again)."""
        from korantui.core.uistate import save_state

        save_state(self.config.data_dir, language=lang)
        lang = lang or self.initial_language()
        self.lang = lang
        self.main.set_language(lang)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # The palette's theme entry is KoranCommands' (in the reader's language): one, not two.
        for command in super().get_system_commands(screen):
            if command.callback != self.action_change_theme:
                yield command

    def remember_theme(self, theme: Theme) -> None:
        from korantui.core.uistate import save_state

        if theme.name == self._startup_theme:
            return
        self._startup_theme = None  # from now on every change is the user's
        save_state(self.config.data_dir, theme=theme.name)

    def initial_theme(self) -> str | None:
        """The config's theme when it names one (as for the language), else the palette's last
        choice; a name Textual does not know is skipped."""
        from korantui.core.uistate import load_state

        for name in (self.config.theme, load_state(self.config.data_dir).get("theme")):
            if isinstance(name, str) and name in self.available_themes:
                self._startup_theme = name
                return name
        return None

    # -- errors --------------------------------------------------------------------------------

    @property
    def log_path(self) -> Path:
        return self.config.data_dir / "korantui.log"

    def report_unexpected(self, error: BaseException, context: str) -> None:
        """Log an unexpected error with its traceback; tell the user in one line."""
        log_exception(self.log_path, error, context)
        self.notify(
            tr("unexpected", self.lang, error=type(error).__name__, log=self.log_path),
            severity="error",
            markup=False,
        )

    def log_fatal(self, error: BaseException) -> str:
        log_exception(self.log_path, error, "fatal")
        return f"korantui: unexpected error ({type(error).__name__}); details in {self.log_path}"
