"""Sources: what the config lists becomes headlines. Never imports the store (refresh does).

    kind.py        the SourceKind protocol every kind meets; DocumentKind (one GET, one parse)
    registry.py    the kinds ("feed", "html") and the feed formats, registered in one place
    feed_kind.py   "feed": a syndication document; its format chosen by the document's bytes
      xmlfeed.py     RSS/Atom/RDF: fastparse.py (feedparser-rs) or feeds.py (feedparser),
                     parsepool.py (feedparser in processes for big refreshes)
      jsonfeed.py    JSON Feed
    html_kind.py   "html": an index page's headlines (htmlsource.py; headline_links.py and
                   article_urls.py find them without rules)
    limits.py      what one source may cost and hold; budget.py the CPU budget of a parse
    discover.py    from an address to the best kind and URL to read it by

A new kind: one module with a SourceKind, one line in registry.py.
"""
