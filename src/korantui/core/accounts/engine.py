"""The two-way sync of one account: what korantui changed goes to the server, what the server
holds comes into the store.

One sync, in this order:
1. login;
2. the queue pushed, batched: mark-alls by the server's own call, then the latest read/unread
   and star/unstar of each item; an entry leaves the queue only once the server accepted it, so
   a server failing half-way leaves the rest queued for the next sync;
3. the subscriptions and their categories -> the account's feeds in the store;
4. the items new since the newest one the last complete pull saw, page by page (one
   transaction a page, so 10,000 items never sit in memory at once); the server's content is
   the summary, and the article itself when it is long enough to be one (else korantui
   extracts it when opened);
5. the unread and starred id lists applied, except where a local change is still queued.
The pull's cursor moves only when all of that went through; a pull cut short is pulled again
(items already stored are passed over by their remote id).

A failure is the account's one line (AccountError's words); sync_accounts goes on with the
others. Every store call runs off the event loop.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from korantui.core.account_content import item_rows
from korantui.core.accounts.remote import AccountClient, AccountError, Failure
from korantui.core.sanitize import clean_line
from korantui.core.store import account_queue
from korantui.core.store import accounts as account_store
from korantui.core.store.accounts import MARK_ALL, READ, STAR, UNREAD, UNSTAR
from korantui.core.store.database import Store
from korantui.core.threads import off_loop

# The server's content is the whole article from this many words on (a teaser is one or two
# sentences; a news article 200 words and more).
FULL_TEXT_WORDS = 150
Opener = Callable[[], Awaitable[tuple[AccountClient, Sequence[str]]]]

# Items crawled while the last pull ran, or with the server's clock a little behind ours, are
# pulled again rather than missed: a known remote id costs one lookup.
PULL_OVERLAP = timedelta(minutes=10)
PUSH_BATCH = 250  # ids per call: well under any server's form or URL limit


@dataclass(slots=True)
class AccountResult:
    """What one account's sync did, for its one line."""

    name: str
    feeds: int = 0
    new: int = 0
    pushed: int = 0
    unread: int = 0
    left_queued: int = 0
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    def line(self) -> str:
        if self.error:
            kept = self.left_queued
            return f"{self.name}: {self.error}" + (
                f" ({kept} changes kept for the next sync)" if kept else ""
            )
        return (
            f"{self.name}: ok, {self.feeds} feeds, {self.new} new, {self.unread} unread,"
            f" {self.pushed} changes pushed"
        )


