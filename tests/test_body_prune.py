"""What a generic reading keeps that is the site's: each kind on a small page written for the
project, and the unit rules on block lists."""

from __future__ import annotations

from korantui.core.article.body_prune import (
    cut_closing_bio,
    cut_closing_sections,
    drop_chrome,
    drop_link_lists,
    drop_repeated_runs,
)
from korantui.core.article.extract import extract_article
from korantui.core.models import Block

_PARAGRAPHS = [
    "The allotment society will open its seed library in the old pump house next month, with "
    "beans, squash and tomatoes saved by members over the last three summers.",
    "Anyone with a plot may borrow up to ten packets a season, and is asked to bring back "
    "seed from the best plants so that the collection keeps growing each year.",
    "Volunteers will sort the packets on Saturday mornings, when the pump house is open, and "
    "a list of what is in stock will hang on the noticeboard by the gate.",
    "The society hopes that local varieties, some grown in the valley for a century, will be "
    "kept alive by gardeners who might otherwise buy new seed from shops.",
]


def _page(inside: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    return (
        "<html><head><title>A seed library for the allotments</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/garden'>Garden</a></nav></header>"
        f"<main><article><h1>A seed library for the allotments</h1>{body}{inside}</article>"
        "</main><footer><p>Valley Gardener</p></footer></body></html>"
    )


def _p(text: str) -> Block:
    return Block("p", text)


def test_a_newsletter_box_and_buttons_after_the_article_are_dropped() -> None:
    a = extract_article(
        _page(
            "<div><h3>Sign up for our newsletter</h3>"
            "<p>Get the week's garden news delivered straight to your inbox.</p>"
            "<p>Enter your email address</p><p>Subscribe</p></div>"
            "<div><p>Was this article helpful?</p><p>Share this article</p></div>"
        ),
        "https://valley.example/garden/seed-library",
    )
    text = a.text
    assert _PARAGRAPHS[3] in text
    for boilerplate in ("newsletter", "inbox", "Subscribe", "helpful", "Share this"):
        assert boilerplate not in text


def test_an_about_the_author_box_closing_the_page_is_dropped() -> None:
    a = extract_article(
        _page(
            "<section><h2>About the author</h2><p>Mara Ellison has kept a plot by the river "
            "for twenty years and writes about vegetables for the society's magazine.</p>"
            "</section>"
        ),
        "https://valley.example/garden/seed-library",
    )
    assert "twenty years" not in a.text and "About the author" not in a.text
    assert _PARAGRAPHS[3] in a.text


def test_a_byline_with_a_bio_and_a_list_of_sources_closing_the_page_are_dropped() -> None:
    blocks = [
        *(_p(p) for p in _PARAGRAPHS),
        Block("h", "Article Sources"),
        Block("li", "Valley Seed Savers, Annual Report 2024, p. 12."),
        _p("Written by: Tom Reyes, Garden Editor"),
        _p("Tom Reyes has grown beans on the same plot since 1998 and edits the seed pages."),
    ]
    assert [b.text for b in cut_closing_sections(blocks)] == _PARAGRAPHS


def test_a_read_next_list_under_the_article_is_dropped() -> None:
    blocks = [
        *(_p(p) for p in _PARAGRAPHS),
        Block("h", "Up Next"),
        Block("li", "Saving squash seed without cross-pollination"),
        Block("h", "You'll also love..."),
        Block("li", "A beginner's guide to the pump house garden"),
    ]
    assert [b.text for b in drop_link_lists(blocks)] == _PARAGRAPHS


def test_a_passage_printed_twice_is_kept_once() -> None:
    blocks = [_p(p) for p in _PARAGRAPHS] + [_p(p) for p in _PARAGRAPHS[:3]]
    assert [b.text for b in drop_repeated_runs(blocks)] == _PARAGRAPHS


def test_short_repeats_stay() -> None:
    # Table cells and list labels repeat on their own: not a copy of a passage.
    blocks = [_p("Yes"), _p(_PARAGRAPHS[0]), _p("Yes"), _p("No"), _p("Yes")]
    assert drop_repeated_runs(blocks) == blocks


def test_a_sentence_that_mentions_a_newsletter_stays() -> None:
    text = (
        "The society's newsletter, printed on the library's old press, first asked members "
        "to subscribe in 1974, and the seed swap began as a note on its back page."
    )
    blocks = [_p(text), _p("Sign up now"), _p("4 min read")]
    assert [b.text for b in drop_chrome(blocks)] == [text]


def test_a_related_heading_takes_its_short_items_but_not_the_text_after() -> None:
    blocks = [
        _p(_PARAGRAPHS[0]),
        Block("h", "Related posts"),
        Block("li", "How to save tomato seed"),
        Block("li", "Ten beans for a wet summer"),
        _p(_PARAGRAPHS[1]),
    ]
    assert [b.text for b in drop_link_lists(blocks)] == _PARAGRAPHS[:2]


def test_a_comments_heading_early_in_the_text_is_no_closing_section() -> None:
    # Only the last part of a reading can be a closing section.
    blocks = [_p(_PARAGRAPHS[0]), Block("h", "Comments"), *(_p(p) for p in _PARAGRAPHS[1:])]
    assert cut_closing_sections(blocks) == blocks
    closing = [*(_p(p) for p in _PARAGRAPHS), Block("h", "Comments"), _p("Lovely idea!")]
    assert [b.text for b in cut_closing_sections(closing)] == _PARAGRAPHS


def test_when_and_how_long_lines_are_dropped_but_a_dated_sentence_stays() -> None:
    kept = "The seed library was first proposed at the society's meeting in March 2023."
    blocks = [
        _p("Posted by the editors on Tuesday, August 29, 2023"),
        _p("Last updated on September 16th, 2023 at 09:27 am"),
        _p("3 MIN. READ"),
        _p("On this page"),
        _p(kept),
    ]
    assert [b.text for b in drop_chrome(blocks)] == [kept]


def test_a_shopping_box_s_buttons_are_dropped_but_a_sentence_on_prices_stays() -> None:
    text = "We checked the price of each watering can at three garden centres in the valley."
    blocks = [
        _p(text),
        _p("View Deal"),
        _p("Price comparison from over 3,000 shops"),
        _p("Check Amazon Price"),
        _p("Read our full review"),
    ]
    assert [b.text for b in drop_chrome(blocks)] == [text]


def test_teasers_under_a_list_heading_at_the_end_go_but_long_items_earlier_stay() -> None:
    teaser = Block(
        "li",
        "Saving squash seed: how the society keeps its varieties apart, which plots grow "
        "them each summer, and why hand pollination in the morning works best.",
    )
    closing = [*(_p(p) for p in _PARAGRAPHS), Block("h", "Recent Articles"), teaser, teaser]
    assert [b.text for b in drop_link_lists(closing)] == _PARAGRAPHS
    early = [_p(_PARAGRAPHS[0]), Block("h", "More from the society:"), teaser, teaser]
    early += [_p(p) for p in _PARAGRAPHS[1:]] * 2
    assert teaser in drop_link_lists(early)


def test_an_appeal_for_money_and_a_paywall_offer_are_dropped() -> None:
    blocks = [
        *(_p(p) for p in _PARAGRAPHS),
        _p("Liked this story? We need your help to keep the society's magazine free to read."),
        _p("Already have an account? Sign in"),
        _p("Unlock this article and the whole archive with a supporter's pass."),
    ]
    assert [b.text for b in drop_chrome(blocks)] == _PARAGRAPHS


def test_a_templates_filler_text_is_dropped_but_a_sentence_quoting_it_stays() -> None:
    filler = (
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
        "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud."
    )
    quoting = "Designers still fill empty boxes with lorem ipsum dolor sit amet, a garbled Cicero."
    blocks = [Block("p", t) for t in (_PARAGRAPHS[0], "Lorem Ipsum", filler, quoting)]
    assert [b.text for b in drop_chrome(blocks)] == [_PARAGRAPHS[0], quoting]


def test_an_authors_bio_closing_the_page_goes_with_its_name_line() -> None:
    bio = (
        "Maren Holt is a freelance garden writer based in the valley, and has kept an "
        "allotment by the pump house for twenty years."
    )
    blocks = [Block("p", t) for t in (*_PARAGRAPHS, "Maren Holt", bio, "She grows beans.")]
    assert [b.text for b in cut_closing_bio(blocks)] == _PARAGRAPHS


def test_a_closing_paragraph_about_a_company_or_early_in_the_text_stays() -> None:
    # "The society" is no name; a bio-like paragraph before the last blocks is the article's.
    closing = "The Allotment Society is a charity run by volunteers and founded by its members."
    early = "Ada Price is a seed librarian and founder of the first such library in the county."
    blocks = [Block("p", t) for t in (early, *_PARAGRAPHS, closing)]
    assert cut_closing_bio(blocks) == blocks


def test_the_sites_own_boxes_closing_the_page_go_but_a_section_about_a_topic_stays() -> None:
    for heading, text in (
        ("About Valley Media", "Valley Media is a publisher of local news and magazines."),
        ("Republish this article", "This work is licensed under a Creative Commons licence."),
        ("Still have questions?", "Leave them in the comments below and we will answer."),
        ("Rate this article", "The views expressed here are the authors' own."),
    ):
        blocks = [Block("p", p) for p in _PARAGRAPHS] + [Block("h", heading), Block("p", text)]
        assert cut_closing_sections(blocks) == blocks[:4], heading
    topic = [Block("h", "About this variety"), Block("p", "Its pods are purple and long.")]
    blocks = [Block("p", p) for p in _PARAGRAPHS] + topic
    assert cut_closing_sections(blocks) == blocks
