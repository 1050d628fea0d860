"""The main screen: feeds · headlines · reading pane, and the view state between them.

The screen holds what the reader is looking at (the feed-pane entry whose headlines are listed,
a search, hide-read); what its keys do is in main_keys.py, its panes (layout, border titles)
in main_panes.py; the widgets render; ui/reader.py opens articles, ui/refreshing.py refreshes
feeds and brings their changes in, ui/feed_editing.py changes the feed list. Every change of
reading state goes through the app's ReadingService.
"""

from __future__ import annotations

import concurrent.futures
import gc
import sqlite3
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.reactive import var
from textual.worker import Worker, WorkerState

from korantui.core.i18n import tr
from korantui.core.models import Feed, Headline
from korantui.core.sanitize import clean_line
from korantui.core.store.store_file import is_corrupt_error
from korantui.ui import interpreter, keys, refreshing, saved_searches, story_rows
from korantui.ui.accounts import AccountsSynced, AccountSyncer
from korantui.ui.alerts import Alerter
from korantui.ui.autorefresh import AutoRefresh
from korantui.ui.feed_health import dead_feeds, subtitle
from korantui.ui.read_state import ReadState
from korantui.ui.reader import ArticleLoaded, Reader
from korantui.ui.refresh_messages import (
    FeedRefreshed,
    HeadlinesLoaded,
    RefreshDone,
    Snapshot,
    StoreChanged,
    StoreChecked,
)
from korantui.ui.refreshing import Refresher
from korantui.ui.screens.main_keys import MainKeys
from korantui.ui.screens.main_panes import MainPanes
from korantui.ui.textual_compat import GuardedScreen
from korantui.ui.widgets.article_view import ArticleView
from korantui.ui.widgets.feed_list import STARRED_ID, FeedList, feed_id_of
from korantui.ui.widgets.headline_list import HeadlineList

if TYPE_CHECKING:
    from korantui.core.store.health import FeedHealth
    from korantui.ui.app import KoranApp
    from korantui.ui.feed_editing import FeedEditor
    from korantui.ui.prefetching import Prefetched, Prefetcher
    from korantui.ui.widgets.headline_rows import PreparedRows


