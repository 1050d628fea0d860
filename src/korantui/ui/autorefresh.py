"""Feeds refreshed on their own while the app is open: a timer asks core/schedule.py which feeds
are due (their interval, backed off on failures, never before their server's wait) and hands
them to the screen's Refresher, whose snapshots keep the cursor on its headline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from korantui.core import clock
from korantui.core.store.health import health

if TYPE_CHECKING:
    from textual.timer import Timer

    from korantui.core.models import Feed
    from korantui.ui.screens.main import MainScreen

TICK_SECONDS = 60.0  # how often the timer looks; intervals are whole minutes


class AutoRefresh:
    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.timer: Timer | None = None

    def start(self) -> None:
        if self.timer is None:
            self.timer = self.screen.set_interval(TICK_SECONDS, self.tick, name="auto-refresh")

    def due(self) -> list[Feed]:
        """The feeds of the feed pane that are due now."""
        app = self.screen.korantui
        if app.demo:
            return []
        minutes = {s.url: s.settings.refresh_minutes for s in app.config.feeds}
        states = health(app.store)
        from korantui.core.schedule import FeedState, due_feeds  # at the first tick, not the start

        shown = {f.id: f for f in self.screen.feed_list.feeds}
        table = {
            fid: (minutes.get(f.url), states[fid].state if fid in states else FeedState())
            for fid, f in shown.items()
        }
        ids = due_feeds(table, app.config.filters.refresh_minutes, clock.now())
        return [shown[i] for i in ids if i not in self.screen.refresher.busy_feeds]

    def tick(self) -> None:
        feeds = self.due()
        if feeds:
            self.screen.refresher.refresh(feeds)
