"""The korantui app: feeds · headlines · reading pane. It calls the core, never the reverse."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from korantui.core.config import Config
from korantui.core.errorlog import log_exception
from korantui.core.i18n import tr
from korantui.core.models import Feed, Headline, RefreshResult
from korantui.core.reading import Reading
from korantui.core.sanitize import clean_line
from korantui.core.store.database import Store
from korantui.ui.commands import KoranCommands
from korantui.ui.feed_actions import FeedActions
from korantui.ui.keys import APP_BINDINGS, keymap_from_config, localize
from korantui.ui.navigation import Navigation
from korantui.ui.prefetching import Prefetching
from korantui.ui.reading_pane import ReadingPane
from korantui.ui.state_actions import StateActions
from korantui.ui.store_setup import StoreSetup
from korantui.ui.widgets.article_view import ArticleView
from korantui.ui.widgets.feed_list import ALL_ID, STARRED_ID, FeedList, feed_id_of
from korantui.ui.widgets.headline_list import HeadlineList

if TYPE_CHECKING:
    from korantui.core.article.site_rules import SiteRules
    from korantui.core.net.runner import NetworkRunner


class FeedRefreshed(Message):
    def __init__(self, result: RefreshResult) -> None:
        super().__init__()
        self.result = result


class RefreshDone(Message):
    def __init__(self, results: list[RefreshResult]) -> None:
        super().__init__()
        self.results = results


# A list opens with this many rows (a screenful and more), read before the first paint; the
# rest of a long list (20,000 rows take ~0.3 s from SQLite) follows from a worker thread.
FIRST_PAGE = 200


class HeadlinesLoaded(Message):
    def __init__(self, rows: list[Headline], generation: int) -> None:
        super().__init__()
        self.rows = rows
        self.generation = generation


class KoranApp(
    StoreSetup, StateActions, Navigation, Prefetching, FeedActions, ReadingPane, App[int]
):
    CSS_PATH = "app.tcss"
    TITLE = "korantui"
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS  # ids and help: ui/keys.py
    COMMANDS = App.COMMANDS | {KoranCommands}

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
        self.store: Store | None = None
        self._runner: NetworkRunner | None = None
        self._rules: SiteRules | None = None
        self._busy_feeds: set[int] = set()
        self._current: Headline | None = None
        self._reading: Reading | None = None
        self.list_name = ""  # what the headline list shows: a feed, all news, a search…
        self._offline_shown = False  # the reading pane holds the "nothing reachable" offer
        self._terminal_title: str | None = None  # what the terminal's title bar shows
        self._shown_entry = ""  # the feed-pane entry whose headlines are listed
        self._rows_generation = 0  # bumped by every reload: a late full list is dropped
        self.search_query: str | None = None  # the headline list shows search results
        self.hide_read = False
        localize(self, self.lang)

    # -- set-up --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield FeedList(lang=self.lang, id="feeds")
            yield HeadlineList(lang=self.lang, id="headlines")
            yield ArticleView(Text(tr("no_article", self.lang), style="dim"), id="article")
        # The key bar and the status line come after the first frame (_after_first_frame,
        # _set_status): ~15 ms of widgets and styles that the headlines need not wait for.

    def on_mount(self) -> None:
        keymap, unknown = keymap_from_config(self.config.keys)
        if keymap:
            self.set_keymap(keymap)
        if unknown:
            text = tr("unknown_keys", self.lang, names=", ".join(unknown))
            self.notify(text, severity="warning", markup=False)
        theme = self.initial_theme()
        if theme:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self.remember_theme)
        self.apply_width(self.size.width)
        self._open_store()
        self.query_one(HeadlineList).focus()
        self.call_after_refresh(self._after_first_frame)
        if self.demo:
            self._load_demo()

    async def _after_first_frame(self) -> None:
        if not gc.isenabled():  # `korantui` turned the collector off for the start (cli.py)
            # The objects made so far (imports, widgets) live as long as the app: set apart,
            # the collector's later passes skip them.
            gc.freeze()
            gc.enable()
        from textual.widgets import Footer

        await self.mount(Footer())
        self.refresh_bindings()  # a footer fills itself when the bindings change
        if not self.demo:
            # The store's upkeep reads all of it, and the refresh (which follows) brings
            # imports, an HTTP client and a status line: none of them should come between the
            # reader and the headlines already stored.
            self._maintain_store()

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

    def _show_terminal_title(self, title: str) -> None:
        """The unread count in the terminal's own title bar (Textual only shows it in a Header).
        The title is our own words and a number, never text from a feed."""
        driver = self._driver
        if driver is None or self.is_headless or title == self._terminal_title:
            return
        if self._terminal_title is None:
            driver.write("\x1b[22;0t")  # keep the user's title, to give it back on exit
        self._terminal_title = title
        driver.write(f"\x1b]2;{clean_line(title)}\x07")

    def on_unmount(self) -> None:
        if self._terminal_title is not None and self._driver is not None:
            self._driver.write("\x1b[23;0t")
        if self._runner is not None:
            self._runner.close()
        if self.store is not None:
            self.store.close()

    # -- feeds and headlines -------------------------------------------------------------------

    @property
    def feed_list(self) -> FeedList:
        return self.query_one(FeedList)

    @property
    def headline_list(self) -> HeadlineList:
        return self.query_one(HeadlineList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def reload_feeds(self) -> None:
        assert self.store is not None
        unread, _total, starred = self.store.counts()
        self.feed_list.border_title = tr("feeds", self.lang)
        self.feed_list.set_feeds(self.store.feeds(), unread, starred, self._busy_feeds)
        self.title = f"korantui — {tr('unread', self.lang, n=unread)}" if unread else "korantui"
        self._show_terminal_title(self.title)

    def reload_headlines(self, keep: bool = False) -> None:
        assert self.store is not None
        selected = self.feed_list.selected_id
        self._shown_entry = selected
        current = self.headline_list.current
        paged = False
        if self.search_query is not None:
            rows = self.store.search(self.search_query)
        elif selected == STARRED_ID:
            rows = self.store.headlines(starred_only=True, unread_only=self.hide_read)
        else:
            # A reload that keeps the cursor reads a page past it (the cursor may be far down);
            # every refreshed feed reloads All news, so the rest comes from the worker too.
            limit = FIRST_PAGE + (self.headline_list.cursor if keep else 0)
            rows = self.store.headlines(
                feed_id_of(selected), unread_only=self.hide_read, limit=limit
            )
            paged = len(rows) == limit
        self._rows_generation += 1
        if paged:
            self._load_all_headlines(feed_id_of(selected), self.hide_read, self._rows_generation)
        hl = self.headline_list
        feed = self.feed_list.selected_feed
        # Border titles given as str are parsed as markup: feed names and errors go in as Text.
        error = clean_line(feed.last_error)[:120] if feed and feed.last_error else ""
        hl.border_subtitle = Text(error)
        if self.search_query is not None:
            name = tr("search_results", self.lang, query=self.search_query)
            hl.empty_text = tr("no_results", self.lang, query=clean_line(self.search_query))
        else:
            name = (
                feed.display_name
                if feed
                else tr("starred" if selected == STARRED_ID else "all_news", self.lang)
            )
            hl.empty_text = tr(
                "no_starred" if selected == STARRED_ID else "no_headlines", self.lang
            )
            if self.hide_read:
                name += f" ({tr('unread_only', self.lang)})"
                hl.empty_text = tr("no_unread_headlines", self.lang)
        hl.show_source = self.search_query is not None or feed_id_of(selected) is None
        hl.set_rows(rows, keep_id=current.id if keep and current else None)
        if rows and self._offline_shown:  # news arrived after all: the offer is stale
            self._offline_shown = False
            self.article_view.show(Text(tr("no_article", self.lang), style="dim"))
        self.list_name = clean_line(name)
        hl.border_title = Text(f"{tr('headlines', self.lang)} — {self.list_name}")

    @on(FeedList.Highlighted)
    def _feed_highlighted(self) -> None:
        # Rebuilding the feed pane (new unread counts) re-highlights the same entry: only a
        # different entry may reset the headline list and its cursor.
        if self.feed_list.selected_id != self._shown_entry:
            self.search_query = None
            self.reload_headlines()

    @on(FeedList.Selected)
    def _feed_selected(self) -> None:
        self.headline_list.focus()

    # -- refreshing ----------------------------------------------------------------------------

    def action_refresh_all(self) -> None:
        self._refresh(None)

    def action_refresh_feed(self) -> None:
        feed = self.feed_list.selected_feed
        self._refresh([feed] if feed else None)

    def _refresh(self, feeds: list[Feed] | None) -> None:
        """Refresh these feeds (None: all of them); the demo edition loads itself again."""
        assert self.store is not None
        if self.demo:
            self._load_demo()
            return
        if feeds is None:
            feeds = self.store.feeds()
        feeds = [f for f in feeds if f.id not in self._busy_feeds]
        if not feeds:
            return
        self._busy_feeds.update(f.id for f in feeds)
        self._set_status(tr("refreshing", self.lang, n=len(feeds)))
        self.reload_feeds()
        self._refresh_worker(feeds)

    @work(thread=True, group="refresh", exit_on_error=False)
    def _refresh_worker(self, feeds: list[Feed]) -> None:
        from korantui.core.refresh import refresh_feeds

        store = self.store
        assert store is not None
        specs = list(self.config.feeds)
        results = self.runner.run(
            lambda fetcher: refresh_feeds(
                store,
                fetcher,
                feeds,
                specs,
                on_result=lambda r: self.post_message(FeedRefreshed(r)),
            )
        )
        self.post_message(RefreshDone(results))

    def on_feed_refreshed(self, message: FeedRefreshed) -> None:
        self._busy_feeds.discard(message.result.feed.id)
        self.reload_feeds()
        selected = self.feed_list.selected_id
        if selected in (ALL_ID, f"feed-{message.result.feed.id}"):
            self.reload_headlines(keep=True)

    @work(thread=True, exclusive=True, group="headline-pages", exit_on_error=False)
    def _load_all_headlines(self, feed_id: int | None, unread_only: bool, generation: int) -> None:
        store = self.store
        assert store is not None
        rows = store.headlines(feed_id, unread_only=unread_only)
        self.post_message(HeadlinesLoaded(rows, generation))

    def on_headlines_loaded(self, message: HeadlinesLoaded) -> None:
        if message.generation != self._rows_generation:
            return  # the list was reloaded meanwhile
        current = self.headline_list.current
        self.headline_list.set_rows(message.rows, keep_id=current.id if current else None)

    def on_refresh_done(self, message: RefreshDone) -> None:
        assert self.store is not None
        results = message.results
        errors = [r for r in results if r.error]
        if not self._busy_feeds:
            self._set_status("")
        new = sum(r.new for r in results)
        self.notify(
            tr("refreshed", self.lang, feeds=len(results), new=new, errors=len(errors)),
            severity="warning" if errors else "information",
            markup=False,
        )
        if results and len(errors) == len(results) and self.store.counts()[1] == 0:
            self.headline_list.empty_text = tr("offline_empty", self.lang)
            self.headline_list.refresh()
            if self._current is None:
                self.article_view.show(Text(tr("offline_empty", self.lang), style="bold yellow"))
                self._offline_shown = True
            self.notify(tr("offline_empty", self.lang), severity="error", timeout=20, markup=False)

    def _set_status(self, text: str) -> None:
        """The status line above the key bar, with a spinner; "" hides it."""
        found = self.query("#status-text")
        if found:
            found.first(Static).update(Text(text))
            self.query_one("#status").set_class(bool(text), "busy")
        elif text:  # the first status of the session: the line is made now
            from textual.widgets import LoadingIndicator

            bar = Horizontal(
                LoadingIndicator(id="spinner"),
                Static(Text(text), id="status-text", markup=False),
                id="status",
                classes="busy",
            )
            self.mount(bar, after=self.query_one("#panes"))

    # -- reading -------------------------------------------------------------------------------

    @on(HeadlineList.Selected)
    def _headline_selected(self, message: HeadlineList.Selected) -> None:
        self.open_headline(message.headline.id)
        self.schedule_prefetch()  # the opened one is read now: the next unread ones come in

    @on(HeadlineList.Highlighted)
    def _headline_highlighted(self) -> None:
        self.schedule_prefetch()

    # -- errors --------------------------------------------------------------------------------

    @property
    def log_path(self) -> Path:
        return self.config.data_dir / "korantui.log"

    def _report_unexpected(self, error: BaseException, context: str) -> None:
        """Log an unexpected error with its traceback; tell the user in one line."""
        log_exception(self.log_path, error, context)
        self.notify(
            tr("unexpected", self.lang, error=type(error).__name__, log=self.log_path),
            severity="error",
            markup=False,
        )

    async def _dispatch_message(self, message: Message) -> None:
        # A bug in one of the app's handlers (a key's action, a refresh result...) is logged and
        # the app goes on: Textual would otherwise print a traceback and exit.
        try:
            await super()._dispatch_message(message)
        except Exception as error:
            if isinstance(message, (events.Compose, events.Mount)) or not self.is_running:
                raise  # the app never came up: _handle_exception ends it, in one line
            self._report_unexpected(error, f"handling {type(message).__name__}")

    def _handle_exception(self, error: Exception) -> None:
        # Errors Textual cannot recover from (a widget's own handler, painting, start-up): the
        # traceback goes to the log, the user gets one line, and the app ends as Textual would.
        log_exception(self.log_path, error, "fatal")
        self._return_code = 1
        self._exception_event.set()  # a test pilot waiting on the app stops waiting
        line = f"korantui: unexpected error ({type(error).__name__}); details in {self.log_path}"
        self._exit_renderables.append(Text(line))
        self._close_messages_no_wait()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR or event.worker.error is None:
            return
        if event.worker.group == "refresh":
            self._busy_feeds.clear()
            self.reload_feeds()
        self._set_status("")
        self._report_unexpected(event.worker.error, f"worker {event.worker.name}")
