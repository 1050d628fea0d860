"""Words on either side of a link in the article text stay apart (issue 11, body).

trafilatura trims the text before a link that follows a line break in a list item, so its
XML reads "additional<ref>considerations": the article said "additionalconsiderations"."""

from __future__ import annotations

from korantui.core.article.extract import extract_article

_FILLER = (
    "<p>" + "A sentence of the article that is long enough to count as its text. " * 8 + "</p>"
)


def _page(middle: str) -> str:
    return (
        "<html><head><title>A guide to online teaching</title></head><body><article>"
        f"<h1>A guide to online teaching</h1>{_FILLER}{middle}{_FILLER}</article></body></html>"
    )


def test_a_link_after_a_line_break_in_a_list_item_keeps_the_space_before_it() -> None:
    page = _page(
        "<ul><li><strong>Fair use</strong> has been documented.<br>Teaching online needs"
        " additional <a href='https://example.org/copyright'>considerations around copyright"
        " law.</a> If you show a video, say where it comes from.</li>"
        "<li>Attendance tracking for financial aid.<br>See the"
        " <a href='https://example.org/aid'>aid office</a> for more.</li></ul>"
    )
    text = extract_article(page, "https://example.com/teaching/guide").text
    assert "needs additional considerations around copyright law. If you" in text
    assert "See the aid office for more." in text


def test_punctuation_at_a_link_edge_gets_no_space() -> None:
    page = _page(
        "<ul><li>Read the rules of the course first, before the first class begins.<br>More in"
        " the guide (<a href='https://example.org/g'>online</a>), the"
        " <a href='https://example.org/f'>FAQ</a> and the handbook of the school.</li>"
        "<li>Attendance tracking for financial aid.<br>See the"
        " <a href='https://example.org/aid'>aid office</a> for more.</li></ul>"
    )
    text = extract_article(page, "https://example.com/teaching/guide").text
    assert "More in the guide (online), the FAQ and the handbook of the school." in text
