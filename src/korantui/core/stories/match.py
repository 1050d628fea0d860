"""Whether two headlines of different feeds tell one story: a score from their shared words,
each weighed by how rare it is among the headlines indexed (idf), with shared numbers and names
weighing more, numbers that disagree weighing against, and time apart too; a threshold tuned for
precision (tests/data/story_pairs.toml, benchmarks/grouping.py).

A wrong merge hides a story behind another, a missed one only shows it twice: the threshold
is set where merges are almost never wrong.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from korantui.core.stories.text import Terms

WINDOW_SECONDS = 48 * 3600  # reports of one event come within two days of each other


@dataclass(frozen=True, slots=True)
class Weights:
    title: float = 0.35  # Dice of the titles' words and numbers
    words: float = 0.45  # cosine of title and summary words together
    number: float = 0.12  # a shared number (not a year), up to two
    name: float = 0.08  # a shared name, up to two
    # Both give figures and none agree: tomorrow's price, another city's wage, the next match.
    numbers_differ: float = 0.2
    per_day: float = 0.2  # one event's reports come within hours; its follow-ups, next day
    threshold: float = 0.46
    # Below these there is no story in common, whatever the rest says.
    min_shared_words: int = 2
    min_title_dice: float = 0.08


DEFAULT = Weights()


def _figures(numbers: frozenset[str]) -> set[str]:
    """Numbers that tell one event from another: not years."""
    return {n for n in numbers if not (len(n) == 4 and n[:2] in ("19", "20"))}


def _masses(idf: Callable[[str], float]) -> Callable[[Terms], tuple[float, float]]:
    def masses(terms: Terms) -> tuple[float, float]:
        words = sum(idf(t) for t in terms.words)
        title = sum(idf(t) for t in terms.title) + sum(idf("#" + n) for n in terms.title_numbers)
        return words, title

    return masses


def score(
    a: Terms,
    b: Terms,
    idf: Callable[[str], float],
    w: Weights = DEFAULT,
    seconds_apart: float = 0.0,
    masses: Callable[[Terms], tuple[float, float]] | None = None,
) -> float:
    """Up to ~1 (the same words, figures and names); compared with w.threshold. masses: each
    side's (words, title) idf sums, when the caller keeps them."""
    shared = a.words & b.words
    if len(shared) < w.min_shared_words:
        return 0.0
    (mass_a, title_mass_a), (mass_b, title_mass_b) = (
        (masses or _masses(idf))(a),
        (masses or _masses(idf))(b),
    )
    cosine = sum(idf(t) for t in shared) / math.sqrt(mass_a * mass_b) if mass_a and mass_b else 0.0
    title_shared = sum(idf(t) for t in a.title & b.title) + sum(
        idf("#" + n) for n in a.title_numbers & b.title_numbers
    )
    title_mass = title_mass_a + title_mass_b
    dice = 2 * title_shared / title_mass if title_mass else 0.0
    if dice < w.min_title_dice:
        return 0.0
    figures_a, figures_b = _figures(a.numbers), _figures(b.numbers)
    numbers = len(figures_a & figures_b)
    differ = bool(figures_a and figures_b and not numbers)
    names = len(a.names & b.names)
    return (
        w.title * dice
        + w.words * cosine
        + w.number * min(numbers, 2)
        + w.name * min(names, 2)
        - w.numbers_differ * differ
        - w.per_day * abs(seconds_apart) / 86400
    )
