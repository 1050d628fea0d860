"""The command palette (ctrl+p): every key's action by name, plus what has no key of its own:
themes, the interface language, OPML import and export."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from korantui.core.i18n import tr
from korantui.ui import story_rows
from korantui.ui.keys import APP_BINDINGS, describe
from korantui.ui.textual_compat import keymap as current_keymap

if TYPE_CHECKING:
    from korantui.ui.app import KoranApp

Command = tuple[str, Callable[[], object], str]


def app_commands(app: KoranApp) -> list[Command]:
    """(name, callback, help) for every command, in the app's language."""
    from korantui.ui.widgets.image_pane import cycle_command  # the pictures' modules: late

    lang = app.lang
    commands: list[Command] = []
    keymap = current_keymap(app)
    for binding in APP_BINDINGS:
        if binding.id is None:
            continue
        key = keymap.get(binding.id, binding.key).split(",")[0]
        shown = app.get_key_display(Binding(key, ""))  # "?", not "question_mark"
        commands.append(
            (describe(binding.id, lang), partial(app.run_action, binding.action, app.main), shown)
        )
    # The one theme entry (KoranApp leaves Textual's own "Theme" out of the system commands).
    commands.append((tr("cmd_theme", lang), app.action_change_theme, tr("cmd_theme_help", lang)))
    for code, name in (("id", "Bahasa Indonesia"), ("en", "English")):
        if code != lang:
            commands.append(
                (
                    tr("cmd_language", lang, name=name),
                    partial(app.set_language, code),
                    tr("cmd_language_help", lang),
                )
            )
    if app.language_chosen:  # a choice of the palette's, which the config and LANG gave way to
        commands.append(
            (
                tr("cmd_language_auto", lang),
                partial(app.set_language, None),
                tr("cmd_language_help", lang),
            )
        )
    commands.append((tr("cmd_opml_import", lang), app.main.feed_editor.opml_import, "OPML"))
    commands.append((tr("cmd_opml_export", lang), app.main.feed_editor.opml_export, "OPML"))
    commands.append(cycle_command(app))
    commands.append(story_rows.command(app))
    return commands


class KoranCommands(Provider):
    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        app = cast("KoranApp", self.app)
        for name, callback, help_text in app_commands(app):
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)

    async def discover(self) -> Hits:
        app = cast("KoranApp", self.app)
        for name, callback, help_text in app_commands(app):
            yield DiscoveryHit(name, callback, text=name, help=help_text)
