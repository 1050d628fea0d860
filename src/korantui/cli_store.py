"""The store as the commands open it: the data dir's problems in one line, a store that cannot
be written opened read-only for the commands that only read, the feeds and filters brought to
it. Apart from cli.py so that `korantui read FILE`, which needs no store, imports none of it."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from korantui.cli import UsageError, _err
from korantui.core.config import Config, load_config

if TYPE_CHECKING:
    from korantui.core.models import Feed
    from korantui.core.store.database import Store
    from korantui.core.store.filter_flags import Alert


def _usable_data_dir(cfg: Config) -> None:
    """The data dir, made if need be; one line (exit 2) where it is a file or cannot be made,
    before the app names a log file inside it."""
    from korantui.core.store.store_file import data_dir_problem

    try:
        cfg.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(data_dir_problem(cfg.data_dir, e)) from None


def _open_store(
    cfg: Config, *, reread: bool = False, reading: bool = False, demo: bool = False
) -> Store:
    """The store, its feeds following the config (read again from its file after an edit).
    reading: the command only reads, so a store that cannot be written is opened read-only.
    demo: the demo edition's own store (the app's, under the data dir), loaded."""
    import sqlite3

    from korantui.core.reading_service import ReadingService
    from korantui.core.store.database import Store, StoreError
    from korantui.core.store.store_file import data_dir_problem

    if demo:
        from korantui.core.demo import demo_feed_specs

        cfg = replace(cfg, data_dir=cfg.data_dir / "demo", feeds=demo_feed_specs())
        store = _open_store(cfg)
        ReadingService(store).load_demo()
        return store
    if reread:
        cfg = load_config(cfg.path, cfg.data_dir)
    try:
        store = Store(cfg.db_path)
    except OSError as e:  # the data dir: a file, under a file, under a read-only parent
        raise UsageError(data_dir_problem(cfg.data_dir, e)) from None
    except StoreError as e:
        if not reading or e.busy or not cfg.db_path.is_file():
            raise
        return _read_only_store(cfg)
    if store.notice:
        _err(store.notice)
    try:
        ReadingService(store).sync_feeds(cfg.feeds)
        _filter_pass(store, cfg)
    except sqlite3.OperationalError:
        store.close()
        if not reading:
            raise
        return _read_only_store(cfg)
    return store


def _filter_pass(store: Store, cfg: Config) -> list[Alert]:
    """The [[filter]] rules and the feeds' own settings brought to the store; the alerts of
    the new headlines."""
    from korantui.core.store.feed_settings import follow_settings
    from korantui.core.store.filter_flags import apply_filters

    follow_settings(store, cfg.feeds)
    done = apply_filters(store, cfg.filters)
    for name in done.slow:
        _err(f"filter {name!r} was skipped: its pattern takes too long on some headlines")
    return done.alerts


def _read_only_store(cfg: Config) -> Store:
    from korantui.core.store.database import Store

    store = Store(cfg.db_path, read_only=True)
    _err(f"{cfg.db_path}: cannot be written here; showing what it holds")
    return store


def _find_feed(store: Store, wanted: str) -> Feed | None:
    """A stored feed by its number, address, or the name shown for it (case-blind)."""
    feeds = store.feeds()
    key = wanted.strip().casefold()
    for f in feeds:
        if str(f.id) == key or f.url.casefold().rstrip("/") == key.rstrip("/"):
            return f
    for f in feeds:
        if key in (f.display_name.casefold(), f.name.casefold()):
            return f
    return None
