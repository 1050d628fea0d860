"""Kinds of body failure on layouts no site rule knows, each on a small page written for the
project (modelled on what the measurement corpus showed, never its text)."""

from __future__ import annotations

from korantui.core.article.extract import extract_article

_PARAGRAPHS = [
    "The ferry from the old harbour now leaves twice a day, after the council agreed to pay "
    "for a second crew through the winter months.",
    "Passengers had waited up to three hours on busy mornings, and shop owners on the island "
    "said the queue kept visitors away from the market.",
    "The operator will keep the late boat on Fridays, when students travel home from the "
    "college on the mainland for the weekend.",
    "A review in the spring will decide whether the second crew stays, based on how many "
    "tickets are sold and what the fuel costs.",
]


def _page(article: str, chrome: str = "") -> str:
    return (
        "<html><head><title>Second ferry crew for the winter</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/local'>Local</a></nav></header>"
        f"<main><article><h1>Second ferry crew for the winter</h1>{article}</article></main>"
        f"{chrome}<footer><p>Copyright Harbour Post</p></footer></body></html>"
    )


def test_an_article_read_whole_in_one_reading() -> None:
    # The common case: the recall reading holds the page's prose, so it is trusted alone.
    body = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    a = extract_article(_page(body), "https://harbour.example/local/ferry-crew")
    assert a.method == "generic"
    assert [b.text for b in a.blocks if b.kind == "p"] == _PARAGRAPHS


def test_a_key_points_list_and_a_second_section_are_kept() -> None:
    # Recall losses seen across many guides: the list of key points and the section after it.
    body = (
        f"<p>{_PARAGRAPHS[0]}</p><h2>What changes</h2><ul>"
        "<li>Two crossings a day from the old harbour, all winter long</li>"
        "<li>The late boat on Fridays stays for students going home</li></ul>"
        f"<p>{_PARAGRAPHS[1]}</p><h2>What comes next</h2><p>{_PARAGRAPHS[3]}</p>"
    )
    a = extract_article(_page(body), "https://harbour.example/local/ferry-crew")
    text = a.text
    assert "The late boat on Fridays stays for students going home" in text
    assert "What comes next" in text and _PARAGRAPHS[3] in text
    assert "Copyright Harbour Post" not in text


def test_a_double_encoded_page_on_one_line_is_read_whole() -> None:
    # A page whose text was encoded twice ("”" as "â\x80\x9d": U+009D, the 8-bit code that
    # opens a terminal command) and minified to one line: the code is one bad character, not
    # the start of a sequence that runs to the end of the line.
    quote = "”".encode().decode("latin-1")
    body = f"<p>The skipper said “two crews{quote} would do.</p>" + "".join(
        f"<p>{p}</p>" for p in _PARAGRAPHS
    )
    page = _page(body).replace("<html>", "<html><meta charset='utf-8'>").encode()
    a = extract_article(page, "https://harbour.example/local/ferry-crew")
    text = a.text
    assert all(p in text for p in _PARAGRAPHS)
    assert "\x9d" not in text and "Copyright Harbour Post" not in text


def test_paragraphs_that_open_with_a_comment_are_kept() -> None:
    # Pages rendered by React put "<!-- -->" between text nodes; trafilatura dropped a
    # paragraph whose text came after one.
    body = (
        f"<p>{_PARAGRAPHS[0]}</p> <!-- --> <p> <!-- -->{_PARAGRAPHS[1]}</p> "
        f"<p>{_PARAGRAPHS[2]}<!-- --> </p><p>{_PARAGRAPHS[3]}</p>"
    )
    a = extract_article(_page(body), "https://harbour.example/local/ferry-crew")
    assert [b.text for b in a.blocks if b.kind == "p"] == _PARAGRAPHS
