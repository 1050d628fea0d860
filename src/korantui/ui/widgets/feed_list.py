"""The feed pane: "all news", "starred", then the feeds by category with unread counts."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from korantui.core.i18n import tr
from korantui.core.models import Feed

ALL_ID = "all"
STARRED_ID = "starred"


def feed_option_id(feed_id: int) -> str:
    return f"feed-{feed_id}"


def feed_id_of(option_id: str | None) -> int | None:
    if option_id and option_id.startswith("feed-"):
        return int(option_id[5:])
    return None


class FeedList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
    ]

    def __init__(self, *, lang: str = "en", id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.feeds: list[Feed] = []
        self._keys: list[tuple[object, ...] | None] = []  # what each entry shows, see set_feeds

    def set_feeds(
        self, feeds: Sequence[Feed], unread_all: int, starred: int, busy: set[int] | None = None
    ) -> None:
        """Rebuild the options; the highlighted entry stays where it was."""
        busy = busy or set()
        keep = self.highlighted_option.id if self.highlighted_option is not None else ALL_ID
        self.feeds = list(feeds)
        options: list[Option | None] = [
            Option(_label(tr("all_news", self.lang), unread_all, bold=True), id=ALL_ID),
            Option(_label("★ " + tr("starred", self.lang), starred), id=STARRED_ID),
        ]
        # What each entry shows, so an update that only changes counts or marks (every opened
        # article, every refreshed feed) redraws those entries instead of the whole pane.
        keys: list[tuple[object, ...] | None] = [
            (ALL_ID, tr("all_news", self.lang), unread_all),
            (STARRED_ID, tr("starred", self.lang), starred),
        ]
        category = None
        for feed in feeds:
            if feed.category != category:
                category = feed.category
                options.append(None)
                options.append(Option(Text(category or "—", style="bold dim"), disabled=True))
                keys += [None, ("category", category)]
            mark = None
            if feed.id in busy:
                mark = Text(" ⟳", style="cyan")
            elif feed.last_error:
                mark = Text(" !", style="bold red")
            prompt = _label(feed.display_name, feed.unread, indent=True, mark=mark)
            options.append(Option(prompt, id=feed_option_id(feed.id)))
            keys.append((feed.id, feed.display_name, feed.unread, mark and mark.plain))
        if self._update_in_place(keys, options):
            return
        self._keys = keys
        self.clear_options()
        self.add_options(options)
        try:
            self.highlighted = self.get_option_index(keep or ALL_ID)
        except OptionDoesNotExist:  # the feed is gone
            self.highlighted = 0

    def _update_in_place(
        self, keys: list[tuple[object, ...] | None], options: list[Option | None]
    ) -> bool:
        """Redraw only the entries whose text changed, when the entries are the same ones.

        clear_options() + add_options() render every feed's label again to measure the list
        (~0.3 ms each: 30 ms and more with 100 feeds, on every opened article). Textual's own
        replace_option_prompt() clears every cached render too, so the changed option's cache
        entries are dropped here instead.
        """
        same_entries = len(keys) == len(self._keys) and all(
            (a is None) == (b is None) and (a is None or b is None or a[0] == b[0])
            for a, b in zip(keys, self._keys, strict=True)
        )
        if not same_entries or not self.options:
            return False
        index = -1
        for key, old, option in zip(keys, self._keys, options, strict=True):
            if option is None:  # a separator: it belongs to the option before it
                continue
            index += 1
            if key != old:
                shown = self.get_option_at_index(index)
                shown._set_prompt(option.prompt)
                cache = self._option_render_cache
                for cache_key in [k for k in cache.keys() if k[0] is shown]:  # noqa: SIM118
                    cache.discard(cache_key)
        self._keys = keys
        self.refresh()
        return True

    @property
    def selected_id(self) -> str:
        option = self.highlighted_option
        return option.id if option is not None and option.id else ALL_ID

    @property
    def selected_feed(self) -> Feed | None:
        feed_id = feed_id_of(self.selected_id)
        return next((f for f in self.feeds if f.id == feed_id), None)


def _label(
    name: str, unread: int, *, bold: bool = False, indent: bool = False, mark: Text | None = None
) -> FeedLabel:
    """A feed's line: its name cut with an ellipsis where needed, so that the unread count and
    the status mark always show."""
    label = Text("  " if indent else "")
    label.append(name, style="bold" if bold or unread else "")
    tail = Text(f" ({unread})", style="cyan") if unread else Text("")
    if mark is not None:
        tail.append_text(mark)
    return FeedLabel(label, tail)


class FeedLabel:
    """One line: the label, cut with an ellipsis to leave room for the tail, which sits at the
    right edge. It renders what a two-column Table.grid(expand=True) did (a ratio column with
    overflow="ellipsis", a right-justified one), at a tenth of the cost: the pane measures and
    renders every feed's line, 100 feeds and more, at start-up and on each change."""

    __slots__ = ("label", "tail")

    def __init__(self, label: Text, tail: Text) -> None:
        self.label = label
        self.tail = tail

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        tail = self.tail
        room = max(0, width - tail.cell_len)
        label = self.label.copy()
        label.truncate(room, overflow="ellipsis", pad=True)
        line = Text.assemble(label, tail, no_wrap=True, end="")
        line.truncate(width)
        yield from line.render(console)
        yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(options.max_width, options.max_width)  # expands, as the grid did
