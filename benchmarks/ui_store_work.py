"""The UI thread's store work per message during a refresh of 100 feeds (issue 12: ≤ 5 ms).

A loopback site serves 100 feeds; the app (headless pilot) starts on a store of 10,000 stored
headlines and refreshes them all. Every Store query and transaction made on the UI thread is
timed and charged to the message being handled; the table gives the longest, the total and how
many messages did store work. Run from the repository: `python benchmarks/ui_store_work.py`
(PYTHONPATH=<other checkout>/src measures another version the same way).
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_store, write_config
from loopsite import NewsSite
from textual.message_pump import MessagePump

from korantui.core.config import load_config
from korantui.core.store.database import Store

_UI = threading.main_thread()
_charged: list[float] = [0.0]  # store seconds of the message being handled
_per_message: list[tuple[str, float]] = []
_depth = [0]


def _instrument() -> None:
    query, transaction = Store._query, Store.transaction

    def timed_query(self: Store, sql: str, params: object = ()) -> list[tuple]:  # type: ignore[type-arg]
        if threading.current_thread() is not _UI:
            return query(self, sql, params)  # type: ignore[arg-type]
        t0 = time.perf_counter()
        try:
            return query(self, sql, params)  # type: ignore[arg-type]
        finally:
            _charged[0] += time.perf_counter() - t0

    @contextlib.contextmanager
    def timed_transaction(self: Store) -> Iterator[object]:
        t0 = time.perf_counter()
        with transaction(self) as db:
            yield db
        if threading.current_thread() is _UI:
            _charged[0] += time.perf_counter() - t0

    Store._query = timed_query  # type: ignore[method-assign]
    Store.transaction = timed_transaction  # type: ignore[method-assign,assignment]
    dispatch = MessagePump._dispatch_message

    async def timed_dispatch(self: MessagePump, message: object) -> None:
        _depth[0] += 1
        if _depth[0] == 1:
            _charged[0] = 0.0
        try:
            await dispatch(self, message)  # type: ignore[arg-type]
        finally:
            _depth[0] -= 1
            if _depth[0] == 0 and _charged[0]:
                _per_message.append((type(message).__name__, _charged[0]))

    MessagePump._dispatch_message = timed_dispatch  # type: ignore[method-assign]


async def _run(root: Path, feeds: int) -> float:
    with NewsSite(feeds=feeds, items=50, latency=0.02) as site:
        return await _refresh(root, site)


async def _refresh(root: Path, site: NewsSite) -> float:
    from korantui.ui.app import KoranApp

    urls = site.feed_urls
    config = write_config(root / "config.toml", urls)
    data = root / "data"
    data.mkdir()
    build_store(data / "korantui.db", urls, 10_000)
    cfg = load_config(config, data)
    cfg.prefetch = 0
    cfg.retention_days = 36500  # no prune at start: the refresh alone is measured
    app = KoranApp(cfg)
    async with app.run_test(size=(160, 48)) as pilot:
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 300:
            await pilot.pause(0.1)
            # Asked in a thread of its own: this wait's reads are not the UI thread's.
            done = await asyncio.to_thread(_all_refreshed, data / "korantui.db")
            if done and not any(not w.is_finished for w in app.workers):
                await pilot.pause(0.3)
                if not any(not w.is_finished for w in app.workers):
                    break
        elapsed = time.perf_counter() - t0
    return elapsed


def _all_refreshed(db: Path) -> bool:
    store = Store(db, check=False)
    try:
        return all(f.last_refresh is not None for f in store.feeds())
    finally:
        store.close()


def main() -> None:
    import faulthandler

    faulthandler.dump_traceback_later(100, exit=True)
    feeds = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    _instrument()
    with tempfile.TemporaryDirectory() as tmp:
        elapsed = asyncio.run(_run(Path(tmp), feeds))
    worst = max(_per_message, key=lambda m: m[1], default=("-", 0.0))
    total = sum(t for _n, t in _per_message)
    by_kind: dict[str, list[float]] = {}
    for name, t in _per_message:
        by_kind.setdefault(name, []).append(t)
    print(f"UI thread store work during a {feeds}-feed refresh (10,000 stored headlines)")
    print(f"  messages with store work: {len(_per_message)}")
    print(f"  longest per message:      {worst[1] * 1000:.1f} ms ({worst[0]})")
    print(f"  total:                    {total * 1000:.1f} ms over {elapsed:.1f} s")
    for name, times in sorted(by_kind.items(), key=lambda kv: -max(kv[1])):
        print(f"    {name:<24} {len(times):>4} × max {max(times) * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
