"""A domain rule on a page in a layout it does not know (an outlet's older or newer theme): what
its fallback selectors find (a bare h1, ".date", ".post-content"), which any page may have, is
weighed like any other evidence of the page, not as the site's own word."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from korantui.core.article.extract import Hints, explain_article

FETCHED = Hints(fetched=datetime(2017, 3, 10, 12, tzinfo=UTC))
PARAGRAPH = (
    "Pemerintah kota menyiapkan jalur baru bagi bus kota yang melintasi pusat pemerintahan,"
    " dan warga diminta memberi masukan sebelum rencana itu disahkan pada bulan depan."
)


TEASER = (
    "Harga cabai naik lagi menjelang akhir pekan, dan para pedagang di pasar induk mengaku"
    " pasokan dari petani di dataran tinggi berkurang karena hujan yang turun sepanjang minggu."
)


def _article(paragraphs: int) -> str:
    return "".join(f"<p>{PARAGRAPH} Bagian {n}.</p>" for n in range(paragraphs))


# An outlet's page of another year: none of the rule's own classes, a sidebar list printed
# before the article (its first ".date", its first "h1"), and the article's own metadata.
OLD_LAYOUT = f"""<!doctype html><html lang="id"><head>
<title>Jalur Bus Kota Diubah Mulai April - Tempo Nasional</title>
<meta property="og:title" content="Jalur Bus Kota Diubah Mulai April">
<meta property="article:published_time" content="2017-03-09T08:15:00+07:00">
<meta name="author" content="Rina Wulandari">
</head><body>
<div id="header"><h1 class="kanal">Nasional</h1></div>
<div id="sidebar"><h3>Terpopuler</h3>
<ul><li><a href="/a">Harga cabai naik lagi</a> <p class="date">01 Januari 2016</p>
<span class="author">Redaksi Sore</span></li>
<li><a href="/b">Banjir di pinggir kota</a> <p class="date">02 Januari 2016</p></li></ul>
<div class="post-content"><p>{TEASER}</p></div>
</div>
<div id="main"><h2 class="judul-berita">Jalur Bus Kota Diubah Mulai April</h2>
<div class="isi-artikel">{_article(8)}</div></div>
</body></html>"""


def test_a_fallback_date_selector_does_not_outweigh_the_pages_own_date() -> None:
    # tempo's rule: p.date, .date, time after its own layout's selectors.
    extraction = explain_article(OLD_LAYOUT, "https://www.tempo.co/read/1/jalur-bus", hints=FETCHED)
    published = extraction.article.published
    assert published is not None
    assert published.date().isoformat() == "2017-03-09"


def test_a_fallback_title_selector_does_not_outweigh_the_pages_own_title() -> None:
    extraction = explain_article(OLD_LAYOUT, "https://www.tempo.co/read/1/jalur-bus", hints=FETCHED)
    assert extraction.article.title == "Jalur Bus Kota Diubah Mulai April"


def test_a_fallback_author_selector_does_not_outweigh_the_pages_own_author() -> None:
    extraction = explain_article(OLD_LAYOUT, "https://www.tempo.co/read/1/jalur-bus", hints=FETCHED)
    assert extraction.article.author == "Rina Wulandari"


def test_a_fallback_content_selector_on_a_teaser_gives_way_to_the_article() -> None:
    # antaranews' rule: ".post-content" after its own layout's ".wrap__article-detail-content".
    extraction = explain_article(
        OLD_LAYOUT, "https://www.antaranews.com/berita/1/jalur-bus", hints=FETCHED
    )
    assert extraction.article.text.count(PARAGRAPH) == 8
    assert extraction.article.method.startswith("generic")


def test_a_fallback_content_selector_on_the_pages_wrapper_gives_way_to_the_article() -> None:
    # bbc's rule: main[role=main], article. On this page "article" wraps the sidebar too.
    page = OLD_LAYOUT.replace('<div id="sidebar">', '<article><div id="sidebar">').replace(
        "</body>", "</article></body>"
    )
    extraction = explain_article(page, "https://www.bbc.com/indonesia/1", hints=FETCHED)
    text = extraction.article.text
    assert text.count(PARAGRAPH) == 8
    assert "Terpopuler" not in text
    assert "Banjir di pinggir kota" not in text


def test_the_rules_own_layout_is_still_the_sites_word() -> None:
    # detik's own ".detail__date" outweighs the page's meta tag, as it did before.
    page = OLD_LAYOUT.replace("2017-03-09T08:15:00+07:00", "2017-03-02T08:15:00+07:00").replace(
        "</body>",
        '<footer><div class="detail__date">Kamis, 09 Mar 2017 10:00 WIB</div></footer></body>',
    )
    for url, day in (
        ("https://news.detik.com/berita/d-1/jalur-bus", "2017-03-09"),
        ("https://www.contoh.com/1", "2017-03-02"),
    ):
        published = explain_article(page, url, hints=FETCHED).article.published
        assert published is not None
        assert published.date().isoformat() == day, url


@pytest.mark.parametrize(
    ("selector", "content", "common"),
    [
        ("h1", False, True),
        (".date", False, True),
        ("p.date", False, True),
        (".published time", False, True),
        ("[itemprop=author]", False, True),
        ("a[rel=author]", False, True),
        ("h1.detail__title", False, False),
        (".jdl .date", False, False),
        ("h1#arttitle", False, False),
        ("*:contains('Keterangan Gambar')", False, False),
        ("div[class*=Contributor] strong", False, False),
        (".post-content", True, True),
        ("main[role=main]", True, True),
        ("div[itemprop=articleBody]", True, True),
        (".post-content", False, False),
        ("div.detail__body-text", True, False),
        ("#detikdetailtext", True, False),
    ],
)
def test_which_selectors_any_page_may_have(selector: str, content: bool, common: bool) -> None:
    from korantui.core.article.site_rules import common_selector

    assert common_selector(selector, content=content) is common


def test_read_explains_which_of_the_rules_selectors_found_a_field() -> None:
    choices = explain_article(
        OLD_LAYOUT, "https://www.tempo.co/read/1/jalur-bus", hints=FETCHED
    ).explain()
    ruled = [c for c in choices["title"]["candidates"] if c["from"] == "site rule"]
    assert [c["why"][0] for c in ruled] == ["+4 rule (h1)"]


def test_a_users_rule_is_the_sites_word_whatever_its_selectors() -> None:
    # A rule of one's own is written for the site as it is: its ".date" and ".post-content"
    # are what the site prints, not fallbacks.
    from korantui.core.article.site_rules import load_rules

    mine = load_rules(
        [
            {
                "name": "koran-uji",
                "domains": ["koran-uji.example"],
                "content": [".post-content"],
                "date": [".date"],
                "title": ["h1"],
            }
        ]
    )
    extraction = explain_article(
        OLD_LAYOUT, "https://koran-uji.example/1", rules=mine, hints=FETCHED
    )
    assert extraction.article.method == "rule:koran-uji"
    assert extraction.article.text.startswith("Harga cabai")
    choices = extraction.explain()
    for field, selector in (("published", ".date"), ("title", "h1")):
        ruled = [c for c in choices[field]["candidates"] if c["from"] == "site rule"]
        assert ruled[0]["why"][0] == f"+10 rule ({selector})", field


def test_a_user_cannot_make_a_rule_pass_for_a_shipped_one() -> None:
    from korantui.core.article.site_rules import rule_from_dict

    assert rule_from_dict({"name": "x", "shipped": True}).shipped is False
