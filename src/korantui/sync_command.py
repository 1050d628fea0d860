"""The commands that fetch: `korantui refresh` (the feeds) and `sync` (the feeds, the accounts,
then the full text of every unread article)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from korantui.cli import EXIT_FAIL, EXIT_OK, _err, _out
from korantui.cli_store import _filter_pass, _open_store
from korantui.core.config import Config


def refresh(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.core.models import RefreshResult
    from korantui.core.net.fetch import Fetcher
    from korantui.core.refresh import refresh_feeds

    store = _open_store(cfg)

    def line(res: RefreshResult) -> None:
        name = res.feed.display_name
        if res.error:
            _out(f"{name}: error: {res.error}")
        elif res.not_modified:
            _out(f"{name}: not modified")
        else:
            _out(f"{name}: {res.new} new of {res.total} headlines")

    async def run() -> list[RefreshResult]:
        async with Fetcher(cfg.fetch) as fetcher:
            return await refresh_feeds(store, fetcher, store.feeds(), cfg.feeds, on_result=line)

    results = asyncio.run(run())
    _filter_pass(store, cfg)
    store.close()
    if results and all(r.error for r in results):
        return EXIT_FAIL
    return EXIT_OK


def sync(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.core.accounts.engine import AccountResult
    from korantui.core.article.site_rules import load_rules
    from korantui.core.i18n import count
    from korantui.core.net.fetch import Fetcher
    from korantui.core.sync import PlainReport, ProgressReport, SyncReport, SyncSummary, sync_all

    store = _open_store(cfg)
    rules = load_rules(cfg.rules)
    # A progress bar only where someone watches; cron and pipes get plain lines.
    report: SyncReport = ProgressReport() if sys.stdout.isatty() else PlainReport(_out)

    async def run() -> SyncSummary:
        from korantui.account_command import sync_lines

        accounts.extend(await sync_lines(store, cfg, _out))  # first: their teasers then fetched
        async with Fetcher(cfg.fetch) as fetcher:
            return await sync_all(store, fetcher, cfg.feeds, report, rules, limits=cfg.sync)

    accounts: list[AccountResult] = []
    try:
        summary = asyncio.run(run())
        alerts = _filter_pass(store, cfg)
    finally:
        store.close()
    if args.notify and alerts:
        from korantui.core.filters.notify_command import notify_all

        if cfg.filters.notify_command:
            sent = notify_all(cfg.filters.notify_command, alerts, _err)
            _out(f"{count(len(alerts), 'new alert')}, {sent} notified")
        else:
            _err("sync --notify: no notify_command in the config")
    if accounts and not any(a.ok for a in accounts):
        return EXIT_FAIL
    if summary.store_problem:
        _err(summary.store_problem)
        return EXIT_FAIL
    if summary.feeds and summary.feed_errors == summary.feeds:
        return EXIT_FAIL
    return EXIT_OK
