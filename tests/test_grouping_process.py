"""Story grouping in a child process (core/stories/process.py), and its fallback in this one."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from korantui.core.models import Entry, FeedSpec
from korantui.core.store.database import Store
from korantui.core.store.stories import groups, save_members
from korantui.core.stories.process import GroupingProcess, Rows, Save
from tests.hostile_servers import Site
from tests.test_refresh_work import one_story_feeds
from tests.test_stories import FLOOD, OTHER, OTHER_RETOLD


def _store_of_stories(tmp_path: Path) -> tuple[Store, dict[str, int]]:
    store = Store(tmp_path / "k.db")
    stories = [*FLOOD, OTHER, OTHER_RETOLD]
    store.sync_feeds([FeedSpec(url=f"http://k{n}.example/f.xml") for n in range(len(stories))])
    when = datetime.now(UTC) - timedelta(hours=2)
    for n, (feed, (title, summary)) in enumerate(zip(store.feeds(), stories, strict=True)):
        entry = Entry(title, f"https://k{n}.example/1", summary=summary, published=when)
        store.save_entries(feed.id, [entry])
    return store, {h.title: h.id for h in store.headlines()}


def _assert_grouped(store: Store, ids: dict[str, int]) -> None:
    found = groups(store)
    assert len({found[ids[t]] for t, _ in FLOOD}) == 1
    assert found[ids[OTHER[0]]] == found[ids[OTHER_RETOLD[0]]] != found[ids[FLOOD[0][0]]]


@contextmanager
def _grouping(
    tmp_path: Path, save: Save | None = None
) -> Iterator[tuple[GroupingProcess, Store, dict[str, int]]]:
    """A store of stories and a grouping of it; both closed at the end."""
    store, ids = _store_of_stories(tmp_path)
    grouping = GroupingProcess(store, save=save)
    try:
        yield grouping, store, ids
    finally:
        grouping.close()
        store.close()


def test_the_child_process_groups_the_stores_new_headlines(tmp_path: Path) -> None:
    with _grouping(tmp_path) as (grouping, store, ids):
        assert grouping.request().result(timeout=60) == len(ids)
        assert grouping.request().result(timeout=60) == 0  # nothing new since
        assert grouping.in_child == 2
        _assert_grouped(store, ids)


def test_a_child_that_cannot_start_leaves_the_grouping_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-python-here"))
    with _grouping(tmp_path) as (grouping, store, ids):
        assert grouping.request().result(timeout=60) == len(ids)
        assert grouping.in_child == 0
        _assert_grouped(store, ids)


def test_a_child_that_dies_leaves_the_grouping_to_this_process(tmp_path: Path) -> None:
    with _grouping(tmp_path) as (grouping, store, ids):
        proc = grouping._start()
        proc.kill()
        proc.wait()
        assert grouping.request().result(timeout=60) == len(ids)
        assert grouping.in_child == 0
        _assert_grouped(store, ids)


async def test_a_large_refresh_finds_its_stories_grouped_when_it_hears_of_its_feeds(
    tmp_path: Path,
) -> None:
    from korantui.core.net.fetch import Fetcher
    from korantui.core.refresh import GROUP_APART_FROM, refresh_feeds

    store = Store(tmp_path / "k.db")
    stories = [*FLOOD, OTHER, OTHER_RETOLD]
    stories += [(f"Kabar lain nomor {n}", "Ringkasan lain") for n in range(GROUP_APART_FROM)]
    heard: list[dict[int, int]] = []
    with Site() as site:
        one_story_feeds(site, store, stories)
        async with Fetcher() as fetcher:
            results = await refresh_feeds(
                store, fetcher, store.feeds(), on_result=lambda r: heard.append(groups(store))
            )
    assert [r.new for r in results] == [1] * len(stories)
    ids = {h.title: h.id for h in store.headlines()}
    _assert_grouped(store, ids)
    # Each feed was heard of once its headline had its story: the flood's last feed heard
    # with the whole flood grouped.
    last_flood = max(ids[t] for t, _ in FLOOD)
    assert any(last_flood in seen for seen in heard)
    store.close()


def test_requests_made_while_one_runs_are_all_answered_by_the_next(tmp_path: Path) -> None:
    with _grouping(tmp_path) as (grouping, store, ids):
        asked = [grouping.request() for _ in range(5)]
        counts = [done.result(timeout=60) for done in asked]
        assert counts[0] == len(ids) and set(counts[1:]) <= {0, len(ids)}
        assert 1 <= grouping.in_child <= 5
        _assert_grouped(store, ids)


def test_closing_now_drops_what_the_child_was_asked(tmp_path: Path) -> None:
    store, _ = _store_of_stories(tmp_path)
    grouping = GroupingProcess(store)
    done = grouping.request()
    grouping.close(now=True)
    assert done.done()  # answered before the kill, or dropped: never left waiting
    store.close()


def test_the_child_only_reads_the_store_and_its_rows_go_to_the_given_save(
    tmp_path: Path,
) -> None:
    # The child writing the store itself waited for the lock while a refresh's writer held it,
    # batch after batch (0.6-0.7 s of a 1.3 s refresh): its rows are stored by the refresh.
    handed: list[tuple[Rows, int]] = []

    def keep(rows: Rows, below: int) -> Future[None]:
        handed.append((rows, below))
        kept: Future[None] = Future()
        kept.set_result(None)
        return kept

    with _grouping(tmp_path, save=keep) as (grouping, store, ids):
        assert grouping.request().result(timeout=60) == len(ids)
        assert groups(store) == {}  # nothing written by the child
        [(rows, below)] = handed
        assert sorted(r[0] for r in rows) == sorted(ids.values()) and below == 0
        save_members(store, rows, below)
        _assert_grouped(store, ids)


def test_rows_the_store_refuses_end_the_child_and_the_next_grouping_is_made_here(
    tmp_path: Path,
) -> None:
    def refuse(rows: Rows, below: int) -> Future[None]:
        refused: Future[None] = Future()
        refused.set_exception(sqlite3.OperationalError("database or disk is full"))
        return refused

    with _grouping(tmp_path, save=refuse) as (grouping, store, ids):
        with pytest.raises(sqlite3.OperationalError, match="disk is full"):
            grouping.request().result(timeout=60)
        assert groups(store) == {}
        # The child's index holds what the store refused: the next grouping is this process's.
        assert grouping.request().result(timeout=60) == len(ids)
        assert grouping.in_child == 1
        _assert_grouped(store, ids)


def test_a_child_started_ahead_answers_the_first_request(tmp_path: Path) -> None:
    with _grouping(tmp_path) as (grouping, store, ids):
        grouping.start_soon()  # in a thread of its own: a refresh's event loop asks this
        grouping.start_soon()  # once
        grouping.start()  # the child is there already (or starts here): not a second one
        assert grouping.request().result(timeout=60) == len(ids)
        assert grouping.in_child == 1
        _assert_grouped(store, ids)
