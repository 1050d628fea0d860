"""The reading pane: opening a headline (stored text at once, the full text fetched when it is
missing), scrolling, and the only door to the browser (http and https only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.message import Message

from korantui.core.i18n import tr
from korantui.core.reading import FULL_TEXT, SUMMARY, Reading, stored_reading, summary_article
from korantui.core.render import render_reading
from korantui.core.sanitize import clean_line, is_openable

if TYPE_CHECKING:
    from korantui.core.models import Headline
    from korantui.ui.app import KoranApp

__all__ = ["ArticleLoaded", "ReadingPane"]


class ArticleLoaded(Message):
    def __init__(self, reading: Reading) -> None:
        super().__init__()
        self.reading = reading


class ReadingPane:
    """Mixed into KoranApp (before App, so open_url here guards Textual's)."""

    def open_headline(self: KoranApp, headline_id: int) -> None:
        assert self.store is not None
        headline = self.store.headline(headline_id)
        if headline is None:
            return
        self._current = headline
        self.set_reading(True)
        if not headline.read:
            self.store.set_read([headline.id])
            self._mark_rows({headline.id}, True)
        reading = stored_reading(self.store, headline)
        needs_fetch = reading.status != FULL_TEXT and not self.demo
        self._show(reading, loading=needs_fetch)
        if needs_fetch:
            self._set_status(tr("loading_article", self.lang))
            self._article_worker(headline)

    def _show(self: KoranApp, reading: Reading, *, loading: bool = False) -> None:
        self._reading = reading
        rendered = render_reading(reading, self.lang, loading=loading)
        self.article_view.show(rendered.renderable, rendered.links, plain=reading.article.text)
        self.article_view.border_title = Text(clean_line(reading.headline.feed_name))

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _article_worker(self: KoranApp, headline: Headline) -> None:
        from korantui.core.reading import fetch_reading

        store = self.store
        assert store is not None
        rules = self.rules
        reading = self.runner.run(lambda fetcher: fetch_reading(store, fetcher, headline, rules))
        self.post_message(ArticleLoaded(reading))

    def on_article_loaded(self: KoranApp, message: ArticleLoaded) -> None:
        if not self._busy_feeds:
            self._set_status("")
        reading = message.reading
        if self._current is not None and reading.headline.id == self._current.id:
            self._show(reading)
        self.headline_list.refresh_row(reading.headline.id)

    def action_toggle_summary(self: KoranApp) -> None:
        """Between the stored full text and the feed's own summary."""
        headline, store = self._current, self.store
        if headline is None or store is None or self._reading is None:
            return
        if self._reading.status == FULL_TEXT:
            self._show(Reading(headline, summary_article(headline), SUMMARY))
            return
        stored = stored_reading(store, headline)
        if stored.status == FULL_TEXT:
            self._show(stored)
        else:
            self.notify(tr("no_full_text_yet", self.lang), markup=False)

    def action_reextract(self: KoranApp) -> None:
        """Fetch and extract the article again; a success replaces the stored copy."""
        if self._current is None or self._reading is None:
            return
        if self.demo:
            self.notify(tr("demo_only_read", self.lang), severity="warning", markup=False)
            return
        self._show(self._reading, loading=True)
        self._set_status(tr("loading_article", self.lang))
        self._article_worker(self._current)

    def action_scroll_article(self: KoranApp, pages: int) -> None:
        view = self.article_view
        if pages > 0:
            view.scroll_page_down(animate=False)
        else:
            view.scroll_page_up(animate=False)

    def action_open_browser(self: KoranApp) -> None:
        headline = self._current or self.headline_list.current
        if headline is None:
            return
        self.open_link(headline.link)

    def open_link(self: KoranApp, url: str) -> None:
        from korantui.core.demo import is_demo_url

        if is_demo_url(url):
            self.notify(tr("demo_only_read", self.lang), severity="warning", markup=False)
            return
        if not is_openable(url):
            self.notify(tr("not_openable", self.lang), severity="warning", markup=False)
            return
        self.open_url(url)

    def open_url(self: KoranApp, url: str, *, new_tab: bool = True) -> None:
        # Every path to the browser (Textual's Markdown links included) passes here: http(s) only.
        if is_openable(url):
            super().open_url(url, new_tab=new_tab)  # type: ignore[misc]
