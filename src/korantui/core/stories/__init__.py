"""One story, many outlets: headlines of different feeds that report the same event within two
days, grouped (text.py reads a headline's words, match.py scores two, index.py finds the few to
score, grouping.py runs it on a store's new headlines)."""
