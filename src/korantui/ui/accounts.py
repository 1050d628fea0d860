"""Accounts in the app: their sync on start and on R, the reader's changes pushed soon after
they are made, the account's row in the feed pane (its failure in words), and a, d, e on an
account's feed done on its server.

Every server call runs in a worker thread through the app's network runner, never on the UI
thread; the store is written by the core (core/accounts), the screen only reads it back. Held by
MainScreen (composition, not a mixin).
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from korantui.core.accounts.engine import AccountResult
    from korantui.core.accounts.remote import AccountClient
    from korantui.core.models import Feed
    from korantui.ui.screens.main import MainScreen

_WORDS = {
    "en": {
        "syncing": "syncing…",
        "never": "not synced yet",
        "synced": "{name}: {new} new headlines",
        "done": "{name}: done on the server",
    },
    "id": {
        "syncing": "menyinkronkan…",
        "never": "belum disinkronkan",
        "synced": "{name}: {new} judul baru",
        "done": "{name}: sudah diubah di server",
    },
}


def _say(lang: str, key: str, **values: object) -> str:
    return _WORDS.get(lang, _WORDS["en"])[key].format(**values)


class AccountsSynced(Message):
    def __init__(self, results: list[AccountResult], quiet: bool = False, done: str = "") -> None:
        super().__init__()
        self.results = results
        self.quiet = quiet  # a push of the queue: only failures are worth a notice
        self.done = done  # the account whose feeds were changed on its server


class AccountSyncer:
    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.busy = False
        self._pushing = False
        self._again = False
        self._again_full = False
        self._errors: dict[str, str] = {}  # account -> its last error, as the store holds it
        self._never: set[str] = set()  # accounts never synced
        self._read = False

    @property
    def _accounts(self) -> list:
        app = self.screen.korantui
        return [] if app.demo else list(app.config.accounts)

    # -- the feed pane's rows ----------------------------------------------------------------

    def rows(self) -> list[tuple[str, str]]:
        """(account name, the line under its heading: "" when all is well) for each account."""
        accounts = self._accounts
        if not accounts:
            return []
        if not self._read:
            self.read_status()
        lang = self.screen.lang
        rows = []
        for account in accounts:
            if self.busy:
                note = _say(lang, "syncing")
            elif account.name in self._errors:
                note = "! " + self._errors[account.name]
            elif account.name in self._never:
                note = _say(lang, "never")
            else:
                note = ""
            rows.append((account.name, note))
        return rows

    def read_status(self) -> None:
        from korantui.core.store.accounts import account_status

        status = account_status(self.screen.korantui.store)
        self._errors = {n: s.last_error for n, s in status.items() if s.last_error}
        self._never = {a.name for a in self._accounts if a.name not in status}
        self._read = True

    # -- sync and push -----------------------------------------------------------------------

    def sync(self, *, push_only: bool = False) -> None:
        """Sync every account in a worker (push_only: only the queues); one at a time, a
        request meanwhile runs after it."""
        accounts = self._accounts
        if not accounts:
            if not push_only:
                self._forget_all()
            return
        if self.busy or self._pushing:
            self._again = True
            self._again_full = self._again_full or not push_only
            return
        self.busy = not push_only
        self._pushing = push_only
        screen = self.screen
        app = screen.korantui
        store, runner, fetch = app.store, app.runner, app.config.fetch
        if not push_only:
            screen.reload_feeds()  # the rows say "syncing…"

        def work() -> None:
            from korantui.core.accounts.connect import push_configured, sync_configured

            def job(_fetcher: object) -> Awaitable[list[AccountResult]]:
                if push_only:
                    return push_configured(store, accounts, fetch)
                return sync_configured(store, accounts, fetch)

            try:
                results = runner.run(job)
            except concurrent.futures.CancelledError:
                return
            screen.post_message(AccountsSynced(results, quiet=push_only))

        screen.run_worker(work, thread=True, group="accounts", exit_on_error=False)

    def _forget_all(self) -> None:
        """No account in the config (any more): the feeds of the ones removed leave the pane."""
        from korantui.core.store.accounts import account_feed_ids

        app = self.screen.korantui
        if app.demo or not account_feed_ids(app.store):
            return
        store, screen = app.store, self.screen

        def work() -> None:
            from korantui.core.store.accounts import forget_accounts

            forget_accounts(store, [])
            screen.post_message(AccountsSynced([]))

        screen.run_worker(work, thread=True, group="accounts", exit_on_error=False)

    def push_soon(self) -> None:
        """A change was made: an account's part of it goes to the server now."""
        self.sync(push_only=True)

    def synced(self, message: AccountsSynced) -> None:
        screen = self.screen
        self.busy = self._pushing = False
        if not message.results and message.quiet and not self._again:
            return  # a push with nothing queued: nothing changed
        self.read_status()
        screen.reload_feeds()
        screen.reload_headlines(keep=True)
        for result in message.results:
            if result.error:
                screen.notify(result.line(), severity="warning", timeout=10, markup=False)
            elif not message.quiet and result.new:
                text = _say(screen.lang, "synced", name=result.name, new=result.new)
                screen.notify(text, timeout=4, markup=False)
        if message.done:
            screen.notify(_say(screen.lang, "done", name=message.done), timeout=4, markup=False)
        if self._again:
            push_only = not self._again_full
            self._again = self._again_full = False
            self.sync(push_only=push_only)

    def failed(self) -> None:
        """The worker ended in an error of korantui's own (reported by the screen)."""
        self.busy = self._pushing = False
        self._again = self._again_full = False

    # -- the feed list on the server: a, d, e ------------------------------------------------

    def account_of(self, feed: Feed | None) -> tuple[str, str] | None:
        """(account, remote feed id) of an account's feed; None for a local one."""
        if feed is None or not self._accounts:
            return None
        from korantui.core.store.accounts import feed_account

        return feed_account(self.screen.korantui.store, feed.id)

    def on_server(self, name: str, change: Callable[[AccountClient], Awaitable[object]]) -> None:
        """A change of the account's feeds made on its server, then the account synced."""
        screen = self.screen
        app = screen.korantui
        store, runner, fetch, accounts = app.store, app.runner, app.config.fetch, self._accounts

        def work() -> None:
            from korantui.core.accounts.connect import change_on_server

            try:
                result = runner.run(
                    lambda _f: change_on_server(store, accounts, name, change, fetch)
                )
            except concurrent.futures.CancelledError:
                return
            done = name if result.ok else ""
            screen.post_message(AccountsSynced([result], quiet=True, done=done))

        screen.run_worker(work, thread=True, group="accounts-edit", exit_on_error=False)

    def add(self, feed: Feed | None) -> bool:
        """a on an account's feed: the address found is subscribed on that account's server.
        False when the feed is a local one (the config's add then runs)."""
        where = self.account_of(feed)
        if where is None:
            return False
        from korantui.ui.screens.add_feed import AddFeedResult, AddFeedScreen

        name = where[0]

        def added(result: AddFeedResult | None) -> None:
            if result is None:
                return
            url, title = result.discovery.spec("", "").url, result.name
            category = result.category

            async def change(client: AccountClient) -> None:
                remote = await client.add_feed(url, category)
                if title:
                    await client.rename_feed(remote.id, title)

            self.on_server(name, change)

        screen = AddFeedScreen(self.screen.korantui.runner, lang=self.screen.lang)
        self.screen.app.push_screen(screen, added)
        return True

    def delete(self, feed: Feed | None) -> bool:
        where = self.account_of(feed)
        if where is None or feed is None:
            return False
        from korantui.core.i18n import tr
        from korantui.ui.screens.confirm import ConfirmScreen

        name, remote_id = where

        def done(yes: bool | None) -> None:
            if yes:
                self.on_server(name, lambda client: client.remove_feed(remote_id))

        question = tr("delete_feed_q", self.screen.lang, name=feed.display_name)
        self.screen.app.push_screen(ConfirmScreen(question, lang=self.screen.lang), done)
        return True

    def edit(self, feed: Feed | None) -> bool:
        where = self.account_of(feed)
        if where is None or feed is None:
            return False
        from korantui.ui.screens.edit_feed import EditFeedResult, EditFeedScreen

        name, remote_id = where
        prefix = f"{name} / "
        label = feed.category[len(prefix) :] if feed.category.startswith(prefix) else ""

        def done(result: EditFeedResult | None) -> None:
            if result is None:
                return

            async def change(client: AccountClient) -> None:
                if result.name and result.name != feed.name:
                    await client.rename_feed(remote_id, result.name)
                if result.category != label:
                    await client.move_feed(remote_id, result.category)

            self.on_server(name, change)

        screen = EditFeedScreen(feed.name, label, url=feed.url, lang=self.screen.lang)
        self.screen.app.push_screen(screen, done)
        return True