class MainScreen(MainKeys, MainPanes, GuardedScreen):
    BINDINGS: ClassVar[list[BindingType]] = [*keys.APP_BINDINGS, *saved_searches.BINDINGS]

    search_query: var[str | None] = var(None)  # the headline list shows search results
    hide_read: var[bool] = var(False)
    shown_entry: var[str] = var("")  # the feed-pane entry whose headlines are listed

    def __init__(self, *, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.list_name = ""  # what the headline list shows: a feed, all news, a search…
        self._offline_shown = False  # the headline list holds the "nothing reachable" offer
        self._offline_text = ""  # what failed, and the offer: the empty list shows it
        self.list_wide = False  # the layout toggle (\\): the list alone, then the article alone
        self.reader = Reader(self)
        # Made at the first highlight after the first frame: its imports (the fetcher's, the
        # pictures') are not on the start path.
        self._prefetcher: Prefetcher | None = None
        self._prefetch_waits = False  # a highlight came before the first frame
        self.refresher = Refresher(self)
        self.accounts = AccountSyncer(self)  # sync, push, the accounts' rows (ui/accounts.py)
        self._feed_editor: FeedEditor | None = None  # made on first use: not on the start path
        self._painted = False  # the first frame is on screen
        # The rest of the first long list (feed id, unread only, generation): after that frame.
        self._rest_after_frame: tuple[int | None, bool, int] | None = None
        self.read_state = ReadState(self)
        self.alerter = Alerter(self)  # [[filter]] rules and alerts (issue 18)
        self.autorefresh = AutoRefresh(self)
        self._list_borders: dict[str, str] = {}  # the headline list's border titles as set
        keys.localize(self, lang)

    @property
    def feed_editor(self) -> FeedEditor:
        """Adding, deleting, editing feeds; OPML."""
        if self._feed_editor is None:
            from korantui.ui.feed_editing import FeedEditor

            self._feed_editor = FeedEditor(self)
        return self._feed_editor

    @property
    def prefetcher(self) -> Prefetcher:
        """The next unread articles fetched while a headline is highlighted."""
        if self._prefetcher is None:
            from korantui.ui.prefetching import Prefetcher

            self._prefetcher = Prefetcher(self)
        return self._prefetcher

    @property
    def korantui(self) -> KoranApp:
        return cast("KoranApp", self.app)

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield FeedList(lang=self.lang, id="feeds")
            yield HeadlineList(lang=self.lang, id="headlines")
            yield ArticleView(Text(tr("no_article", self.lang), style="dim"), id="article")
        # The key bar and the status line come after the first frame (_after_first_frame,
        # set_status): ~15 ms of widgets and styles that the headlines need not wait for.

    def on_mount(self) -> None:
        interpreter.favour_ui_thread()
        self.apply_width(self.app.size.width)
        self.alerter.filter_store()  # the rules brought to the store (issue 18)
        story_rows.attach(self)
        self.show_store()
        self.headline_list.focus()
        self.app.call_after_refresh(self._after_first_frame)

    async def _after_first_frame(self) -> None:
        if not self.is_attached:  # the app ended at its first frame (a start-up probe)
            return
        self._painted = True
        rest, self._rest_after_frame = self._rest_after_frame, None
        if rest is not None:
            self.refresher.load_all_headlines(*rest)
        if self._prefetch_waits:
            self._prefetch_waits = False
            self.prefetcher.schedule()
        if not gc.isenabled():  # `korantui` turned the collector off for the start (cli.py)
            # The objects made so far (imports, widgets) live as long as the app: set apart,
            # the collector's later passes skip them.
            gc.freeze()
            gc.enable()
        from textual.widgets import Footer

        from korantui.ui import status_line

        if not self.query("#status"):
            await self.mount(status_line.status_line(""), after=self.query_one("#panes"))
        await self.mount(Footer())
        self.refresh_bindings()  # a footer fills itself when the bindings change
        if not self.korantui.demo:
            # The store's upkeep reads all of it, and the refresh (which follows) brings
            # imports, an HTTP client and a status line: none of them should come between the
            # reader and the headlines already stored.
            self.refresher.maintain_store()
            self.refresher.prepare()
            if self.korantui.refresh_on_start:
                self.accounts.sync()
            self.autorefresh.start()

    # -- the store on screen -------------------------------------------------------------------

    def show_store(self) -> None:
        """The store's feeds and headlines on screen; a damaged file found here is set aside."""
        try:
            self.reload_feeds()
            self.reload_headlines()
        except sqlite3.DatabaseError as error:
            if not is_corrupt_error(error):
                raise
            store = self.korantui.store
            notice = store.replace_damaged()
            self.korantui.follow_config()
            self.reload_feeds()
            self.reload_headlines()
            self.notify(notice, severity="warning", timeout=15, markup=False)

    def forget_store(self) -> None:
        """The store is about to close (the demo edition opens): nothing of it stays on show."""
        self.refresher.busy_feeds.clear()
        self.set_status("")
        self.search_query = None  # results of the other store
        self.reader.forget()

    def reload_feeds(self) -> None:
        self.alerter.store_changed()  # a feed just added: its headlines judged, then shown
        self.refresher.screen_read()
        service = self.korantui.service
        unread, _total, starred = service.counts()
        self.show_feeds(service.feeds(), unread, starred)

    def show_feeds(
        self,
        feeds: list[Feed],
        unread: int,
        starred: int,
        health: dict[int, FeedHealth] | None = None,
        query_entries: list[tuple[str, str, int]] | None = None,
    ) -> None:
        """health, query_entries: read with the feeds (a snapshot's); else read here."""
        self.feed_list.border_title = self.feeds_title()
        if query_entries is None:
            query_entries = saved_searches.pane_entries(self)
        self.feed_list.query_entries = query_entries
        self.feed_list.dead = dead_feeds(self, health)
        rows = self.accounts.rows()
        self.feed_list.set_feeds(feeds, unread, starred, self.refresher.busy_feeds, rows)
        title = f"korantui — {tr('unread', self.lang, n=unread)}" if unread else "korantui"
        self.app.title = title
        self.korantui.show_terminal_title(title)

    def reload_headlines(self, keep: bool = False) -> None:
        service = self.korantui.service
        selected = self.feed_list.selected_id
        paged = False
        if self.search_query is not None:
            rows = service.search(self.search_query)
        elif selected == STARRED_ID:
            rows = service.headlines(starred_only=True, unread_only=self.hide_read)
        elif saved_searches.is_query_id(selected):
            rows = saved_searches.rows(self, selected)
        else:
            # A reload that keeps the cursor reads a page past it (the cursor may be far down);
            # the rest of a long list comes from a worker thread.
            limit = refreshing.FIRST_PAGE + (self.headline_list.cursor if keep else 0)
            rows = service.headlines(feed_id_of(selected), unread_only=self.hide_read, limit=limit)
            paged = len(rows) == limit
        self.show_headlines(selected, rows, keep=keep, paged=paged)

    def show_headlines(
        self,
        selected: str,
        rows: list[Headline],
        *,
        keep: bool,
        paged: bool,
        health: dict[int, FeedHealth] | None = None,
        prepared: PreparedRows | None = None,
    ) -> None:
        """Rows of the entry selected (or of the search) on the headline list (prepared: made
        ready by a worker)."""
        self.shown_entry = selected
        generation = self.refresher.new_generation()
        if paged and not self._painted:
            # Before the first frame, the rest of a long list waits for it: read and made ready
            # meanwhile, its thread would hold the GIL the frame needs.
            self._rest_after_frame = (feed_id_of(selected), self.hide_read, generation)
        elif paged:
            self.refresher.load_all_headlines(feed_id_of(selected), self.hide_read, generation)
        hl = self.headline_list
        current = hl.current
        feed = self.feed_list.selected_feed
        self._list_border("border_subtitle", subtitle(self, feed, health))
        name = self.list_title(selected, feed)
        hl.show_source = self.search_query is not None or feed_id_of(selected) is None
        hl.set_rows(rows, keep_id=current.id if keep and current else None, prepared=prepared)
        if rows and self._offline_shown:  # news arrived after all: the offer is stale
            self._offline_shown = False
            keys.show_in_footer(self, "demo", False, self.lang)
            self.refresh_bindings()
        self.list_name = clean_line(name)
        self._list_border("border_title", f"{tr('headlines', self.lang)} — {self.list_name}")

    def offer_offline(self, errors: list[str] | None = None) -> None:
        """Nothing reachable and nothing stored: what failed, in one line, and the demo edition
        offered where the headlines go, until news arrives (D in the key bar meanwhile)."""
        from korantui.ui.first_run import failure_line

        text = tr("offline_empty", self.lang)
        if errors:
            text = f"{failure_line(errors, self.lang)}\n\n{text}"
        self._offline_text = text
        self._offline_shown = True
        self.headline_list.empty_text = text  # once: the reading pane keeps its own words
        self.headline_list.refresh()
        keys.show_in_footer(self, "demo", True, self.lang)
        self.refresh_bindings()

    def set_status(self, text: str) -> None:
        """The status line above the key bar, with a busy mark; "" empties it."""
        from korantui.ui import status_line  # made after the first frame, unless needed sooner

        status_line.set_status(self, text, after="panes")

    # -- the widgets' messages -----------------------------------------------------------------

    @on(FeedList.Highlighted)
    def _feed_highlighted(self) -> None:
        # Rebuilding the feed pane (new unread counts) re-highlights the same entry: only a
        # different entry may reset the headline list and its cursor.
        if self.feed_list.selected_id != self.shown_entry:
            self.search_query = None
            self.reload_headlines()

    @on(FeedList.Selected)
    def _feed_selected(self) -> None:
        self.headline_list.focus()

    @on(HeadlineList.Selected)
    def _headline_selected(self, message: HeadlineList.Selected) -> None:
        self.open_headline(message.headline.id)
        self._schedule_prefetch()  # the opened one is read: the next ones come in

    @on(HeadlineList.Highlighted)
    def _headline_highlighted(self) -> None:
        self._schedule_prefetch()

    def _schedule_prefetch(self) -> None:
        if self._painted:
            self.prefetcher.schedule()
        else:  # its worker would only wait (its delay) and its imports delay the first frame
            self._prefetch_waits = True

    # -- the workers' messages ------------------------------------------------------------------

    @on(FeedRefreshed)
    def _feed_refreshed(self, message: FeedRefreshed) -> None:
        self.alerter.feed_refreshed(message.result)  # judged, then the Refresher's

    @on(RefreshDone)
    def _refresh_done(self, message: RefreshDone) -> None:
        self.alerter.refresh_done(message.results)  # after its feeds' headlines are judged

    @on(StoreChanged)
    def _store_changed(self) -> None:
        self.alerter.store_changed()  # headlines stored outside a refresh are judged too
        self.refresher.take_change()

    @on(Snapshot)
    def _snapshot(self, message: Snapshot) -> None:
        self.refresher.show_snapshot(message)

    @on(HeadlinesLoaded)
    def _headlines_loaded(self, message: HeadlinesLoaded) -> None:
        self.refresher.headlines_loaded(message)

    @on(AccountsSynced)
    def _accounts_synced(self, message: AccountsSynced) -> None:
        self.accounts.synced(message)

    @on(StoreChecked)
    def _store_checked(self, message: StoreChecked) -> None:
        self.refresher.store_checked(message)

    @on(ArticleLoaded)
    def _article_loaded(self, message: ArticleLoaded) -> None:
        self.reader.loaded(message.reading)

    def on_prefetched(self, message: Prefetched) -> None:  # by name: its class is imported late
        self.headline_list.articles_stored(set(message.ids))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR or event.worker.error is None:
            return
        if isinstance(event.worker.error, concurrent.futures.CancelledError):
            return  # its network job was cancelled (the runner closed): no error of anyone's
        self.refresher.worker_failed(event.worker.group)
        if event.worker.group.startswith("accounts"):
            self.accounts.failed()
        self.korantui.report_unexpected(event.worker.error, f"worker {event.worker.name}")

    def store_changed(self) -> None:
        """The store changed behind the screen (any thread): the screen follows, coalesced."""
        self.refresher.store_changed()

    def open_headline(self, headline_id: int) -> None:
        self.reader.open(headline_id)

    def rows_changed(self, rows: list[Headline]) -> None:
        """These headlines' read or star state changed: the list and the counts follow."""
        self.headline_list.replace_rows(rows)
        self.reload_feeds()

    def on_resize(self, event: events.Resize) -> None:
        self.apply_width(event.size.width)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        for widget in (self.feed_list, self.headline_list):
            widget.lang = lang
        keys.localize(self, lang)
        self.refresh_bindings()
        self.reload_feeds()
        self.reload_headlines(keep=True)
        self.reader.redraw()
