"""The process tests/test_hostile_store.py kills: one refresh of every feed in a store, with an
article opened now and then, and SIGKILL at a chosen point.

usage: kill_child.py DB MODE POINT SEED [JOB]
  JOB refresh (the default): refresh_feeds over every feed; sync: korantui's sync service
  (refresh, then fetch and store every unread article)
  MODE none: run to the end and print how much work it was ({"calls": n, "seconds": s})
  MODE ops:  SIGKILL at the POINT-th SQLite progress callback (every 200 VM steps: inside
             statements and transactions)
  MODE time: SIGKILL from a timer thread POINT seconds in (anywhere, COMMIT included: sqlite3
             releases the GIL while it writes)
Each article saved is announced on stdout ('saved [ID, "text"]') once save_article has returned,
and, in the refresh job, as 'saving [ID, "text"]' before it starts.
"""

from __future__ import annotations

import asyncio
import faulthandler
import json
import os
import random
import signal
import sys
import threading
import time

from korantui.core.models import Article, Block, Headline, RefreshResult
from korantui.core.net.fetch import Fetcher, FetchSettings
from korantui.core.reading import FULL_TEXT, Reading
from korantui.core.refresh import refresh_feeds
from korantui.core.store.database import Store


def main() -> None:
    # Should this process ever hang instead of dying, its stacks say where (for the test's log).
    faulthandler.dump_traceback_later(20, exit=True)
    db, mode, point, seed = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    job = sys.argv[5] if len(sys.argv) > 5 else "refresh"
    rng = random.Random(seed)
    store = Store(db)
    calls = 0

    def die() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    def progress() -> int:
        nonlocal calls
        calls += 1
        if mode == "ops" and calls >= point:
            die()
        return 0

    store._db.set_progress_handler(progress, 200)
    if mode == "time":
        threading.Timer(point, die).start()

    def say(word: str, what: list[object]) -> None:
        # One write a line: print's pieces are written one by one when the output is
        # unbuffered (PYTHONUNBUFFERED), and a kill between them left "saving " with no JSON.
        os.write(1, f"{word} {json.dumps(what)}\n".encode())

    def opened(res: RefreshResult) -> None:
        # A reader opens an article while the refresh goes on.
        if rng.random() < 0.3:
            rows = store.headlines(res.feed.id, limit=5)
            if rows:
                h = rows[rng.randrange(len(rows))]
                body = f"isi {h.id} run {seed}"
                # Said before the save too: the kill may land after its commit and before the
                # "saved" line (another thread's statement), and the store then rightly holds it.
                say("saving", [h.id, body])
                store.save_article(
                    h.id, Article(url=h.link, title=h.title, blocks=[Block("p", body)])
                )
                say("saved", [h.id, body])

    class Report:
        """sync's report: announces each article it stored."""

        def feeds_started(self, count: int) -> None: ...
        def feed_done(self, result: RefreshResult) -> None: ...
        def articles_started(self, count: int) -> None: ...
        def finished(self, summary: object) -> None: ...

        def article_done(self, headline: Headline, reading: Reading) -> None:
            if reading.status == FULL_TEXT:
                say("saved", [headline.id, reading.article.text])

    async def run() -> None:
        async with Fetcher(FetchSettings(read_timeout=5, total_timeout=10)) as fetcher:
            if job == "sync":
                from korantui.core.sync import sync_all

                await sync_all(store, fetcher, [], Report())
            else:
                await refresh_feeds(store, fetcher, store.feeds(), on_result=opened)

    start = time.monotonic()
    asyncio.run(run())
    store.close()
    print(json.dumps({"calls": calls, "seconds": time.monotonic() - start}), flush=True)


if __name__ == "__main__":
    main()
