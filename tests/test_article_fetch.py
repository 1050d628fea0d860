"""fetch_article against a real local HTTP server: parts joined, AMP, whole-article forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from korantui.core.article import article_fetch, extract
from korantui.core.article.article_fetch import (
    MAX_PAGES,
    canonical_from_amp_url,
    fetch_article,
    next_page_urls,
    with_param,
)
from korantui.core.article.extract import ExtractionError
from korantui.core.article.site_rules import load_rules
from korantui.core.net.fetch import Fetcher, FetchError

PAGES = Path(__file__).parent / "pages" / "extraction"
HTML = "text/html; charset=utf-8"
PATH = "/read/2024/05/jembatan-antarpulau"


def article_page(title: str, paragraphs: list[str], extra: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
        f"<div class='isi'>{body}</div>{extra}</body></html>"
    )


LONG = [
    f"Kalimat ke-{i} dari berita ini cukup panjang untuk dianggap sebagai isi artikel oleh"
    " pengekstrak, dengan beberapa klausa tambahan agar jelas."
    for i in range(4)
]


async def test_three_part_article_is_joined(httpserver: HTTPServer) -> None:
    for n in (2, 3):
        httpserver.expect_request(PATH, query_string=f"page={n}").respond_with_data(
            (PAGES / f"multipart-{n}.html").read_bytes(), content_type=HTML
        )
    httpserver.expect_request(PATH, query_string="").respond_with_data(
        (PAGES / "multipart-1.html").read_bytes(), content_type=HTML
    )
    async with Fetcher() as fetcher:
        article = await fetch_article(fetcher, httpserver.url_for(PATH))
    assert article.pages == 3
    texts = [b.text for b in article.blocks]
    assert texts[0].startswith("BATAM - Pembangunan jembatan")
    assert any(t.startswith("Warga di pulau seberang") for t in texts)
    assert texts[-1].endswith("(rfs/jbr)")
    assert len(texts) == len(set(texts)) == 6
    assert "Berita lain" not in article.text
    paths = [(entry[0].path, entry[0].query_string) for entry in httpserver.log]
    assert sorted(paths) == sorted({(PATH, b""), (PATH, b"page=2"), (PATH, b"page=3")})


async def test_parts_stop_at_ten(httpserver: HTTPServer) -> None:
    def handler(request: Request) -> Response:
        n = int(request.args.get("page", "1"))
        paragraphs = [f"Bagian {n}: " + p for p in LONG]
        link = f"<div class='pagination'><a href='{PATH}?page={n + 1}'>Selanjutnya</a></div>"
        return Response(article_page("Berita Bersambung", paragraphs, link), content_type=HTML)

    httpserver.expect_request(PATH).respond_with_handler(handler)
    async with Fetcher() as fetcher:
        article = await fetch_article(fetcher, httpserver.url_for(PATH))
    assert article.pages == MAX_PAGES
    assert len(httpserver.log) == MAX_PAGES


async def test_amp_address_goes_to_the_canonical_page(httpserver: HTTPServer) -> None:
    canonical = "/berita/2024/05/02/pelabuhan-baru"
    httpserver.expect_request(canonical).respond_with_data(
        article_page("Pelabuhan Baru Dibuka", LONG), content_type=HTML
    )
    async with Fetcher() as fetcher:
        article = await fetch_article(fetcher, httpserver.url_for(canonical + "/amp"))
    assert article.title == "Pelabuhan Baru Dibuka"
    assert [e[0].path for e in httpserver.log] == [canonical]


async def test_amp_page_goes_to_its_rel_canonical(httpserver: HTTPServer) -> None:
    canonical = "/berita/2024/05/02/pelabuhan-baru"
    httpserver.expect_request("/m/pelabuhan").respond_with_data(
        (PAGES / "amp-article.html").read_bytes(), content_type=HTML
    )
    httpserver.expect_request(canonical).respond_with_data(
        article_page("Pelabuhan Baru Dibuka", LONG), content_type=HTML
    )
    async with Fetcher() as fetcher:
        article = await fetch_article(fetcher, httpserver.url_for("/m/pelabuhan"))
    assert "Versi AMP" not in article.text
    assert article.blocks[0].text.startswith("Kalimat ke-0")


async def test_whole_article_form_from_a_rule(httpserver: HTTPServer) -> None:
    rules = load_rules([{"name": "lokal", "domains": ["localhost"], "whole_param": "page=all"}])
    httpserver.expect_request("/a", query_string="page=all").respond_with_data(
        article_page("Utuh", LONG), content_type=HTML
    )
    async with Fetcher() as fetcher:
        article = await fetch_article(fetcher, httpserver.url_for("/a"), rules=rules)
    assert article.pages == 1 and article.title == "Utuh"
    assert [e[0].query_string for e in httpserver.log] == [b"page=all"]


async def test_whole_article_form_missing_falls_back(httpserver: HTTPServer) -> None:
    rules = load_rules([{"name": "lokal", "domains": ["localhost"], "whole_param": "page=all"}])
    httpserver.expect_request("/a", query_string="page=all").respond_with_data("", status=404)
    httpserver.expect_request("/a", query_string="").respond_with_data(
        article_page("Biasa", LONG), content_type=HTML
    )
    async with Fetcher() as fetcher:
        article = await fetch_article(fetcher, httpserver.url_for("/a"), rules=rules)
    assert article.title == "Biasa"


async def test_charset_lie_from_the_server(httpserver: HTTPServer) -> None:
    page = article_page("Berita “Kutipan”", [*LONG, "Kata “ini” bertanda kutip. " * 5])
    httpserver.expect_request("/c").respond_with_data(
        page.encode("utf-8"), content_type="text/html; charset=iso-8859-1"
    )
    async with Fetcher() as fetcher:
        article = await fetch_article(fetcher, httpserver.url_for("/c"))
    assert article.title == "Berita “Kutipan”"
    assert "“ini”" in article.text


async def test_each_part_is_parsed_once(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in (2, 3):
        httpserver.expect_request(PATH, query_string=f"page={n}").respond_with_data(
            (PAGES / f"multipart-{n}.html").read_bytes(), content_type=HTML
        )
    httpserver.expect_request(PATH, query_string="").respond_with_data(
        (PAGES / "multipart-1.html").read_bytes(), content_type=HTML
    )
    parses = 0
    parse = extract.parse_html

    def counting(text: str) -> object:
        nonlocal parses
        parses += 1
        return parse(text)

    # extract_article parses what it is given; fetch_article parses each page to find the next.
    monkeypatch.setattr(article_fetch, "parse_html", counting)
    monkeypatch.setattr(extract, "parse_html", counting)
    async with Fetcher() as fetcher:
        article = await fetch_article(fetcher, httpserver.url_for(PATH))
    assert article.pages == 3
    assert parses == 3


async def test_a_feed_at_the_address_is_no_article(httpserver: HTTPServer) -> None:
    items = "".join(
        f"<item><title>Judul berita nomor {i} yang cukup panjang</title>"
        f"<link>https://x.test/{i}</link><description>{LONG[0]}</description></item>"
        for i in range(5)
    )
    httpserver.expect_request("/feed").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>X</title>{items}</channel></rss>',
        content_type="text/html; charset=utf-8",
    )
    async with Fetcher() as fetcher:
        with pytest.raises(ExtractionError, match="feed"):
            await fetch_article(fetcher, httpserver.url_for("/feed"))


async def test_fetch_errors_propagate(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    async with Fetcher() as fetcher:
        with pytest.raises(FetchError):
            await fetch_article(fetcher, httpserver.url_for("/gone"))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.suara.com/amp/news/2024/01/01/x", "https://www.suara.com/news/2024/01/01/x"),
        ("https://news.detik.com/berita/d-1/x/amp", "https://news.detik.com/berita/d-1/x"),
        ("https://x.test/a?amp=1&id=3", "https://x.test/a?id=3"),
        ("https://x-test.cdn.ampproject.org/c/s/x.test/a/b", "https://x.test/a/b"),
        ("https://x.test/plain?page=2", "https://x.test/plain?page=2"),
    ],
)
def test_canonical_from_amp_url(url: str, expected: str) -> None:
    assert canonical_from_amp_url(url) == expected


def test_with_param() -> None:
    assert with_param("https://x.test/a", "page=all") == "https://x.test/a?page=all"
    assert with_param("https://x.test/a?page=2&q=1", "page=all") == "https://x.test/a?q=1&page=all"


def test_next_links_only_to_the_same_article() -> None:
    base = "https://x.test/read/2024/05/berita"
    tree = html.document_fromstring(
        "<html><body><div class='paging'><a href='/read/2024/05/berita?page=2'>2</a>"
        "<a href='/read/2024/05/berita?page=3'>3</a><a href='/read/2024/05/berita'>1</a></div>"
        "<a href='/read/2024/05/berita-lain'>Selanjutnya</a>"
        "<a href='/read/2024/05/berita/2'>Halaman selanjutnya</a>"
        "<a href='https://other.test/read/2024/05/berita?page=2'>Next</a></body></html>"
    )
    # In page order; the other story and the other site are left out.
    assert next_page_urls(tree, base) == [f"{base}?page=2", f"{base}?page=3", f"{base}/2"]
