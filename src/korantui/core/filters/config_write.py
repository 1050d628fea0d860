"""Writing a [[query]] into the user's config.toml, keeping their comments and order (the same
safe write as core/config_edit.py: checked, then put in place in one rename)."""

from __future__ import annotations

from pathlib import Path

import tomlkit

from korantui.core.config import ConfigError
from korantui.core.queries import MAX_SEARCH, SavedQuery, check_match, fts_match
from korantui.core.sanitize import clean_line


def add_query(path: Path, name: str, search: str, category: str = "") -> SavedQuery:
    """Append a [[query]]; the saved search. ValueError when the name is taken or the search
    holds nothing to look for."""
    # config_edit's reading and writing: its first edit of a user without a file writes the
    # built-in feeds out first, so a saved search does not make the feeds vanish.
    from korantui.core.config_edit import _load, _save

    name, search = clean_line(name)[:80], clean_line(search)[:MAX_SEARCH]
    match = fts_match(search)
    if not name or not match or check_match(match):
        raise ValueError(f"cannot save the search {search!r}")
    doc, _feeds = _load(Path(path))
    tables = doc.get("query")
    if tables is None:
        doc["query"] = tomlkit.aot()
        tables = doc["query"]
    if not isinstance(tables, list):
        raise ConfigError(f"{path}: 'query' must be a list of [[query]] tables")
    if any(str(t.get("name", "")).casefold() == name.casefold() for t in tables):
        raise ValueError(f"a saved search is already called {name!r}")
    table = tomlkit.table()
    table["name"] = name
    table["search"] = search
    if category:
        table["category"] = clean_line(category)
    tables.append(table)
    _save(Path(path), doc)
    return SavedQuery(name, search, clean_line(category))
