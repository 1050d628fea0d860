"""Quitting whatever is running (issue 17, item 3): a refresh or an article fetch held open by
a server that never answers must not keep the app alive; its workers end, the store stays whole.

The servers hold their answer until the test ends (tests/hostile_servers.py); the bound on the
pilot's exit is a generous wait_for, not a sleep: the old code waited out the server's stall.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading

from korantui.core.store.database import Store
from korantui.ui.app import KoranApp
from tests.hostile_servers import Site, simple_rss

# Far above a healthy quit (well under a second) and far below the servers' 60 s stall.
BOUND = 20.0


def _holding(site: Site, path: str) -> threading.Event:
    """path answers never (until the test ends); the event says a request arrived."""
    asked = threading.Event()

    def hold(handler) -> None:  # type: ignore[no-untyped-def]
        asked.set()
        handler.stall(60)

    site.route(path, hold)
    return asked


async def _quit_while(app: KoranApp, asked: threading.Event, before=None) -> None:  # type: ignore[no-untyped-def]
    async def run() -> None:
        async with app.run_test(size=(120, 30)) as pilot:
            if before is not None:
                await before(pilot)
            assert await asyncio.to_thread(asked.wait, BOUND), "the request never came"
            await pilot.press("q")
            await pilot.pause()

    await asyncio.wait_for(run(), timeout=BOUND)


def _network_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name == "korantui-network" and t.is_alive()}


async def test_quitting_during_a_refresh_ends_the_app_and_its_workers(write_config):
    with Site() as site:
        asked = _holding(site, "/feed.xml")
        cfg = write_config(f'[[feeds]]\nurl = "{site.url("/feed.xml")}"\n')
        app = KoranApp(cfg)
        before = _network_threads()
        # Earlier tests' processes (the parse pool's workers) may live on in this process.
        children_before = set(multiprocessing.active_children())
        await _quit_while(app, asked)
        assert not any(w.is_running for w in app.workers)
        assert _network_threads() <= before
        # The refresh's child process (core/refresh_process.py) is gone with it.
        left = set(multiprocessing.active_children()) - children_before
        assert not [p for p in left if p.is_alive()]
        assert app.return_code == 0
        assert not app.log_path.exists(), app.log_path.read_text()  # quiet: nothing went wrong
    store = Store(cfg.db_path)
    try:
        assert not store.damaged()
        assert [f.url for f in store.feeds()] == [site.url("/feed.xml")]
    finally:
        store.close()


async def test_quitting_during_an_article_fetch_ends_the_app(write_config):
    with Site() as site:
        feed = simple_rss(site.base, n=1)
        site.page("/feed.xml", feed, "application/rss+xml")
        asked = threading.Event()

        def hold(handler) -> None:  # type: ignore[no-untyped-def]
            asked.set()
            handler.stall(60)

        site.route_prefix("/berita", hold)
        cfg = write_config(f'prefetch = 0\n[[feeds]]\nurl = "{site.url("/feed.xml")}"\n')
        app = KoranApp(cfg)
        before = _network_threads()

        async def open_first(pilot) -> None:  # type: ignore[no-untyped-def]
            from tests.uikit import settle

            await settle(app, pilot)
            await pilot.press("enter")

        await _quit_while(app, asked, open_first)
        assert not app.log_path.exists(), app.log_path.read_text()
        assert not any(w.is_running for w in app.workers)
        assert _network_threads() <= before


async def test_the_demo_edition_cancels_a_refresh_in_flight(write_config):
    """The user's store closes when the demo edition opens: a refresh still waiting on its
    server must stop there (its connection is dropped), not write into a closed store later."""
    with Site() as site:
        asked, dropped = threading.Event(), threading.Event()

        def hold(handler) -> None:  # type: ignore[no-untyped-def]
            asked.set()
            handler.connection.settimeout(60)
            try:
                if handler.connection.recv(1) == b"":  # the client hung up
                    dropped.set()
            except OSError:
                dropped.set()

        site.route("/feed.xml", hold)
        cfg = write_config(
            f'[[feeds]]\nurl = "{site.url("/feed.xml")}"\n'
            "[network]\nread_timeout = 60\ntotal_timeout = 120\n"
        )
        app = KoranApp(cfg)

        async def run() -> None:
            async with app.run_test(size=(120, 30)) as pilot:
                assert await asyncio.to_thread(asked.wait, BOUND), "the request never came"
                await pilot.press("D")
                assert app.demo
                assert await asyncio.to_thread(dropped.wait, BOUND), "the refresh went on"
                await pilot.press("q")

        await asyncio.wait_for(run(), timeout=3 * BOUND)
        assert not app.log_path.exists()
