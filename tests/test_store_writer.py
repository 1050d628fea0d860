"""A refresh's writes go to one writer thread, in few transactions, a savepoint per feed
(issue 15): a feed that fails half-way is rolled back alone, and the store stays consistent."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from korantui.core.models import Entry, FeedSpec
from korantui.core.store.database import Store
from korantui.core.store.writer import StoreWriter
from tests.hostile_servers import Site, rss


def _entries(feed: int, n: int) -> list[Entry]:
    when = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    return [
        Entry(
            title=f"Kabar umpan{feed}n{i}",
            link=f"https://koran.test/{feed}/{i}",
            guid=f"https://koran.test/{feed}/{i}",
            summary="Ringkasan",
            published=when,
        )
        for i in range(n)
    ]


def _store(tmp_path: Path, feeds: int) -> Store:
    store = Store(tmp_path / "k.db")
    store.sync_feeds([FeedSpec(url=f"https://koran.test/{i}.xml") for i in range(feeds)])
    return store


async def test_a_feed_failing_half_way_is_rolled_back_alone(tmp_path: Path) -> None:
    store = _store(tmp_path, 3)
    ids = [f.id for f in store.feeds()]

    def half_then_fail(feed_id: int) -> None:
        store.save_entries(feed_id, _entries(1, 5))  # written, then the feed's write fails
        raise RuntimeError("a bug in the middle of a feed's write")

    async with StoreWriter(store) as writer:
        first = writer.write(store.save_entries, ids[0], _entries(0, 4))
        broken = writer.write(half_then_fail, ids[1])
        last = writer.write(store.save_entries, ids[2], _entries(2, 3))
        assert await first == (4, 4)
        with pytest.raises(RuntimeError, match="in the middle"):
            await broken
        assert await last == (3, 3)
    by_feed = {f.id: f.total for f in store.feeds()}
    assert by_feed == {ids[0]: 4, ids[1]: 0, ids[2]: 3}
    # Nothing of the failed feed is left, in the list or in the search index.
    assert store.search("umpan1n") == []
    assert len(store.search("Kabar")) == 7
    store.close()


async def test_writes_that_queue_up_go_in_one_transaction(tmp_path: Path) -> None:
    store = _store(tmp_path, 10)
    ids = [f.id for f in store.feeds()]
    go = threading.Event()

    def wait_then_save(feed_id: int) -> tuple[int, int]:
        assert go.wait(timeout=20)  # long only if it is broken
        return store.save_entries(feed_id, _entries(0, 2))

    async with StoreWriter(store) as writer:
        futures = [writer.write(wait_then_save, ids[0])]
        futures += [writer.write(store.save_entries, i, _entries(i, 2)) for i in ids[1:]]
        go.set()  # the first write held the thread while the nine others queued up
        results = await asyncio.gather(*futures)
    assert results == [(2, 2)] * 10
    assert writer.batches <= 2  # one transaction per feed would be ten
    assert sum(f.total for f in store.feeds()) == 20
    store.close()


async def test_a_caller_hears_of_its_write_once_it_is_committed(tmp_path: Path) -> None:
    """What a caller is told can be read at once by another connection (another process)."""
    import sqlite3

    store = _store(tmp_path, 1)
    feed_id = store.feeds()[0].id
    async with StoreWriter(store) as writer:
        await writer.write(store.save_entries, feed_id, _entries(0, 6))
        other = sqlite3.connect(tmp_path / "k.db")
        assert other.execute("SELECT COUNT(*) FROM headlines").fetchone()[0] == 6
        other.close()
    store.close()


async def test_a_refresh_with_a_broken_feed_stores_the_others_and_the_error(
    tmp_path: Path,
) -> None:
    from korantui.core.net.fetch import Fetcher
    from korantui.core.refresh import refresh_feeds

    store = Store(tmp_path / "k.db")
    with Site() as site:
        urls = [
            site.page(f"/{i}.xml", rss([{"title": f"Kabar {i}", "link": f"http://x.test/{i}"}]))
            for i in range(6)
        ]
        urls[3] = site.url("/missing.xml")
        store.sync_feeds([FeedSpec(url=u) for u in urls])
        async with Fetcher() as fetcher:
            results = await refresh_feeds(store, fetcher, store.feeds())
    assert [r.new for r in results] == [1, 1, 1, 0, 1, 1]
    feeds = store.feeds()
    assert feeds[3].last_error == "HTTP 404 (not found)"
    assert [f.total for f in feeds] == [1, 1, 1, 0, 1, 1]
    assert all(f.last_refresh is not None for f in feeds)
    store.close()


async def test_a_store_that_refuses_a_feeds_rows_is_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk on one feed's write: its line says "disk full", not an OperationalError
    (issue 17, item 12); the other feeds are stored."""
    import sqlite3

    from korantui.core import refresh
    from korantui.core.net.fetch import Fetcher
    from korantui.core.store.store_file import DISK_FULL

    real = refresh.store_parsed

    def full_for_the_second(store, feed, parsed, *args):  # type: ignore[no-untyped-def]
        if feed.url.endswith("/1.xml"):
            raise sqlite3.OperationalError("database or disk is full")
        return real(store, feed, parsed, *args)

    monkeypatch.setattr(refresh, "store_parsed", full_for_the_second)
    store = Store(tmp_path / "k.db")
    with Site() as site:
        urls = [
            site.page(f"/{i}.xml", rss([{"title": f"Kabar {i}", "link": f"http://x.test/{i}"}]))
            for i in range(3)
        ]
        store.sync_feeds([FeedSpec(url=u) for u in urls])
        async with Fetcher() as fetcher:
            results = await refresh.refresh_feeds(store, fetcher, store.feeds())
    assert [r.error for r in results] == ["", DISK_FULL, ""]
    assert [r.new for r in results] == [1, 0, 1]
    store.close()


async def test_a_write_from_another_thread_is_told_once_committed_not_after_after_commit(
    tmp_path: Path,
) -> None:
    # The grouping child's rows are what a batch's after_commit waits for: the thread that
    # hands them over must hear of their commit without waiting for that (else: a deadlock).
    store = _store(tmp_path, 1)
    [feed] = store.feeds()
    gate: concurrent.futures.Future[None] = concurrent.futures.Future()
    told: list[str] = []

    def after(results: list[object]) -> object:
        return gate if "feed" in results else None

    release = threading.Event()
    async with StoreWriter(store, after_commit=after) as writer:
        held = writer.write(release.wait, 30)  # the writer thread waits: the two below queue up
        waiting = writer.write(lambda: "feed")
        done = writer.write_soon(store.save_entries, feed.id, _entries(0, 2))  # the same batch

        def hand_over() -> None:
            told.append(f"stored {done.result(timeout=30)}")
            told.append(f"{len(store.headlines())} headlines")
            gate.set_result(None)

        thread = threading.Thread(target=hand_over)
        thread.start()
        release.set()
        assert await asyncio.wait_for(held, 30) is True
        assert await asyncio.wait_for(waiting, 30) == "feed"
        thread.join(30)
    assert told == ["stored (2, 2)", "2 headlines"]
    store.close()
