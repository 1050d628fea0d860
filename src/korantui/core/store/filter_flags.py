"""What the [[filter]] rules make of the stored headlines, kept in headline_flags.

The table is a view of the rules, never the truth: when the rules (or the feeds they name)
change, every headline is judged again, so a rule applies to what is stored at once and
removing it undoes it. Headlines stored since the last pass (no row yet) are judged on their own,
and those that a notify rule matches are the pass's alerts. While rules exist, a headline not
judged yet is shown nowhere (HIDDEN_SQL): one that a rule hides never flashes by.

"read" rules change the headline's real read state (the counts, `korantui headlines` and a
synced server see it), so the flag remembers that the rule did it: a headline the rule read is
unread again when the rule goes, and one the reader then marks unread stays so.

The patterns run outside the write transaction (20,000 headlines take seconds on a busy
machine, and the store's one connection would keep every reader waiting); the verdicts are
written in one short transaction after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from korantui.core.store.flag_sql import JUDGED_MAX

if TYPE_CHECKING:
    import sqlite3

    from korantui.core.filters.rules import FilterConfig, FilterRule
    from korantui.core.store.database import Store

_COLUMNS = "h.id, h.feed_id, h.title, h.summary, h.author, h.link"
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
    judged: int = 0


@dataclass(slots=True)
class _Feed:
    names: tuple[str, ...]
    category: str
    display: str


@dataclass(slots=True)
class _Verdict:
    hidden: bool = False
    highlight: bool = False
    read: bool = False  # a "read" rule matches
    alert_rule: str = ""  # the notify rule that matches, if any


def apply_filters(store: Store, config: FilterConfig) -> FilterPass:
    """Bring headline_flags up to the rules; the alerts of headlines judged for the first time
    (none when the rules changed: the stored news is not new)."""
    rules = config.filters
    done = FilterPass()
    feeds = _feeds(store._query)
    fingerprint = _fingerprint(config, feeds) if rules else ""
    rows = store._query("SELECT value FROM filter_state WHERE key = 'rules'")
    full = (rows[0][0] if rows else "") != fingerprint
    if not full and not rules:
        return done  # as most starts find it: no write, no lock taken
    verdicts: dict[int, _Verdict] = {}
    found: dict[int, tuple] = {}
    start = 0 if full else store._query(f"SELECT {JUDGED_MAX}")[0][0]
    while rules:
        chunk = store._query(
            f"SELECT {_COLUMNS} FROM headlines h WHERE h.id > ? ORDER BY h.id LIMIT ?",
            (start, _CHUNK),
        )
        for row in chunk:
            verdicts[row[0]] = _judge(row, rules, feeds, done)
            found[row[0]] = row
        if len(chunk) < _CHUNK:
            break
        start = chunk[-1][0]
    if not full and not verdicts:
        return done
    with store.transaction() as db:
        if full:
            _write_all(db, verdicts, fingerprint)
        else:
            # Another pass (another process) may have judged some meanwhile: theirs stand.
            judged = db.execute(f"SELECT {JUDGED_MAX}").fetchone()[0]
            verdicts = {i: v for i, v in verdicts.items() if i > judged}
            _write(db, verdicts, set())
    done.judged = len(verdicts)
    if not full:
        for hid, v in verdicts.items():
            if v.alert_rule and not v.hidden:
                _, fid, title, _s, _a, link = found[hid]
                feed = feeds.get(fid)
                done.alerts.append(
                    Alert(hid, title, link, feed.display if feed else "", v.alert_rule)
                )
    return done


def unjudged(store: Store) -> bool:
    """Whether headlines were stored since the last pass (two lookups of primary keys)."""
    rows = store._query(f"SELECT (SELECT MAX(id) FROM headlines) > {JUDGED_MAX}")
    return bool(rows[0][0])


def needs_full_pass(store: Store, config: FilterConfig) -> bool:
    """Whether the rules (or the feeds they name) changed since the last pass: every stored
    headline is to be judged again."""
    rows = store._query("SELECT value FROM filter_state WHERE key = 'rules'")
    fingerprint = _fingerprint(config, _feeds(store._query)) if config.filters else ""
    return (rows[0][0] if rows else "") != fingerprint


def _feeds(query: Callable[[str], list[tuple]]) -> dict[int, _Feed]:
    from korantui.core.config import feed_url_key

    found = {}
    rows = query("SELECT id, name, title, url, category FROM feeds")
    for fid, name, title, url, category in rows:
        names = (name, url, feed_url_key(url), title)
        found[fid] = _Feed(names, category, name or title or url)
    return found


def _fingerprint(config: FilterConfig, feeds: dict[int, _Feed]) -> str:
    # The feeds' own titles are left out: the first refresh of a feed sets its title, and that
    # must not send every headline through the rules again (its new headlines are judged anyway).
    text = config.fingerprint + "".join(
        f"\x1d{fid}\x1f{'|'.join(f.names[:3])}\x1f{f.category}" for fid, f in sorted(feeds.items())
    )
    import hashlib  # only with [[filter]] rules (OpenSSL's module: not on every start's path)

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _judge(
    row: tuple, rules: list[FilterRule], feeds: dict[int, _Feed], done: FilterPass
) -> _Verdict:
    _hid, fid, title, summary, author, _link = row
    feed = feeds.get(fid) or _Feed((), "", "")
    texts = {"title": title, "summary": summary, "author": author, "category": feed.category}
    verdict = _Verdict()
    for rule in rules:
        if rule.name in done.slow or not rule.applies_to(feed.names):
            continue
        matched = rule.matches(texts)
        if matched is None:
            done.slow.append(rule.name)
        if not matched:
            continue
        if rule.action == "hide":
            verdict.hidden = True
        elif rule.action == "read":
            verdict.read = True
        else:
            verdict.highlight = True
            if rule.notify and not verdict.alert_rule:
                verdict.alert_rule = rule.name
    return verdict


def _write_all(db: sqlite3.Connection, verdicts: dict[int, _Verdict], fingerprint: str) -> None:
    marked = {r[0] for r in db.execute("SELECT headline_id FROM headline_flags WHERE marked_read")}
    db.execute("DELETE FROM headline_flags")
    still = _write(db, verdicts, marked)
    # Those the rules no longer read are unread again (the reader's own reads stay).
    _undo_reads(db, marked - still)
    db.execute(
        "INSERT INTO filter_state (key, value) VALUES ('rules', ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (fingerprint,),
    )


def _write(db: sqlite3.Connection, verdicts: dict[int, _Verdict], marked: set[int]) -> set[int]:
    """The verdicts as rows (a "read" one reads the headline, unless the rule read it before);
    the ids the rules now hold read."""
    held: set[int] = set()
    for hid, v in verdicts.items():
        if not v.read:
            continue
        if hid in marked:
            held.add(hid)  # read by the rule before (and perhaps unread by the reader since)
        elif db.execute("UPDATE headlines SET read = 1 WHERE id = ? AND read = 0", (hid,)).rowcount:
            held.add(hid)
    db.executemany(
        "INSERT OR REPLACE INTO headline_flags (headline_id, hidden, highlight, notify,"
        " marked_read) VALUES (?, ?, ?, ?, ?)",
        [
            (hid, v.hidden, v.highlight, bool(v.alert_rule), hid in held)
            for hid, v in verdicts.items()
        ],
    )
    return held


def _undo_reads(db: sqlite3.Connection, ids: Iterable[int]) -> None:
    db.executemany("UPDATE headlines SET read = 0 WHERE id = ?", [(i,) for i in ids])


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
