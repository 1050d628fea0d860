"""One story, many outlets, on the headline list: the headlines of one story (core/stories)
shown as one row, the earliest outlet's headline marked "[+N]" for the others; → or Enter
shows them under it (each opens its own article), ← folds them again. The row is unread while any
of them is; marking it read marks them all (ReadingService.set_story_read).

The list's widget keeps its rows; this holds which of them are one story, and is asked at the
few points where that matters (the rows set, a row's new values, a key). A story's row and
its members are copies of their headlines whose titles carry the mark, so the list draws them
as any row.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from korantui.core.models import Headline

if TYPE_CHECKING:
    from korantui.ui.app import KoranApp
    from korantui.ui.screens.main import MainScreen

MEMBER_MARK = "↳ "
_EARLIEST = datetime.max.replace(tzinfo=UTC)

_WORDS = {
    "on": {"en": "Stories grouped across outlets", "id": "Berita yang sama digabung"},
    "off": {"en": "Every outlet's headline on its own", "id": "Judul setiap media sendiri"},
    "command": {"en": "Group one story across outlets", "id": "Gabungkan berita yang sama"},
    "help": {"en": "on/off: one row for a story many feeds tell", "id": "nyala/mati"},
}


def _word(key: str, lang: str) -> str:
    return _WORDS[key].get(lang, _WORDS[key]["en"])


def _when(row: Headline) -> datetime:
    at = row.published or row.first_seen
    return at if at is not None else _EARLIEST


class Positions:
    """Each row's index by headline id, for one list of rows, made again for another list: a
    read mark changes one row of 20,000, and finding it went through all of them."""

    def __init__(self) -> None:
        self._of: list[Headline] | None = None
        self._index: dict[int, int] = {}

    def of(self, rows: list[Headline]) -> dict[int, int]:
        """The index of rows (the list itself: rows replaced in it keep their places)."""
        if self._of is not rows:
            self._index = {row.id: i for i, row in enumerate(rows)}
            self._of = rows
        return self._index


class StoryRows:
    def __init__(self) -> None:
        self.enabled = True
        # headline id -> story id of grouped headlines (ReadingService.story_groups)
        self.source: Callable[[], dict[int, int]] | None = None
        self.shown: list[Headline] = []  # the rows as given, before folding
        self.expanded: set[int] = set()  # story ids
        self._story: dict[int, int] = {}  # headline id -> story id, stories of 2+ rows on show
        self._members: dict[int, list[Headline]] = {}  # story id -> its rows, list order
        self._header: dict[int, int] = {}  # story id -> the headline id its row shows
        self._shown_at = Positions()  # headline id -> its index in shown

    # -- folding -------------------------------------------------------------------------------

    def fold(self, rows: Sequence[Headline]) -> list[Headline]:
        """The rows to show: each story of two or more of them as one row (with its members
        under it when expanded), where its newest member was."""
        self.shown = list(rows)
        self._story, self._members, self._header = {}, {}, {}
        if not self.enabled or self.source is None:
            return list(rows)
        story_of = self.source()
        members: dict[int, list[Headline]] = {}
        for row in rows:
            story = story_of.get(row.id)
            if story is not None:
                members.setdefault(story, []).append(row)
        for story, group in members.items():
            if len({r.feed_id for r in group}) > 1:
                self._members[story] = group
                self._header[story] = min(group, key=lambda r: (_when(r), r.id)).id
                self._story.update((r.id, story) for r in group)
        out: list[Headline] = []
        for row in rows:
            story = self._story.get(row.id)
            if story is None:
                out.append(row)
            elif row is self._members[story][0]:  # the story's first row in list order
                header = next(r for r in self._members[story] if r.id == self._header[story])
                out.append(self.as_row(header))
                if story in self.expanded:
                    out.extend(self.as_row(r) for r in self._members[story] if r.id != header.id)
        return out

    def as_row(self, row: Headline) -> Headline:
        """A row's new values as shown: a story's row is read when all its members are, and
        carries "[+N]"; a member shown under it, "↳"."""
        story = self._story.get(row.id)
        if story is None:
            return row
        group = self._members[story]
        title = next(r.title for r in group if r.id == row.id)  # never a marked one
        if self._header[story] != row.id:
            return dataclasses.replace(row, title=MEMBER_MARK + title)
        return dataclasses.replace(
            row, title=f"[+{len(group) - 1}] {title}", read=all(r.read for r in group)
        )

    def replace(self, rows: Sequence[Headline]) -> None:
        """New values of headlines (read, starred…), also of members folded away."""
        by_id = {r.id: r for r in rows}

        def new(r: Headline) -> Headline:
            # A row on show comes back with its marked title: the headline's own one is kept.
            found = by_id.get(r.id)
            return r if found is None else dataclasses.replace(found, title=r.title)

        for story in {s for h in by_id if (s := self._story.get(h)) is not None}:
            group = self._members[story]
            group[:] = [new(r) for r in group]
        shown_at = self._shown_at.of(self.shown)
        for headline_id in by_id:
            i = shown_at.get(headline_id)
            if i is not None:
                self.shown[i] = new(self.shown[i])

    def with_their_stories(self, headline_ids: Iterable[int]) -> set[int]:
        """These headlines and the headlines whose rows show their stories."""
        found = set(headline_ids)
        found.update(self._header[s] for h in list(found) if (s := self._story.get(h)) is not None)
        return found

    # -- what a row is -------------------------------------------------------------------------

    def is_story(self, row: Headline | None) -> bool:
        """Whether the row is a story's row (its header)."""
        if row is None:
            return False
        story = self._story.get(row.id)
        return story is not None and self._header[story] == row.id

    def members(self, row: Headline) -> list[Headline]:
        """The headlines on show of the row's story (just the row when it is none)."""
        story = self._story.get(row.id)
        return list(self._members[story]) if story is not None else [row]

    # -- keys ----------------------------------------------------------------------------------

    def expand(self, row: Headline | None) -> bool:
        """Show the members of the row's story under it; whether the rows changed."""
        if not self.is_story(row) or row is None:
            return False
        story = self._story[row.id]
        if story in self.expanded:
            return False
        self.expanded.add(story)
        return True

    def collapse(self, row: Headline | None) -> int | None:
        """Fold the row's story (the row a member or its header): the header's id to put the
        cursor on, None when the row is no expanded story's."""
        if row is None or row.id not in self._story:
            return None
        story = self._story[row.id]
        if story not in self.expanded:
            return None
        self.expanded.discard(story)
        return self._header[story]


# -- the screen's side -----------------------------------------------------------------------


def attach(screen: MainScreen) -> None:
    """The headline list's stories come from the app's service; the config says whether."""
    app = screen.korantui
    rows = screen.headline_list.stories
    rows.enabled = app.config.group_stories
    rows.source = lambda: app.service.story_groups()


def set_read(screen: MainScreen, row: Headline, read: bool) -> list[Headline]:
    """Mark a row read or unread: a story's row, with every headline of its story."""
    service = screen.korantui.service
    if screen.headline_list.stories.is_story(row):
        return service.set_story_read([row], read)
    return service.set_read([row], read)


def toggle(screen: MainScreen) -> None:
    rows = screen.headline_list.stories
    rows.enabled = not rows.enabled
    screen.reload_headlines(keep=True)
    screen.notify(_word("on" if rows.enabled else "off", screen.lang), timeout=3, markup=False)


def command(app: KoranApp) -> tuple[str, Callable[[], object], str]:
    """The palette's entry that turns grouping on or off."""
    return (_word("command", app.lang), lambda: toggle(app.main), _word("help", app.lang))
