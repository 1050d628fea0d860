"""Paragraphs a reading skipped between the ones it kept, put back when they share the kept
paragraphs' template. Pages written for the project, modelled on the kinds the measurement
corpus showed."""

from __future__ import annotations

from korantui.core.article.body_recall import recall_skipped
from korantui.core.article.extract import extract_article, parse_html
from korantui.core.models import Block

_LINE = (
    "Part {n} of the running shoe guide tells you how the foam, the plate and the upper "
    "work together over a long run."
)
_ANSWER = (
    "Answer {k}: the panel explains in plain words how the shoe fits, how it feels on the "
    "road and what it weighs."
)


def _guide(between: str) -> str:
    head = "".join(f"<p class='txt'>{_LINE.format(n=n)}</p>" for n in range(1, 7))
    tail = "".join(f"<p class='txt'>{_LINE.format(n=n)}</p>" for n in range(7, 10))
    return (
        "<html><head><title>Shoe guide</title></head><body><main><article>"
        f"<h1>Shoe guide</h1><div class='body'>{head}{between}{tail}</div>"
        "</article></main></body></html>"
    )


def _accordion() -> str:
    # The answers sit in collapsed panels behind a button, as buying guides print them.
    return (
        "<section class='embed'>"
        + "".join(
            f"<div class='q'><h3><button><span>Question {k}</span></button></h3>"
            f"<div class='a' hidden><p class='txt'>{_ANSWER.format(k=k)}</p></div></div>"
            for k in range(1, 4)
        )
        + "</section>"
    )


def test_collapsed_answers_between_kept_paragraphs_are_read_in_place() -> None:
    text = extract_article(_guide(_accordion()), "https://shoes.example/guide").text
    at = [text.find(_ANSWER.format(k=k)) for k in (1, 2, 3)]
    assert all(i > 0 for i in at), text
    assert text.find(_LINE.format(n=6)) < at[0] < at[1] < at[2] < text.find(_LINE.format(n=7))
    # Each answer under its question, which sits in the panel's <button>.
    assert at[0] < text.find("Question 2") < at[1] < text.find("Question 3") < at[2]


def test_other_stories_and_bios_in_the_same_template_stay_out() -> None:
    # A reading that kept only the guide's own lines: the answers go back in; paragraphs in
    # the same template but in another story's <article> or in the author's box do not.
    card = (
        "<article class='story'><h3>Another story</h3><p class='txt'>Blurb of another story, "
        "about trail shoes that grip wet rock and dry fast after a stream crossing.</p></article>"
        "<div class='author-box'><p class='txt'>Sam has tested more than three hundred pairs "
        "of running shoes and writes the weekly gear letter.</p></div>"
    )
    tree = parse_html(_guide(_accordion() + card))
    kept = [Block("p", _LINE.format(n=n)) for n in range(1, 10)]
    text = "\n".join(b.text for b in recall_skipped(tree, kept, "https://shoes.example/guide"))
    assert _ANSWER.format(k=3) in text and _LINE.format(n=9) in text
    assert "Blurb of another story" not in text
    assert "Sam has tested" not in text


def test_items_of_each_cards_list_come_back_and_other_lists_stay_out() -> None:
    # A listicle of movers, each card with its list of services: the reading kept the
    # first card's list and dropped the second's; a share menu between them is no card.
    def card(name: str, services: list[str]) -> str:
        items = "".join(f"<li>{s}</li>" for s in services)
        return (
            f"<div class='mover'><h3>{name}</h3><p class='txt'>{name} moves flats and houses "
            f"across the city and packs the fragile things in crates of its own.</p>"
            f"<ul class='services'>{items}</ul></div>"
        )

    first = ["Packing and unpacking with blankets and crates", "Storage for up to thirty days"]
    second = ["Piano and antique moving by a trained crew", "Weekend moves at no extra charge"]
    share = "<ul class='share-row'><li>Share this guide with a friend by email today</li></ul>"
    page = _guide(card("Alpha Movers", first) + share + card("Beta Movers", second))
    kept = [
        *(Block("p", _LINE.format(n=n)) for n in range(1, 7)),
        Block("h", "Alpha Movers"),
        Block(
            "p",
            "Alpha Movers moves flats and houses across the city and packs the fragile "
            "things in crates of its own.",
        ),
        *(Block("li", s) for s in first),
        *(Block("p", _LINE.format(n=n)) for n in range(7, 10)),
    ]
    got = recall_skipped(parse_html(page), kept, "https://movers.example/best")
    items = [b.text for b in got if b.kind == "li"]
    assert items == [*first, *second]
    assert "Share this guide" not in "\n".join(b.text for b in got)


def test_questions_closing_the_article_come_back_and_its_notes_do_not() -> None:
    lines = "".join(f"<p class='txt'>{_LINE.format(n=n)}</p>" for n in range(1, 10))
    notes = (
        "<ol><li>Smith, J. (2023). Cushioning over a marathon, a study of forty runners.</li>"
        "<li>Smith, J. (2024). Foam and plates in running shoes, a field study.</li></ol>"
    )
    after = (
        "<p class='txt'>Printed by the Shoe Desk, a newsletter about running shoes that is "
        "posted every week to readers.</p>"
    )
    page = (
        "<html><head><title>Shoe guide</title></head><body><main><article><h1>Shoe guide</h1>"
        f"<div class='body'>{lines}{_accordion()}{notes}</div></article></main>"
        f"<div class='bottom'>{after}</div></body></html>"
    )
    kept = [Block("p", _LINE.format(n=n)) for n in range(1, 10)]
    kept.append(
        Block("li", "Smith, J. (2023). Cushioning over a marathon, a study of forty runners.")
    )
    text = "\n".join(b.text for b in recall_skipped(parse_html(page), kept, "https://a.example/"))
    assert text.find(_LINE.format(n=9)) < text.find("Question 1") < text.find(_ANSWER.format(k=3))
    assert "Smith, J. (2024)" not in text
    assert "Printed by the Shoe Desk" not in text
