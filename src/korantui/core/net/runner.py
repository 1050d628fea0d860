"""A background event loop that owns the one shared Fetcher of a run.

The UI's thread workers submit coroutines here and wait for them, so network work never runs on
the UI thread and every request shares one client and one set of concurrency caps.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import Awaitable, Callable
from typing import TypeVar

from korantui.core.net.fetch import Fetcher, FetchSettings
from korantui.core.threads import JobScope, enter_scope, stop_scope

T = TypeVar("T")


class NetworkRunner:
    def __init__(self, settings: FetchSettings | None = None) -> None:
        self._settings = settings or FetchSettings()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._fetcher: Fetcher | None = None
        self._failure: Exception | None = None
        self._closed = False
        # Every job's work, down to its parses in other threads: stopped on close().
        self._scope = JobScope()
        self._thread = threading.Thread(target=self._main, name="korantui-network", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._failure is not None:
            # No client (httpx refuses a malformed proxy variable, for one): the caller hears
            # why, where it would otherwise wait for ever on a loop that never started.
            self._thread.join()
            self._loop.close()
            raise self._failure

    def _main(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def make() -> Fetcher:
            return Fetcher(self._settings)

        try:
            self._fetcher = self._loop.run_until_complete(make())
        except Exception as e:
            self._failure = e
            return
        finally:
            self._ready.set()
        self._loop.run_forever()

    def submit(self, job: Callable[[Fetcher], Awaitable[T]]) -> concurrent.futures.Future[T]:
        assert self._fetcher is not None
        fetcher = self._fetcher
        if self._closed:
            # The loop is gone: a job sent now would never run and its waiter wait for ever.
            gone: concurrent.futures.Future[T] = concurrent.futures.Future()
            gone.cancel()
            return gone

        scope = self._scope

        async def call() -> T:
            enter_scope(scope)  # this task's context: what it starts carries it along
            return await job(fetcher)

        return asyncio.run_coroutine_threadsafe(call(), self._loop)

    def run(self, job: Callable[[Fetcher], Awaitable[T]]) -> T:
        """Run job on the network loop and wait for it (from any thread but that loop's).
        concurrent.futures.CancelledError when the runner closes meanwhile."""
        return self.submit(job).result()

    def close(self) -> None:
        """Cancel every job still running, so that whoever waits in run() hears at once (a
        quitting app must not wait for a stalled download), stop the parses they started in
        other threads and processes (core/threads.py: the process would wait for them at exit),
        close the client, stop the loop."""
        if self._closed or not self._loop.is_running():
            return
        self._closed = True

        async def shutdown() -> None:
            me = asyncio.current_task()
            jobs = [t for t in asyncio.all_tasks() if t is not me]
            for task in jobs:
                task.cancel()
            # After the cancels: a parse stopped now is heard by no one but its thread.
            stop_scope(self._scope)
            if jobs:
                await asyncio.wait(jobs, timeout=1)
            if self._fetcher is not None:
                await self._fetcher.aclose()

        fut = asyncio.run_coroutine_threadsafe(shutdown(), self._loop)
        with contextlib.suppress(concurrent.futures.TimeoutError, RuntimeError):
            fut.result(timeout=2)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=2)
