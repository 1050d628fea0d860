"""Headlines: one small page per kind of failure (issue 11). Every page here is written for
the project."""

from __future__ import annotations

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


def test_a_break_inside_an_h1_still_parts_two_phrases() -> None:
    html = (
        "<html><body><article><h1>Ferry Guide (2026)<br>Every Crossing Explained</h1>"
        f"{STORY}</article></body></html>"
    )
    title = extract_article(html, "https://harbour.example/ferry").title
    assert title == "Ferry Guide (2026) Every Crossing Explained"


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
