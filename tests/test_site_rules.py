"""Shipped rules load and match by domain or CMS fingerprint; users' rules come first."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from korantui.core.article.site_rules import load_rules, rule_from_dict, select

PAGES = Path(__file__).parent / "pages" / "extraction"
NATIONAL = [
    "antaranews",
    "detik",
    "kompas",
    "tempo",
    "cnnindonesia",
    "republika",
    "okezone",
    "suara",
    "tribunnews",
    "liputan6",
    "sindonews",
    "bbc-indonesia",
    "voaindonesia",
]


def test_shipped_rules_cover_outlets_and_cms_families() -> None:
    names = {r.name for r in load_rules().rules}
    assert set(NATIONAL) <= names
    assert {"lokomedia", "wordpress"} <= names


def test_every_shipped_selector_compiles() -> None:
    from korantui.core.article.site_rules import _xpath_of

    for rule in load_rules().rules:
        for key in ("detect", "content", "title", "date", "author", "caption", "remove"):
            for sel in getattr(rule, key):
                assert _xpath_of(sel) is not None, (rule.name, sel)


def test_a_contains_selector_reads_right_on_document_after_document() -> None:
    """`:contains()` calls an lxml extension function. One compiled XPath evaluated on
    document after document (each freed in turn) once read freed memory: UnicodeDecodeError,
    and from then on every extraction of the process failed."""
    from korantui.core.htmlwork import on_html_thread

    def one(n: int) -> list[str]:
        tree = html.document_fromstring(
            f"<html><body><p>Foto: Dok {n}</p><p>Isi berita {n}</p></body></html>"
        )
        return [el.text_content() for el in select(tree, "p:contains('Foto:')")]

    for n in range(400):
        assert on_html_thread(one, n) == [f"Foto: Dok {n}"]


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://news.detik.com/berita/d-1/x", "detik"),
        ("https://www.antaranews.com/berita/1/x", "antaranews"),
        ("https://kepri.antaranews.com/berita/1/x", "antaranews"),
        ("https://nasional.kompas.com/read/2024/01/01/x", "kompas"),
        ("https://batam.tribunnews.com/2024/01/01/x", "tribunnews"),
        ("https://www.bbc.com/indonesia/articles/x", "bbc-indonesia"),
        ("https://www.voaindonesia.com/a/x/1.html", "voaindonesia"),
    ],
)
def test_domain_match(url: str, name: str) -> None:
    rule = load_rules().match(url)
    assert rule is not None and rule.name == name


def test_lookalike_domain_does_not_match() -> None:
    assert load_rules().match("https://notdetik.com/x") is None
    assert load_rules().match("https://detik.com.evil.test/x") is None


def test_fingerprints() -> None:
    rules = load_rules()
    wp = (PAGES / "wordpress-news.html").read_text("utf-8")
    rule = rules.match("https://wartapesisir.test/x", html.document_fromstring(wp), wp)
    assert rule is not None and rule.name == "wordpress"
    loko = (PAGES / "lokomedia-regional.html").read_text("utf-8")
    rule = rules.match("https://suaranatuna.test/x", html.document_fromstring(loko), loko)
    assert rule is not None and rule.name == "lokomedia"
    plain = "<html><body><p>Nothing to see</p></body></html>"
    assert rules.match("https://x.test/", html.document_fromstring(plain), plain) is None


def test_whole_article_forms() -> None:
    rules = load_rules()
    assert rules.by_name("detik").whole_param == "single=1"  # type: ignore[union-attr]
    assert rules.by_name("kompas").whole_param == "page=all"  # type: ignore[union-attr]
    assert rules.by_name("sindonews").whole_param == "showpage=all"  # type: ignore[union-attr]


def test_user_rules_precede_and_override() -> None:
    rules = load_rules(
        [
            {"name": "detik", "domains": ["detik.com"], "content": ".mine"},
            {"name": "koran-saya", "domains": ["koransaya.test"], "content": ["article"]},
            {"content": "no name: skipped"},
        ]
    )
    detik = rules.match("https://news.detik.com/x")
    assert detik is not None and detik.content == (".mine",)
    assert [r.name for r in rules.rules].count("detik") == 1
    mine = rules.match("https://www.koransaya.test/a")
    assert mine is not None and mine.name == "koran-saya"


def test_more_specific_domain_wins() -> None:
    rules = load_rules([{"name": "kepri", "domains": ["kepri.antaranews.com"]}])
    assert rules.match("https://kepri.antaranews.com/x").name == "kepri"  # type: ignore[union-attr]
    assert rules.match("https://www.antaranews.com/x").name == "antaranews"  # type: ignore[union-attr]


def test_bad_user_selector_selects_nothing() -> None:
    tree = html.document_fromstring("<html><body><p>x</p></body></html>")
    assert select(tree, "p[[[") == []
    rule = rule_from_dict({"name": "bad", "content": "p[[["})
    assert rule.first_match(tree, "content") == ("", [])


def test_rules_select_safely_from_many_threads_at_once() -> None:
    """Articles are extracted in worker threads, several at a time; lxml's compiled XPath
    (selectors, trafilatura's) must never run in two at once (it failed with a
    UnicodeDecodeError): core.htmlwork runs all of it on one thread, one page at a time."""
    from concurrent.futures import ThreadPoolExecutor

    from korantui.core.article.extract import extract_article
    from tests.newssite import STORIES, article_html

    # A long page keeps each evaluation busy long enough for the threads to meet inside it.
    filler = "".join(f"<li><span>Berita {n}</span></li>" for n in range(3000))
    page = article_html(STORIES[0]).replace("</aside>", f"<ul>{filler}</ul></aside>").encode()

    def extract(_: int) -> str:
        return extract_article(page, "http://127.0.0.1/berita/x").title

    with ThreadPoolExecutor(max_workers=8) as pool:
        titles = list(pool.map(extract, range(160)))
    assert set(titles) == {STORIES[0].title}
