"""The threads and event loops of a korantui process, and the one way network work waits.

    UI thread (Textual's asyncio loop: input, rendering, messages; no network, no parsing)
      │  thread workers (@work(thread=True)) call NetworkRunner.run / submit
      ▼
    network thread "korantui-network" (core/net/runner.py): one asyncio loop, one Fetcher
      │  (one httpx client, the concurrency caps). Every refresh, discovery, article fetch and
      │  prefetch is a coroutine here; it never blocks: each blocking step is `await off_loop()`
      ▼
    asyncio's default thread pool (off_loop = asyncio.to_thread): store calls, feed parsing
      │  (feedparser-rs, feedparser, JSON Feed), decoding
      ├──▶ HTML thread "korantui-html" (core/htmlwork.py): ALL lxml work of the process, one
      │    page at a time (lxml's compiled XPath must stay on the thread that made it): HTML
      │    index pages, discovery's link scan, article extraction
      └──▶ parse pool (core/sources/parsepool.py): forkserver processes running feedparser,
           made only when a refresh has many feeds that need it (threads cannot beat the GIL)

    Store (core/store/database.py): one sqlite connection per Store object, its calls
    serialised by a lock, so any of the threads above may use it; the CLI and a second process
    have their own. SQLite's busy timeout is why store calls never run on an event loop.

Waiting style: code on the network loop awaits, nothing there calls `.result()`; code in
threads waits on the network loop through NetworkRunner.run. A worker thread blocked on the HTML
thread or the pool is a thread of the default pool, never the loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


async def off_loop(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """fn in a worker thread, awaited: how a coroutine on the network loop does blocking work
    (a store call, a parse) without stalling every other download."""
    import asyncio  # here: the source kinds import this module, and a config loads those

    return await asyncio.to_thread(fn, *args, **kwargs)
