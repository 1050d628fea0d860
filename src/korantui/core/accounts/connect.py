"""From an [[account]] table to a logged-out client of its server, and the sync of every
configured account: what `korantui sync`, `korantui account test` and the app share.

One HTTP connection pool serves every account of a run; the password is read (its command
run) only when the account's turn comes, and handed to the client alone.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from korantui.core.accounts.engine import AccountResult, Opener, push_queue, redact, sync_accounts
from korantui.core.accounts.remote import AccountClient, AccountError
from korantui.core.accounts.settings import AccountSettings, credentials
from korantui.core.sanitize import clean_line
from korantui.core.store.accounts import forget_accounts
from korantui.core.threads import off_loop

if TYPE_CHECKING:
    import httpx

    from korantui.core.net.fetch import FetchSettings
    from korantui.core.store.database import Store


class Connector:
    """Opens clients of accounts over one shared pool."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def open(self, account: AccountSettings) -> tuple[AccountClient, list[str]]:
        """The account's client and the secrets it was given. Raises SecretError."""
        creds = await asyncio.to_thread(credentials, account)
        client: AccountClient
        if account.kind == "greader":
            from korantui.core.accounts.greader import GReaderClient

            client = GReaderClient(account.url, account.username, creds.password, http=self.http)
        else:
            from korantui.core.accounts.miniflux import MinifluxClient

            client = MinifluxClient(
                account.url,
                username=account.username,
                password=creds.password,
                api_key=creds.api_key,
                http=self.http,
            )
        return client, creds.secrets


@asynccontextmanager
async def connector(fetch: FetchSettings | None = None) -> AsyncIterator[Connector]:
    from korantui.core.net.api import new_api_client

    http = new_api_client(
        user_agent=fetch.user_agent if fetch else "", ca_file=fetch.ca_file if fetch else ""
    )
    try:
        yield Connector(http)
    finally:
        await http.aclose()


async def sync_configured(
    store: Store,
    accounts: Sequence[AccountSettings],
    fetch: FetchSettings | None = None,
    on_result: Callable[[AccountResult], None] | None = None,
    only: Sequence[str] | None = None,
) -> list[AccountResult]:
    """Sync every configured account (or only those named), one after the other; an account
    gone from the config is forgotten (its feeds leave the feed pane)."""
    await off_loop(forget_accounts, store, [a.name for a in accounts])
    chosen = [a for a in accounts if only is None or a.name in only]
    if not chosen:
        return []
    async with connector(fetch) as connect:
        plan = [(a.name, _opener(connect, a)) for a in chosen]
        return await sync_accounts(store, plan, on_result)


def _opener(connect: Connector, account: AccountSettings) -> Opener:
    async def open_it() -> tuple[AccountClient, Sequence[str]]:
        return await connect.open(account)

    return open_it


def find_account(accounts: Sequence[AccountSettings], name: str) -> AccountSettings | None:
    key = name.strip().casefold()
    return next((a for a in accounts if a.name.casefold() == key), None)


async def push_configured(
    store: Store, accounts: Sequence[AccountSettings], fetch: FetchSettings | None = None
) -> list[AccountResult]:
    """Only the queues pushed, of the accounts that have one: the reader's changes reach the
    server within seconds when it is there, and wait in the queue when it is not."""
    from korantui.core.store.accounts import account_status

    status = await off_loop(account_status, store)
    chosen = [a for a in accounts if a.name in status and status[a.name].queued]
    results: list[AccountResult] = []
    if not chosen:
        return results
    async with connector(fetch) as connect:
        for account in chosen:
            results.append(await _on_server(store, connect, account, push_queue))
    return results


async def change_on_server(
    store: Store,
    accounts: Sequence[AccountSettings],
    name: str,
    change: Callable[[AccountClient], Awaitable[object]],
    fetch: FetchSettings | None = None,
) -> AccountResult:
    """A change of the account's subscriptions made on its server (add, remove, rename, move),
    then the account synced so the store shows what the server now holds."""
    account = find_account(accounts, name)
    if account is None:
        return AccountResult(name, error="no such account in the config")

    async def do(store: Store, client: AccountClient, name: str) -> int:
        await change(client)
        return 0

    async with connector(fetch) as connect:
        result = await _on_server(store, connect, account, do)
    if result.error:
        return result
    synced = await sync_configured(store, accounts, fetch, only=[name])
    return synced[0] if synced else result


async def _on_server(
    store: Store,
    connect: Connector,
    account: AccountSettings,
    work: Callable[[Store, AccountClient, str], Awaitable[int]],
) -> AccountResult:
    from korantui.core.store.account_queue import queued
    from korantui.core.store.accounts import record_failure

    result = AccountResult(account.name)
    secrets: Sequence[str] = ()
    try:
        client, secrets = await connect.open(account)
        try:
            await client.login()
            result.pushed = await work(store, client, account.name)
        finally:
            await client.aclose()
    except AccountError as e:
        result.error = clean_line(redact(str(e), secrets))[:300]
        await off_loop(record_failure, store, account.name, result.error)
        result.left_queued = len(await off_loop(queued, store, account.name))
    return result