def redact(text: str, secrets: Iterable[str]) -> str:
    """text without any of the secrets in it: an error may quote what the server was sent."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "…")
    return text


async def sync_account(
    store: Store, client: AccountClient, name: str, *, secrets: Sequence[str] = ()
) -> AccountResult:
    """One account's whole sync (see the module's docstring); never raises for the server's
    failures: they are the result's error, and the account's in the store."""
    result = AccountResult(name)
    try:
        await client.login()
        result.pushed = await push_queue(store, client, name)
        await pull(store, client, name, result)
    except AccountError as e:
        result.error = clean_line(redact(str(e), secrets))[:300]
    except Exception as e:  # a bug must not stop the other accounts; said in words
        result.error = clean_line(redact(f"unexpected error: {type(e).__name__}: {e}", secrets))
        result.error = result.error[:300]
    if result.error:
        await off_loop(account_store.record_failure, store, name, result.error)
        result.left_queued = len(await off_loop(account_queue.queued, store, name))
    return result


async def sync_accounts(
    store: Store,
    accounts: Sequence[tuple[str, Opener]],
    on_result: Callable[[AccountResult], None] | None = None,
) -> list[AccountResult]:
    """Every account in turn: (name, an opener of its client giving the client and the secrets
    it holds). One's failure, even to open its client (a password command that fails), is its
    line; the others go on."""
    results: list[AccountResult] = []
    for name, open_client in accounts:
        try:
            client, secrets = await open_client()
        except AccountError as e:
            result = AccountResult(name, error=clean_line(str(e))[:300])
            await off_loop(account_store.record_failure, store, name, result.error)
        else:
            try:
                result = await sync_account(store, client, name, secrets=secrets)
            finally:
                await client.aclose()
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


# -- push --------------------------------------------------------------------------------------


async def push_queue(store: Store, client: AccountClient, name: str) -> int:
    """The queue's entries pushed; how many left it. Raises AccountError at the first refusal:
    what is left stays queued."""
    entries = await off_loop(account_queue.queued, store, name)
    pushed = 0
    # Mark-alls first, in order: a read or unread queued after one is pushed after it.
    for entry in (e for e in entries if e.kind == MARK_ALL):
        before = entry.before or datetime.now(UTC)
        await _refusable(client.mark_all_read(entry.remote_id or None, before))
        await off_loop(account_queue.unqueue, store, [entry.id])
        pushed += 1
    # The latest entry of each item and state is the one to push; the earlier ones go with it.
    latest: dict[tuple[str, str], str] = {}
    entry_ids: dict[tuple[str, str], list[int]] = {}
    for e in entries:
        if e.kind == MARK_ALL:
            continue
        key = (e.remote_id, "read" if e.kind in (READ, UNREAD) else "star")
        latest[key] = e.kind
        entry_ids.setdefault(key, []).append(e.id)
    for kind in (READ, UNREAD, STAR, UNSTAR):
        keys = [key for key, last in latest.items() if last == kind]
        for start in range(0, len(keys), PUSH_BATCH):
            batch = keys[start : start + PUSH_BATCH]
            ids = [remote_id for remote_id, _ in batch]
            if kind in (READ, UNREAD):
                await _refusable(client.mark_read(ids, kind == READ))
            else:
                await _refusable(client.mark_starred(ids, kind == STAR))
            done = [i for key in batch for i in entry_ids[key]]
            await off_loop(account_queue.unqueue, store, done)
            pushed += len(done)
    return pushed


async def _refusable(call: Awaitable[None]) -> None:
    """A change the server refuses outright (the item or feed is gone from it) will never be
    taken: it leaves the queue rather than stop every later sync. Any other failure (the
    server away, a login that expired, its own error) keeps it queued."""
    try:
        await call
    except AccountError as e:
        if e.failure is not Failure.REFUSED:
            raise


# -- pull --------------------------------------------------------------------------------------


async def pull(store: Store, client: AccountClient, name: str, result: AccountResult) -> None:
    started = datetime.now(UTC)
    status = (await off_loop(account_store.account_status, store)).get(name)
    since = status.pulled_from - PULL_OVERLAP if status and status.pulled_from else None
    feeds = await client.feeds()
    rows = [(f.id, f.title or f.url, f.url, f.categories) for f in feeds]
    feed_ids = await off_loop(account_store.save_feeds, store, name, rows)
    result.feeds = len(feeds)
    newest: datetime | None = None
    async for page in client.items(since):
        dates = [i.published for i in page if i.published is not None]
        if dates:
            newest = max([*dates, newest] if newest else dates)
        items = [i for i in page if i.feed_id in feed_ids]
        fresh = await off_loop(account_store.known_items, store, name, [i.id for i in items])
        # Only the items not stored yet are converted (the HTML work is the page's cost).
        todo = [i for i in items if i.id not in fresh]
        if todo:
            converted = await off_loop(item_rows, todo, feed_ids, FULL_TEXT_WORDS)
            result.new += await off_loop(account_store.save_items, store, name, converted)
    state = await client.state()
    await off_loop(account_store.apply_state, store, name, state.unread, state.starred)
    result.unread = len(state.unread)
    # The next pull starts from the newest item seen, by the server's dates (its clock, not
    # ours), and never from later than this pull began (an item dated in the future).
    cursor = min(newest, started) if newest else (status.pulled_from if status else None)
    await off_loop(account_store.record_pull, store, name, cursor, datetime.now(UTC))