def with_account_rows(entries: list, accounts: list[tuple[str, str]]) -> list:
    """The feed pane's entries with each account's line under its first heading (an account
    without feeds yet gets a heading of its own), so its failure shows where its feeds are."""
    from korantui.ui.widgets.feed_list import FeedEntry

    out = list(entries)
    for name, note in accounts:
        at = next(
            (
                i
                for i, e in enumerate(out)
                if e.kind == "category" and (e.name == name or e.name.startswith(name + " / "))
            ),
            None,
        )
        if at is None:
            out += [FeedEntry("separator"), FeedEntry("category", name=name)]
            at = len(out) - 1
        lines = _wrapped(note)
        out[at + 1 : at + 1] = [FeedEntry("note", name=line) for line in lines]
    return out


NOTE_WIDTH = 20  # the feed pane's width inside its border, padding and the note's indent
NOTE_LINES = 4


def _wrapped(note: str) -> list[str]:
    """The account's line over a few lines of the narrow pane: a failure in words is long."""
    import textwrap

    lines = textwrap.wrap(note, NOTE_WIDTH, break_on_hyphens=False)
    if len(lines) > NOTE_LINES:
        lines = [*lines[: NOTE_LINES - 1], lines[NOTE_LINES - 1][: NOTE_WIDTH - 1] + "…"]
    return lines
