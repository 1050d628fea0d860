"""The process tests/test_quit_stops_work.py quits: an app's network runner refreshing every
feed of a store from a worker thread (as ui/refreshing.py does), closed as the app's quit closes
it (KoranApp.action_quit -> stop_network -> NetworkRunner.close) when a line arrives on stdin,
after which the script ends and the interpreter exits, waiting for whatever threads are left.

usage: quit_child.py DB
Prints "refreshing" once the refresh is sent, "closed" once close() has returned, and what the
worker heard ("worker: ...") when it heard it.
"""

from __future__ import annotations

import concurrent.futures
import faulthandler
import sys
import threading

from korantui.core.net.fetch import FetchSettings
from korantui.core.net.runner import NetworkRunner
from korantui.core.refresh import refresh_feeds
from korantui.core.store.database import Store


def main() -> None:
    # Should the process hang at exit, its stacks say where, and the test sees it fail.
    faulthandler.dump_traceback_later(60, exit=True)
    store = Store(sys.argv[1])
    runner = NetworkRunner(FetchSettings(read_timeout=60, total_timeout=120))
    feeds = store.feeds()

    def say(line: str) -> None:
        # One write a line: print() writes the text and its newline apart, and two threads'
        # lines came out as "worker: cancelledclosed".
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    def work() -> None:
        try:
            results = runner.run(lambda fetcher: refresh_feeds(store, fetcher, feeds))
            say(f"worker: done {[r.error for r in results]}")
        except concurrent.futures.CancelledError:
            say("worker: cancelled")

    worker = threading.Thread(target=work, name="ui-worker")
    worker.start()
    say("refreshing")
    sys.stdin.readline()
    runner.close()
    say("closed")
    worker.join()
    store.close()


if __name__ == "__main__":
    main()
