"""Saved searches ([[query]] tables) in the feed pane, and saving the search on show (`/`, then
S) as a new [[query]] in the config."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from korantui.core.queries import SavedQuery, query_rows, unread_counts
from korantui.core.sanitize import clean_line

if TYPE_CHECKING:
    from korantui.core.models import Headline
    from korantui.ui.screens.main import MainScreen

QUERY_PREFIX = "query-"
BINDINGS = [Binding("S", "save_search", "Save search", show=False, id="save_search")]


def query_id(index: int) -> str:
    return f"{QUERY_PREFIX}{index}"


def is_query_id(entry_id: str | None) -> bool:
    return bool(entry_id) and str(entry_id).startswith(QUERY_PREFIX)


def queries(screen: MainScreen) -> list[SavedQuery]:
    return list(screen.korantui.config.filters.queries)


def selected_query(screen: MainScreen, entry_id: str) -> SavedQuery | None:
    if not is_query_id(entry_id):
        return None
    found = queries(screen)
    index = int(entry_id[len(QUERY_PREFIX) :])
    return found[index] if 0 <= index < len(found) else None


def pane_entries(screen: MainScreen) -> list[tuple[str, str, int]]:
    """(entry id, name, unread) of each saved search, for the feed pane."""
    found = queries(screen)
    if not found or screen.korantui.demo:
        return []
    counts = unread_counts(screen.korantui.store, found)
    return [(query_id(i), q.name, n) for i, (q, n) in enumerate(zip(found, counts, strict=True))]


def rows(screen: MainScreen, entry_id: str) -> list[Headline]:
    query = selected_query(screen, entry_id)
    if query is None:
        return []
    return query_rows(screen.korantui.store, query, unread_only=screen.hide_read)


def save_search(screen: MainScreen) -> None:
    """Ask a name for the search on show and write it into the config as a [[query]]."""
    search = screen.search_query
    if search is None:
        screen.notify(_words("nothing", screen.lang), severity="warning", markup=False)
        return
    from korantui.ui.screens.prompt import PromptScreen

    def named(name: str | None) -> None:
        if name:
            _save(screen, clean_line(name)[:80], search)

    screen.app.push_screen(PromptScreen(_words("name", screen.lang), value=search[:80]), named)


def _save(screen: MainScreen, name: str, search: str) -> None:
    from korantui.core.config import ConfigError
    from korantui.core.filters.config_write import add_query

    app = screen.korantui
    try:
        query = add_query(app.config.path, name, search)
    except (ConfigError, OSError, ValueError) as e:
        screen.notify(clean_line(str(e))[:300], severity="error", markup=False)
        return
    app.config.filters.queries.append(query)
    screen.end_search()
    screen.reload_feeds()
    screen.feed_list.select(query_id(len(app.config.filters.queries) - 1))
    screen.notify(_words("saved", screen.lang).format(name=name), markup=False)


_WORDS = {
    "nothing": ("Search first (/), then save it with S", "Cari dulu (/), lalu simpan dengan S"),
    "name": ("Name of the saved search", "Nama pencarian tersimpan"),
    "saved": ("Saved search “{name}” is in the feed list", "Pencarian “{name}” tersimpan"),
}


def _words(key: str, lang: str) -> str:
    en, id_ = _WORDS[key]
    return id_ if lang == "id" else en
