"""A key is answered without waiting for the rest of the screen (issue 15): a cursor move
repaints the rows it changes and nothing else, the store's changes are read off the UI thread
(its queries there waited for a refresh's write batch), and rows made ready by a worker are the
rows the list makes itself."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from typing import Any

import pytest
from rich.segment import Segment

from korantui.core.models import Entry
from korantui.core.reading_service import ReadingService
from korantui.core.store.database import Store
from korantui.ui import feed_health
from korantui.ui.widgets.feed_list import FeedList
from korantui.ui.widgets.headline_list import HeadlineList
from tests.uikit import BASE, CONFIG, fill, offline_app, settle


def _count_paints(monkeypatch: pytest.MonkeyPatch, widget: type[Any]) -> list[int]:
    """The lines a widget class paints from now on (render_line's y)."""
    painted: list[int] = []
    paint = widget.render_line

    def counted(self: Any, y: int) -> Any:
        painted.append(y)
        return paint(self, y)

    monkeypatch.setattr(widget, "render_line", counted)
    return painted


async def test_a_cursor_move_repaints_its_two_rows_only(
    write_config, monkeypatch: pytest.MonkeyPatch
):  # type: ignore[no-untyped-def]
    cfg = write_config(CONFIG)
    fill(cfg, per_feed=15)
    app = offline_app(cfg)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        hl = app.main.headline_list
        assert len(hl.rows) == 30 and hl.has_focus
        lines = {i: hl.row_lines(i)[1] for i in range(4)}
        headlines = _count_paints(monkeypatch, HeadlineList)
        feeds = _count_paints(monkeypatch, FeedList)
        await pilot.press("j")
        await pilot.pause()
        assert hl.cursor == 1
        # The row left and the row arrived at, not the 30 rows on screen.
        assert 0 < len(headlines) <= lines[0] + lines[1]
        assert feeds == []  # the feed pane did not change
        del headlines[:]
        await pilot.press("j", "k", "j")
        await pilot.pause()
        assert hl.cursor == 2
        assert 0 < len(headlines) <= 2 * sum(lines.values())


def _threads_of(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, seen: list[str]
) -> Callable[..., Any]:
    """Patch owner.name to note the thread each call runs on."""
    original = getattr(owner, name)

    def noted(*args: Any, **kwargs: Any) -> Any:
        seen.append(threading.current_thread().name)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, noted)
    return noted


async def test_a_store_change_is_read_off_the_ui_thread(
    write_config, monkeypatch: pytest.MonkeyPatch
):  # type: ignore[no-untyped-def]
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        seen: list[str] = []
        import korantui.core.store.health as health_module

        _threads_of(monkeypatch, health_module, "health", seen)
        _threads_of(monkeypatch, feed_health, "health", seen)
        _threads_of(monkeypatch, ReadingService, "story_groups", seen)
        _threads_of(monkeypatch, ReadingService, "headlines", seen)
        _threads_of(monkeypatch, ReadingService, "feeds", seen)
        other = Store(cfg.db_path)  # another connection writes, as a refresh does
        feed = other.feeds()[0]
        entry = Entry(
            title="Kabar terbaru dari pelabuhan", link="http://x.test/baru", published=BASE
        )
        other.save_entries(feed.id, [entry])
        other.close()
        app.main.store_changed()
        await settle(app, pilot)
        assert app.main.headline_list.rows[0].title == "Kabar terbaru dari pelabuhan"
        assert seen  # the store was read for it...
        assert threading.main_thread().name not in seen  # ...and never by the UI thread


def _painted(hl: HeadlineList) -> list[str]:
    lines = []
    for y in range(min(hl.size.height, hl.row_lines(len(hl.rows) - 1)[0] + 1)):
        lines.append("".join(s.text for s in hl.render_line(y) if isinstance(s, Segment)))
    return lines


async def test_rows_made_by_a_worker_are_the_rows_the_list_makes(write_config):  # type: ignore[no-untyped-def]
    cfg = write_config(CONFIG)
    fill(cfg, per_feed=12)
    app = offline_app(cfg)
    async with app.run_test(size=(90, 40)) as pilot:
        await settle(app, pilot)
        hl = app.main.headline_list
        service = app.service
        given = service.headlines()
        # Long titles: some rows take two or three lines at this width.
        given = [
            h if i % 3 else dataclasses.replace(h, title=h.title + " panjang" * (i % 7 + 4))
            for i, h in enumerate(given)
        ]
        hl.set_rows(given)
        await pilot.pause()
        own = (list(hl.rows), [hl.row_lines(i) for i in range(len(hl.rows))], _painted(hl))
        made = hl.row_maker(hl.show_source)(given, service.story_groups())
        assert (
            made.setting == hl.row_setting()
        )  # taken as made, not made again        hl.set_rows([], None)
        hl.set_rows(given, prepared=made)
        await pilot.pause()
        taken = (list(hl.rows), [hl.row_lines(i) for i in range(len(hl.rows))], _painted(hl))
        assert taken == own
        assert any(height > 1 for _top, height in own[1])
