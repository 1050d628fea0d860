"""The main screen's keys: what each of its actions does (the bindings are in ui/keys.py).

A mixin of MainScreen, as Textual finds an action: a method of the screen named after it. The
actions work through the screen's parts (the read state, the reader, the refresher, the
accounts, the feed editor); the screen holds the view state they change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from korantui.core.i18n import tr
from korantui.ui import keys, saved_searches
from korantui.ui.widgets.feed_list import ALL_ID

if TYPE_CHECKING:
    from korantui.ui.screens.main import MainScreen

NARROW_WIDTH = 100  # below this the three panes do not fit: list, then article, one at a time


def _main(keys: MainKeys) -> MainScreen:
    """The screen the keys are of (MainKeys is only ever a MainScreen's)."""
    return cast("MainScreen", keys)


class MainKeys:
    # -- read and star state: m, M, s, u, n, N (ui/read_state.py) ------------------------------

    def action_toggle_read(self) -> None:
        screen = _main(self)
        screen.read_state.toggle_read()
        screen.accounts.push_soon()

    def action_mark_all_read(self) -> None:
        """M. In All news it asks first: thousands of headlines of every feed at one key, and
        no undo (u is hide-read already, and an undo would have to keep every row's state)."""
        screen = _main(self)
        if screen.search_query is not None or screen.feed_list.selected_id != ALL_ID:
            screen.read_state.mark_all_read()
            screen.accounts.push_soon()  # an account's feed: the server's mark-all
            return
        unread = screen.feed_list.totals[0]
        if not unread:
            return
        from korantui.ui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                screen.read_state.mark_all_read()
                screen.accounts.push_soon()

        question = tr("confirm_all_read", screen.lang, n=unread)
        screen.app.push_screen(ConfirmScreen(question, lang=screen.lang), answered)

    def action_toggle_star(self) -> None:
        screen = _main(self)
        screen.read_state.toggle_star()
        screen.accounts.push_soon()

    def action_toggle_hide_read(self) -> None:
        screen = _main(self)
        screen.hide_read = not screen.hide_read
        screen.reload_headlines(keep=True)
        screen.notify(
            tr("hide_read_on" if screen.hide_read else "hide_read_off", screen.lang),
            timeout=3,
            markup=False,
        )

    def action_next_unread(self) -> None:
        _main(self).read_state.step_unread(1)

    def action_previous_unread(self) -> None:
        _main(self).read_state.step_unread(-1)

    # -- the reading pane's keys: f, x, o, l, y, space -----------------------------------------

    def action_toggle_summary(self) -> None:
        _main(self).reader.toggle_summary()

    def action_reextract(self) -> None:
        _main(self).reader.reextract()

    def action_open_browser(self) -> None:  # no browser: KoranApp.open_url says so
        screen = _main(self)
        headline = screen.reader.headline or screen.headline_list.current
        if headline is not None:
            screen.reader.open_link(headline.link)

    def action_open_picture(self) -> None:
        screen = _main(self)
        if screen.reader.headline is not None:
            screen.article_view.action_open_picture()

    def action_links(self) -> None:
        _main(self).reader.choose_link()

    def action_copy_link(self) -> None:
        screen = _main(self)
        headline = screen.reader.headline or screen.headline_list.current
        if headline is None or not headline.link:
            screen.notify(tr("nothing_selected", screen.lang), severity="warning", markup=False)
            return
        screen.app.copy_to_clipboard(headline.link)
        screen.notify(tr("copied", screen.lang, url=headline.link), timeout=3, markup=False)

    def action_scroll_article(self, pages: int) -> None:
        """PgDn / PgUp / space scroll the open article wherever the focus is (the headline
        list keeps ↑ ↓ for its cursor); the list alone on screen is paged instead."""
        screen = _main(self)
        panes = screen.query_one("#panes")
        if panes.has_class("narrow") and not panes.has_class("reading"):
            hl = screen.headline_list
            hl.action_page_down_rows() if pages > 0 else hl.action_page_up_rows()
        elif pages > 0:
            screen.article_view.scroll_page_down(animate=False)
        else:
            screen.article_view.scroll_page_up(animate=False)

    # -- refresh and the feed list: r, R, a, d, e ----------------------------------------------

    def action_refresh_feed(self) -> None:
        if self._demo_says_no_refresh():
            return
        screen = _main(self)
        feed = screen.feed_list.selected_feed
        if screen.accounts.account_of(feed):  # an account's feed comes from the account's sync
            screen.accounts.sync()
            return
        screen.refresher.refresh([feed] if feed else None)

    def action_refresh_all(self) -> None:
        screen = _main(self)
        if not self._demo_says_no_refresh():
            screen.refresher.refresh(None)
            screen.accounts.sync()

    def _demo_says_no_refresh(self) -> bool:
        """r and R in the demo edition: it has nothing to fetch, and says so."""
        screen = _main(self)
        if screen.korantui.demo:
            screen.notify(tr("demo_no_refresh", screen.lang), severity="warning", markup=False)
        return screen.korantui.demo

    # On an account's feed, a, d and e are done on its server (ui/accounts.py).
    def action_add_feed(self) -> None:
        screen = _main(self)
        if not screen.accounts.add(screen.feed_list.selected_feed):
            screen.feed_editor.add()

    def action_delete_feed(self) -> None:
        screen = _main(self)
        if not screen.accounts.delete(screen.feed_list.selected_feed):
            screen.feed_editor.delete()

    def action_edit_feed(self) -> None:
        screen = _main(self)
        if not screen.accounts.edit(screen.feed_list.selected_feed):
            screen.feed_editor.edit()

    # -- search, back, the layout, help --------------------------------------------------------

    def action_search(self) -> None:
        screen = _main(self)
        from korantui.ui.screens.prompt import PromptScreen

        prompt = PromptScreen(tr("search_prompt", screen.lang), value=screen.search_query or "")
        screen.app.push_screen(prompt, screen.show_search)

    def show_search(self, query: str | None) -> None:
        screen = _main(self)
        if not query:
            return
        screen.search_query = query
        screen.reload_headlines()
        screen.set_reading(False)
        screen.headline_list.focus()
        if not screen.headline_list.rows:
            screen.notify(
                tr("no_results", screen.lang, query=query), severity="warning", markup=False
            )

    def action_save_search(self) -> None:
        saved_searches.save_search(_main(self))

    def end_search(self) -> bool:
        screen = _main(self)
        if screen.search_query is None:
            return False
        screen.search_query = None
        screen.reload_headlines()
        return True

    def action_back(self) -> None:
        """Escape: article → list; search results → the feed's list; list → feed pane."""
        screen = _main(self)
        if screen.reading_mode:
            screen.set_reading(False)
            return
        if screen.article_view.has_focus:
            screen.headline_list.focus()
            return
        if screen.end_search():
            return
        if screen.headline_list.has_focus:
            screen.feed_list.focus()

    def action_toggle_layout(self) -> None:
        """\\: three panes, or the list alone then the article alone (at a reading width)."""
        screen = _main(self)
        screen.list_wide = not screen.list_wide
        screen.apply_width(screen.app.size.width)
        if (
            screen.list_wide
            and screen.reader.headline is not None
            and screen.article_view.has_focus
        ):
            screen.set_reading(True)
        wide = screen.list_wide or screen.app.size.width < NARROW_WIDTH
        screen.notify(tr("layout_list" if wide else "layout_panes", screen.lang), timeout=3)

    def action_help(self) -> None:
        screen = _main(self)
        from korantui.ui.screens.help import HelpScreen

        nodes = [screen.app, screen, screen.feed_list, screen.headline_list, screen.article_view]
        screen.app.push_screen(
            HelpScreen(keys.key_help(screen.app, nodes, screen.lang), screen.lang)
        )
