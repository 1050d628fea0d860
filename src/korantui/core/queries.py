"""Saved searches ([[query]] tables): virtual feeds in the feed pane, read from the full-text
index, newest first, with their unread counts.

    [[query]]
    name = "Banjir Kepri"
    search = "banjir OR rob"   # words (prefixes), "a phrase", OR, -word to leave out
    category = "Kepri"         # optional: only the feeds of this category

A search is the user's words, never FTS5 syntax: each word becomes a quoted term, so no text
(theirs, or a stranger's in a shared config) can be a syntax error at read time.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line

if TYPE_CHECKING:
    from korantui.core.models import Headline
    from korantui.core.store.database import Store

MAX_QUERIES = 100
MAX_SEARCH = 500  # characters
ROWS = 500  # a saved search lists at most this many headlines
_KEYS = frozenset({"name", "search", "category"})
_TOKEN = compiled(r'-?"[^"]*"|\S+')


@dataclass(frozen=True, slots=True)
class SavedQuery:
    name: str
    search: str
    category: str = ""

    @property
    def match(self) -> str:
        return fts_match(self.search)


def fts_match(search: str) -> str:
    """The FTS5 MATCH expression of a search: groups of words joined by OR, inside a group every
    word must be there (a word is a prefix, "a phrase" is exact); a -word must not be there,
    whichever group it stands in ("banjir OR rob -bola")."""
    groups: list[list[str]] = [[]]
    unwanted: list[str] = []
    for token in _TOKEN.findall(clean_line(search)[:MAX_SEARCH]):
        if token == "OR":
            groups.append([])
        elif token.startswith("-") and len(token) > 1:
            term = _term(token[1:])
            if term:
                unwanted.append(term)
        elif term := _term(token):
            groups[-1].append(term)
    wanted = [" AND ".join(g) for g in groups if g]
    if not wanted:
        return ""  # "-x" alone would mean everything but x: not a search
    expr = " OR ".join(f"({g})" for g in wanted)
    for term in unwanted:
        expr = f"({expr}) NOT {term}"
    return expr


def _term(word: str) -> str:
    if word.startswith('"'):
        inner = word.strip('"').strip()
        return f'"{inner}"' if inner else ""
    word = word.replace('"', "")
    return f'"{word}"*' if word else ""


def check_match(match: str) -> str:
    """Why SQLite's FTS5 refuses the expression ("" when it takes it)."""
    db = sqlite3.connect(":memory:")
    try:
        db.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize = 'unicode61')")
        db.execute("SELECT rowid FROM t WHERE t MATCH ?", (match,)).fetchall()
    except sqlite3.Error as e:
        return str(e)
    finally:
        db.close()
    return ""


def saved_queries(raw: dict[str, Any], lines: Any) -> list[SavedQuery]:
    """The [[query]] tables; lines.fail(what, header, n, key) names the line of a bad one."""
    tables = raw.get("query", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise lines.fail("'query' must be a list of [[query]] tables", "query", 0, "")
    if len(tables) > MAX_QUERIES:
        raise lines.fail(f"more than {MAX_QUERIES} [[query]] tables", "[[query]]", 0, "")
    found: list[SavedQuery] = []
    names: set[str] = set()
    for i, table in enumerate(tables):

        def bad(what: str, key: str = "", i: int = i) -> Exception:
            return lines.fail(f"[[query]] #{i + 1}: {what}", "[[query]]", i, key)

        unknown = sorted(set(table) - _KEYS)
        if unknown:
            raise bad(f"unknown key '{clean_line(unknown[0])[:60]}'", unknown[0])
        for key in _KEYS & set(table):
            if not isinstance(table[key], str):
                raise bad(f"'{key}' must be a string", key)
        name = clean_line(table.get("name", ""))[:80]
        search = clean_line(table.get("search", ""))
        if not name:
            raise bad("a saved search needs a name", "name")
        if name.casefold() in names:
            raise bad(f"the name '{name}' is used twice", "name")
        if not search or len(search) > MAX_SEARCH:
            raise bad(f"search must be 1 to {MAX_SEARCH} characters", "search")
        match = fts_match(search)
        why = check_match(match) if match else "it holds no word to look for"
        if why:
            raise bad(f"search {search!r} cannot be used: {why}", "search")
        names.add(name.casefold())
        found.append(SavedQuery(name, search, clean_line(table.get("category", ""))))
    return found


# -- the store ---------------------------------------------------------------------------------

_WHERE = (
    " FROM headline_search s JOIN headlines h ON h.id = s.rowid JOIN feeds f ON f.id = h.feed_id"
    " WHERE headline_search MATCH ? AND f.active = 1"
    " AND NOT EXISTS (SELECT 1 FROM headline_flags g WHERE g.headline_id = h.id AND g.hidden = 1)"
)


def _scope(query: SavedQuery) -> tuple[str, list[object]]:
    sql = _WHERE
    params: list[object] = [query.match]
    if query.category:
        sql += " AND f.category = ?"
        params.append(query.category)
    return sql, params


def query_rows(store: Store, query: SavedQuery, *, unread_only: bool = False) -> list[Headline]:
    """The headlines the saved search finds, newest first."""
    from korantui.core.store.database import _LIST_COLUMNS

    if not query.match:
        return []
    sql, params = _scope(query)
    if unread_only:
        sql += " AND h.read = 0"
    rows = store._query(
        f"SELECT {_LIST_COLUMNS}{sql} ORDER BY h.sort_key DESC, h.position, h.id DESC LIMIT ?",
        [*params, ROWS],
    )
    return store._rows_to_headlines(rows)


def unread_counts(store: Store, queries: list[SavedQuery]) -> list[int]:
    """Each saved search's unread headlines (within the ROWS it lists)."""
    counts = []
    for query in queries:
        if not query.match:
            counts.append(0)
            continue
        sql, params = _scope(query)
        rows = store._query(
            f"SELECT COUNT(*) FROM (SELECT h.read{sql} ORDER BY h.sort_key DESC LIMIT ?)"
            " WHERE read = 0",
            [*params, ROWS],
        )
        counts.append(rows[0][0])
    return counts


def query_named(store: Store, queries: list[SavedQuery], name: str) -> list[Headline]:
    """The headlines of the saved search of that name (case-blind); LookupError, in words,
    when there is none."""
    wanted = clean_line(name).casefold()
    for query in queries:
        if query.name.casefold() == wanted:
            return query_rows(store, query)
    known = ", ".join(repr(q.name) for q in queries) or "none in the config"
    raise LookupError(f"no saved search {name!r} (saved searches: {known})")
