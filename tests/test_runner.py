"""Closing the network runner wakes whoever waits on a job in flight (issue 17, item 3: quitting
during a refresh left a worker waiting for ever on a loop that had stopped)."""

from __future__ import annotations

import concurrent.futures
import threading

from korantui.core.net.fetch import FetchSettings
from korantui.core.net.runner import NetworkRunner
from tests.hostile_servers import Site


def test_closing_the_runner_ends_a_stalled_job_at_once():
    started = threading.Event()
    outcome: list[BaseException | None] = []
    with Site() as site:

        def stall(h):  # type: ignore[no-untyped-def]
            started.set()
            h.stall(60)

        url = site.route("/lambat.xml", stall)
        runner = NetworkRunner(FetchSettings(read_timeout=60, total_timeout=60))

        def worker() -> None:
            try:
                runner.run(lambda fetcher: fetcher.get(url))
                outcome.append(None)
            except BaseException as e:
                outcome.append(e)

        thread = threading.Thread(target=worker)
        thread.start()
        assert started.wait(10)
        runner.close()
        thread.join(timeout=5)
        assert not thread.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], concurrent.futures.CancelledError)


def test_a_job_sent_after_close_does_not_wait_for_ever():
    runner = NetworkRunner()
    runner.close()
    future = runner.submit(lambda fetcher: fetcher.zone_of("http://127.0.0.1/"))
    assert future.cancelled()
