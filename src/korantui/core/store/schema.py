"""The store's schema as steps: step 1 is the first schema (with step 2, the starred index,
folded in since every store made before it is upgraded by re-running it); each later step is one
feature's tables. A store at user_version N gets the steps after N, all in the one transaction
that also sets the new version, so a crash leaves the store as it was.

A feature adds its step at the end of STEPS; it never edits an earlier one (stores out there
have run it). Prefer new tables to new columns; a new column is `ALTER TABLE … ADD COLUMN` with
a default.
"""

from __future__ import annotations

BASE = """
CREATE TABLE IF NOT EXISTS feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'feed',
    title TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    last_refresh TEXT,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS headlines (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    image TEXT NOT NULL DEFAULT '',
    published TEXT,
    first_seen TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS headlines_feed_sort ON headlines(feed_id, sort_key DESC, position);
CREATE INDEX IF NOT EXISTS headlines_sort ON headlines(sort_key DESC);
CREATE INDEX IF NOT EXISTS headlines_link ON headlines(feed_id, link);
CREATE INDEX IF NOT EXISTS headlines_guid ON headlines(feed_id, guid);
CREATE INDEX IF NOT EXISTS headlines_unread ON headlines(feed_id) WHERE read = 0;
CREATE INDEX IF NOT EXISTS headlines_starred ON headlines(feed_id) WHERE starred = 1;
CREATE TABLE IF NOT EXISTS articles (
    headline_id INTEGER PRIMARY KEY REFERENCES headlines(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    data TEXT NOT NULL,
    fetched TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS headline_search USING fts5(
    title, summary, body, tokenize = 'unicode61 remove_diacritics 2'
);
"""

# Accounts on servers (issue 13): which store feeds and headlines are an account's, with the
# server's ids, how far the last sync got, and the queue of local changes not yet pushed. The
# queue keeps the remote id, so an entry survives its headline being pruned.
ACCOUNTS = """
CREATE TABLE IF NOT EXISTS accounts (
    name TEXT PRIMARY KEY,
    pulled_from TEXT,
    pulled_at TEXT,
    last_attempt TEXT,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS account_feeds (
    feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
    account TEXT NOT NULL,
    remote_id TEXT NOT NULL,
    UNIQUE (account, remote_id)
);
CREATE TABLE IF NOT EXISTS account_items (
    headline_id INTEGER PRIMARY KEY REFERENCES headlines(id) ON DELETE CASCADE,
    account TEXT NOT NULL,
    remote_id TEXT NOT NULL,
    UNIQUE (account, remote_id)
);
CREATE TABLE IF NOT EXISTS account_queue (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    kind TEXT NOT NULL,
    remote_id TEXT NOT NULL DEFAULT '',
    headline_id INTEGER,
    before TEXT,
    queued TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS account_queue_account ON account_queue(account, id);
"""

# Issue 18: what the filters concluded of each headline (a view of the config's rules, redone
# when they change: dropping the table loses nothing), their state, each feed's health and the
# earliest time its server allows the next request, and the [[feeds]] settings that whoever holds
# the store needs (the reader, prefetch, the images, the prune).
FILTERS_AND_HEALTH = """
CREATE TABLE IF NOT EXISTS headline_flags (
    headline_id INTEGER PRIMARY KEY REFERENCES headlines(id) ON DELETE CASCADE,
    hidden INTEGER NOT NULL DEFAULT 0,
    highlight INTEGER NOT NULL DEFAULT 0,
    notify INTEGER NOT NULL DEFAULT 0,
    marked_read INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS headline_flags_hidden ON headline_flags(headline_id) WHERE hidden = 1;
CREATE TABLE IF NOT EXISTS filter_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS feed_health (
    feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
    last_attempt TEXT,
    last_success TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    failing_since TEXT,
    last_error TEXT NOT NULL DEFAULT '',
    not_before TEXT
);
CREATE TABLE IF NOT EXISTS feed_settings (
    feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
    full_text INTEGER NOT NULL DEFAULT 0,
    images INTEGER NOT NULL DEFAULT 1,
    retention_days INTEGER,
    prefetch INTEGER
);
"""

# version -> the statements that bring a store from version-1 to it. 2 re-runs BASE: stores of
# version 1 lack the starred index, and BASE is idempotent.
STEPS: dict[int, str] = {
    1: BASE,
    2: BASE,
    # The address that last worked for a built-in outlet (core/outlet_candidates.py).
    3: """
CREATE TABLE IF NOT EXISTS outlet_addresses (
    outlet TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    kind TEXT NOT NULL,
    found TEXT NOT NULL
);
""",
    # Accounts on servers: their feeds, items, sync cursors and the queue of local changes.
    4: ACCOUNTS,
    # Filters' conclusions, feed health and the server's wait, per-feed settings (issue 18).
    5: FILTERS_AND_HEALTH,
    # Article pictures, for reading offline (core/store/images.py).
    6: """
CREATE TABLE IF NOT EXISTS images (
    url TEXT PRIMARY KEY,
    headline_id INTEGER REFERENCES headlines(id) ON DELETE CASCADE,
    data BLOB,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    mime TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    stored TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS images_stored ON images(stored);
CREATE INDEX IF NOT EXISTS images_headline ON images(headline_id);
""",
    # One story, many outlets (core/stories): every grouped headline's story (a story is the id
    # of its first headline) and its words as the grouping reads them, so a new process indexes
    # the stored ones without reading their text again. The partial index holds the grouped
    # only: the UI asks for those, and most headlines are a story of their own.
    7: """
CREATE TABLE IF NOT EXISTS story_members (
    headline_id INTEGER PRIMARY KEY REFERENCES headlines(id) ON DELETE CASCADE,
    story_id INTEGER NOT NULL,
    terms TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS story_members_grouped ON story_members(story_id)
    WHERE story_id != headline_id;
""",
    # The files a feed item carries (podcast audio, video, a PDF), shown as such (issue 17).
    8: """
CREATE TABLE IF NOT EXISTS enclosures (
    headline_id INTEGER NOT NULL REFERENCES headlines(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT '',
    length INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (headline_id, position)
);
""",
}

SCHEMA_VERSION = max(STEPS)


def statements(script: str) -> list[str]:
    return [s for s in script.split(";") if s.strip()]
