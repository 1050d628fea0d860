"""Headlines: one small page per kind of failure (issue 11). Every page here is written for
the project."""

from __future__ import annotations

import pytest

from korantui.core.article.extract import extract_article

STORY = "".join(
    f"<p>Paragraph {n}: the harbour ferry timetable changes next month, when the winter"
    f" crossings drop to four a day and the late boat stops calling at the island pier.</p>"
    for n in range(1, 7)
)


def test_a_styled_letter_inside_an_h1_word_keeps_the_word_whole() -> None:
    html = (
        "<html><head><title>Winter Crossings Drop to Four a Day</title></head><body><article>"
        "<h1>Winter <span class='drop'>C</span>rossings Drop to Four a Day</h1>"
        f"{STORY}</article></body></html>"
    )
    title = extract_article(html, "https://harbour.example/ferry").title
    assert title == "Winter Crossings Drop to Four a Day"


@pytest.mark.parametrize(
    ("page", "title"),
    [
        pytest.param(
            f"<article><h1>Ferry Guide (2026)<br>Every Crossing Explained</h1>{STORY}</article>",
            "Ferry Guide (2026) Every Crossing Explained",
            id="a break",
        ),
        # The WordPress fingerprint's title selector reads the same h1 (no <article>: there
        # the h1 wins on its own, and the rule's reading would not be tested).
        pytest.param(
            "<meta name='generator' content='WordPress 6.5'>"
            "<div><h1 class='entry-title'>Ferry Guide (2026)<br>Every Crossing Explained</h1>"
            f"<div class='entry-content'>{STORY}</div></div>",
            "Ferry Guide (2026) Every Crossing Explained",
            id="a break, read by a CMS rule",
        ),
        pytest.param(
            "<article><h1>Ferry Guide<span class='block text-sm'>Every Crossing Explained"
            f"</span></h1>{STORY}</article>",
            "Ferry Guide Every Crossing Explained",
            id="a span styled as a block (Tailwind)",
        ),
    ],
)
def test_what_parts_an_h1_parts_two_phrases(page: str, title: str) -> None:
    html = f"<html><body>{page}</body></html>"
    assert extract_article(html, "https://harbour.example/ferry").title == title


def test_a_page_named_in_its_own_menu_keeps_its_title() -> None:
    url = "https://harbour.example/guides/island-walks"
    html = (
        "<html><head><title>Island Walks - Harbour Ferries</title>"
        "<meta property='og:title' content='Island Walks'>"
        "<meta property='og:site_name' content='Harbour Ferries'></head><body>"
        "<nav><a href='/guides/timetable'>Timetable</a>"
        "<a href='https://harbour.example/guides/island-walks'>Island Walks</a></nav>"
        f"<div class='content'>{STORY}</div></body></html>"
    )
    assert extract_article(html, url).title == "Island Walks"


def test_a_section_in_the_menu_is_still_no_title() -> None:
    html = (
        "<html><head><meta property='og:title' content='Winter Crossings Drop to Four a Day'>"
        "</head><body><nav><a href='/guides'>Guides</a></nav>"
        f"<div class='kanal'><h1>Guides</h1></div><div class='content'>{STORY}</div>"
        "</body></html>"
    )
    title = extract_article(html, "https://harbour.example/guides/winter").title
    assert title == "Winter Crossings Drop to Four a Day"


def test_the_name_of_the_domain_a_subdomain_belongs_to_is_taken_off() -> None:
    html = (
        "<html><head><title>Winter Crossings Drop to Four a Day | Harbour.com</title></head>"
        f"<body><div class='content'>{STORY}</div></body></html>"
    )
    title = extract_article(html, "https://offers.harbour.com/winter/index.html").title
    assert title == "Winter Crossings Drop to Four a Day"


def test_the_title_of_a_dialog_is_not_the_headline() -> None:
    """A menu's or a form's overlay, hidden until opened, titles itself with an h1."""
    html = (
        "<html><head><meta property='og:title' content='Winter Crossings Drop to Four a Day'>"
        "</head><body><div class='toolbar'><dialog><h1>Choose a language</h1>"
        "<button>English</button></dialog></div>"
        f"<div class='content'>{STORY}</div></body></html>"
    )
    title = extract_article(html, "https://harbour.example/ferry").title
    assert title == "Winter Crossings Drop to Four a Day"


def test_an_h1_that_leads_in_with_a_colon_is_not_the_headline() -> None:
    """ "A word from our editor:", "Listen to this episode now:": what follows is a promotion."""
    html = (
        "<html><head><meta property='og:title' content='Winter Crossings Drop to Four a Day'>"
        f"</head><body><article>{STORY}<div class='after-content'>"
        "<h1>A word from the harbour master, who runs this site:</h1>"
        "<p>Support our crossings guide with a small gift.</p></div></article></body></html>"
    )
    title = extract_article(html, "https://harbour.example/ferry").title
    assert title == "Winter Crossings Drop to Four a Day"


def test_a_cms_rule_s_title_has_the_faults_of_its_h1() -> None:
    """A WordPress theme's title selector finds a section's h1 (two words no meta title
    shares): the rule's finding is worth no more than the h1 itself."""
    html = (
        "<html><head><meta name='generator' content='WordPress 6.5'>"
        "<meta property='og:title' content='Ferry Timetable Archive | Harbour Ferries Group'>"
        "<meta property='og:site_name' content='Harbour Ferries Group Ltd'></head><body>"
        "<section class='subpage-header'><header><h1 class='entry-title'>Timetables</h1></header>"
        f"</section><div class='entry-content'>{STORY}</div></body></html>"
    )
    title = extract_article(html, "https://harbour.example/timetables/").title
    # The site's name is taken off: og:site_name says it with one more word.
    assert title == "Ferry Timetable Archive"


def test_a_doubly_decoded_headline_is_put_right() -> None:
    # The page's UTF-8 was read as Latin-1 and saved again: "’" became "â" and two controls.
    damaged = "The Harbour Master’s Winter Crossings".encode().decode("latin-1")
    html = (
        f"<html><head><meta charset='utf-8'><title>{damaged}</title></head><body><article>"
        f"<h1>{damaged}</h1>{STORY}</article></body></html>"
    )
    a = extract_article(html.encode(), "https://harbour.example/ferry")
    assert a.title == "The Harbour Master’s Winter Crossings"
    # Real accented text is left as it is.
    html = html.replace(damaged, "Café NESCAFÉ® and Strauß’s Ångström Crossings")
    a = extract_article(html.encode(), "https://harbour.example/ferry")
    assert a.title == "Café NESCAFÉ® and Strauß’s Ångström Crossings"
