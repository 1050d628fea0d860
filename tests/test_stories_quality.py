"""Precision and recall of story grouping on the labelled headlines (tests/data/story_pairs.toml):
a wrong merge hides news, so precision first (issue 18: ≥ 0.97 at recall ≥ 0.8)."""

from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

import pytest

from korantui.core.stories.evaluate import Labelled, quality

DATA = Path(__file__).parent / "data" / "story_pairs.toml"


def _items(split: str | None) -> list[Labelled]:
    events = tomllib.loads(DATA.read_text(encoding="utf-8"))["event"]
    return [
        Labelled(e["id"], i["outlet"], datetime.fromisoformat(i["at"]), i["title"], i["summary"])
        for e in events
        if split in (None, e["split"])
        for i in e["item"]
    ]


def test_the_labelled_set_holds_enough_pairs_and_hard_cases() -> None:
    events = tomllib.loads(DATA.read_text(encoding="utf-8"))["event"]
    assert sum(1 for e in events if "hard" in e) >= 20
    result = quality(_items(None))
    assert result.pairs >= 150 and result.same >= 60


@pytest.mark.parametrize("split", ["tune", "held", None])
def test_grouping_meets_its_precision_and_recall_goals(split: str | None) -> None:
    result = quality(_items(split))
    wrong = [(a.title, b.title) for a, b in result.false_merges]
    assert result.precision >= 0.97, wrong
    assert result.recall >= 0.8, [(a.title, b.title) for a, b in result.missed]
