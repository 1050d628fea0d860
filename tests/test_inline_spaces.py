"""Two styled words with only a space between them stay two words (issue 11, body).

"<em>enggak</em> <em>ngobrol</em>" on okezone.com: jusText, which trafilatura's extraction
falls back on, drops the whitespace-only text between the two, and the article read
"enggakngobrol"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from korantui.core.article.extract import extract_article
from korantui.core.article.inline_spaces import keep_inline_spaces

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXPECTED = SHARED / "fixtures" / "html" / "expected.json"


def test_okezone_keeps_the_space_between_two_emphasised_words() -> None:
    if not EXPECTED.exists():
        pytest.skip("../shared/fixtures is absent")
    item = next(
        a for a in json.loads(EXPECTED.read_text("utf-8"))["articles"] if "okezone" in a["file"]
    )
    text = extract_article((SHARED / "fixtures" / item["file"]).read_bytes(), item["url"]).text
    assert "lama berdua enggak ngobrol misalnya" in text
    assert "enggakngobrol" not in text


def _unwrapped(body: str) -> str:
    tree = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    keep_inline_spaces(tree)
    return lxml_html.tostring(tree.body, encoding="unicode")


def test_a_bare_styled_word_before_another_is_unwrapped_with_its_space() -> None:
    got = _unwrapped("<p>lama berdua <em>enggak</em> <em>ngobrol</em> misalnya</p>")
    assert got == "<body><p>lama berdua enggak <em>ngobrol</em> misalnya</p></body>"


def test_spans_and_marked_elements_keep_their_bounds() -> None:
    # A bare span sets a date apart; a class or itemprop is evidence of a byline or a date.
    body = (
        "<p><span>August 16, 2019</span> <span>- Updated July 9, 2025</span></p>"
        '<p><b class="author">Rina</b> <em>Batam</em></p>'
        "<p><em>one</em>, <em>two</em> and <strong>three</strong></p>"
    )
    assert _unwrapped(body) == f"<body>{body}</body>"
