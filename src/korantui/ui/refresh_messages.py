"""The messages a refresh and the store's changes send to the main screen (ui/refreshing.py
sends them, screens/main.py handles them)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from korantui.core.models import Feed, Headline, RefreshResult

if TYPE_CHECKING:
    from korantui.core.store.health import FeedHealth
    from korantui.ui.widgets.headline_rows import PreparedRows


# Messages are plain classes, not dataclasses: defining a dataclass costs start-up time.


class FeedRefreshed(Message):
    """A feed's refresh is stored, for the filters to judge before it is shown (ui/alerts.py):
    only while [[filter]] or [[query]] tables exist (a hidden headline must never flash by)."""

    def __init__(self, result: RefreshResult) -> None:
        super().__init__()
        self.result = result


class RefreshDone(Message):
    def __init__(self, results: list[RefreshResult]) -> None:
        super().__init__()
        self.results = results


class StoreChanged(Message):
    """The store changed behind the screen's back (a refresh): a snapshot is due."""


class Snapshot(Message):
    """What the screen shows, read from the store in a worker thread."""

    def __init__(
        self,
        feeds: list[Feed],
        counts: tuple[int, int, int],
        entry: str,  # the feed-pane entry the rows are for
        generation: int,  # the list's generation when the rows were read
        reads: int,  # how many times the screen had read the store itself by then
        refreshed: set[int],  # the feeds whose refresh it brings
        rows: list[Headline] | None,  # None: the list is left alone (a search, another feed)
        paged: bool = False,
        health: dict[int, FeedHealth] | None = None,  # every feed's (the dead marks, a subtitle)
        query_entries: list[tuple[str, str, int]] | None = None,  # saved searches' counts
        prepared: PreparedRows | None = None,  # the rows made ready for the list
    ) -> None:
        super().__init__()
        self.feeds, self.counts, self.entry = feeds, counts, entry
        self.generation, self.reads, self.refreshed = generation, reads, refreshed
        self.rows, self.paged = rows, paged
        self.health, self.query_entries, self.prepared = health, query_entries, prepared


class HeadlinesLoaded(Message):
    def __init__(
        self, rows: list[Headline], generation: int, prepared: PreparedRows | None = None
    ) -> None:
        super().__init__()
        self.rows = rows
        self.generation = generation
        self.prepared = prepared  # the rows made ready for the list


class StoreChecked(Message):
    def __init__(self, path: Path, damaged: bool, pruned: int = 0) -> None:
        super().__init__()
        self.path = path
        self.damaged = damaged
        self.pruned = pruned
