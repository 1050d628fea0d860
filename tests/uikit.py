"""Helpers for the interface tests: a store filled without the network, and settling the app."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime, timedelta

import pytest
from textual.worker import WorkerCancelled

from korantui.core.config import Config
from korantui.core.models import Article, Block, Entry, Link
from korantui.core.store.database import Store
from korantui.ui.app import KoranApp
from korantui.ui.textual_compat import notification_messages

BASE = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)

# Two feeds at addresses nothing listens on: these tests never refresh.
CONFIG = """
[[feeds]]
url = "http://127.0.0.1:9/satu.xml"
name = "Satu"
category = "A"
[[feeds]]
url = "http://127.0.0.1:9/dua.xml"
name = "Dua"
category = "B"
"""


def fill(cfg: Config, per_feed: int = 3) -> dict[str, list[int]]:
    """per_feed headlines in each configured feed, newest first; their ids by feed name."""
    store = Store(cfg.db_path)
    store.sync_feeds(cfg.feeds)
    ids: dict[str, list[int]] = {}
    for n, feed in enumerate(store.feeds()):
        entries = [
            Entry(
                title=f"{feed.name} berita {i}",
                link=f"http://127.0.0.1:9/{feed.name.lower()}/{i}",
                summary=f"Ringkasan {feed.name} {i}",
                published=BASE - timedelta(hours=i * 2 + n),
            )
            for i in range(per_feed)
        ]
        store.save_entries(feed.id, entries)
        ids[feed.name] = [h.id for h in store.headlines(feed.id)]
    store.close()
    return ids


def article_with_links(url: str) -> Article:
    text = "Baca laporan lengkap dan data resmi di sini."
    return Article(
        url=url,
        title="Artikel bertaut",
        blocks=[
            Block(
                "p",
                text,
                [
                    Link(5, 20, "https://example.org/laporan"),
                    Link(25, 35, "http://example.org/data"),
                ],
            )
        ],
    )


def offline_app(cfg: Config) -> KoranApp:
    """The app on a filled store, without the start-up refresh or prefetch (nothing listens)."""
    cfg.prefetch = 0
    return KoranApp(cfg, refresh_on_start=False)


async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Until no worker runs: messages from one worker often start the next (refresh, prefetch),
    and moving the cursor cancels a prefetch worker (waiting on it raises WorkerCancelled)."""
    for _ in range(10):
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            break
    await pilot.pause()


async def until(app, pilot, condition, what: str, seconds: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    """Settle the app until `condition()` holds: work that one worker's message starts (a
    prefetch once the refreshed list is highlighted) may begin after `settle` saw no worker.
    The bound is generous, for a loaded machine; missing it fails the test with `what`."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        assert loop.time() < deadline, f"not within {seconds:.0f} s: {what}"
        await settle(app, pilot)
        await pilot.pause(0.02)


def notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The messages of the notifications on show (toasts fade in: the screen lags behind)."""
    return notification_messages(app)


def count_set_rows(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The headline list's set_rows calls from now on, each as the number of rows it was given."""
    from korantui.ui.widgets.headline_list import HeadlineList

    calls: list[int] = []
    set_rows = HeadlineList.set_rows

    def counted(self: HeadlineList, rows, keep_id=None, **made):  # type: ignore[no-untyped-def]
        calls.append(len(rows))
        return set_rows(self, rows, keep_id=keep_id, **made)

    monkeypatch.setattr(HeadlineList, "set_rows", counted)
    return calls
