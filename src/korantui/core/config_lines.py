"""Where a setting is in the config's text, by its path: ("network", "max_bytes") is the
max_bytes under [network], not a top-level key of that name; ("feeds", 2, "url") the url of the
third [[feeds]] table.

tomllib gives values without positions, and tomlkit none that count lines, so the text is
walked line by line, following table headers as TOML does. Good enough for a message: a key
found nowhere (an inline table, a dotted key) gives the line of the nearest enclosing part.
"""

from __future__ import annotations

import re

from korantui.core.regex_cache import compiled

Path = tuple[str | int, ...]

_ARRAY_HEADER = compiled(r"^\s*\[\[\s*(?P<name>[^\[\]]+?)\s*\]\]")
_TABLE_HEADER = compiled(r"^\s*\[\s*(?P<name>[^\[\]]+?)\s*\]")
_KEY = compiled(r"""^\s*(?P<key>"[^"]*"|'[^']*'|[A-Za-z0-9_.\-"' ]+?)\s*=""")


def _parts(dotted: str) -> tuple[str, ...]:
    """'a."b c".d' -> ("a", "b c", "d")."""
    found = re.findall(r""""([^"]*)"|'([^']*)'|([^.\s"']+)""", dotted)
    return tuple(next(p for p in groups if p) if any(groups) else "" for groups in found)


def _positions(text: str) -> dict[Path, int]:
    """Every table, array table and key of text, by path, at its first line (1-based)."""
    where: dict[Path, int] = {}
    arrays: dict[tuple[str, ...], int] = {}  # how many tables each [[name]] has had
    table: Path = ()
    open_quote = ""  # inside a multi-line string: its lines are not keys
    for number, line in enumerate(text.splitlines(), 1):
        if open_quote:
            if line.count(open_quote) % 2:
                open_quote = ""
            continue
        if m := _ARRAY_HEADER.match(line):
            name = _parts(m.group("name"))
            index = arrays.get(name, -1) + 1
            arrays[name] = index
            table = (*name, index)
            where.setdefault(table, number)
            where.setdefault(name, number)
        elif m := _TABLE_HEADER.match(line):
            table = _parts(m.group("name"))
            where.setdefault(table, number)
        elif m := _KEY.match(line):
            where.setdefault((*table, *_parts(m.group("key"))), number)
        for quote in ('"""', "'''"):
            if line.count(quote) % 2:
                open_quote = quote
                break
    return where


def line_of(text: str, *path: str | int) -> int:
    """The line of path in text; of its nearest enclosing table or key when it is not there
    as written; 1 when nothing of it is."""
    where = _positions(text)
    for end in range(len(path), 0, -1):
        found = where.get(path[:end])
        if found is not None:
            return found
    return 1
