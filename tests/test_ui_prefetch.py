"""Prefetch: the highlighted headline's next unread articles are fetched in the background, and
moving on cancels that work. Pages come from a local server; a gate holds one response open so
the test knows a fetch is in flight when the cursor moves."""

from __future__ import annotations

import asyncio
import threading

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from korantui.core.prefetch import prefetch_targets
from korantui.ui.app import KoranApp
from korantui.ui.widgets.headline_list import HeadlineList
from tests import newssite
from tests.newssite import STORIES
from tests.uikit import settle, until


def _serve(httpserver: HTTPServer, gate: threading.Event | None = None) -> tuple[str, list[str]]:
    """The news site; article requests wait for gate (when given). Returns base, request log."""
    base = httpserver.url_for("").rstrip("/")
    asked: list[str] = []
    for path, (ctype, body) in newssite.routes(base).items():
        if not path.startswith("/berita/"):
            httpserver.expect_request(path).respond_with_data(body, content_type=ctype)
            continue

        def handler(request: Request, body: str = body, ctype: str = ctype) -> Response:
            asked.append(request.path)
            if gate is not None:
                gate.wait(10)
            return Response(body, content_type=ctype)

        httpserver.expect_request(path).respond_with_handler(handler)
    return base, asked


def _config(write_config, base: str, prefetch: int):  # type: ignore[no-untyped-def]
    return write_config(f'prefetch = {prefetch}\n[[feeds]]\nurl = "{base}/feed.xml"\n')


def _workers(app: KoranApp):  # type: ignore[no-untyped-def]
    return [w for w in app.workers if w.group == "prefetch"]


async def test_next_unread_articles_are_stored_in_the_background(httpserver, write_config):
    base, asked = _serve(httpserver)
    app = KoranApp(_config(write_config, base, prefetch=2))
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        rows = app.query_one(HeadlineList).rows
        assert [r.title for r in rows] == [s.title for s in STORIES]
        await until(app, pilot, lambda: len(asked) >= 2, "the two next articles asked for")
        await settle(app, pilot)
        assert app.store.article(rows[0].id) is not None
        assert app.store.article(rows[1].id) is not None
        assert app.store.article(rows[2].id) is None  # only two ahead
        shown = app.query_one(HeadlineList).rows  # the list knows them stored (its mark)
        assert [r.has_article for r in shown[:3]] == [True, True, False]
        assert sorted(asked) == sorted(f"/berita/{s.slug}" for s in STORIES[:2])
        assert not any(r.read for r in rows)  # fetched, not read
        await pilot.press("enter")  # opening is now instant: no request, no loading state
        assert app.main.reader.reading is not None and app.main.reader.reading.stored
        await until(app, pilot, lambda: len(asked) >= 3, "the third article asked for")
        await settle(app, pilot)
        assert len(asked) == 3  # the cursor sat on row 0: rows 1 and 2 were its next


async def test_moving_on_cancels_the_prefetch(httpserver, write_config):
    gate = threading.Event()
    base, asked = _serve(httpserver, gate)
    app = KoranApp(_config(write_config, base, prefetch=1))
    try:
        async with app.run_test(size=(140, 30)) as pilot:
            # Wait (without sleeping) until the first article request is held at the gate.
            while not asked:
                await asyncio.to_thread(gate.wait, 0.05)
                await pilot.pause()
            running = [w for w in _workers(app) if w.is_running]
            assert len(running) == 1
            first = running[0]
            await pilot.press("down")
            await pilot.pause()
            assert first.is_cancelled
            assert first.state.name == "CANCELLED"
            gate.set()
            await settle(app, pilot)
            rows = app.query_one(HeadlineList).rows
            assert app.store.article(rows[0].id) is None  # its fetch was cancelled
            assert app.store.article(rows[1].id) is not None  # the new place's was done
    finally:
        gate.set()


async def test_demo_and_zero_setting_prefetch_nothing(httpserver, write_config):
    base, asked = _serve(httpserver)
    app = KoranApp(_config(write_config, base, prefetch=0))
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("down", "down")
        await settle(app, pilot)
        assert asked == [] and _workers(app) == []


def test_targets_skip_read_and_stored_rows() -> None:
    from korantui.core.models import Headline

    rows = [Headline(i, 1, f"t{i}", f"http://x/{i}") for i in range(6)]
    rows[1].read = True
    rows[2].has_article = True
    rows[4].link = ""
    assert [h.id for h in prefetch_targets(rows, 0, 3)] == [0, 3, 5]
    assert [h.id for h in prefetch_targets(rows, 3, 1)] == [3]
    assert prefetch_targets(rows, 0, 0) == []
