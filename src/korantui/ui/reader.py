"""What the reading pane shows: the headline opened (stored text at once, the full text fetched
in a worker thread when it is missing), the summary toggle, links, and the only door to the
browser (http and https only).

Held by MainScreen (composition, not a mixin): it works through the screen's widgets and the
app's ReadingService.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message

from korantui.core.i18n import tr
from korantui.core.models import Headline
from korantui.core.reading import FULL_TEXT, SUMMARY, Reading, summary_article
from korantui.core.render import render_reading
from korantui.core.sanitize import clean_line, is_openable

if TYPE_CHECKING:
    from korantui.ui.screens.main import MainScreen


class ArticleLoaded(Message):
    """An article was fetched (or failed to be): what the reading pane may show for it."""

    def __init__(self, reading: Reading) -> None:
        super().__init__()
        self.reading = reading


class Reader:
    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.headline: Headline | None = None  # the headline opened
        self.reading: Reading | None = None  # what the reading pane shows for it

    def open(self, headline_id: int) -> None:
        screen = self.screen
        app = screen.korantui
        reading = app.service.open(headline_id)
        if reading is None:
            return
        headline = reading.headline
        self.headline = headline
        screen.set_reading(True)
        shown = screen.headline_list.row(headline_id)
        if shown is not None and not shown.read:
            screen.rows_changed([dataclasses.replace(shown, read=True)])
        needs_fetch = reading.status != FULL_TEXT and not app.demo
        self.show(reading, loading=needs_fetch)
        if needs_fetch:
            self._fetch(headline)

    def show(self, reading: Reading, *, loading: bool = False) -> None:
        self.reading = reading
        view = self.screen.article_view
        from korantui.core.store.feed_settings import images_wanted

        # images = false on the feed: its articles' pictures are named, not fetched.
        pictures = view.pictures.on and images_wanted(
            self.screen.korantui.store, reading.headline.feed_id
        )
        rendered = render_reading(reading, self.screen.lang, loading=loading, pictures=pictures)
        source = (reading.headline.id, reading.article.url or reading.headline.link)
        view.show(rendered.renderable, rendered.links, plain=reading.article.text, source=source)
        view.border_title = Text(clean_line(reading.headline.feed_name))

    def redraw(self) -> None:
        """In the language of the screen, now."""
        if self.reading is not None:
            self.show(self.reading)
        else:
            self.screen.article_view.show(Text(tr("no_article", self.screen.lang), style="dim"))

    def forget(self) -> None:
        """No article open: what the reading pane showed belongs to a store that is gone."""
        self.headline = None
        self.reading = None
        self.screen.set_reading(False)
        self.screen.article_view.show(Text(tr("no_article", self.screen.lang), style="dim"))

    def headline_changed(self, headline: Headline) -> None:
        if self.headline is not None and self.headline.id == headline.id:
            self.headline = headline

    # -- fetching ------------------------------------------------------------------------------

    def _fetch(self, headline: Headline) -> None:
        screen = self.screen
        app = screen.korantui
        screen.set_status(tr("loading_article", screen.lang))
        store, rules, runner = app.store, app.rules, app.runner

        def fetch() -> None:
            from korantui.core.reading import fetch_reading

            try:
                reading = runner.run(lambda fetcher: fetch_reading(store, fetcher, headline, rules))
            except concurrent.futures.CancelledError:
                return  # the runner closed (quit, the demo edition)
            screen.post_message(ArticleLoaded(reading))

        screen.run_worker(fetch, thread=True, exclusive=True, group="article", exit_on_error=False)

    def loaded(self, reading: Reading) -> None:
        screen = self.screen
        if not screen.refresher.busy_feeds:
            screen.set_status("")
        if self.headline is not None and reading.headline.id == self.headline.id:
            self.show(reading)
        if reading.status == FULL_TEXT:
            screen.headline_list.articles_stored({reading.headline.id})

    def toggle_summary(self) -> None:
        """Between the stored full text and the feed's own summary."""
        headline, reading = self.headline, self.reading
        if headline is None or reading is None:
            return
        if reading.status == FULL_TEXT:
            self.show(Reading(headline, summary_article(headline), SUMMARY))
            return
        stored = self.screen.korantui.service.stored_reading(headline)
        if stored.status == FULL_TEXT:
            self.show(stored)
        else:
            self.screen.notify(tr("no_full_text_yet", self.screen.lang), markup=False)

    def reextract(self) -> None:
        """Fetch and extract the article again; a success replaces the stored copy."""
        if self.headline is None or self.reading is None:
            return
        if self.screen.korantui.demo:
            lang = self.screen.lang
            self.screen.notify(tr("demo_only_read", lang), severity="warning", markup=False)
            return
        self.show(self.reading, loading=True)
        self._fetch(self.headline)

    # -- links and the browser -----------------------------------------------------------------

    def choose_link(self) -> None:
        from korantui.ui.screens.links import LinksScreen

        screen = self.screen
        links = screen.article_view.links
        if self.reading is None or not links:
            screen.notify(tr("no_links", screen.lang), severity="warning", markup=False)
            return
        chooser = LinksScreen(links, tr("links_title", screen.lang))
        screen.app.push_screen(chooser, self._link_chosen)

    def _link_chosen(self, url: str | None) -> None:
        if url:
            self.open_link(url)

    def open_link(self, url: str) -> None:
        from korantui.core.demo import is_demo_url

        lang = self.screen.lang
        if is_demo_url(url):
            self.screen.notify(tr("demo_only_read", lang), severity="warning", markup=False)
            return
        if not is_openable(url):
            self.screen.notify(tr("not_openable", lang), severity="warning", markup=False)
            return
        self.screen.app.open_url(url)
