"""The feed pane: "all news", "starred", then the feeds by category with unread counts.

A Line-API ScrollView like the headline list: an entry is painted only when it is on screen.
Textual's OptionList rendered and measured every feed's line at start-up and on each rebuild
(~20 ms for 100 feeds, a fifth of the time to the first frame).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from korantui.core.i18n import tr
from korantui.core.models import Feed
from korantui.ui.widgets.cells import cut
from korantui.ui.widgets.cursor_list import CursorList

ALL_ID = "all"
STARRED_ID = "starred"

_COUNT = Style(color="cyan")
_NOTE = Style(color="red")  # an account's line: its failure in words
_MARKS = {
    "busy": (" ⟳", Style(color="cyan")),
    "error": (" !", Style(color="red", bold=True)),
    "dead": (" ✗", Style(color="red", bold=True)),  # failing for dead_after_days (ui/feed_health)
}


def feed_option_id(feed_id: int) -> str:
    return f"feed-{feed_id}"


def feed_id_of(option_id: str | None) -> int | None:
    if option_id and option_id.startswith("feed-"):
        return int(option_id[5:])
    return None


class FeedEntry(NamedTuple):
    """One line of the pane. kind: entry (all news, starred, a feed), category, separator or
    note (an account's line under its heading).
    (A NamedTuple: a frozen dataclass of seven fields costs 1 ms of start-up to define.)"""

    kind: str
    id: str = ""
    name: str = ""
    unread: int = 0
    mark: str = ""  # "", "busy" or "error"
    bold: bool = False
    indent: bool = False

    @property
    def selectable(self) -> bool:
        return self.kind == "entry"


class FeedList(CursorList, can_focus=True):
    BINDINGS = [
        Binding("up,k", "cursor_up", show=False),
        Binding("down,j", "cursor_down", show=False),
        Binding("pageup", "page_up_entries", show=False),
        Binding("pagedown", "page_down_entries", show=False),
        Binding("home,g", "first", show=False),
        Binding("end,G", "last", show=False),
        Binding("enter", "select", show=False),
    ]
    COMPONENT_CLASSES = {
        "feed-list--cursor",
        "feed-list--category",
        "feed-list--separator",
    }
    DEFAULT_CSS = """
    FeedList {
        overflow-x: hidden;
        overflow-y: auto;
        padding: 0 1;
    }
    FeedList > .feed-list--cursor {
        color: $block-cursor-blurred-foreground;
        background: $block-cursor-blurred-background;
        text-style: $block-cursor-blurred-text-style;
    }
    FeedList:focus > .feed-list--cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    FeedList > .feed-list--category { color: $text-disabled; text-style: bold; }
    FeedList > .feed-list--separator { color: $foreground 15%; }
    """

    cursor: reactive[int] = reactive(0, repaint=False)  # watch_cursor repaints its two lines

    class _EntryMessage(Message):
        def __init__(self, feed_list: FeedList, entry_id: str) -> None:
            super().__init__()
            self.feed_list = feed_list
            self.entry_id = entry_id

        @property
        def control(self) -> FeedList:
            return self.feed_list

    class Highlighted(_EntryMessage):
        """The cursor moved to another entry."""

    class Selected(_EntryMessage):
        """Enter or a click on an entry."""

    def __init__(self, *, lang: str = "en", id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.feeds: list[Feed] = []
        self.totals = (0, 0)  # unread in All news, starred: as last shown
        self.entries: list[FeedEntry] = []
        self.account_rows: list[tuple[str, str]] = []
        # Saved searches (entry id, name, unread) and the dead feeds: set by the screen
        # (ui/saved_searches.py, ui/feed_health.py) before set_feeds.
        self.query_entries: list[tuple[str, str, int]] = []
        self.dead: set[int] = set()

    # -- data ----------------------------------------------------------------------------------

    def set_feeds(
        self,
        feeds: Sequence[Feed],
        unread_all: int,
        starred: int,
        busy: set[int] | None = None,
        accounts: list[tuple[str, str]] | None = None,
    ) -> None:
        """Show these feeds; the cursor stays on the entry it was on (all news if it is gone).
        accounts: (name, its line) of each account, shown under its heading (ui/accounts.py)."""
        busy = busy or set()
        keep = self.selected_id if self.entries else ALL_ID
        self.feeds = list(feeds)
        self.totals = (unread_all, starred)
        entries = [
            FeedEntry("entry", ALL_ID, tr("all_news", self.lang), unread_all, bold=True),
            FeedEntry("entry", STARRED_ID, "★ " + tr("starred", self.lang), starred),
            *(FeedEntry("entry", i, "⌕ " + name, n) for i, name, n in self.query_entries),
        ]
        # Feeds without a category, when they come first, need no heading: the rule sets them
        # apart from Starred. Further down (after another category's feeds) they get "—".
        category: str | None = None
        for feed in feeds:
            if feed.category != category:
                first = category is None
                category = feed.category
                entries.append(FeedEntry("separator"))
                if category or not first:
                    entries.append(FeedEntry("category", name=category or "—"))
            mark = "busy" if feed.id in busy else "error" if feed.last_error else ""
            mark = "dead" if feed.id in self.dead and mark != "busy" else mark
            entries.append(
                FeedEntry(
                    "entry",
                    feed_option_id(feed.id),
                    feed.display_name,
                    feed.unread,
                    mark,
                    bold=bool(feed.unread),
                    indent=True,
                )
            )
        if accounts is None:  # as last given (a busy mark changed)
            accounts = self.account_rows
        self.account_rows = accounts
        if accounts:
            from korantui.ui.accounts import with_account_rows

            entries = with_account_rows(entries, accounts)
        if entries == self.entries:
            return
        widths = (self._entry_width(e) for e in entries)
        if max(widths, default=0) != max(map(self._entry_width, self.entries), default=0):
            self.refresh(layout=True)  # `width: auto` in app.tcss: the pane fits its names
        self.entries = entries
        self.rows_changed()
        if not self.select(keep):
            self.select(ALL_ID)
        self.refresh()

    @staticmethod
    def _entry_width(entry: FeedEntry) -> int:
        """Cells an entry needs to show whole: indent, name and count. Not its mark: the pane
        keeps room for one (get_content_width); counted, R's busy marks widened the pane, and
        the headline list beside it counted its 10,000 rows' lines again for the new width."""
        if entry.kind != "entry":
            return cell_len(entry.name)
        count = len(f" ({entry.unread})") if entry.unread else 0
        return (2 if entry.indent else 0) + cell_len(entry.name) + count

    def get_content_width(self, container: Size, viewport: Size) -> int:
        # Room for the marks that come and go (busy, error) so the pane does not jump.
        return max((self._entry_width(e) for e in self.entries), default=16) + 2

    def select(self, entry_id: str) -> bool:
        """Put the cursor on this entry; False when there is no such entry."""
        for i, entry in enumerate(self.entries):
            if entry.id == entry_id and entry.selectable:
                self.cursor = i
                return True
        return False

    @property
    def selected_id(self) -> str:
        if 0 <= self.cursor < len(self.entries) and self.entries[self.cursor].selectable:
            return self.entries[self.cursor].id
        return ALL_ID

    @property
    def selected_feed(self) -> Feed | None:
        feed_id = feed_id_of(self.selected_id)
        return next((f for f in self.feeds if f.id == feed_id), None)

    # -- cursor --------------------------------------------------------------------------------

    def row_count(self) -> int:
        return len(self.entries)

    def cursor_moved(self) -> None:
        self.post_message(self.Highlighted(self, self.selected_id))

    def can_hold_cursor(self, index: int) -> bool:
        return self.entries[index].selectable

    def _move(self, start: int, step: int) -> None:
        """To the first selectable entry from start on, going step; stay if there is none."""
        i = max(0, min(start, len(self.entries) - 1))
        while 0 <= i < len(self.entries):
            if self.entries[i].selectable:
                self.cursor = i
                return
            i += step

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1, -1)

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1, 1)

    def action_page_up_entries(self) -> None:
        self._move(self.cursor - max(1, self.size.height - 1), 1)

    def action_page_down_entries(self) -> None:
        self._move(self.cursor + max(1, self.size.height - 1), -1)

    def action_first(self) -> None:
        self._move(0, 1)

    def action_last(self) -> None:
        self._move(len(self.entries) - 1, -1)

    def action_select(self) -> None:
        if self.entries and self.entries[self.cursor].selectable:
            self.post_message(self.Selected(self, self.selected_id))

    # -- painting ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + self.scroll_offset.y
        base = self.frame_style()
        if not 0 <= index < len(self.entries):
            return Strip.blank(width, base)
        entry = self.entries[index]
        if entry.kind == "separator":
            # Whole component styles here (not partial): their colours have alpha, blended
            # against the pane's background only in the whole style.
            style = self.frame_style("feed-list--separator")
            return Strip([Segment("─" * width, style)], width)
        if entry.kind == "note":
            text = cut("  " + entry.name, width)
            return Strip([Segment(text, base + _NOTE)]).adjust_cell_length(width, base)
        if entry.kind == "category":
            style = self.frame_style("feed-list--category")
            return Strip([Segment(cut(entry.name, width), style)]).adjust_cell_length(width, base)
        if index == self.cursor:
            base += self.frame_style("feed-list--cursor", partial=True)
        # The unread count and the mark always show; the name is cut to leave them room.
        tail: list[Segment] = []
        if entry.unread:
            tail.append(Segment(f" ({entry.unread})", base + _COUNT))
        if entry.mark:
            text, style = _MARKS[entry.mark]
            tail.append(Segment(text, base + style))
        indent = "  " if entry.indent else ""
        room = max(0, width - len(indent) - sum(cell_len(s.text) for s in tail))
        name = cut(entry.name, room)
        name_style = base + Style(bold=True) if entry.bold else base
        # Indent and gap are plain segments of their own: the name's bold stops at the name.
        segments = [
            Segment(indent, base),
            Segment(name, name_style),
            Segment(" " * (room - cell_len(name)), base),
            *tail,
        ]
        return Strip(segments).adjust_cell_length(width, base)
