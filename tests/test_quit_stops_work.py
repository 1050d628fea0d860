"""Quitting during a long parse ends the process at once (issue 17, item 3).

Cancelling a refresh's coroutines does not reach the worker thread parsing for them, and the
interpreter waits for that thread at exit: a 9 MB feed kept a quitting app alive for the seconds
feedparser needs for it. Here a real process (tests/quit_child.py) refreshes a huge feed and a
feed whose server stalls, from a worker thread through the app's network runner; once the parse
is under way (the child has spent CPU since the document was sent), the runner is closed as
the app's quit closes it, and the process must be gone well before the parse could end.
"""

from __future__ import annotations

import contextvars
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from korantui.core.models import FeedSpec
from korantui.core.store.database import Store
from korantui.core.threads import JobScope, Stopped, enter_scope, stop_scope, stoppable
from tests.hostile_servers import Site, rss

CHILD = Path(__file__).with_name("quit_child.py")
# Far above a healthy exit (a fraction of a second) and far below what the parse takes: about
# 6 s of feedparser's CPU on an idle machine, several times that on a loaded one.
BOUND = 4.0
WAIT = 120.0  # for the child to get going, on a loaded machine


def _huge_feed(base: str) -> bytes:
    """9 MB of 500 items: feedparser's (loopback links: the fast path declines it)."""
    para = "<p>" + " ".join(["pemerintah kota warga <b>pelabuhan</b> kapal nelayan"] * 40) + "</p>"
    items = [
        {
            "title": f"Kabar {i}",
            "link": f"{base}/berita/{i}",
            "description": "<![CDATA[" + para * 9 + "]]>",
        }
        for i in range(500)
    ]
    return rss(items).encode()


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", "rb") as f:
        fields = f.read().rsplit(b")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc for CPU time")
def test_quitting_during_a_long_parse_ends_the_process_at_once(tmp_path: Path) -> None:
    sent = threading.Event()
    stalled = threading.Event()
    with Site() as site:
        document = _huge_feed(site.base)

        def huge(handler) -> None:  # type: ignore[no-untyped-def]
            handler.answer(200, document, "application/rss+xml", None)
            sent.set()

        def stall(handler) -> None:  # type: ignore[no-untyped-def]
            stalled.set()
            handler.stall(60)

        urls = [site.route("/huge.xml", huge), site.route("/slow.xml", stall)]
        db = tmp_path / "k.db"
        store = Store(db)
        store.sync_feeds([FeedSpec(url=u) for u in urls])
        store.close()
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None and child.stdin is not None
            assert child.stdout.readline().strip() == "refreshing"
            assert sent.wait(WAIT) and stalled.wait(WAIT), "the requests never came"
            # The parse is under way once the child has spent a second of CPU since then.
            start = _cpu_seconds(child.pid)
            deadline = time.monotonic() + WAIT
            while _cpu_seconds(child.pid) < start + 1.0 and time.monotonic() < deadline:
                assert child.poll() is None, child.stderr.read() if child.stderr else ""
                threading.Event().wait(0.05)  # polling the outcome, bounded by WAIT
            assert _cpu_seconds(child.pid) >= start + 1.0, "the parse never started"
            quit_at = time.monotonic()
            child.stdin.write("quit\n")
            child.stdin.flush()
            out, err = child.communicate(timeout=WAIT)
            took = time.monotonic() - quit_at
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    assert child.returncode == 0, err
    assert sorted(out.splitlines()) == ["closed", "worker: cancelled"], (out, err)
    assert took < BOUND, f"the process took {took:.1f} s to end after quit"
    store = Store(db)
    try:
        assert not store.damaged()
        assert store.headlines() == []  # the huge feed's parse was dropped whole
    finally:
        store.close()


def test_a_stopped_scope_interrupts_its_sections_and_no_other() -> None:
    mine, other = JobScope(), JobScope()
    heard: dict[str, str] = {}
    running = threading.Barrier(3)

    def spin(name: str, scope: JobScope) -> None:
        enter_scope(scope)
        try:
            with stoppable():
                running.wait()
                n = 0
                while n < 10**9 and not (name == "other" and mine.stopped):
                    n += 1
            heard[name] = "ended"
        except Stopped:
            heard[name] = "stopped"

    threads = [threading.Thread(target=spin, args=a) for a in (("mine", mine), ("other", other))]
    for t in threads:
        t.start()
    running.wait()
    stop_scope(mine)
    for t in threads:
        t.join(timeout=30)
    assert heard == {"mine": "stopped", "other": "ended"}

    # A stopped scope's next section does not start (in a context of its own: the test's
    # thread must not stay in the scope).
    def again() -> None:
        enter_scope(mine)
        with pytest.raises(Stopped), stoppable():
            pass

    contextvars.copy_context().run(again)


def test_a_stopped_scope_drops_its_page_on_the_html_thread_which_goes_on() -> None:
    from korantui.core.htmlwork import on_html_thread

    scope = JobScope()
    started = threading.Event()
    heard: list[str] = []

    def long_page() -> int:  # a page's Python work, far longer than the test's bound
        started.set()
        n = 0
        while n < 10**10:
            n += 1
        return n

    def caller() -> None:
        enter_scope(scope)  # a worker thread of the runner's
        try:
            on_html_thread(long_page)
            heard.append("ended")
        except Stopped:
            heard.append("stopped")

    thread = threading.Thread(target=caller)
    thread.start()
    assert started.wait(WAIT)
    stop_scope(scope)
    thread.join(timeout=30)
    assert heard == ["stopped"]
    assert on_html_thread(lambda: "still there") == "still there"  # the thread goes on
