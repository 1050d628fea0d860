"""Storing a refresh's entries: new headlines inserted, those seen again rewritten only when the
feed's words for them changed.

Where the time goes (benchmarks/refresh_profile.py): a 50-item feed used to cost ~9 ms here, a
third of it checking addresses the parser had just checked (the store gate checks them again,
now at the price of a lookup: core/url_gate.py) and the rest one INSERT for the headline and one
for its search entry per item. New headlines now go in with one executemany, and their search
entries with one INSERT … SELECT of the rows just made; an unchanged item costs a comparison.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from korantui.core.models import Entry
from korantui.core.moments import to_stored
from korantui.core.sanitize import clean_line, clean_paragraphs
from korantui.core.store.enclosures import save_enclosures
from korantui.core.url_gate import checked_url

if TYPE_CHECKING:
    from korantui.core.store.database import Store

# What save_entries compares with a headline seen again.
_SEEN_COLUMNS = "id, title, summary, author, image, published, position"

_INSERT = (
    "INSERT INTO headlines (feed_id, guid, link, title, summary, author, image,"
    " published, first_seen, sort_key, position) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
)


def iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).isoformat(timespec="seconds")


def _seen(
    db: sqlite3.Connection, feed_id: int, links: list[str], guids: list[str]
) -> dict[tuple[str, str], tuple]:
    """The stored rows (_SEEN_COLUMNS) of these links, and of these guids among the rows
    without a link, keyed ("link", link) and ("guid", guid)."""
    found: dict[tuple[str, str], tuple] = {}
    queries = (
        ("link", [lk for lk in links if lk], "link, {} FROM headlines WHERE link IN ({})"),
        ("guid", guids, "guid, {} FROM headlines WHERE link = '' AND guid IN ({})"),
    )
    for kind, values, query in queries:
        unique = list(dict.fromkeys(values))
        for start in range(0, len(unique), 500):  # SQLite allows 999 parameters and more
            chunk = unique[start : start + 500]
            sql = "SELECT " + query.format(_SEEN_COLUMNS, ",".join("?" * len(chunk)))
            for row in db.execute(f"{sql} AND feed_id = ?", (*chunk, feed_id)):
                found.setdefault((kind, row[0]), row[1:])
    return found


def save_entries(
    store: Store,
    feed_id: int,
    entries: Sequence[Entry],
    *,
    title: str = "",
    etag: str = "",
    last_modified: str = "",
    page_order: bool = False,
) -> tuple[int, int]:
    """Store a refresh's entries; returns (new, total in this refresh).

    Entries are the same headline when their link matches, or (without a link) their guid:
    some feeds reuse guids for different articles (Tempo's are 1..9), so a guid alone never
    merges two different links.
    """
    now = datetime.now(UTC)
    first_seen = iso(now)
    links = [checked_url(e.link) for e in entries]
    with store.transaction() as db:
        # The stored copies' fields, to rewrite a row (and its search entry, which costs
        # more) only when the feed's words for it changed: most items of a refresh are the
        # same as last time. One query for the lot, not one an item.
        stored = _seen(
            db, feed_id, links, [e.guid for e, lk in zip(entries, links, strict=True) if not lk]
        )
        seen: set[str] = set()
        fresh: list[tuple] = []
        with_files: dict[int, Entry] = {}  # position -> a new entry that has enclosures
        for position, (e, link) in enumerate(zip(entries, links, strict=True)):
            key = link or e.guid
            if not key or key in seen:
                continue
            seen.add(key)
            row = stored.get(("link", link) if link else ("guid", e.guid))
            title_text = clean_line(e.title)
            summary = clean_paragraphs(e.summary)
            published = to_stored(e.published)  # a day stays "2022-09-20"
            author = clean_line(e.author)
            image = checked_url(e.image)
            if row:
                # A missing image or date keeps the stored one.
                fields = (title_text, summary, author, image or row[4], published or row[5])
                if (*fields, position) != row[1:]:
                    db.execute(
                        "UPDATE headlines SET title = ?, summary = ?, author = ?, image = ?,"
                        " published = ?, position = ? WHERE id = ?",
                        (*fields, position, row[0]),
                    )
                if (title_text, summary) != row[1:3]:
                    db.execute(
                        "UPDATE headline_search SET title = ?, summary = ? WHERE rowid = ?",
                        (title_text, summary, row[0]),
                    )
                continue
            sort_key = first_seen if page_order else (iso(e.published) or first_seen)
            guid = clean_line(e.guid)[:1000]
            made = (title_text, summary, author, image, published, first_seen, sort_key)
            fresh.append((feed_id, guid, link, *made, position))
            if e.enclosures:
                with_files[position] = e
        if fresh:
            _insert(db, fresh, with_files)
        db.execute(
            "UPDATE feeds SET title = COALESCE(NULLIF(?, ''), title), etag = ?,"
            " last_modified = ?, last_refresh = ?, last_error = '' WHERE id = ?",
            (clean_line(title), etag, last_modified, first_seen, feed_id),
        )
    return len(fresh), len(seen)


def _insert(db: sqlite3.Connection, rows: list[tuple], with_files: dict[int, Entry]) -> None:
    """The new headlines, their search entries and their files, in the caller's transaction.

    The write lock is held (BEGIN IMMEDIATE) and this connection is the only writer, so the
    rows made here are exactly those with an id above the largest one before."""
    before = db.execute("SELECT COALESCE(MAX(id), 0) FROM headlines").fetchone()[0]
    db.executemany(_INSERT, rows)
    db.execute(
        "INSERT INTO headline_search (rowid, title, summary, body)"
        " SELECT id, title, summary, '' FROM headlines WHERE id > ?",
        (before,),
    )
    if with_files:
        made = db.execute("SELECT id, position FROM headlines WHERE id > ?", (before,))
        for headline_id, position in made.fetchall():
            e = with_files.get(position)
            if e is not None:
                save_enclosures(db, headline_id, e.enclosures)
