"""Read and star state from the keyboard: m (read / unread), M (all read), s (star), n and N (the
next and previous unread article, across feeds). Every change goes through the ReadingService;
the rows on show are replaced with the values it gives back.

Held by MainScreen (composition, not a mixin).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from korantui.core.i18n import tr
from korantui.core.models import Headline
from korantui.ui import story_rows
from korantui.ui.saved_searches import is_query_id
from korantui.ui.widgets.feed_list import ALL_ID, STARRED_ID, feed_id_of, feed_option_id

if TYPE_CHECKING:
    from korantui.ui.screens.main import MainScreen


class ReadState:
    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen

    def toggle_read(self) -> None:
        row = self.screen.headline_list.current
        if row is not None:
            self.screen.rows_changed(story_rows.set_read(self.screen, row, not row.read))

    def mark_all_read(self) -> None:
        service = self.screen.korantui.service
        selected = self.screen.feed_list.selected_id
        rows = self.screen.headline_list.rows
        if self.screen.search_query is not None or selected == STARRED_ID or is_query_id(selected):
            service.set_read(rows)
            name = self.screen.list_name
        else:
            feed = self.screen.feed_list.selected_feed
            service.mark_feed_read(feed_id_of(selected))
            name = feed.display_name if feed else tr("all_news", self.screen.lang)
        self.screen.rows_changed([r for r in (_read(r) for r in rows) if r is not None])
        self.screen.notify(tr("marked_read", self.screen.lang, name=name), markup=False)

    def toggle_star(self) -> None:
        row = self.screen.headline_list.current
        if row is None:
            return
        row = self.screen.korantui.service.set_starred(row, not row.starred)
        self.screen.reader.headline_changed(row)
        self.screen.rows_changed([row])
        self.screen.notify(
            tr("star_on" if row.starred else "star_off", self.screen.lang), timeout=2, markup=False
        )

    def step_unread(self, step: int) -> None:
        """Open the next unread headline of this list; past its end, the first unread one of the
        next feed that has any (the feed pane follows), wrapping round once."""
        hl = self.screen.headline_list
        rows = hl.rows
        # When the reader has not opened the highlighted row yet, it is the "next" one.
        current = hl.current
        opened = self.screen.reader.headline.id if self.screen.reader.headline is not None else None
        if step > 0 and current is not None and not current.read and current.id != opened:
            self.screen.open_headline(current.id)
            return
        indexes = range(hl.cursor + 1, len(rows)) if step > 0 else range(hl.cursor - 1, -1, -1)
        for i in indexes:
            if not rows[i].read:
                hl.cursor = i
                self.screen.open_headline(rows[i].id)
                return
        if self.screen.search_query is None and self._next_unread_feed(step):
            return
        # Round the list once more: unread rows above the cursor (All news, Starred, results).
        target = _unread_in(rows, step)
        if target is not None and target.id != opened:
            hl.cursor = rows.index(target)
            self.screen.open_headline(target.id)
            return
        self.screen.notify(tr("no_unread", self.screen.lang), timeout=3, markup=False)

    def _next_unread_feed(self, step: int) -> bool:
        selected = self.screen.feed_list.selected_id
        if selected in (ALL_ID, STARRED_ID):
            return False
        service = self.screen.korantui.service
        feed = service.feed_with_unread(service.feeds(), feed_id_of(selected), step)
        if feed is None:
            return False
        self.screen.feed_list.select(feed_option_id(feed.id))
        self.screen.reload_headlines()
        rows = self.screen.headline_list.rows
        target = _unread_in(rows, step)
        if target is None:
            return False
        self.screen.headline_list.cursor = rows.index(target)
        self.screen.open_headline(target.id)
        return True


def _read(row: Headline) -> Headline | None:
    return None if row.read else dataclasses.replace(row, read=True)


def _unread_in(rows: list[Headline], step: int) -> Headline | None:
    ordered = rows if step > 0 else list(reversed(rows))
    return next((r for r in ordered if not r.read), None)
