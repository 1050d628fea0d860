"""The main screen's panes: which are shown at this width, and the titles on their borders.

A mixin of MainScreen, like main_keys.py: the screen's view state decides what the titles say;
this module only puts it on the panes, so main.py stays about that state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text

from korantui.core.i18n import tr
from korantui.core.sanitize import clean_line
from korantui.ui import saved_searches
from korantui.ui.screens.main_keys import NARROW_WIDTH
from korantui.ui.widgets.article_view import ArticleView
from korantui.ui.widgets.feed_list import STARRED_ID, FeedList
from korantui.ui.widgets.headline_list import HeadlineList

if TYPE_CHECKING:
    from korantui.core.models import Feed
    from korantui.ui.screens.main import MainScreen


def _main(panes: MainPanes) -> MainScreen:
    """The screen the panes are of (MainPanes is only ever a MainScreen's)."""
    return cast("MainScreen", panes)


class MainPanes:
    @property
    def feed_list(self) -> FeedList:
        return _main(self).query_one(FeedList)

    @property
    def headline_list(self) -> HeadlineList:
        return _main(self).query_one(HeadlineList)

    @property
    def article_view(self) -> ArticleView:
        return _main(self).query_one(ArticleView)

    def show_busy(self) -> None:
        """The feeds being refreshed marked in the feed pane (its feeds and counts as they are)."""
        fl = self.feed_list
        unread, starred = fl.totals
        fl.set_feeds(fl.feeds, unread, starred, _main(self).refresher.busy_feeds)

    # -- the border titles ------------------------------------------------------------------------

    def feeds_title(self) -> str:
        screen = _main(self)
        title = tr("feeds", screen.lang)
        if screen.korantui.demo:  # its outlets are invented: said where they are listed
            title += f" — {tr('demo_title', screen.lang)}"
        return title

    def list_title(self, selected: str, feed: Feed | None) -> str:
        """The headline list's name for the entry selected (or the search), its empty text set
        to match: both depend on the same view state."""
        screen = _main(self)
        hl = self.headline_list
        lang = screen.lang
        if screen.search_query is not None:
            hl.empty_text = tr("no_results", lang, query=clean_line(screen.search_query))
            return tr("search_results", lang, query=screen.search_query)
        query = saved_searches.selected_query(screen, selected)
        name = (
            feed.display_name
            if feed
            else query.name
            if query
            else tr("starred" if selected == STARRED_ID else "all_news", lang)
        )
        hl.empty_text = tr("no_starred" if selected == STARRED_ID else "no_headlines", lang)
        if screen._offline_shown:  # the first run's offer stays until news arrives
            hl.empty_text = screen._offline_text
        if screen.hide_read:
            name += f" ({tr('unread_only', lang)})"
            hl.empty_text = tr("no_unread_headlines", lang)
        return name

    def _list_border(self, which: str, text: str) -> None:
        """One of the headline list's border titles, as Text (a str is parsed as markup: feed
        names, errors), set only when it changes: setting one repaints the whole list, and
        each snapshot of a refresh set both, for nothing changed on screen."""
        borders = _main(self)._list_borders
        if borders.get(which) != text:
            borders[which] = text
            setattr(self.headline_list, which, Text(text))

    # -- the narrow layout ------------------------------------------------------------------------

    @property
    def reading_mode(self) -> bool:
        """Narrow layout, and the article has the whole width."""
        return _main(self).query_one("#panes").has_class("reading")

    def set_reading(self, on: bool) -> None:
        """In the narrow layout the article takes the whole width while it is read."""
        screen = _main(self)
        panes = screen.query_one("#panes")
        on = on and panes.has_class("narrow")
        panes.set_class(on, "reading")
        # The only way back from a full-width article must be on screen.
        self.article_view.border_subtitle = tr("esc_back", screen.lang) if on else ""
        if on:
            self.article_view.focus()
        elif panes.has_class("narrow"):
            self.headline_list.focus()

    def apply_width(self, width: int) -> None:
        screen = _main(self)
        panes = screen.query_one("#panes")
        narrow = width < NARROW_WIDTH or screen.list_wide
        if narrow != panes.has_class("narrow"):
            panes.set_class(narrow, "narrow")
            if not narrow:
                self.set_reading(False)
