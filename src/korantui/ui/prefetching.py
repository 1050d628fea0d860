"""Prefetch: while a headline is highlighted, its next few unread articles are fetched in the
background; moving the cursor cancels that work and starts it again from the new place."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from korantui.core.prefetch import prefetch_articles, prefetch_targets

if TYPE_CHECKING:
    from korantui.core.models import Headline
    from korantui.ui.app import KoranApp


class Prefetched(Message):
    def __init__(self, ids: list[int]) -> None:
        super().__init__()
        self.ids = ids


class Prefetching:
    """Mixed into KoranApp."""

    # A reader holding the arrow key starts no fetch at all: work begins once the cursor rests.
    prefetch_delay = 0.3

    def schedule_prefetch(self: KoranApp) -> None:
        if self.demo or self.config.prefetch <= 0 or self.store is None:
            return
        hl = self.headline_list
        targets = prefetch_targets(hl.rows, hl.cursor, self.config.prefetch)
        if targets:
            self._prefetch_worker(targets)
        else:
            self.workers.cancel_group(self, "prefetch")

    @work(exclusive=True, group="prefetch", exit_on_error=False)
    async def _prefetch_worker(self: KoranApp, targets: list[Headline]) -> None:
        await asyncio.sleep(self.prefetch_delay)
        store = self.store
        assert store is not None
        rules = self.rules
        # Cancelling this worker cancels the wrapped future, which cancels the job on the
        # network loop: in-flight requests stop, finished articles stay stored.
        future = self.runner.submit(
            lambda fetcher: prefetch_articles(store, fetcher, targets, rules)
        )
        ids = await asyncio.wrap_future(future)
        self.post_message(Prefetched(ids))

    def on_prefetched(self: KoranApp, message: Prefetched) -> None:
        done = set(message.ids)
        for row in self.headline_list.rows:
            if row.id in done:
                row.has_article = True
