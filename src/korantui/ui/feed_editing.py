"""Changing the feed list from the app: add (a), delete (d), edit (e), OPML import and export.

Every change is written to the user's config file (core.config_edit keeps their comments), the
config is read back, and the store follows it through the ReadingService: the file stays the one
truth. Held by MainScreen (composition, not a mixin).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from korantui.core.i18n import tr

if TYPE_CHECKING:
    from korantui.core.models import Feed
    from korantui.ui.screens.add_feed import AddFeedResult
    from korantui.ui.screens.edit_feed import EditFeedResult
    from korantui.ui.screens.main import MainScreen


class FeedEditor:
    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def _say(self, key: str, failed: bool = False, **values: object) -> None:
        text = tr(key, self.screen.lang, **values)
        self.screen.notify(text, severity="error" if failed else "information", markup=False)

    def config_changed(self, refresh_urls: set[str] | None = None) -> bool:
        """Reload the config after an edit and make the store and panes follow it."""
        from korantui.core.config import ConfigError, load_config

        app = self.screen.korantui
        try:
            cfg = load_config(app.config.path, app.config.data_dir)
        except ConfigError as e:
            self._say("config_error", True, error=str(e))
            return False
        cfg.language, cfg.keys = app.config.language, app.config.keys
        app.config = cfg
        app.follow_config()
        self.screen.reload_feeds()
        self.screen.reload_headlines(keep=True)
        if refresh_urls:
            feeds = [f for f in app.service.feeds() if f.url in refresh_urls]
            self.screen.refresher.refresh(feeds)
        return True

    def _editable(self) -> bool:
        if self.screen.korantui.demo:
            lang = self.screen.lang
            self.screen.notify(tr("demo_only_read", lang), severity="warning", markup=False)
            return False
        return True

    # -- add, delete, edit -----------------------------------------------------------------

    def add(self) -> None:
        from korantui.ui.screens.add_feed import AddFeedScreen

        if self._editable():
            screen = AddFeedScreen(self.screen.korantui.runner, lang=self.screen.lang)
            self.screen.app.push_screen(screen, self._added)

    def _added(self, result: AddFeedResult | None) -> None:
        from korantui.core import config_edit
        from korantui.core.config import ConfigError

        if result is None:
            return
        app = self.screen.korantui
        spec = result.spec
        try:
            added = config_edit.add_feed(app.config.path, spec)
        except (OSError, ConfigError) as e:
            self._say("config_error", True, error=str(e))
            return
        if not added:
            self._say("feed_exists", url=spec.url)
            return
        found = result.discovery
        # Discovery already fetched and parsed the source: store that, rather than fetch again.
        if not self.config_changed(set() if found.parsed else {spec.url}):
            return
        if found.parsed is not None:
            app.service.store_discovered(spec.url, found.parsed, found.etag, found.last_modified)
            self.screen.reload_feeds()
            self.screen.reload_headlines(keep=True)
        self._say("feed_added", name=spec.name or spec.url)

    def _feed_to_change(self) -> Feed | None:
        """The selected feed, when feeds may be changed and one is selected (else say why)."""
        if not self._editable():
            return None
        feed = self.screen.feed_list.selected_feed
        if feed is None:
            lang = self.screen.lang
            self.screen.notify(tr("select_feed", lang), severity="warning", markup=False)
        return feed

    def delete(self) -> None:
        feed = self._feed_to_change()
        if feed is None:
            return
        from korantui.ui.screens.confirm import ConfirmScreen

        app = self.screen.korantui

        def done(yes: bool | None) -> None:
            from korantui.core import config_edit

            if not yes:
                return
            config_edit.remove_feed(app.config.path, feed.url)
            app.service.remove_feed(feed.id)
            if self.config_changed():
                self._say("feed_removed", name=feed.display_name)

        question = tr("delete_feed_q", self.screen.lang, name=feed.display_name)
        app.push_screen(ConfirmScreen(question, lang=self.screen.lang), done)

    def edit(self) -> None:
        feed = self._feed_to_change()
        if feed is None:
            return
        from korantui.ui.screens.edit_feed import EditFeedScreen

        app = self.screen.korantui

        def done(result: EditFeedResult | None) -> None:
            from korantui.core import config_edit

            if result is None:
                return
            config_edit.update_feed(
                app.config.path, feed.url, name=result.name, category=result.category
            )
            if self.config_changed():
                self._say("feed_updated", name=result.name or feed.title or feed.url)

        screen = EditFeedScreen(feed.name, feed.category, url=feed.url, lang=self.screen.lang)
        app.push_screen(screen, done)

    # -- OPML ----------------------------------------------------------------------------------

    def opml_import(self) -> None:
        from korantui.ui.screens.prompt import PromptScreen

        if self._editable():
            prompt = PromptScreen(tr("cmd_opml_import", self.screen.lang))
            self.screen.app.push_screen(prompt, self.import_file)

    def import_file(self, path: str | None) -> None:
        from korantui.core import config_edit
        from korantui.core.opml import OpmlError, import_opml

        if not path:
            return
        file = Path(path).expanduser()
        try:
            specs = import_opml(file.read_bytes())
            added = config_edit.add_feeds(self.screen.korantui.config.path, specs)
        except (OSError, OpmlError) as e:
            self._say("opml_failed", True, error=str(e))
            return
        if self.config_changed({s.url for s in added}):
            self._say("opml_imported", n=len(added), path=file)

    def opml_export(self) -> None:
        from korantui.ui.screens.prompt import PromptScreen

        default = str(Path.home() / "korantui-feeds.opml")
        prompt = PromptScreen(tr("cmd_opml_export", self.screen.lang), value=default)
        self.screen.app.push_screen(prompt, self.export_file)

    def export_file(self, path: str | None) -> None:
        from korantui.core.opml import export_opml

        if not path:
            return
        feeds = list(self.screen.korantui.config.feeds)
        titles = {f.url: f.title for f in self.screen.feed_list.feeds if f.title}
        file = Path(path).expanduser()
        try:
            file.write_text(export_opml(feeds, titles=titles), encoding="utf-8")
        except OSError as e:
            self._say("opml_failed", True, error=str(e))
            return
        self._say("opml_exported", n=len(feeds), path=file)
