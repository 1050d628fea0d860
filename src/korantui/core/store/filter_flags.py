"""What the [[filter]] rules make of the stored headlines, kept in headline_flags.

The table is a view of the rules, never the truth: when the rules (or the feeds they name)
change, every headline is judged again, so a rule applies to what is stored at once and
removing it undoes it. Headlines stored since the last pass (no row yet) are judged on their own,
and those that a notify rule matches are the pass's alerts.

"read" rules change the headline's real read state (the counts, `korantui headlines` and a
synced server see it), so the flag remembers that the rule did it: a headline the rule read is
unread again when the rule goes, and one the reader then marks unread stays so.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

    from korantui.core.filters.rules import FilterConfig, FilterRule
    from korantui.core.store.database import Store

HIDDEN_SQL = "NOT EXISTS (SELECT 1 FROM headline_flags g WHERE g.headline_id = h.id AND g.hidden)"
HIGHLIGHT_SQL = "EXISTS (SELECT 1 FROM headline_flags g WHERE g.headline_id = h.id AND g.highlight)"
_CHUNK = 2000


@dataclass(frozen=True, slots=True)
class Alert:
    """A new headline that a notify rule matched."""

    headline_id: int
    title: str
    link: str
    feed: str
    rule: str


@dataclass(slots=True)
class FilterPass:
    """What one pass gave: the alerts, and the rules given up because a search ran too long."""

    alerts: list[Alert] = field(default_factory=list)
    slow: list[str] = field(default_factory=list)  # their names


@dataclass(slots=True)
class _Feed:
    names: tuple[str, ...]
    category: str
    display: str


def apply_filters(store: Store, config: FilterConfig) -> FilterPass:
    """Bring headline_flags up to the rules; the alerts of headlines judged for the first time
    (none when the rules changed: the stored news is not new)."""
    rules = config.filters
    done = FilterPass()
    if not _work_to_do(store, config):
        return done  # as most starts find it: no write, no lock taken
    with store.transaction() as db:
        feeds = _feeds(lambda sql: db.execute(sql).fetchall())
        fingerprint = _fingerprint(config, feeds) if rules else ""
        row = db.execute("SELECT value FROM filter_state WHERE key = 'rules'").fetchone()
        if (row[0] if row else "") != fingerprint:
            _judge_all(db, rules, feeds, done)
            db.execute(
                "INSERT INTO filter_state (key, value) VALUES ('rules', ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (fingerprint,),
            )
            return done
        if not rules:
            return done
        rows = db.execute(_UNJUDGED).fetchall()
        _judge(db, rows, rules, feeds, set(), done)
        return done


_UNJUDGED = (
    "SELECT h.id, h.feed_id, h.title, h.summary, h.author, h.read, h.link FROM headlines h"
    " WHERE NOT EXISTS (SELECT 1 FROM headline_flags g WHERE g.headline_id = h.id)"
)


def _work_to_do(store: Store, config: FilterConfig) -> bool:
    rows = store._query("SELECT value FROM filter_state WHERE key = 'rules'")
    stored = rows[0][0] if rows else ""
    if not config.filters:
        return stored != ""
    if stored != _fingerprint(config, _feeds(store._query)):
        return True
    return bool(store._query(_UNJUDGED + " LIMIT 1"))


def _feeds(query: Callable[[str], list[tuple]]) -> dict[int, _Feed]:
    from korantui.core.config import feed_url_key

    found = {}
    for fid, name, title, url, category in query(
        "SELECT id, name, title, url, category FROM feeds"
    ):
        names = (name, url, feed_url_key(url), title)
        found[fid] = _Feed(names, category, name or title or url)
    return found


def _fingerprint(config: FilterConfig, feeds: dict[int, _Feed]) -> str:
    # The feeds' own titles are left out: the first refresh of a feed sets its title, and that
    # must not send every headline through the rules again (its new headlines are judged anyway).
    text = config.fingerprint + "".join(
        f"\x1d{fid}\x1f{'|'.join(f.names[:3])}\x1f{f.category}" for fid, f in sorted(feeds.items())
    )
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _judge_all(
    db: sqlite3.Connection, rules: list[FilterRule], feeds: dict[int, _Feed], done: FilterPass
) -> None:
    marked = {r[0] for r in db.execute("SELECT headline_id FROM headline_flags WHERE marked_read")}
    db.execute("DELETE FROM headline_flags")
    if not rules:
        _undo_reads(db, marked)
        return
    cursor = db.execute(
        "SELECT id, feed_id, title, summary, author, read, link FROM headlines ORDER BY id"
    )
    while chunk := cursor.fetchmany(_CHUNK):
        _judge(db, chunk, rules, feeds, marked, done, alerts=False)
    # Those the rules no longer read (their rows are gone or say so) are unread again.
    still = {r[0] for r in db.execute("SELECT headline_id FROM headline_flags WHERE marked_read")}
    _undo_reads(db, marked - still)


def _undo_reads(db: sqlite3.Connection, ids: Iterable[int]) -> None:
    db.executemany("UPDATE headlines SET read = 0 WHERE id = ?", [(i,) for i in ids])


def _judge(
    db: sqlite3.Connection,
    rows: list[tuple],
    rules: list[FilterRule],
    feeds: dict[int, _Feed],
    marked: set[int],
    done: FilterPass,
    *,
    alerts: bool = True,
) -> None:
    flags = []
    reads = []
    for hid, fid, title, summary, author, read, link in rows:
        feed = feeds.get(fid) or _Feed((), "", "")
        texts = {"title": title, "summary": summary, "author": author, "category": feed.category}
        hidden = highlight = notify = marked_read = False
        alert_rule = ""
        for rule in rules:
            if rule.name in done.slow or not rule.applies_to(feed.names):
                continue
            found = rule.matches(texts)
            if found is None:
                done.slow.append(rule.name)
            if not found:
                continue
            if rule.action == "hide":
                hidden = True
            elif rule.action == "highlight":
                highlight = True
                if rule.notify and not notify:
                    notify, alert_rule = True, rule.name
            elif hid in marked or not read:
                # Read by this rule now, or earlier (and perhaps unread by the reader since:
                # the rule does not read it a second time).
                marked_read = True
                if not read and hid not in marked:
                    reads.append((hid,))
        flags.append((hid, hidden, highlight, notify, marked_read))
        if notify and alerts and not hidden:
            done.alerts.append(Alert(hid, title, link, feed.display, alert_rule))
    db.executemany(
        "INSERT OR REPLACE INTO headline_flags (headline_id, hidden, highlight, notify,"
        " marked_read) VALUES (?, ?, ?, ?, ?)",
        flags,
    )
    db.executemany("UPDATE headlines SET read = 1 WHERE id = ?", reads)


def highlighted(store: Store, headline_ids: Iterable[int]) -> set[int]:
    """Which of these headlines a highlight rule matches."""
    ids = list(headline_ids)
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT headline_id FROM headline_flags WHERE highlight AND headline_id IN ({marks})"
        found.update(r[0] for r in store._query(sql, chunk))
    return found
