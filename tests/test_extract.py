"""extract_article on pages written for these tests, on the seed page and on the fixtures."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from korantui.core.article.dates import WIB, WIT, WITA
from korantui.core.article.extract import ExtractionError, extract_article
from korantui.core.article.markdown import article_markdown
from korantui.core.models import Article

PAGES = Path(__file__).parent / "pages" / "extraction"
SHARED = Path(__file__).parents[1].parent / "shared"
SEED = SHARED / "seed" / "koranbatam-article.html"
EXPECTED = SHARED / "fixtures" / "html" / "expected.json"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def f1(got: str, gold: str) -> float:
    a, b = Counter(words(got)), Counter(words(gold))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


# --- pages written for these tests ------------------------------------------------------------


@pytest.fixture(scope="module")
def wordpress() -> Article:
    return extract_article(page("wordpress-news.html"), "https://wartapesisir.test/2024/03/14/c/")


def test_wordpress_metadata(wordpress: Article) -> None:
    a = wordpress
    assert a.method == "rule:wordpress"
    assert a.title == "Harga Cabai di Pasar Tradisional Naik Dua Kali Lipat"
    assert a.published == datetime(2024, 3, 14, 8, 15, tzinfo=WITA)
    assert a.author == "Rina Maharani"
    assert a.site == "Warta Pesisir"
    assert a.image == "https://wartapesisir.test/wp-content/uploads/2024/03/cabai.jpg"
    assert a.caption.startswith("Pedagang menata cabai merah")


def test_wordpress_body_shapes_and_cleanup(wordpress: Article) -> None:
    kinds = [b.kind for b in wordpress.blocks]
    text = wordpress.text
    assert wordpress.blocks[0].text.startswith("Makassar (Warta Pesisir) - Harga cabai")
    assert "h" in kinds and "quote" in kinds and kinds.count("li") == 2
    assert wordpress.blocks[-1].text == "(ant)"
    for junk in (
        "Baca juga",
        "Simak juga",
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE",
        "Google News",
        "WhatsApp",
        "Penulis:",
        "Editor:",
        "Berita Terkait",
        "Harga Telur",
        "Bagikan",
        "Tags",
        "Pedagang menata",  # the caption, shown under the image instead
        "Banjir Rendam",
    ):
        assert junk not in text, junk


def test_links_are_spans_and_only_http(wordpress: Article) -> None:
    first = wordpress.blocks[0]
    assert [(first.text[lk.start : lk.end], lk.url) for lk in first.links] == [
        ("Pasar Sentral", "https://example.org/pasar")
    ]
    for block in wordpress.blocks:
        for link in block.links:
            assert link.url.startswith(("http://", "https://"))
            assert 0 <= link.start < link.end <= len(block.text)
    last_para = next(b for b in wordpress.blocks if "daftar harga" in b.text)
    assert last_para.links == []  # javascript: is text, not a link


def test_markdown(wordpress: Article) -> None:
    md = article_markdown(wordpress)
    assert md.startswith("# Harga Cabai")
    assert "[Pasar Sentral](https://example.org/pasar)" in md
    assert "## Pemerintah siapkan operasi pasar" in md
    assert "> “Kami sudah" in md and "- cabai merah keriting" in md
    assert "javascript:" not in md


def test_markdown_image_address_with_space_and_brackets(wordpress: Article) -> None:
    md = article_markdown(replace(wordpress, image="https://wartapesisir.test/foto/cabai (1).jpg"))
    assert "![image](https://wartapesisir.test/foto/cabai%20(1%29.jpg)" in md


def test_lokomedia_family_page() -> None:
    a = extract_article(page("lokomedia-regional.html"), "https://suaranatuna.test/berita/detail/n")
    assert a.method == "rule:lokomedia"
    assert a.published == datetime(2015, 11, 5, 9, 25, tzinfo=WIB)
    assert a.caption.startswith("Penyerahan mesin kapal")  # the label is gone (issue 14)
    assert a.blocks[0].text.startswith("SUARANATUNA.TEST - Sebanyak dua puluh")
    assert a.blocks[-1].text == "(*)"
    assert a.author == ""  # "(*)" names nobody
    assert "BACA JUGA" not in a.text and "▴" not in a.text and "Festival" not in a.text


def test_generic_english_page() -> None:
    a = extract_article(page("generic-english.html"), "https://harbour.example/local/river")
    assert a.method == "generic"
    assert a.title == "River cleanup draws hundreds of volunteers"
    assert a.author == "Maya Lindqvist"
    assert a.published is not None and a.published.astimezone(UTC).hour == 13
    assert a.caption.startswith("Volunteers haul a shopping cart")
    assert a.site == "harbour.example"
    assert a.blocks[0].text.startswith("Hundreds of volunteers")
    assert "Read also" not in a.text and "Bridge closed" not in a.text
    assert len(a.blocks) == 4


DATE_PAGE = """<html><head><title>Judul - Situs</title></head><body>
<div class="sidebar"><ul><li><a href="/x">Lain</a> <span>Jumat, 28 November 2025</span></li>
</ul></div><div class="main"><h1>Judul berita yang cukup panjang</h1>
<div class="meta">{date}</div><div class="body">{body}</div></div></body></html>"""
BODY = "".join(
    f"<p>Paragraf {i} berisi kalimat berita yang cukup panjang agar dibaca sebagai isi artikel"
    f" oleh pengekstrak, tanpa tanggal apa pun di dalamnya.</p>"
    for i in range(5)
)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Selasa, 20 September 2022 - 16:30:05 WIB", datetime(2022, 9, 20, 16, 30, 5, tzinfo=WIB)),
        ("Kamis, 05/11/2015 09:25 WIB", datetime(2015, 11, 5, 9, 25, tzinfo=WIB)),
        ("5 November 2015 14:56 WIB", datetime(2015, 11, 5, 14, 56, tzinfo=WIB)),
        ("Selasa (20/9/2022)", datetime(2022, 9, 20, tzinfo=WIB)),
        ("Rabu, 3 Agu 2022 10:15 WITA", datetime(2022, 8, 3, 10, 15, tzinfo=WITA)),
        ("Senin, 1 Des 2021 08:00 WIT", datetime(2021, 12, 1, 8, 0, tzinfo=WIT)),
        ("Oleh Rina | 12 Okt 2020 07.30 WIB", datetime(2020, 10, 12, 7, 30, tzinfo=WIB)),
    ],
)
def test_visible_date_forms_on_a_page(printed: str, expected: datetime) -> None:
    html = DATE_PAGE.format(date=printed, body=BODY)
    assert extract_article(html, "https://situs.test/a").published == expected


def test_relative_date_on_a_page() -> None:
    html = DATE_PAGE.format(date="2 jam yang lalu", body=BODY)
    got = extract_article(html, "https://situs.test/a").published
    assert got is not None
    assert abs((datetime.now(WIB) - got).total_seconds() - 7200) < 120


def test_no_date_rather_than_a_sidebar_date() -> None:
    html = DATE_PAGE.format(date="", body=BODY)
    assert extract_article(html, "https://situs.test/a").published is None


def test_control_characters_never_reach_the_article() -> None:
    html = DATE_PAGE.format(date="", body=BODY.replace("Paragraf 1", "Paragraf \x1b[31m1\x07"))
    a = extract_article(html, "https://situs.test/a")
    assert "\x1b" not in a.text and "\x07" not in a.text


def test_no_article_text_raises() -> None:
    with pytest.raises(ExtractionError):
        extract_article("<html><body><nav><a href='/'>Home</a></nav></body></html>", "http://x/")
    with pytest.raises(ExtractionError):
        extract_article(b"", "http://x/")


def test_bytes_with_a_lying_charset() -> None:
    html = DATE_PAGE.format(date="", body=BODY.replace("Paragraf 1", "Paragraf “satu”"))
    data = html.replace("<head>", '<head><meta charset="iso-8859-1">').encode("utf-8")
    a = extract_article(data, "https://situs.test/a", declared_charset="iso-8859-1")
    assert "“satu”" in a.text


# --- the seed page and the shared fixtures --------------------------------------------------

SIDEBAR = [
    "Perkuat Sinergi Keamanan Udara",
    "58 Sekolah SMP",
    "Polsek Bengkong Aktif",
    "Pertamina Sumbagut",
    "Dukung MBG",
    "Lanud Hang Nadim",
    "BP Batam Terima",
    "Ekonomi Kepri Tertinggi",
    "Wakapolda Kepri",
    "Imigrasi Batam",
]


def test_seed_page_bar() -> None:
    if not SEED.exists():
        pytest.skip("../shared/seed is absent")
    a = extract_article(SEED.read_bytes(), "https://koranbatam.com/berita/detail/pemkab-anambas")
    assert a.title == "Pemkab Anambas Perkuat Optimalisasi Kampung Keluarga Berkualitas"
    assert a.published is not None and a.published.date() == date(2022, 9, 20)
    assert a.caption.startswith("Rapat bersama")  # the label is gone (issue 14)
    assert a.credit == "1st"
    paragraphs = [b.text for b in a.blocks]
    assert len(paragraphs) == 15  # fourteen paragraphs and the byline
    assert paragraphs[0].startswith("KORANBATAM.COM - Pemerintah Kabupaten")
    assert paragraphs[13].endswith("Kampung Keluarga Berencana,” katanya.")
    assert paragraphs[14] == "(Tony /Jhon)"
    assert a.author == "Tony /Jhon"
    golden = (SHARED / "seed" / "koranbatam-article.txt").read_text("utf-8").splitlines()
    body = golden[golden.index(paragraphs[0]) : golden.index("(Tony /Jhon)")]
    assert paragraphs[:14] == body
    for headline in SIDEBAR:
        assert headline not in a.text
    assert "▴" not in a.text
    links = [lk.url for b in a.blocks for lk in b.links]
    assert not any("sharer" in u or "/tag/" in u or "twitter" in u for u in links)
    assert "Bagikan" not in a.text and "Tag:" not in a.text


def _expected() -> list[dict]:
    if not EXPECTED.exists():
        pytest.skip("../shared/fixtures is absent")
    return json.loads(EXPECTED.read_text("utf-8"))["articles"]


@pytest.mark.parametrize("index", range(4))
def test_expected_json_bar(index: int) -> None:
    item = _expected()[index]
    a = extract_article((SHARED / "fixtures" / item["file"]).read_bytes(), item["url"])
    assert a.title == item["title"]
    gold_day = datetime.fromtimestamp(int(item["published_utc_ms"]) / 1000, UTC).astimezone(WIB)
    assert a.published is not None and a.published.astimezone(WIB).date() == gold_day.date()
    assert f1(a.text, item["content"]) >= 0.90


def test_rule_content_loses_nested_boxes_of_other_stories() -> None:
    rules_page = (
        "<html><head><meta name='generator' content='WordPress 6.5'></head><body>"
        "<h1 class='entry-title'>Judul</h1><div class='entry-content'>"
        + BODY
        + "<div class='related-posts'><p>Kisah lain yang sama sekali berbeda dari berita ini,"
        " dengan kalimat panjang.</p></div><div class='social-share'><p>Bagikan ke teman-teman"
        " Anda sekarang juga lewat media sosial.</p></div></div></body></html>"
    )
    a = extract_article(rules_page, "https://blog.test/2024/01/judul/")
    assert a.method == "rule:wordpress"
    assert "Kisah lain" not in a.text and "teman-teman" not in a.text
    assert len(a.blocks) == 5


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (
            "<title>Berita X Terbaru Hari Ini - Kompas.com</title>"
            "<meta property='og:title' content='Berita X Terbaru Hari Ini - Kompas.com'>",
            "<header><h1>Kompas</h1></header><h1>Berita X Terbaru Hari Ini</h1>",
            "Berita X Terbaru Hari Ini",
        ),
        ("<title>Headline Here | Site</title>", "<h1>Site</h1>", "Headline Here"),
        ("<meta property='og:title' content='Only Og'>", "", "Only Og"),
    ],
)
def test_title_choice(head: str, body: str, expected: str) -> None:
    html = f"<html><head>{head}</head><body>{body}<div>{BODY}</div></body></html>"
    assert extract_article(html, "https://situs.test/a").title == expected


def _index_page(links: int) -> str:
    items = "".join(
        f'<li><a href="/berita/{n}/banjir-rob-genangi-kampung-nelayan-{n}">Banjir rob genangi'
        f" kampung nelayan di pesisir Batam hari ke-{n}</a><p>Warga mengungsi ke balai desa"
        f" setelah air laut naik setinggi lutut sejak pagi, kata lurah setempat {n}.</p></li>"
        for n in range(links)
    )
    return f"<html><head><title>Berita Terkini</title></head><body><ul>{items}</ul></body></html>"


def test_an_index_page_is_turned_away_not_read_as_an_article() -> None:
    """A section or front page holds a dozen stories' teasers: read as one article it is a
    jumble. Without a date, and with many headline links, it is said to be a list."""
    with pytest.raises(ExtractionError, match="list of headlines"):
        extract_article(_index_page(14), "https://koran-uji.example/kanal/kepri")
    # A front page, whatever it says of itself.
    with pytest.raises(ExtractionError, match="list of headlines"):
        extract_article(_index_page(3), "https://koran-uji.example/")
    # An article with a long list of related stories has its date: it is read.
    article = _index_page(14).replace(
        "<body>",
        "<body><h1>Pelabuhan Batu Ampar diperluas untuk kapal peti kemas</h1>"
        "<p>Selasa, 20 September 2022 16:30 WIB</p>"
        + "<p>Badan Pengusahaan Batam memperluas dermaga utara pelabuhan.</p>"
        * 6,
    )
    read = extract_article(article, "https://koran-uji.example/berita/9/pelabuhan")
    assert read.published is not None and "dermaga utara" in read.text


def test_the_kompas_front_page_is_turned_away(shared_dir) -> None:
    page = (shared_dir / "fixtures" / "html" / "kompas-mainpage.html").read_bytes()
    with pytest.raises(ExtractionError, match="list of headlines"):
        extract_article(page, "https://www.kompas.com/")
