"""Read and star state from the keyboard: m, M, n, N, u, s, and the search list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from korantui.core.i18n import tr
from korantui.ui.widgets.feed_list import ALL_ID, STARRED_ID, feed_id_of, feed_option_id

if TYPE_CHECKING:
    from korantui.core.models import Headline
    from korantui.ui.app import KoranApp


class StateActions:
    """Mixed into KoranApp."""

    def _mark_rows(self: KoranApp, ids: set[int], read: bool) -> None:
        for row in self.headline_list.rows:
            if row.id in ids:
                row.read = read
                self.headline_list.refresh_row(row.id)
        self.reload_feeds()

    def action_toggle_read(self: KoranApp) -> None:
        row = self.headline_list.current
        if row is None or self.store is None:
            return
        self.store.set_read([row.id], not row.read)
        self._mark_rows({row.id}, not row.read)

    def action_mark_all_read(self: KoranApp) -> None:
        assert self.store is not None
        selected = self.feed_list.selected_id
        ids = {r.id for r in self.headline_list.rows}
        if self.search_query is not None or selected == STARRED_ID:
            self.store.set_read(ids)
            name = self.list_name
        else:
            feed = self.feed_list.selected_feed
            self.store.mark_feed_read(feed_id_of(selected))
            name = feed.display_name if feed else tr("all_news", self.lang)
        self._mark_rows(ids, True)
        self.notify(tr("marked_read", self.lang, name=name), markup=False)

    def action_toggle_star(self: KoranApp) -> None:
        row = self.headline_list.current
        if row is None or self.store is None:
            return
        row.starred = not row.starred
        self.store.set_starred(row.id, row.starred)
        if self._current is not None and self._current.id == row.id:
            self._current.starred = row.starred
        self.headline_list.refresh_row(row.id)
        self.reload_feeds()
        self.notify(
            tr("star_on" if row.starred else "star_off", self.lang), timeout=2, markup=False
        )

    def action_toggle_hide_read(self: KoranApp) -> None:
        self.hide_read = not self.hide_read
        self.reload_headlines(keep=True)
        self.notify(
            tr("hide_read_on" if self.hide_read else "hide_read_off", self.lang),
            timeout=3,
            markup=False,
        )

    # -- next / previous unread, across feeds --------------------------------------------------

    def action_next_unread(self: KoranApp) -> None:
        self._step_unread(1)

    def action_previous_unread(self: KoranApp) -> None:
        self._step_unread(-1)

    def _step_unread(self: KoranApp, step: int) -> None:
        """Open the next unread headline of this list; past its end, the first unread one of the
        next feed that has any (the feed pane follows), wrapping round once."""
        hl = self.headline_list
        rows = hl.rows
        start = hl.cursor
        # When the reader has not opened the highlighted row yet, it is the "next" one.
        current = hl.current
        opened = self._current.id if self._current is not None else None
        if step > 0 and current is not None and not current.read and current.id != opened:
            self.open_headline(current.id)
            return
        indexes = range(start + 1, len(rows)) if step > 0 else range(start - 1, -1, -1)
        for i in indexes:
            if not rows[i].read:
                hl.cursor = i
                self.open_headline(rows[i].id)
                return
        if self.search_query is None and self._next_unread_feed(step):
            return
        # Round the list once more: unread rows above the cursor (All news, Starred, results).
        target = self._unread_in(rows, step)
        if target is not None and target.id != opened:
            hl.cursor = rows.index(target)
            self.open_headline(target.id)
            return
        self.notify(tr("no_unread", self.lang), timeout=3, markup=False)

    def _next_unread_feed(self: KoranApp, step: int) -> bool:
        assert self.store is not None
        feeds = self.store.feeds()
        selected = self.feed_list.selected_id
        if selected in (ALL_ID, STARRED_ID) or not feeds:
            return False
        ids = [f.id for f in feeds]
        here = ids.index(feed_id_of(selected)) if feed_id_of(selected) in ids else 0
        for k in range(1, len(feeds)):
            feed = feeds[(here + step * k) % len(feeds)]
            if feed.unread:
                self.feed_list.select(feed_option_id(feed.id))
                self.reload_headlines()
                target = self._unread_in(self.headline_list.rows, step)
                if target is not None:
                    self.headline_list.cursor = self.headline_list.rows.index(target)
                    self.open_headline(target.id)
                    return True
        return False

    @staticmethod
    def _unread_in(rows: list[Headline], step: int) -> Headline | None:
        ordered = rows if step > 0 else list(reversed(rows))
        return next((r for r in ordered if not r.read), None)
