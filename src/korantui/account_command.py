"""The command line of accounts: `korantui account test NAME`, the accounts' part of
`korantui sync`, and `korantui add --account NAME URL` (a feed added on the server).

Every line is the account's name and either what it holds or its failure in words; no line ever
holds a password (the clients and the engine take them out of any error).
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from korantui.core.accounts.engine import AccountResult
from korantui.core.i18n import count
from korantui.core.sanitize import clean_line

if TYPE_CHECKING:
    from korantui.core.accounts.settings import AccountSettings
    from korantui.core.config import Config
    from korantui.core.store.database import Store

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
Say = Callable[[str], None]  # where a line goes: stdout, stderr


def _account(cfg: Config, name: str, err: Say) -> AccountSettings | None:
    from korantui.core.accounts.connect import find_account

    account = find_account(cfg.accounts, name)
    if account is None:
        known = ", ".join(a.name for a in cfg.accounts) or f"none in {cfg.path}"
        err(f"no account {clean_line(name)!r} (accounts: {known})")
    return account


def account(args: argparse.Namespace, cfg: Config) -> int:
    """`korantui account test NAME`."""
    from korantui.cli import _err, _out

    return account_test(cfg, args.name, _out, _err)


def account_test(cfg: Config, name: str, out: Say, err: Say) -> int:
    """Log in and say what the server holds: "Rumah: ok, 42 feeds, 318 unread"."""
    from korantui.core.accounts.connect import connector
    from korantui.core.accounts.engine import redact
    from korantui.core.accounts.remote import AccountError

    account = _account(cfg, name, err)
    if account is None:
        return EXIT_USAGE

    async def run() -> tuple[str, bool]:
        async with connector(cfg.fetch) as connect:
            secrets: list[str] = []
            try:
                client, given = await connect.open(account)
                secrets = list(given)
                try:
                    await client.login()
                    feeds = await client.feeds()
                    state = await client.state()
                finally:
                    await client.aclose()
            except AccountError as e:
                return f"{account.name}: {clean_line(redact(str(e), secrets))}", False
        line = f"{account.name}: ok, {count(len(feeds), 'feed')}, {len(state.unread)} unread"
        return line, True

    line, ok = asyncio.run(run())
    out(line)
    return EXIT_OK if ok else EXIT_FAIL


async def sync_lines(store: Store, cfg: Config, out: Say) -> list[AccountResult]:
    """The accounts' part of `korantui sync`: one line per account, before the feeds (whose
    article fetch then takes the account headlines that came with a teaser only)."""
    from korantui.core.accounts.connect import sync_configured

    def line(result: AccountResult) -> None:
        out(result.line())

    return await sync_configured(store, cfg.accounts, cfg.fetch, on_result=line)


def add_to_account(
    args: argparse.Namespace,
    cfg: Config,
    store: Store,
    out: Say,
    err: Say,
) -> int:
    """Subscribe on the account's server, then sync the account so the feed and its headlines
    are in the store."""
    from korantui.core.accounts.connect import connector, sync_configured
    from korantui.core.accounts.remote import AccountError

    account = _account(cfg, args.account, err)
    if account is None:
        return EXIT_USAGE

    async def run() -> int:
        async with connector(cfg.fetch) as connect:
            try:
                client, _secrets = await connect.open(account)
                try:
                    await client.login()
                    feed = await client.add_feed(args.url, args.category or "")
                    if args.name:
                        await client.rename_feed(feed.id, args.name)
                finally:
                    await client.aclose()
            except AccountError as e:
                err(f"{account.name}: {clean_line(str(e))}")
                return EXIT_FAIL
        out(f"{account.name}: subscribed to {clean_line(args.name or feed.title or feed.url)}")
        results = await sync_configured(store, cfg.accounts, cfg.fetch, only=[account.name])
        for result in results:
            out(result.line())
        return EXIT_OK

    return asyncio.run(run())
