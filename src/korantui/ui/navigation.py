"""Getting around: search (/), links (l), copy (y), Escape, the narrow layout, help (?), the
language and the theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.theme import Theme

from korantui.core.i18n import tr
from korantui.ui import keys

if TYPE_CHECKING:
    from korantui.ui.app import KoranApp

NARROW_WIDTH = 100  # below this the three panes do not fit: list, then article, one at a time


class Navigation:
    """Mixed into KoranApp."""

    # -- search --------------------------------------------------------------------------------

    def action_search(self: KoranApp) -> None:
        from korantui.ui.screens.prompt import PromptScreen

        prompt = PromptScreen(tr("search_prompt", self.lang), value=self.search_query or "")
        self.push_screen(prompt, self.show_search)

    def show_search(self: KoranApp, query: str | None) -> None:
        if not query:
            return
        self.search_query = query
        self.reload_headlines()
        self.set_reading(False)
        self.headline_list.focus()
        if not self.headline_list.rows:
            self.notify(tr("no_results", self.lang, query=query), severity="warning", markup=False)

    def end_search(self: KoranApp) -> bool:
        if self.search_query is None:
            return False
        self.search_query = None
        self.reload_headlines()
        return True

    # -- links and addresses -------------------------------------------------------------------

    def action_links(self: KoranApp) -> None:
        from korantui.ui.screens.links import LinksScreen

        links = self.article_view.links
        if self._reading is None or not links:
            self.notify(tr("no_links", self.lang), severity="warning", markup=False)
            return
        self.push_screen(LinksScreen(links, tr("links_title", self.lang)), self._link_chosen)

    def _link_chosen(self: KoranApp, url: str | None) -> None:
        if url:
            self.open_link(url)

    def action_copy_link(self: KoranApp) -> None:
        headline = self._current or self.headline_list.current
        if headline is None or not headline.link:
            self.notify(tr("nothing_selected", self.lang), severity="warning", markup=False)
            return
        self.copy_to_clipboard(headline.link)
        self.notify(tr("copied", self.lang, url=headline.link), timeout=3, markup=False)

    # -- back and the narrow layout ------------------------------------------------------------

    def action_back(self: KoranApp) -> None:
        """Escape: article → list; search results → the feed's list; list → feed pane."""
        if self.reading_mode:
            self.set_reading(False)
            return
        if self.article_view.has_focus:
            self.headline_list.focus()
            return
        if self.end_search():
            return
        if self.headline_list.has_focus:
            self.feed_list.focus()

    @property
    def reading_mode(self: KoranApp) -> bool:
        """Narrow layout, and the article has the whole width."""
        return self.query_one("#panes").has_class("reading")

    def set_reading(self: KoranApp, on: bool) -> None:
        """In the narrow layout the article takes the whole width while it is read."""
        panes = self.query_one("#panes")
        on = on and panes.has_class("narrow")
        panes.set_class(on, "reading")
        # The only way back from a full-width article must be on screen.
        self.article_view.border_subtitle = tr("esc_back", self.lang) if on else ""
        if on:
            self.article_view.focus()
        elif panes.has_class("narrow"):
            self.headline_list.focus()

    def on_resize(self: KoranApp, event: events.Resize) -> None:
        self.apply_width(event.size.width)

    def apply_width(self: KoranApp, width: int) -> None:
        panes = self.query_one("#panes")
        narrow = width < NARROW_WIDTH
        if narrow != panes.has_class("narrow"):
            panes.set_class(narrow, "narrow")
            if not narrow:
                self.set_reading(False)

    # -- help, language, theme -----------------------------------------------------------------

    def action_help(self: KoranApp) -> None:
        from korantui.ui.screens.help import HelpScreen

        nodes = [self, self.screen, self.feed_list, self.headline_list, self.article_view]
        self.push_screen(HelpScreen(keys.key_help(self, nodes, self.lang), self.lang))

    def initial_language(self: KoranApp) -> str:
        """The config's language when it names one; else the palette's last choice; else LANG."""
        from korantui.core.uistate import load_state

        remembered = load_state(self.config.data_dir).get("language")
        if self.config.language == "auto" and remembered in ("id", "en"):
            return str(remembered)
        return self.config.ui_language

    def set_language(self: KoranApp, lang: str) -> None:
        from korantui.core.uistate import save_state

        save_state(self.config.data_dir, language=lang)
        self.lang = lang
        for widget in (self.feed_list, self.headline_list):
            widget.lang = lang
        keys.localize(self, lang)
        self.refresh_bindings()
        self.reload_feeds()
        self.reload_headlines(keep=True)
        if self._reading is not None:
            self._show(self._reading)
        else:
            self.article_view.show(Text(tr("no_article", lang), style="dim"))

    _startup_theme: str | None = None  # applied at start: not a choice to remember

    def remember_theme(self: KoranApp, theme: Theme) -> None:
        from korantui.core.uistate import save_state

        if theme.name == self._startup_theme:
            return
        self._startup_theme = None  # from now on every change is the user's
        save_state(self.config.data_dir, theme=theme.name)

    def initial_theme(self: KoranApp) -> str | None:
        """The config's theme when it names one (as for the language), else the palette's last
        choice; a name Textual does not know is skipped."""
        from korantui.core.uistate import load_state

        for name in (self.config.theme, load_state(self.config.data_dir).get("theme")):
            if isinstance(name, str) and name in self.available_themes:
                self._startup_theme = name
                return name
        return None
