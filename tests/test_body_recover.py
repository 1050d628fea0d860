"""A reading that stopped short of the article: the box holding the page's prose is read whole.
Pages written for the project, modelled on the kinds the measurement corpus showed."""

from __future__ import annotations

from korantui.core.article.body_recover import box_reading
from korantui.core.article.extract import extract_article, parse_html

_STEPS = [
    (
        "Choose an installer",
        "Ask three local firms for a quote and a visit, and check that each one is certified "
        "and insured for roof work in your county.",
    ),
    (
        "Sign the contract",
        "Read the warranty terms before you sign: the panels, the inverter and the roof "
        "penetrations are often covered for different periods.",
    ),
    (
        "Get the permits",
        "Your installer files the building and electrical permits with the town, which can "
        "take from two weeks to two months to approve.",
    ),
    (
        "Install and connect",
        "The panels go up in a day or two, but the utility must inspect the system and swap "
        "the meter before it can be switched on.",
    ),
]
_LEAD = (
    "What to expect between the first quote and the day the panels start to make power, "
    "in four steps."
)


def _guide(extra: str = "") -> str:
    # Each step's text sits in a collapsed accordion panel, as guides print them: the
    # readings drop what is not displayed.
    items = "".join(
        f"<div class='accordion-item'><h3>{name}</h3>"
        f"<div class='accordion-panel' style='display:none'><p>{text}</p>"
        f"<p>Ask about this step: {text}</p></div></div>"
        for name, text in _STEPS
    )
    return (
        "<html><head><title>Going solar, step by step</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/guides'>Guides</a></nav></header>"
        f"<main><h1>Going solar, step by step</h1><p>{_LEAD}</p>"
        f"<div class='accordion'>{items}</div>{extra}</main>"
        "<footer><p>Solar Notes, a newsletter about panels and the people who fit them, "
        "printed and posted every month since the first roofs went up.</p></footer>"
        "</body></html>"
    )


def test_collapsed_sections_of_a_guide_are_read() -> None:
    a = extract_article(_guide(), "https://solar.example/guides/steps")
    assert a.method == "generic:box"
    text = a.text
    assert _LEAD in text
    for name, step in _STEPS:
        assert name in text and step in text
    assert "Guides" not in text and "printed and posted" not in text


def test_the_box_is_read_without_its_sidebar_and_list_of_other_guides() -> None:
    extra = (
        "<aside><p>Our partners install panels in every county of the state and will call "
        "you back within a day with a free quote for your roof.</p></aside>"
        "<div class='related-guides'><p>Heat pumps explained, from the outdoor unit to the "
        "radiators, in a guide our readers have shared more than any other.</p></div>"
    )
    blocks = box_reading(parse_html(_guide(extra)), "https://solar.example/guides/steps")
    text = "\n".join(b.text for b in blocks)
    assert _LEAD in text and _STEPS[3][1] in text
    assert "partners" not in text and "Heat pumps" not in text and "Guides" not in text


def test_a_reading_that_holds_the_prose_is_kept() -> None:
    page = _guide().replace(" style='display:none'", "")
    a = extract_article(page, "https://solar.example/guides/steps")
    assert a.method == "generic"
    assert _STEPS[3][1] in a.text
