"""A refresh in the app runs in a child process (issue 15): the app's process keeps its
interpreter lock for the keys while feeds land, and its collector waits until they have."""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import signal
import threading

import pytest

import korantui.core.refresh
from korantui.core import refresh_process
from korantui.ui.app import KoranApp
from tests.hostile_servers import Site, rss
from tests.uikit import notices, until


def _refuse_here(*args: object, **kwargs: object) -> object:
    raise AssertionError("the refresh ran in the app's process")


WORDS = ["pelabuhan", "panen", "banjir", "sekolah", "jembatan", "pasar", "kereta"]


def _feed(base: str, words: list[str]) -> str:
    # Titles with nothing in common: one headline each, none grouped into a story.
    return rss(
        [
            {"title": f"Kabar {w} hari ini", "link": f"{base}/berita/{w}", "guid": f"{base}/{w}"}
            for w in words
        ]
    )


def _config(site: Site) -> str:
    site.page("/satu.xml", _feed(site.base, WORDS[:4]), "application/rss+xml")
    site.page("/dua.xml", _feed(site.base, WORDS[4:]), "application/rss+xml")
    return (
        f'[[feeds]]\nurl = "{site.url("/satu.xml")}"\nname = "Satu"\n'
        f'[[feeds]]\nurl = "{site.url("/dua.xml")}"\nname = "Dua"\n'
    )


@pytest.fixture
def children():  # type: ignore[no-untyped-def]
    """The child processes started during the test still alive (an earlier test's parse-pool
    workers may live on in this process: not counted)."""
    before = set(multiprocessing.active_children())
    return lambda: [p for p in set(multiprocessing.active_children()) - before if p.is_alive()]


async def test_a_refresh_lands_from_a_child_process(
    write_config, children, monkeypatch: pytest.MonkeyPatch
):  # type: ignore[no-untyped-def]
    # The child is forked from a forkserver started before this patch: it refreshes unpatched;
    # a refresh in this process would meet the patch and fail every feed.
    refresh_process.prepare()
    monkeypatch.setattr(korantui.core.refresh, "refresh_feeds", _refuse_here)
    with Site() as site:
        cfg = write_config(_config(site))
        cfg.prefetch = 0
        app = KoranApp(cfg, refresh_on_start=False)
        assert app.refresh_in_child
        async with app.run_test(size=(120, 30)) as pilot:
            hl = app.main.headline_list
            await until(app, pilot, lambda: not any(w.is_running for w in app.workers), "start")
            await pilot.press("R")
            await until(app, pilot, lambda: len(hl.rows) == 7, "the refreshed headlines")
            await until(app, pilot, lambda: not app.main.refresher.busy_feeds, "busy marks off")
            assert gc.isenabled()  # held while the feeds landed, back once they have
            assert children() == []
            assert app.refresh_in_child


async def test_without_a_child_the_refresh_runs_in_the_apps_process(
    write_config, monkeypatch: pytest.MonkeyPatch
):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(refresh_process, "AVAILABLE", False)
    with Site() as site:
        cfg = write_config(_config(site))
        cfg.prefetch = 0
        app = KoranApp(cfg, refresh_on_start=False)
        async with app.run_test(size=(120, 30)) as pilot:
            hl = app.main.headline_list
            await pilot.press("R")
            await until(app, pilot, lambda: len(hl.rows) == 7, "the refreshed headlines")
            await until(app, pilot, lambda: not app.main.refresher.busy_feeds, "busy marks off")
            assert not app.refresh_in_child  # and so from now on
            assert gc.isenabled()


async def test_a_child_that_dies_leaves_an_error_for_each_feed_not_busy_marks(
    write_config, children
):  # type: ignore[no-untyped-def]
    with Site() as site:
        asked = threading.Event()

        def hold(handler) -> None:  # type: ignore[no-untyped-def]
            asked.set()
            handler.stall(60)

        site.route("/satu.xml", hold)
        cfg = write_config(f'[[feeds]]\nurl = "{site.url("/satu.xml")}"\nname = "Satu"\n')
        cfg.prefetch = 0
        app = KoranApp(cfg, refresh_on_start=False)
        async with app.run_test(size=(120, 30)) as pilot:
            refresher = app.main.refresher
            await pilot.press("R")
            assert await asyncio.to_thread(asked.wait, 30), "the request never came"
            (pid,) = refresher.child_pids
            os.kill(pid, signal.SIGKILL)  # as the OOM killer would
            await until(app, pilot, lambda: not refresher.busy_feeds, "busy marks off")
            await until(app, pilot, lambda: bool(notices(app)), "the refresh's notice")
            assert "1 error" in notices(app)[-1], notices(app)
            assert gc.isenabled()
            assert children() == []
