"""The commands that edit the feed list: `korantui add`, `remove`, `import-opml`,
`export-opml` (the config file is the list; the store follows it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from korantui.cli import EXIT_FAIL, EXIT_OK, UsageError, _err, _out
from korantui.cli_store import _find_feed, _open_store
from korantui.core.config import Config
from korantui.core.i18n import count


def add(args: argparse.Namespace, cfg: Config) -> int:
    import asyncio  # lazy: `read FILE` and the app's start do without its ~0.1 s

    if args.account:  # subscribed on the account's server, not in the config file
        from korantui.account_command import add_to_account

        store = _open_store(cfg)
        try:
            return add_to_account(args, cfg, store, _out, _err)
        finally:
            store.close()

    from korantui.core.config_edit import add_feed
    from korantui.core.net.fetch import Fetcher
    from korantui.core.reading_service import ReadingService
    from korantui.core.refresh import refresh_feed
    from korantui.core.sources.discover import DiscoveryError, discover

    async def run() -> int:
        async with Fetcher(cfg.fetch) as fetcher:
            try:
                found = await discover(fetcher, args.url, _out)
            except DiscoveryError as e:
                _err(str(e))
                return EXIT_FAIL
            spec = found.spec(args.name or "", args.category or "")
            if not add_feed(cfg.path, spec):
                _err(f"{spec.url} is already in the feed list")
                return EXIT_FAIL
            # discover() has said what it found (progress); the last line says what was done.
            for alt in found.alternatives:
                _out(f"  also offered: {alt}")
            store = _open_store(cfg, reread=True)
            try:
                feed = next(f for f in store.feeds() if f.url == spec.url)
                if found.parsed is not None:  # discovery has read it: no second fetch
                    first = ReadingService(store).store_discovered(
                        spec.url, found.parsed, found.etag, found.last_modified
                    )
                    assert first is not None  # the feed was found just above
                    res = first
                else:
                    res = await refresh_feed(store, fetcher, feed, spec.rules)
            finally:
                store.close()
        stored = f"{res.new} headlines stored" if res.ok else f"first refresh failed: {res.error}"
        _out(f"added {spec.name or spec.url} to {cfg.path}; {stored}")
        return EXIT_OK

    return asyncio.run(run())


def remove(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.core.config_edit import remove_feed

    target: str = args.target
    removed = remove_feed(cfg.path, target)
    if removed is None:
        # The name users see may be the feed's own title, which only the store knows.
        store = _open_store(cfg)
        try:
            feed = _find_feed(store, target)
        finally:
            store.close()
        removed = remove_feed(cfg.path, feed.url) if feed is not None else None
    if removed is None:
        _err(f"no feed {target!r}; `korantui feeds` lists them")
        return EXIT_FAIL
    store = _open_store(cfg, reread=True)
    try:
        from korantui.core.reading_service import ReadingService

        service = ReadingService(store)
        for f in store.feeds(include_inactive=True):
            if f.url == removed.url:
                service.remove_feed(f.id)
    finally:
        store.close()
    _out(f"removed {removed.name or removed.url} ({removed.url})")
    return EXIT_OK


def import_opml(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.core.config_edit import add_feeds
    from korantui.core.opml import OpmlError, import_opml

    try:
        specs = import_opml(Path(args.file).read_bytes())
    except OSError as e:
        raise UsageError(f"{args.file}: cannot read: {e.strerror or e}") from None
    except OpmlError as e:
        raise UsageError(f"{args.file}: {e}") from None
    added = add_feeds(cfg.path, specs)
    for s in added:
        _out(f"added {s.name or s.url}" + (f" ({s.category})" if s.category else ""))
    _out(f"{count(len(added), 'feed')} added, {len(specs) - len(added)} already in the list")
    if added:
        _open_store(cfg, reread=True).close()
    return EXIT_OK


def export_opml(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.core.opml import export_opml

    titles: dict[str, str] = {}
    if cfg.db_path.is_file():  # the feeds' own titles, for those the config gives no name
        store = _open_store(cfg, reading=True)
        try:
            titles = {f.url: f.title for f in store.feeds() if f.title}
        finally:
            store.close()
    text = export_opml(cfg.feeds, titles=titles)
    if not args.file:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        Path(args.file).write_text(text, encoding="utf-8")
    except OSError as e:
        raise UsageError(f"{args.file}: cannot write: {e.strerror or e}") from None
    _out(f"{count(len(cfg.feeds), 'feed')} written to {args.file}")
    return EXIT_OK
