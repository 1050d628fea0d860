"""Changing the feed list from the app: add (a), delete (d), edit (e), OPML import and export.

Every change is written to the user's config file (core.config_edit keeps their comments), the
config is read back, and the store follows it with sync_feeds: the file stays the one truth.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from korantui.core.i18n import tr

if TYPE_CHECKING:
    from korantui.core.models import Feed
    from korantui.ui.app import KoranApp
    from korantui.ui.screens.add_feed import AddFeedResult
    from korantui.ui.screens.edit_feed import EditFeedResult


class FeedActions:
    """Mixed into KoranApp."""

    def _config_changed(self: KoranApp, refresh_urls: set[str] | None = None) -> bool:
        """Reload the config after an edit and make the store and panes follow it."""
        from korantui.core.config import ConfigError, load_config

        try:
            cfg = load_config(self.config.path, self.config.data_dir)
        except ConfigError as e:
            self.notify(tr("config_error", self.lang, error=str(e)), severity="error", markup=False)
            return False
        cfg.language, cfg.keys = self.config.language, self.config.keys
        self.config = cfg
        assert self.store is not None
        self.store.sync_feeds(cfg.feeds)
        self.reload_feeds()
        self.reload_headlines(keep=True)
        if refresh_urls:
            self._refresh([f for f in self.store.feeds() if f.url in refresh_urls])
        return True

    def _editable(self: KoranApp) -> bool:
        if self.demo:
            self.notify(tr("demo_only_read", self.lang), severity="warning", markup=False)
            return False
        return True

    # -- add, delete, edit -----------------------------------------------------------------

    def action_add_feed(self: KoranApp) -> None:
        from korantui.ui.screens.add_feed import AddFeedScreen

        if self._editable():
            screen = AddFeedScreen(self.runner, lang=self.lang)
            self.push_screen(screen, self._feed_added)

    def _feed_added(self: KoranApp, result: AddFeedResult | None) -> None:
        from korantui.core import config_edit
        from korantui.core.config import ConfigError

        if result is None:
            return
        spec = result.spec
        try:
            added = config_edit.add_feed(self.config.path, spec)
        except (OSError, ConfigError) as e:
            self.notify(tr("config_error", self.lang, error=str(e)), severity="error", markup=False)
            return
        if not added:
            self.notify(tr("feed_exists", self.lang, url=spec.url), markup=False)
            return
        found = result.discovery
        # Discovery already fetched and parsed the source: store that, rather than fetch again.
        if not self._config_changed(set() if found.parsed else {spec.url}):
            return
        if found.parsed is not None:
            from korantui.core.refresh import store_parsed

            assert self.store is not None
            feed = next(f for f in self.store.feeds() if f.url == spec.url)
            store_parsed(self.store, feed, found.parsed, found.etag, found.last_modified)
            self.reload_feeds()
            self.reload_headlines(keep=True)
        self.notify(tr("feed_added", self.lang, name=spec.name or spec.url), markup=False)

    def _feed_to_change(self: KoranApp) -> Feed | None:
        """The selected feed, when feeds may be changed and one is selected (else say why)."""
        if not self._editable():
            return None
        feed = self.feed_list.selected_feed
        if feed is None:
            self.notify(tr("select_feed", self.lang), severity="warning", markup=False)
        return feed

    def action_delete_feed(self: KoranApp) -> None:
        feed = self._feed_to_change()
        if feed is None:
            return
        from korantui.ui.screens.confirm import ConfirmScreen

        def done(yes: bool | None) -> None:
            from korantui.core import config_edit

            if not yes:
                return
            config_edit.remove_feed(self.config.path, feed.url)
            assert self.store is not None
            self.store.remove_feed(feed.id)
            if self._config_changed():
                self.notify(tr("feed_removed", self.lang, name=feed.display_name), markup=False)

        question = tr("delete_feed_q", self.lang, name=feed.display_name)
        self.push_screen(ConfirmScreen(question, lang=self.lang), done)

    def action_edit_feed(self: KoranApp) -> None:
        feed = self._feed_to_change()
        if feed is None:
            return
        from korantui.ui.screens.edit_feed import EditFeedScreen

        def done(result: EditFeedResult | None) -> None:
            from korantui.core import config_edit

            if result is None:
                return
            config_edit.update_feed(
                self.config.path, feed.url, name=result.name, category=result.category
            )
            if self._config_changed():
                name = result.name or feed.title or feed.url
                self.notify(tr("feed_updated", self.lang, name=name), markup=False)

        screen = EditFeedScreen(feed.name, feed.category, url=feed.url, lang=self.lang)
        self.push_screen(screen, done)

    # -- OPML ----------------------------------------------------------------------------------

    def action_opml_import(self: KoranApp) -> None:
        from korantui.ui.screens.prompt import PromptScreen

        if self._editable():
            self.push_screen(PromptScreen(tr("cmd_opml_import", self.lang)), self._opml_import)

    def _opml_import(self: KoranApp, path: str | None) -> None:
        from korantui.core import config_edit
        from korantui.core.opml import OpmlError, import_opml

        if not path:
            return
        file = Path(path).expanduser()
        try:
            specs = import_opml(file.read_bytes())
            added = config_edit.add_feeds(self.config.path, specs)
        except (OSError, OpmlError) as e:
            self.notify(tr("opml_failed", self.lang, error=str(e)), severity="error", markup=False)
            return
        if self._config_changed({s.url for s in added}):
            self.notify(tr("opml_imported", self.lang, n=len(added), path=file), markup=False)

    def action_opml_export(self: KoranApp) -> None:
        from korantui.ui.screens.prompt import PromptScreen

        default = str(Path.home() / "korantui-feeds.opml")
        self.push_screen(
            PromptScreen(tr("cmd_opml_export", self.lang), value=default), self._opml_export
        )

    def _opml_export(self: KoranApp, path: str | None) -> None:
        from korantui.core.opml import export_opml

        if not path:
            return
        file = Path(path).expanduser()
        try:
            file.write_text(export_opml(list(self.config.feeds)), encoding="utf-8")
        except OSError as e:
            self.notify(tr("opml_failed", self.lang, error=str(e)), severity="error", markup=False)
            return
        self.notify(
            tr("opml_exported", self.lang, n=len(self.config.feeds), path=file), markup=False
        )
