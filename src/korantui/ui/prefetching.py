"""Prefetch: while a headline is highlighted, its next few unread articles are fetched in the
background; moving the cursor cancels that work and starts it again from the new place."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message

from korantui.core.prefetch import prefetch_articles, prefetch_targets

if TYPE_CHECKING:
    from korantui.core.models import Headline
    from korantui.ui.screens.main import MainScreen


class Prefetched(Message):
    """These headlines' articles were fetched and stored."""

    def __init__(self, ids: list[int]) -> None:
        super().__init__()
        self.ids = ids


class Prefetcher:
    """Held by MainScreen; its worker runs on the screen (group "prefetch")."""

    # A reader holding the arrow key starts no fetch at all: work begins once the cursor rests.
    delay = 0.3

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def schedule(self) -> None:
        screen = self.screen
        app = screen.korantui
        if app.demo or app.config.prefetch <= 0 or not app.has_store:
            return
        hl = screen.headline_list
        targets = prefetch_targets(hl.rows, hl.cursor, app.config.prefetch)
        if targets:
            # A function, not a coroutine: a worker cancelled before it starts (the cursor moved
            # on) leaves no coroutine unawaited.
            # (mypy infers Never from Textual's WorkType union for an async callable.)
            fetch = partial(self._fetch, targets)
            screen.run_worker(
                fetch,  # type: ignore[arg-type]
                exclusive=True,
                group="prefetch",
                exit_on_error=False,
            )
        else:
            screen.workers.cancel_group(screen, "prefetch")

    async def _fetch(self, targets: list[Headline]) -> None:
        await asyncio.sleep(self.delay)
        app = self.screen.korantui
        store, rules = app.store, app.rules
        # Cancelling this worker cancels the wrapped future, which cancels the job on the
        # network loop: in-flight requests stop, finished articles stay stored.
        pictures = app.config.images != "off"
        if pictures:
            from korantui.core.store.images import set_cache_cap

            # The store's cap before this prefetch saves a picture: no article may have been
            # opened yet (the reading pane's saves set it too), and the pane's picture
            # machinery need not be made for it.
            set_cache_cap(store, app.config.image_cache_mb)
        future = app.runner.submit(
            lambda fetcher: prefetch_articles(store, fetcher, targets, rules, pictures=pictures)
        )
        ids = await asyncio.wrap_future(future)
        self.screen.post_message(Prefetched(ids))
