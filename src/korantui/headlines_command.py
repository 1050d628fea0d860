"""The commands that print what the store holds: `korantui feeds`, `headlines`, `search`."""

from __future__ import annotations

import argparse
import json

from korantui.cli import EXIT_FAIL, EXIT_OK, UsageError, _err, _out
from korantui.cli_store import _find_feed, _open_store
from korantui.core.config import Config
from korantui.core.i18n import format_date
from korantui.core.moments import to_stored


def feeds(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.core.filters.feed_status import feed_status_lines, saved_search_lines

    store = _open_store(cfg, reading=True, demo=args.demo)
    try:
        feeds = store.feeds()
        status = feed_status_lines(store, cfg)
        saved = saved_search_lines(store, cfg)
    finally:
        store.close()
    for f in feeds:
        when = format_date(f.last_refresh, cfg.ui_language) or "never refreshed"
        _out(" · ".join((f.display_name, f.kind, f.category or "-", when)))
        _out(f"    {f.url}")
        for line in status.get(f.id, []):
            _out(f"    {line}")
        if f.last_error:
            _out(f"    last error: {f.last_error}")
    for line in saved:
        _out(line)
    return EXIT_OK


def headlines(args: argparse.Namespace, cfg: Config) -> int:
    store = _open_store(cfg, reading=True, demo=args.demo)
    try:
        feed_id = None
        if args.query:
            from korantui.core.queries import query_named

            try:
                rows = query_named(store, cfg.filters.queries, args.query)[: max(0, args.limit)]
            except LookupError as e:
                raise UsageError(str(e)) from None
        elif args.feed:
            feed = _find_feed(store, args.feed)
            if feed is None:
                raise UsageError(f"no feed {args.feed!r}; `korantui feeds` lists them")
            feed_id = feed.id
        if not args.query:
            rows = store.headlines(feed_id, limit=args.limit)
    finally:
        store.close()
    if args.format == "json":
        out = [
            {
                "title": h.title,
                "link": h.link,
                "published": to_stored(h.published),  # "2022-09-20" for a day alone
                "feed": h.feed_name,
                "read": h.read,
            }
            for h in rows
        ]
        _out(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    for h in rows:
        when = format_date(h.published or h.first_seen, cfg.ui_language)
        mark = " " if h.read else "*"
        _out(f"{mark} " + " · ".join(x for x in (when, h.feed_name, h.title) if x))
        if h.link:
            _out(f"    {h.link}")
    return EXIT_OK


def search(args: argparse.Namespace, cfg: Config) -> int:
    query = " ".join(args.query).strip()
    if not query:
        raise UsageError("search: give the words to look for")
    store = _open_store(cfg, reading=True, demo=args.demo)
    try:
        results = store.search(query, limit=args.limit)
    finally:
        store.close()
    if not results:
        _err("no stored headline matches")
        return EXIT_FAIL
    for h in results:
        when = format_date(h.published or h.first_seen, cfg.ui_language)
        _out(" · ".join(x for x in (when, h.feed_name, h.title) if x))
        if h.link:
            _out(f"    {h.link}")
    return EXIT_OK
