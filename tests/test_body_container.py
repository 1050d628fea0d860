"""Boxes a reading takes after the article from elsewhere on the page (a company blurb, a
form's fine print) go; the article's own blocks, and a lead printed above its box, stay. Pages
written for the project, modelled on the layouts the measurement corpus showed."""

from __future__ import annotations

from korantui.core.article.body_container import drop_outside_tail
from korantui.core.article.extract import parse_html
from korantui.core.models import Block

_LINE = (
    "Paragraph {n} of the story about the harbour tells how the ferry crews changed their "
    "shifts after the storm closed the northern pier for a week."
)
_BLURB = (
    "Acme Harbour Services is a family business that has run ferries, tugs and pilot boats "
    "on the coast since 1952."
)
_FORM = (
    "By submitting this form you agree that Acme may contact you by email, phone or text; "
    "reply STOP to opt out."
)
_CARD = "Get the harbour letter: the week's ferry times, tides and works in one email."
_LEAD = "The northern pier reopened on Monday, a week after the storm, and the crews are back."


def _page() -> str:
    story = "".join(f"<p>{_LINE.format(n=n)}</p>" for n in range(1, 9))
    return (
        "<html><body><div class='page'><div class='row'><div class='col'>"
        f"<div class='standfirst'><p>{_LEAD}</p></div></div>"
        f"<div class='col'><div class='rich-text'>{story}</div></div></div>"
        f"<div class='row'><div class='widget'><p>{_BLURB}</p></div>"
        f"<div class='widget'><p>{_FORM}</p></div><div class='card'>{_CARD}</div></div></div>"
        "</body></html>"
    )


def _blocks(*texts: str) -> list[Block]:
    return [Block("p", t) for t in texts]


def test_blocks_after_the_article_from_another_box_go() -> None:
    # With them the card's text, which no paragraph holds: it is among the boxes that went.
    story = [_LINE.format(n=n) for n in range(1, 9)]
    kept = drop_outside_tail(parse_html(_page()), _blocks(_LEAD, *story, _BLURB, _FORM, _CARD))
    assert [b.text for b in kept] == [_LEAD, *story]


def test_the_articles_own_blocks_and_unfound_text_stay() -> None:
    # A block the page does not show as such (a reading joins or splits text its own way)
    # is not known to lie outside, and stays.
    story = [_LINE.format(n=n) for n in range(1, 9)]
    blocks = _blocks(*story, "(ant/ed)")
    assert drop_outside_tail(parse_html(_page()), blocks) == blocks


def test_no_container_when_the_words_are_spread() -> None:
    # Half the words on each side: no box holds most of the reading, nothing is dropped.
    page = (
        "<html><body>"
        + "".join(f"<div><p>{_LINE.format(n=n)}</p></div>" for n in range(1, 5))
        + "</body></html>"
    )
    blocks = _blocks(*(_LINE.format(n=n) for n in range(1, 5)))
    assert drop_outside_tail(parse_html(page), blocks) == blocks
