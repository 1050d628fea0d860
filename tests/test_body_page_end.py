"""A template that closes the page (</body></html>) after its header and prints the article
after it: browsers read on, and so does the extraction. A page written for the project,
modelled on the layout the measurement corpus showed."""

from __future__ import annotations

from korantui.core.article.extract import extract_article

URL = "https://payroll.example/blog/types-of-outsourcing"

_PARAGRAPHS = [
    "When defined in the simplest way possible, human resources is about people: hiring "
    "them, paying them, training them and keeping the company within the law as it grows.",
    "Outsourcing is when a company teams up with an outside agency to carry out some of "
    "those duties, from the payroll run each month to the benefits offered once a year.",
    "A professional employer organisation takes on the employees' wages, taxes and benefits "
    "under a co-employment contract, while the company keeps running the daily work.",
    "An administrative services organisation handles the same paperwork without becoming a "
    "co-employer, which keeps the company closer to its people and its own policies.",
]


def test_the_article_printed_after_the_page_closes_is_read() -> None:
    story = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    page = (
        "<!DOCTYPE html><html><head><title>Types of HR outsourcing</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/blog'>Blog</a></nav></header>"
        "</body>\n</html>\n"
        "<div class='blog-detail-page'><h1>Types of HR outsourcing</h1>"
        f"<div class='blog-content'>{story}</div></div>"
        "<footer><p>Payroll Example, 12 Main Street</p></footer></body></html>"
    )
    article = extract_article(page, URL)
    assert article.title == "Types of HR outsourcing"
    assert article.text.split("\n\n") == _PARAGRAPHS
