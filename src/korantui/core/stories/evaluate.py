"""Precision and recall of the grouping on labelled headlines (tests/data/story_pairs.toml):
the headlines go through a StoryIndex in the order they were published, as refreshes would
bring them, and every two of different outlets is a pair: the same story or not by label,
grouped together or not by the index.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations

from korantui.core.stories.index import Doc, StoryIndex
from korantui.core.stories.match import DEFAULT, Weights
from korantui.core.stories.text import terms


@dataclass(frozen=True, slots=True)
class Labelled:
    event: str
    outlet: str
    at: datetime
    title: str
    summary: str


@dataclass(slots=True)
class Quality:
    pairs: int = 0
    same: int = 0  # pairs labelled one story
    true_merges: int = 0
    false_merges: list[tuple[Labelled, Labelled]] = field(default_factory=list)
    missed: list[tuple[Labelled, Labelled]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        merged = self.true_merges + len(self.false_merges)
        return self.true_merges / merged if merged else 1.0

    @property
    def recall(self) -> float:
        return self.true_merges / self.same if self.same else 1.0


def grouped(items: Sequence[Labelled], weights: Weights = DEFAULT) -> list[int]:
    """The story the index gives each item (in the order of items)."""
    outlets: dict[str, int] = {}
    index = StoryIndex(weights=weights)
    order = sorted(range(len(items)), key=lambda i: items[i].at)
    story = [0] * len(items)
    for number, i in enumerate(order, 1):
        item = items[i]
        feed = outlets.setdefault(item.outlet, len(outlets) + 1)
        doc = Doc(number, feed, item.at.timestamp(), terms(item.title, item.summary))
        index.begin()  # each item as its own refresh: the rarity of words as it was then
        story[i] = index.group(doc)
    return story


def quality(items: Sequence[Labelled], weights: Weights = DEFAULT) -> Quality:
    stories = grouped(items, weights)
    result = Quality()
    for (i, a), (j, b) in combinations(enumerate(items), 2):
        if a.outlet == b.outlet:
            continue  # one feed's items are never grouped: not a pair
        result.pairs += 1
        same = a.event == b.event
        merged = stories[i] == stories[j]
        result.same += same
        if same and merged:
            result.true_merges += 1
        elif merged:
            result.false_merges.append((a, b))
        elif same:
            result.missed.append((a, b))
    return result
