"""The SQL that the store's headline reads add for the [[filter]] rules' flags (filter_flags.py
keeps the table): apart, so that opening the store and showing its headlines does not bring
the rules' passes with it."""

# Every pass judges every headline without a row, so those stored since are the ones above the
# highest id judged (a deleted headline takes its row along, and SQLite gives a new one an id
# above every id left): a range of the primary key, not a pass over the whole store.
JUDGED_MAX = "COALESCE((SELECT MAX(headline_id) FROM headline_flags), 0)"
_RULES_SET = "EXISTS (SELECT 1 FROM filter_state WHERE key = 'rules' AND value != '')"
# A headline's own lookups only where they can matter: the store-wide EXISTS and the rules
# test are constants SQLite computes once a query, so with nothing hidden and no rules (most
# stores) a count costs what the plain one does (the per-feed unread counts of every start and
# refresh: 4.4 -> 1.0 ms at 10,000 headlines). hidden is written 0 or 1 (_write).
HIDDEN_SQL = (
    "((NOT EXISTS (SELECT 1 FROM headline_flags WHERE hidden = 1)"
    " OR NOT EXISTS (SELECT 1 FROM headline_flags g WHERE g.headline_id = h.id AND g.hidden = 1))"
    f" AND (NOT {_RULES_SET} OR h.id <= {JUDGED_MAX}))"
)
HIGHLIGHT_SQL = "EXISTS (SELECT 1 FROM headline_flags g WHERE g.headline_id = h.id AND g.highlight)"
