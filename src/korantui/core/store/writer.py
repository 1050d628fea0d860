"""One writer thread per refresh: every feed's store work in few transactions, in arrival order.

A refresh of 100 feeds used to make 100-200 transactions from six pool threads that queued on the
store's lock, each one a BEGIN, a COMMIT and a WAL write, all competing with the event loop for
the GIL. Here the event loop hands each feed's write to one thread and goes back to the network;
the thread takes everything that has queued up meanwhile and writes it in ONE transaction, each
feed inside its own savepoint:

- a feed whose write fails (a bug, a row SQLite refuses) is rolled back to its savepoint alone,
  and its caller gets the exception; the other feeds of the batch commit;
- a COMMIT that fails (a full disk) fails every feed of the batch, and none of them is stored:
  the store is as it was before the batch, never half a feed;
- a caller hears of its write only after the COMMIT, so whoever it tells (the UI, a progress
  line) finds the rows in the store;
- after_batch, when given, runs once a batch, inside its transaction, after the feeds' writes
  (a small refresh groups the batch's new headlines into stories there: once a batch costs
  half of once a feed); it fails alone, in a savepoint of its own, leaving the feeds' rows
  stored;
- after_commit, when given, runs once a batch after its COMMIT and before its callers hear;
  when it returns a concurrent Future, they hear once that is done, while the thread goes on
  with the next batch (a large refresh has a child process group the committed headlines so,
  and its callers then find them grouped); its failure is logged, the batch stays stored;
- write_soon, from any thread, joins a job to the next batch and tells it as soon as that
  batch committed (the grouping child's results: the child never writes the store itself,
  where it waited on this thread's back-to-back transactions for most of a refresh).

While the store is locked by another process (its busy timeout), only this thread waits:
downloads and parsing go on, and their writes join the next batch. A batch is kept to a few
dozen feeds so other readers of the same connection wait one short batch at most.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from korantui.core.store.database import Store

T = TypeVar("T")

MAX_BATCH = 24  # feeds in one transaction: a reader of the same connection waits that long


class _Job:
    __slots__ = ("args", "fn", "future", "loop")

    def __init__(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        future: asyncio.Future[Any] | concurrent.futures.Future[Any],
    ) -> None:
        self.fn, self.args, self.future = fn, args, future
        # None: a write from another thread (write_soon), told on the writer thread.
        self.loop = future.get_loop() if isinstance(future, asyncio.Future) else None


def _settle(job: _Job, result: Any, error: BaseException | None) -> None:
    def done() -> None:
        if job.future.cancelled():
            return
        if error is not None:
            job.future.set_exception(error)
        else:
            job.future.set_result(result)

    if job.loop is None:
        done()
        return
    # RuntimeError: the loop closed meanwhile, and nobody waits any more.
    with contextlib.suppress(RuntimeError):
        job.loop.call_soon_threadsafe(done)


def _settle_all(
    batch: list[_Job],
    outcomes: list[tuple[Any, BaseException | None]],
    after: concurrent.futures.Future[Any] | None = None,
) -> None:
    if after is not None and not after.cancelled() and after.exception() is not None:
        logging.getLogger(__name__).error(
            "after a store batch's commit", exc_info=after.exception()
        )
    for job, (result, error) in zip(batch, outcomes, strict=True):
        _settle(job, result, error)


class StoreWriter:
    """`async with StoreWriter(store) as w: await w.write(store.save_entries, ...)`.

    write(fn, *args) runs fn(*args) on the writer thread inside the batch's transaction (fn's
    own store.transaction() becomes a savepoint there) and returns its result.
    """

    def __init__(
        self,
        store: Store,
        after_batch: Callable[[Sequence[Any]], object] | None = None,
        after_commit: Callable[[Sequence[Any]], object] | None = None,
    ) -> None:
        self.store = store
        self.after_batch = after_batch  # called with the batch's results
        self.after_commit = after_commit  # the same, once they are committed
        self.batches = 0  # transactions made (for tests and the benchmark's notes)
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._closing = threading.Lock()  # write_soon's jobs never queue after the end
        self._closed = False
        self._thread = threading.Thread(target=self._main, name="korantui-store-writer")
        self._thread.daemon = True
        self._thread.start()

    async def __aenter__(self) -> StoreWriter:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def write(self, fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._jobs.put(_Job(fn, args, future))
        return future

    def write_soon(self, fn: Callable[..., T], *args: Any) -> concurrent.futures.Future[T]:
        """write() from any thread: fn(*args) joins the next batch; the future is done once
        that batch committed, before the batch's after_commit is waited for (the grouping
        child's rows are what a batch's after_commit may be waiting for)."""
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        with self._closing:
            if self._closed:  # the thread has ended or is ending: nobody would run it
                future.set_exception(RuntimeError("the refresh's store writer is closed"))
            else:
                self._jobs.put(_Job(fn, args, future))
        return future

    async def aclose(self) -> None:
        """Let the jobs already queued finish, then end the thread (without blocking the loop)."""
        with self._closing:
            self._closed = True
            self._jobs.put(None)
        await asyncio.to_thread(self._thread.join)

    # -- the thread ----------------------------------------------------------------------------

    def _main(self) -> None:
        while True:
            first = self._jobs.get()
            if first is None:
                return
            batch = [first]
            stop = False
            while len(batch) < MAX_BATCH:
                try:
                    job = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if job is None:
                    stop = True
                    break
                batch.append(job)
            self._run(batch)
            if stop:
                return

    def _run(self, batch: list[_Job]) -> None:
        outcomes: list[tuple[Any, BaseException | None]] = []
        try:
            with self.store.transaction() as db:
                for job in batch:
                    if job.future.cancelled():
                        outcomes.append((None, None))
                        continue
                    try:
                        with self.store.transaction():  # a savepoint: this feed alone
                            outcomes.append((job.fn(*job.args), None))
                    except Exception as e:
                        if not db.in_transaction:  # SQLite rolled the whole batch back
                            raise
                        outcomes.append((None, e))
                if self.after_batch is not None:
                    self._after(db, [r for r, error in outcomes if error is None])
        except Exception as e:  # BEGIN or COMMIT failed: nothing of the batch was stored
            outcomes = [(None, e)] * len(batch)
        else:
            if any(job.loop is None for job in batch):
                for job, (result, error) in zip(batch, outcomes, strict=True):
                    if job.loop is None:
                        _settle(job, result, error)
                kept = [n for n, job in enumerate(batch) if job.loop is not None]
                batch = [batch[n] for n in kept]
                outcomes = [outcomes[n] for n in kept]
            if self.after_commit is not None:
                try:
                    waiting = self.after_commit([r for r, error in outcomes if error is None])
                except Exception:
                    logging.getLogger(__name__).exception("after a store batch's commit")
                    waiting = None
                if isinstance(waiting, concurrent.futures.Future):
                    # Its callers hear once that is done; the thread goes on with the next batch.
                    self.batches += 1
                    waiting.add_done_callback(lambda done: _settle_all(batch, outcomes, done))
                    return
        self.batches += 1
        _settle_all(batch, outcomes)

    def _after(self, db: sqlite3.Connection, results: list[Any]) -> None:
        assert self.after_batch is not None
        try:
            with self.store.transaction():  # a savepoint: its failure is its own
                self.after_batch(results)
        except Exception:
            if not db.in_transaction:
                raise  # SQLite rolled the whole batch back: the batch failed
            logging.getLogger(__name__).exception("after a store batch")
