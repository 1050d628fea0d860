"""The app's store: opened without the damage check so the first frame comes sooner, checked
and pruned right after it, a damaged file set aside; the demo edition's own store."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.message import Message

from korantui.core.i18n import tr
from korantui.core.store.database import Store
from korantui.core.store.store_file import is_corrupt_error

if TYPE_CHECKING:
    from korantui.ui.app import KoranApp


class StoreChecked(Message):
    def __init__(self, path: Path, damaged: bool, pruned: int) -> None:
        super().__init__()
        self.path = path
        self.damaged = damaged
        self.pruned = pruned


class StoreSetup:
    """Mixed into KoranApp."""

    def _open_store(self: KoranApp) -> None:
        path = self._demo_db_path() if self.demo else self.config.db_path
        self.store = Store(path, check=False)  # see _maintain_store
        try:
            self._show_store()
        except sqlite3.DatabaseError as error:
            if not is_corrupt_error(error):
                raise
            self.store.replace_damaged()
            self._show_store()
        if self.store.notice:
            self.notify(self.store.notice, severity="warning", timeout=15, markup=False)

    def _show_store(self: KoranApp) -> None:
        """The store's feeds and headlines on screen, the config's feeds in the store."""
        assert self.store is not None
        if not self.demo:
            self.store.sync_feeds(self.config.feeds)
        self.sub_title = tr("demo_title", self.lang) if self.demo else ""
        self.reload_feeds()
        self.reload_headlines()

    @work(thread=True, group="store-check", exit_on_error=False)
    def _maintain_store(self: KoranApp) -> None:
        """After the first frame: the damage check, then the retention prune (a pass over
        every headline); the refresh on start follows them."""
        store = self.store
        assert store is not None
        damaged, pruned = False, 0
        try:
            damaged = store.damaged()
            if not damaged:
                pruned = store.prune(self.config.retention_days)
        finally:  # an error here is reported (the worker's), and the refresh still comes
            self.post_message(StoreChecked(store.path, damaged, pruned))

    def on_store_checked(self: KoranApp, message: StoreChecked) -> None:
        store = self.store
        assert store is not None
        if message.path != store.path:
            return  # the demo edition was opened meanwhile
        if message.damaged:
            for group in ("prefetch", "article", "headline-pages"):
                self.workers.cancel_group(self, group)
            self._forget_reading()
            notice = store.replace_damaged()
            self.notify(notice, severity="warning", timeout=15, markup=False)
            self._show_store()
        elif message.pruned:
            self.notify(tr("pruned", self.lang, n=message.pruned), timeout=4, markup=False)
            self.reload_feeds()
            self.reload_headlines(keep=True)
        if self.refresh_on_start:
            self.action_refresh_all()

    def _forget_reading(self: KoranApp) -> None:
        """No article open: what the reading pane showed belongs to a store that is gone."""
        self._current = None
        self._reading = None
        self.set_reading(False)
        self.article_view.show(Text(tr("no_article", self.lang), style="dim"))

    # -- the demo edition ----------------------------------------------------------------------

    def _demo_db_path(self: KoranApp) -> Path:
        return self.config.data_dir / "demo" / "korantui.db"

    def _load_demo(self: KoranApp) -> None:
        from korantui.core.demo import load_demo

        assert self.store is not None
        load_demo(self.store)
        self.reload_feeds()
        self.reload_headlines()

    def action_demo(self: KoranApp) -> None:
        if self.demo:
            return
        assert self.store is not None
        self.workers.cancel_all()
        self.store.close()
        self.demo = True
        self._busy_feeds.clear()
        self._set_status("")
        self.search_query = None  # results of the other store
        self._forget_reading()
        self._open_store()
        self._load_demo()
