"""Refreshing feeds, and the store's changes coming back to the screen without the UI thread
querying the store for each refreshed feed.

    refresh thread ──results (under a lock)──┐
    store_changed() (any thread) ────────────┴─StoreChanged (at most one queued)──▶ screen:
        busy marks off, snapshot worker thread (reads feeds, counts, the list's first page)
        ──Snapshot──▶ screen: widgets updated, no store work

However many feeds land meanwhile, the UI thread gets one message; while a snapshot is being
read, further changes only set a flag and one more snapshot follows, so a 100-feed refresh
costs a few snapshots, not 100 messages and re-queries on the UI thread.

Held by MainScreen (composition, not a mixin); its workers run on the screen.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from korantui.core.i18n import tr
from korantui.core.models import Feed, Headline, RefreshResult
from korantui.ui import interpreter, saved_searches
from korantui.ui.refresh_messages import (
    FeedRefreshed,
    HeadlinesLoaded,
    RefreshDone,
    Snapshot,
    StoreChanged,
    StoreChecked,
)
from korantui.ui.store_reads import read_health
from korantui.ui.widgets.feed_list import ALL_ID, feed_id_of

if TYPE_CHECKING:
    from korantui.core.refresh_process import ChildRefresh
    from korantui.ui.screens.main import MainScreen
    from korantui.ui.widgets.headline_rows import PreparedRows

# A list opens with this many rows (a screenful and more), read before the first paint; the
# rest of a long list (20,000 rows take ~0.3 s from SQLite) follows from a worker thread.
FIRST_PAGE = 200


class Refresher:
    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.busy_feeds: set[int] = set()
        self._generation = 0  # bumped by every reload of the list: a late one is dropped
        self._lock = threading.Lock()
        self._change_queued = False
        self._snapshot_running = False
        self._snapshot_again = False
        self._refreshed: set[int] = set()  # feeds refreshed since the last snapshot was read
        self._unchanged: set[int] = set()  # of those, the ones answered "not modified"
        self._other_change = False  # a change not of a refresh's results (an account's sync)
        self._read_all = False  # such a change is yet to be read by a snapshot
        self._landed: list[RefreshResult] = []  # results the UI thread has not taken yet
        self._reads = 0  # the screen's own reads of the store: a snapshot older than one is stale
        self._children: set[ChildRefresh] = set()  # refreshes running in child processes

    def _row_maker(self, show_source: bool) -> Callable[[list[Headline]], PreparedRows]:
        """What a worker makes the list's rows ready with, their story groups read with them:
        the UI thread only takes them (a pass over 15,000 rows there stalls every key)."""
        hl = self.screen.headline_list
        service = self.screen.korantui.service
        make = hl.row_maker(show_source)
        grouped = hl.stories.enabled and hl.stories.source is not None

        def made(rows: list[Headline]) -> PreparedRows:
            return make(rows, service.story_groups() if grouped else None)

        return made

    def screen_read(self) -> None:
        """The screen read the feeds itself (after the reader's own change): a snapshot begun
        before it may hold the state before that change."""
        self._reads += 1

    def new_generation(self) -> int:
        self._generation += 1
        return self._generation

    # -- refreshing ----------------------------------------------------------------------------

    def refresh(self, feeds: list[Feed] | None) -> None:
        """Refresh these feeds (None: all of them); the demo edition loads itself again."""
        screen = self.screen
        app = screen.korantui
        if app.demo:
            app.service.load_demo()
            screen.reload_feeds()
            screen.reload_headlines()
            return
        if feeds is None:
            feeds = screen.feed_list.feeds  # the store's, as last shown: no query here
        # Copies: the refresh thread writes the feeds' new titles into them.
        feeds = [dataclasses.replace(f) for f in feeds if f.id not in self.busy_feeds]
        if not feeds:
            return
        self.busy_feeds.update(f.id for f in feeds)
        screen.set_status(tr("refreshing", screen.lang, n=len(feeds)))
        screen.show_busy()
        if app.refresh_in_child:
            self._start_in_child(feeds)
        else:
            self._start_here(feeds)

    def _on_result(self) -> Callable[[RefreshResult], None]:
        """What hears of each feed's result (any thread)."""
        screen = self.screen
        filters = screen.korantui.config.filters
        # Through the screen's alerter (ui/alerts.py) while filters judge new headlines or a
        # saved search on show takes them in; else straight to the next snapshot.
        judged = bool(filters.filters or filters.queries)

        def one(result: RefreshResult) -> None:
            if judged:  # through the filters first, then feed_refreshed
                screen.post_message(FeedRefreshed(result))
            else:
                self.landed(result)

        return one

    def _start_here(self, feeds: list[Feed]) -> None:
        """The refresh on this process's network runner (its threads share the GIL)."""
        screen = self.screen
        app = screen.korantui
        store, runner, specs = app.store, app.runner, list(app.config.feeds)
        one = self._on_result()

        def work() -> None:
            from korantui.core.refresh import refresh_feeds

            try:
                results = runner.run(
                    lambda fetcher: refresh_feeds(store, fetcher, feeds, specs, on_result=one)
                )
            except concurrent.futures.CancelledError:
                return  # the runner closed (quit, the demo edition): nothing more to show
            screen.post_message(RefreshDone(results))

        screen.run_worker(work, thread=True, group="refresh", exit_on_error=False)

    def _start_in_child(self, feeds: list[Feed]) -> None:
        """The refresh in a child process (core/refresh_process.py)."""
        from korantui.core.refresh_process import ChildRefresh, Unavailable

        screen = self.screen
        app = screen.korantui
        child = ChildRefresh(app.store.path, app.config.fetch, feeds, list(app.config.feeds))
        with self._lock:  # known before its worker starts: a quit meanwhile stops it too
            self._children.add(child)
        interpreter.hold_collector()  # this process makes little garbage meanwhile
        one = self._on_result()

        def work() -> None:
            try:
                results = child.run(one)
            except Unavailable:  # nothing was refreshed: here, then, and from now on
                with contextlib.suppress(RuntimeError):  # the app ended meanwhile
                    app.call_from_thread(self._child_unavailable, feeds)
                return
            finally:
                with self._lock:
                    self._children.discard(child)
            if not child.stopped:  # stopped: quit, the demo edition; nothing more to show
                screen.post_message(RefreshDone(results))

        screen.run_worker(work, thread=True, group="refresh", exit_on_error=False)

    def _child_unavailable(self, feeds: list[Feed]) -> None:
        self.screen.korantui.refresh_in_child = False
        self._settle()
        self._start_here(feeds)

    def prepare(self) -> None:
        """The child refreshes' forkserver started (and their module imported) ahead, beside
        the store's upkeep: neither R nor the refresh on start waits for them."""
        if not self.screen.korantui.refresh_in_child:
            return

        def start() -> None:
            from korantui.core import refresh_process

            # A forkserver that cannot start is heard of by the refresh (it refreshes here).
            with contextlib.suppress(OSError, ValueError, RuntimeError):
                refresh_process.prepare()

        self.screen.run_worker(start, thread=True, group="refresh-prepare", exit_on_error=False)

    @property
    def child_pids(self) -> list[int]:
        """The process ids of the refreshes running in child processes now."""
        with self._lock:
            children = list(self._children)
        return [pid for child in children if (pid := child.pid) is not None]

    def stop_children(self) -> None:
        """The refreshes running in child processes end now (quit, the demo edition)."""
        with self._lock:
            children = list(self._children)
        for child in children:
            child.stop()
        interpreter.release_collector()

    def _settle(self) -> None:
        """The collector back once no child refresh runs and its snapshots are shown."""
        if not self._children and not self._snapshot_running:
            interpreter.release_collector()

    def landed(self, result: RefreshResult) -> None:
        """A feed's refresh is stored (the refresh thread): it rides with the next StoreChanged."""
        with self._lock:
            self._landed.append(result)
        self._queue_change()

    def feed_refreshed(self, result: RefreshResult) -> None:
        """A feed's refresh, judged by the filters (the UI thread): shown with the next
        snapshot."""
        self.landed(result)

    def refresh_done(self, results: list[RefreshResult]) -> None:
        screen = self.screen
        self._settle()
        lang = screen.lang
        errors = [r for r in results if r.error]
        if not self.busy_feeds:
            screen.set_status("")
        new = sum(r.new for r in results)
        screen.notify(
            tr("refreshed", lang, feeds=len(results), new=new, errors=len(errors)),
            severity="warning" if errors else "information",
            markup=False,
        )
        if results and len(errors) == len(results) and screen.korantui.service.counts()[1] == 0:
            screen.offer_offline([r.error for r in errors])  # lasting, where headlines go

    def worker_failed(self, group: str) -> None:
        if group == "refresh":
            self.busy_feeds.clear()
            self.screen.show_busy()
        elif group == "snapshot":  # the next change reads one again; none is under way
            self._snapshot_running = False
        self._settle()
        self.screen.set_status("")

    # -- the store's changes, coalesced ---------------------------------------------------------

    def store_changed(self) -> None:
        """The store changed, and no refresh result says where (any thread): the list shown
        is read again with the next snapshot."""
        with self._lock:
            self._other_change = True
        self._queue_change()

    def _queue_change(self) -> None:
        """One StoreChanged is queued, however many changes come (any thread)."""
        with self._lock:
            if self._change_queued:
                return
            self._change_queued = True
        self.screen.post_message(StoreChanged())

    def take_change(self) -> None:
        """StoreChanged arrived: read a snapshot, or one more after the one being read."""
        with self._lock:
            self._change_queued = False
            landed, self._landed = self._landed, []
            self._read_all |= self._other_change
            self._other_change = False
        for result in landed:
            self.busy_feeds.discard(result.feed.id)
            if not result.not_modified:  # a 304 stored nothing: its rows need no new read
                self._refreshed.add(result.feed.id)
            else:
                self._unchanged.add(result.feed.id)
        if self._snapshot_running:
            self._snapshot_again = True
            return
        self._start_snapshot()

    def _start_snapshot(self) -> None:
        screen = self.screen
        self._snapshot_running = True
        self._snapshot_again = False
        service = screen.korantui.service
        entry = screen.feed_list.selected_id
        generation = self._generation
        reads = self._reads
        searching = screen.search_query is not None
        hide_read = screen.hide_read
        limit = FIRST_PAGE + screen.headline_list.cursor
        if len(screen.headline_list.stories.shown) > limit:
            # The whole list is on show: read whole again, not its first page then the rest
            # (two sets of every row on the UI thread, and the list cut short between them).
            limit = -1
        # Only a list that the refreshed feeds feed is read again (Starred and searches stay).
        refreshed, self._refreshed = self._refreshed, set()
        unchanged, self._unchanged = self._unchanged, set()
        read_all, self._read_all = self._read_all, False
        # A feed answered "not modified" changed no row: a warm refresh reads no list again.
        list_changed = (
            read_all or (entry == ALL_ID and bool(refreshed)) or feed_id_of(entry) in refreshed
        )
        refreshed |= unchanged

        store = screen.korantui.store
        with_queries = bool(saved_searches.queries(screen))
        make = self._row_maker(feed_id_of(entry) is None)

        def read() -> None:
            # Everything the panes show of the store is read here: on the UI thread a query
            # waits for the refresh's write batch (one connection, one lock) and a key with it.
            rows: list[Headline] | None = None
            paged = False
            feeds, counts = service.feeds(), service.counts()
            if searching or not list_changed:
                rows = None
            else:
                rows = service.headlines(feed_id_of(entry), unread_only=hide_read, limit=limit)
                paged = len(rows) == limit
            queries = saved_searches.pane_entries(screen) if with_queries else []
            snap = Snapshot(feeds, counts, entry, generation, reads, refreshed, rows, paged)
            snap.health, snap.query_entries = read_health(store), queries
            if rows is not None:
                snap.prepared = make(rows)
            screen.post_message(snap)

        screen.run_worker(read, thread=True, group="snapshot", exit_on_error=False)

    def show_snapshot(self, snap: Snapshot) -> None:
        screen = self.screen
        self._snapshot_running = False
        if snap.reads != self._reads:  # the reader changed something meanwhile: read again
            self._refreshed.update(snap.refreshed)
            self._read_all = True  # what it would have read is not known here: all of it
            self._start_snapshot()
            return
        unread, _total, starred = snap.counts
        screen.show_feeds(snap.feeds, unread, starred, snap.health, snap.query_entries)
        fresh = snap.generation == self._generation and snap.entry == screen.feed_list.selected_id
        if fresh and snap.rows is not None:
            screen.show_headlines(
                snap.entry,
                snap.rows,
                keep=True,
                paged=snap.paged,
                health=snap.health,
                prepared=snap.prepared,
            )
            interpreter.set_apart(len(snap.rows))
        if self._snapshot_again:
            self._start_snapshot()
        else:
            self._settle()

    def load_all_headlines(self, feed_id: int | None, unread_only: bool, generation: int) -> None:
        service = self.screen.korantui.service
        screen = self.screen
        make = self._row_maker(feed_id is None)

        def read() -> None:
            rows = service.headlines(feed_id, unread_only=unread_only)
            screen.post_message(HeadlinesLoaded(rows, generation, make(rows)))

        screen.run_worker(
            read, thread=True, exclusive=True, group="headline-pages", exit_on_error=False
        )

    def headlines_loaded(self, message: HeadlinesLoaded) -> None:
        if message.generation != self._generation:
            return  # the list was reloaded meanwhile
        hl = self.screen.headline_list
        current = hl.current
        keep_id = current.id if current else None
        hl.set_rows(message.rows, keep_id=keep_id, prepared=message.prepared)
        interpreter.set_apart(len(message.rows))

    # -- the store's upkeep --------------------------------------------------------------------

    def maintain_store(self) -> None:
        """After the first frame: the damage check, then the retention prune (a pass over
        every headline); the refresh on start follows them."""
        screen = self.screen
        store = screen.korantui.store
        retention = screen.korantui.config.retention_days

        def check() -> None:
            damaged, pruned = False, 0
            try:
                damaged = store.damaged()
                if not damaged:
                    pruned = store.prune(retention)
            finally:  # an error here is reported (the worker's), and the refresh still comes
                screen.post_message(StoreChecked(store.path, damaged, pruned))

        screen.run_worker(check, thread=True, group="store-check", exit_on_error=False)

    def store_checked(self, message: StoreChecked) -> None:
        screen = self.screen
        app = screen.korantui
        store = app.store
        if message.path != store.path:
            return  # the demo edition was opened meanwhile
        if message.damaged:
            for group in ("prefetch", "article", "headline-pages", "snapshot"):
                screen.workers.cancel_group(screen, group)
            screen.reader.forget()
            notice = store.replace_damaged()
            screen.notify(notice, severity="warning", timeout=15, markup=False)
            app.follow_config()
            screen.show_store()
        elif message.pruned:
            screen.notify(tr("pruned", screen.lang, n=message.pruned), timeout=4, markup=False)
            screen.reload_feeds()
            screen.reload_headlines(keep=True)
        if app.refresh_on_start:
            self.refresh(None)
