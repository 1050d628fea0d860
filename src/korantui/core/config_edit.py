"""Edits of the user's config.toml (add, remove, rename a feed) that keep their comments and order.

A config file replaces the built-in feed list (even one without [[feeds]]: that user reads
nothing), so the first edit of a user who has no file writes the built-in list out first:
adding one feed must not make the others vanish.
"""

from __future__ import annotations

import os
import tempfile
import textwrap
import tomllib
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT, Array, Table
from tomlkit.toml_document import TOMLDocument

from korantui.core.config import ConfigError, feed_url_key
from korantui.core.models import FeedSpec
from korantui.core.sanitize import clean_line
from korantui.core.sources import registry


def _header() -> str:
    kinds = " or ".join(f'"{name}"' for name in registry.names())
    own = "; ".join(
        f"for {kind.label} sources, {', '.join(kind.keys)}"
        for kind in map(registry.kind_of, registry.names())
        if kind.keys
    )
    return (
        "korantui configuration. A [[feeds]] list here replaces the built-in one.\n"
        f"Keys of a feed: url, name, category, kind ({kinds})" + (f" and, {own}." if own else ".")
    )


def add_feed(path: Path, spec: FeedSpec) -> bool:
    """Append spec to the config's feeds. False (and nothing written) if its url is there."""
    return bool(add_feeds(path, [spec]))


def add_feeds(path: Path, specs: list[FeedSpec]) -> list[FeedSpec]:
    """Append the specs whose url is not in the config yet (OPML import); those added."""
    doc, feeds = _load(Path(path))
    # One key a feed, in a set: comparing each new feed with every earlier one made importing
    # 10,000 feeds take minutes.
    known = {feed_url_key(_spec_of(t).url) for t in feeds}
    added: list[FeedSpec] = []
    for spec in specs:
        key = feed_url_key(spec.url)
        if key in known:
            continue
        known.add(key)
        feeds.append(_table(spec))
        added.append(spec)
    if added:
        _save(Path(path), doc)
    return added


def remove_feed(path: Path, name_or_url: str) -> FeedSpec | None:
    """Remove the feed with that url (or, failing that, that name); the removed one, or None."""
    doc, feeds = _load(Path(path))
    index = _find(feeds, name_or_url)
    if index is None:
        return None
    removed = _spec_of(feeds[index])
    del feeds[index]
    _save(Path(path), doc)
    return removed


def update_feed(
    path: Path, url: str, *, name: str | None = None, category: str | None = None
) -> FeedSpec | None:
    """Set the name and/or category of the feed with that url ("" removes the key)."""
    doc, feeds = _load(Path(path))
    index = _find(feeds, url, by_name=False)
    if index is None:
        return None
    table = feeds[index]
    for key, value in (("name", name), ("category", category)):
        if value is None:
            continue
        value = clean_line(value)
        if value:
            table[key] = value
        elif key in table:
            del table[key]
    _save(Path(path), doc)
    return _spec_of(table)


def feed_specs(path: Path) -> list[FeedSpec]:
    """The feeds as this module sees the file (the built-in list when it has none)."""
    return [_spec_of(t) for t in _load(Path(path))[1]]


def _load(path: Path) -> tuple[TOMLDocument, Any]:
    if path.exists():
        try:
            doc = tomlkit.parse(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomlkit.exceptions.TOMLKitError) as e:
            raise ConfigError(f"{path}: cannot edit: {clean_line(str(e))}") from None
    else:
        from korantui.core.defaults import DEFAULT_FEEDS

        doc = tomlkit.document()
        for line in (ln for p in _header().splitlines() for ln in textwrap.wrap(p, 96)):
            doc.add(tomlkit.comment(line))
        doc.add(tomlkit.nl())
        builtin = tomlkit.aot()
        for spec in DEFAULT_FEEDS:
            builtin.append(_table(spec, blank_after=False))
        doc["feeds"] = builtin
        # Read back as a user's file would be: a fresh array of tables puts a blank line
        # between its tables itself, and those appended (blank_after) doubled it.
        doc = tomlkit.parse(tomlkit.dumps(doc))
    feeds = doc.get("feeds")
    if feeds is None:
        doc["feeds"] = tomlkit.aot()
        feeds = doc["feeds"]
    if not isinstance(feeds, (AoT, Array)):
        raise ConfigError(f"{path}: 'feeds' must be a list of [[feeds]] tables")
    return doc, feeds


def _table(spec: FeedSpec, *, blank_after: bool = True) -> Table:
    table = tomlkit.table()
    table["url"] = spec.url
    if spec.name:
        table["name"] = clean_line(spec.name)
    if spec.category:
        table["category"] = clean_line(spec.category)
    if spec.kind != registry.DEFAULT_KIND:
        table["kind"] = spec.kind
    for key in _kind_keys(spec.kind):
        if spec.rules.get(key):
            table[key] = spec.rules[key]
    if blank_after:
        # Appended to a user's list: without it the next [section] sticks to this table.
        table.add(tomlkit.nl())
    return table


def _spec_of(table: Any) -> FeedSpec:
    get = table.get if hasattr(table, "get") else (lambda k, d="": d)
    kind = str(get("kind", registry.DEFAULT_KIND))
    return FeedSpec(
        url=str(get("url", "")),
        name=str(get("name", "")),
        category=str(get("category", "")),
        kind=kind,
        rules={k: str(get(k)) for k in _kind_keys(kind) if get(k, "")},
    )


def _kind_keys(kind: str) -> tuple[str, ...]:
    try:
        return registry.kind_of(kind).keys
    except registry.UnknownKind:  # left for load_config to report with its line
        return ()


def _find(feeds: Any, name_or_url: str, *, by_name: bool = True) -> int | None:
    specs = [_spec_of(t) for t in feeds]
    for i, spec in enumerate(specs):
        if _same_url(spec.url, name_or_url):
            return i
    if by_name:
        wanted = clean_line(name_or_url).casefold()
        for i, spec in enumerate(specs):
            if spec.name and spec.name.casefold() == wanted:
                return i
    return None


def _same_url(a: str, b: str) -> bool:
    return feed_url_key(a) == feed_url_key(b)


def _save(path: Path, doc: TOMLDocument) -> None:
    text = tomlkit.dumps(doc)
    tomllib.loads(text)  # never leave the user a file their next start-up cannot read
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
