"""Other stories' cards under a "Read this next" heading close a page after its article: the
heading and what follows go, even when the cards' excerpts are a third of the reading; the
same heading early in a reading stays. Blocks written for the project, modelled on the
closing sections the measurement corpus showed."""

from __future__ import annotations

import pytest

from korantui.core.article.cleanup import clean_blocks
from korantui.core.models import Block

_STORY = [
    f"Paragraph {n} of the report on rental cars says how satisfied the customers of each "
    "company were with the counter, the car and the return, on a scale of a thousand points."
    for n in range(1, 9)
]
_CARDS = [
    Block("h", "Hotel Casa Palmela Review"),
    Block(
        "p",
        "Though Lisbon teems with travelers, it is possible to find pockets of peace outside "
        "the city, a short drive away, where a hotel sits among vineyards and old olive trees.",
    ),
    Block("h", "Three river cruises for the entire family"),
    Block(
        "p",
        "For travelers seeking the perfect blend of relaxation, cultural immersion and "
        "family-friendly adventure, few experiences compare with a week on a river boat.",
    ),
    Block("h", "A new cabin comes to the United States"),
    Block(
        "p",
        "The new aircraft made its first flight to the United States this month, with a cabin "
        "its makers say was designed around quiet, light and the passengers' sleep.",
    ),
    Block("h", "Where to eat in Porto"),
    Block(
        "p", "Twelve tables by the river where the fish is grilled outside and the wine is local."
    ),
]
# The cards hold a third of the reading's words: more than the last 30 % a closing section
# was once looked for in.


@pytest.mark.parametrize("heading", ["Read This Next", "What to read next"])
def test_read_this_next_and_its_cards_go(heading: str) -> None:
    blocks = [Block("p", p) for p in _STORY] + [Block("h", heading), *_CARDS]
    assert [b.text for b in clean_blocks(blocks).blocks] == _STORY


def test_the_heading_early_in_a_reading_stays() -> None:
    blocks = [Block("p", _STORY[0]), Block("h", "Read This Next"), *_CARDS]
    blocks += [Block("p", p) for p in _STORY[1:]]
    assert [b.text for b in clean_blocks(blocks).blocks] == [b.text for b in blocks]
