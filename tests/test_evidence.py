"""Title, date and author chosen by evidence: one small page per kind of failure seen on
pages nobody tuned for (issue 11). Every page here is written for the project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from korantui.core.article.dates import WIB
from korantui.core.article.extract import ExtractionError, Hints, explain_article, extract_article

STORY = "".join(
    f"<p>Paragraf {n}: warga pesisir Batam bergotong royong membersihkan saluran air setelah"
    f" hujan deras mengguyur kota sejak Senin malam, kata ketua RT setempat.</p>"
    for n in range(1, 7)
)
HEADLINE = "Warga Pesisir Batam Bergotong Royong Bersihkan Saluran Air"
URL = "https://koran-uji.example/berita/1207/warga-pesisir-batam"


def page(head: str = "", before: str = "", header: str = "", after: str = "") -> str:
    """An article page: head tags, what comes before the article, the article's header (after
    its h1), the story, and what follows it (sidebars, related lists)."""
    return (
        f"<html><head>{head}</head><body>{before}<article><h1>{HEADLINE}</h1>{header}"
        f"<div class='isi'>{STORY}</div></article>{after}</body></html>"
    )


# --- titles -------------------------------------------------------------------------------


def test_a_section_name_h1_is_not_the_headline() -> None:
    html = (
        f"<html><head><meta property='og:title' content='{HEADLINE} - Koran Uji'>"
        "<meta property='og:site_name' content='Koran Uji'></head><body>"
        "<nav><a href='/nasional'>Nasional</a><a href='/regional'>Regional</a></nav>"
        f"<div class='kanal'><h1>Regional</h1></div><div class='isi'>{STORY}</div></body></html>"
    )
    extraction = explain_article(html, URL)
    assert extraction.article.title == HEADLINE
    why = extraction.explain()["title"]
    assert why["from"] == "og:title"
    section = next(c for c in why["candidates"] if c["value"] == "Regional")
    assert any("section" in note for note in section["why"])


def test_a_breadcrumb_h1_loses_to_the_article_headline() -> None:
    crumbs = (
        "<ol class='breadcrumb'><li><a href='/'>Beranda</a></li>"
        "<li><a href='/bola'>Bola</a></li></ol><h1>Bola</h1>"
    )
    assert extract_article(page(before=crumbs), URL).title == HEADLINE


def test_the_sites_slogan_title_is_not_the_headline() -> None:
    head = (
        "<title>Koranuji.example - Experience The News</title>"
        "<meta property='og:site_name' content='Koranuji.example'>"
    )
    assert extract_article(page(head=head), URL).title == HEADLINE
    # With no h1, the title still loses the site's name, not the headline.
    html = (
        f"<html><head><title>{HEADLINE} :: Koranuji News</title></head><body>"
        f"<div>{STORY}</div></body></html>"
    )
    assert extract_article(html, "https://koranuji.example/read/1").title == HEADLINE


def test_the_site_name_is_taken_off_meta_titles() -> None:
    head = f"<meta property='og:title' content='{HEADLINE} | koran-uji.example'>"
    html = f"<html><head>{head}</head><body><div>{STORY}</div></body></html>"
    assert extract_article(html, URL).title == HEADLINE


def test_a_logo_h1_names_the_site_in_the_title() -> None:
    html = (
        f"<html><head><title>{HEADLINE} | Kabar Pulau</title></head><body>"
        f"<h1>Kabar Pulau</h1><div>{STORY}</div></body></html>"
    )
    assert extract_article(html, URL).title == HEADLINE


def test_the_feed_items_title_is_the_best_evidence() -> None:
    title = "Judul dari feed yang benar"
    assert extract_article(page(), URL, hints=Hints(title=title)).title == title


# --- dates --------------------------------------------------------------------------------

FETCHED = datetime(2022, 9, 20, 12, 0, tzinfo=WIB)


def test_a_sidebars_relative_date_is_no_date() -> None:
    sidebar = (
        "<aside class='terkini'><h3>Berita Terkini</h3><ul>"
        "<li><a href='/b/1'>Kabar lain dari kota</a> <span>20 detik yang lalu</span></li>"
        "</ul></aside>"
    )
    got = extract_article(page(after=sidebar), URL, hints=Hints(fetched=FETCHED))
    assert got.published is None


def test_a_relative_date_in_the_articles_header_counts_from_the_fetch() -> None:
    header = "<div class='meta'>2 jam yang lalu</div>"
    got = extract_article(page(header=header), URL, hints=Hints(fetched=FETCHED))
    assert got.published == FETCHED - timedelta(hours=2)


def test_a_relative_date_counted_from_a_saved_files_time_gives_way_to_an_absolute_one() -> None:
    # A page saved days or years before it is read: the file's time is only the latest it can
    # have been fetched, so "2 hari yang lalu" counted from it is a guess; the address's day
    # (htmldate's answer) is not.
    header = "<div class='meta'>2 hari yang lalu</div>"
    dated = "https://koran-uji.example/2022/09/15/warga-pesisir-batam"
    exact = extract_article(page(header=header), dated, hints=Hints(fetched=FETCHED))
    assert exact.published == FETCHED - timedelta(days=2)
    saved = Hints(fetched=FETCHED, fetched_exactly=False)
    got = extract_article(page(header=header), dated, hints=saved)
    assert got.published is not None
    assert got.published.date().isoformat() == "2022-09-15"
    # With nothing else to go by, the guess is still better than no date.
    alone = extract_article(page(header=header), URL, hints=saved)
    assert alone.published == FETCHED - timedelta(days=2)


def test_read_counts_a_saved_files_relative_date_from_its_time_as_a_guess(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from korantui.cli import main

    saved = tmp_path / "page.html"
    saved.write_text(page(header="<div class='meta'>2 hari yang lalu</div>"), encoding="utf-8")
    os.utime(saved, (FETCHED.timestamp(), FETCHED.timestamp()))
    dated = "https://koran-uji.example/2022/09/15/warga-pesisir-batam"
    assert main(["read", str(saved), "--url", dated, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["published"].startswith("2022-09-15")
    assert main(["read", str(saved), "--url", URL, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["published"].startswith("2022-09-18")


def test_a_site_named_by_its_domains_initials_is_no_part_of_the_title() -> None:
    # No og:site_name: the university's name is known from its domain, umrah.ac.id.
    html = (
        "<html><head><title>Pendaftaran Beasiswa Dibuka | Universitas Maritim Raja Ali Haji"
        f"</title></head><body><div class='isi'>{STORY}</div></body></html>"
    )
    got = extract_article(html, "https://www.umrah.ac.id/berita/beasiswa")
    assert got.title == "Pendaftaran Beasiswa Dibuka"
    # The same words elsewhere are the headline's own.
    elsewhere = extract_article(html, "https://kabar.example/berita/beasiswa")
    assert elsewhere.title == "Pendaftaran Beasiswa Dibuka | Universitas Maritim Raja Ali Haji"


def test_a_page_whose_frame_names_a_sidebar_is_still_read_for_its_date() -> None:
    # WordPress themes class <body> and their content wrap "has-sidebar", "content-sidebar-wrap":
    # the box holding the whole text is the page's frame, not a sidebar to leave out.
    paragraphs = "".join(
        f"<p>{n}. Warga bergotong royong membersihkan saluran.</p>" for n in range(70)
    )
    html = (
        f"<html><body class='single-post has-sidebar'><div class='content-sidebar-wrap'>"
        f"<h1>{HEADLINE}</h1><div class='entry'>{paragraphs}{STORY}</div>"
        "<div class='entry-meta'>June 17, 2021</div></div></body></html>"
    )
    got = extract_article(html, URL, hints=Hints(fetched=FETCHED))
    assert got.published is not None
    assert got.published.date().isoformat() == "2021-06-17"


def test_a_date_only_in_json_ld_is_found() -> None:
    head = (
        '<script type=\'application/ld+json\'>{"@context": "https://schema.org",'
        ' "@type": "NewsArticle", "headline": "x",'
        ' "datePublished": "2022-09-20T16:30:00+07:00"}</script>'
    )
    got = extract_article(page(head=head), URL)
    assert got.published == datetime(2022, 9, 20, 16, 30, tzinfo=WIB)


def test_a_table_of_dates_under_the_headline_is_data_not_the_articles_day() -> None:
    head = "<meta property='article:published_time' content='2025-02-12T23:21:00+00:00'>"
    rows = "".join(f"<tr><td>{m}/1/2013</td><td>+13.{m}%</td></tr>" for m in range(1, 13))
    header = f"<table><tr><th>Date</th><th>Change</th></tr>{rows}</table>"
    got = extract_article(page(head=head, header=header), URL)
    assert got.published == datetime(2025, 2, 12, 23, 21, tzinfo=UTC)


def test_a_date_after_the_fetch_or_before_1995_is_no_date() -> None:
    for printed in ("Selasa, 20 September 2033", "Senin, 2 Januari 1984"):
        header = f"<div class='tanggal'>{printed}</div>"
        got = extract_article(page(header=header), URL, hints=Hints(fetched=FETCHED))
        assert got.published is None, printed


def test_a_day_printed_only_inside_a_sentence_is_no_date() -> None:
    story = "<p>Pada 12 Juli 2022 banjir besar melanda kota, kata warga yang ditemui kemarin.</p>"
    html = f"<html><body><h1>{HEADLINE}</h1><div>{story}{STORY}</div></body></html>"
    assert extract_article(html, URL).published is None


# --- authors ------------------------------------------------------------------------------


def test_a_byline_only_author_is_found() -> None:
    header = (
        "<div class='byline'>Oleh <a href='/penulis/budi-santoso'>Budi Santoso</a>"
        " · Selasa, 20 September 2022</div>"
    )
    assert extract_article(page(header=header), URL).author == "Budi Santoso"


def test_a_by_line_near_the_headline_is_found() -> None:
    header = "<p>By Siti Rahmawati</p>"
    assert extract_article(page(header=header), URL).author == "Siti Rahmawati"


def test_a_person_beats_the_publishing_organisation() -> None:
    head = (
        '<script type=\'application/ld+json\'>{"@type": "NewsArticle",'
        ' "author": {"@type": "Organization", "name": "Koran Uji"}}</script>'
    )
    header = "<span class='author-name'>Rina Wulandari</span>"
    assert extract_article(page(head=head, header=header), URL).author == "Rina Wulandari"


def test_a_sidebars_byline_is_another_storys() -> None:
    after = "<aside class='sidebar'><span class='author'>Penulis Lain</span></aside>"
    assert extract_article(page(after=after), URL).author == ""


def test_a_layout_class_around_the_whole_page_is_no_sidebar() -> None:
    """Body classes and utility classes describe the template ("has-sidebar", a grid area
    named sidebar, a page builder's widget wrapper around everything): what they hold is the
    page, not its clutter."""
    header = "<div class='entry-meta'><span class='author vcard'>Rina Marlina</span></div>"
    html = page(header=header).replace(
        "<body>", "<body class='single has-sidebar elementor_header_footer'>"
    )
    html = html.replace(
        "<article>", "<div class='md:[grid-area:sidebar] widget-container'><article>"
    )
    html = html.replace("</article>", "</article></div>")
    assert extract_article(html, URL).author == "Rina Marlina"


def test_a_sidebar_inside_a_layout_class_is_still_clutter() -> None:
    after = "<aside class='sidebar'><span class='author'>Penulis Lain</span></aside>"
    html = page(after=after).replace("<body>", "<body class='has-sidebar'>")
    assert extract_article(html, URL).author == ""


@pytest.mark.parametrize(
    "printed",
    [
        "<span class='date-label'>Last Updated on</span> <time>3 November 2025</time>",
        "<span class='updated'>3 November 2025</span>",
        "<span>Diperbarui 3 November 2025</span>",
    ],
)
def test_a_day_labelled_as_the_update_loses_to_the_declared_publication(printed) -> None:
    head = "<meta property='article:published_time' content='2022-01-03T16:52:00+00:00'>"
    got = extract_article(page(head=head, header=f"<div class='meta'>{printed}</div>"), URL)
    assert got.published is not None and got.published.date().isoformat() == "2022-01-03"


def test_an_unlabelled_printed_day_beats_the_declared_one() -> None:
    """What the page shows is what its readers take for the date (the corpus agrees)."""
    head = "<meta property='article:published_time' content='2022-01-03T16:52:00+00:00'>"
    header = "<div class='meta'><span class='posted-on'>3 November 2025</span></div>"
    got = extract_article(page(head=head, header=header), URL)
    assert got.published is not None and got.published.date().isoformat() == "2025-11-03"


def test_a_user_name_loses_to_a_persons_name() -> None:
    head = "<meta name='author' content='budi.santoso88'>"
    header = "<div class='byline'>By Budi Santoso</div>"
    assert extract_article(page(head=head, header=header), URL).author == "Budi Santoso"


# --- index pages --------------------------------------------------------------------------


def _related(n: int) -> str:
    return (
        "<div class='baca'><ul>"
        + "".join(
            f"<li><a href='/berita/{i}/kabar-{i}'>Kabar lain nomor {i} dari kota Batam hari ini</a>"
            "</li>"
            for i in range(n)
        )
        + "</ul></div>"
    )


def test_an_article_with_a_big_related_list_is_read() -> None:
    """No date, no og:type, twenty headline links: still an article, for its prose."""
    got = extract_article(page(after=_related(20)), URL)
    assert "Paragraf 6" in got.text


def test_a_list_of_teasers_without_prose_is_turned_away() -> None:
    teasers = _related(14).replace("</a></li>", "</a><p>Warga mengungsi sejak pagi.</p></li>")
    html = f"<html><head><title>Kanal Kepri</title></head><body>{teasers}</body></html>"
    with pytest.raises(ExtractionError, match="list of headlines"):
        extract_article(html, "https://koran-uji.example/kanal/kepri")


# --- explaining ---------------------------------------------------------------------------


def test_read_explains_its_choices(tmp_path) -> None:
    header = "<div class='byline'>Oleh Budi Santoso</div><div>Selasa, 20 September 2022</div>"
    saved = tmp_path / "page.html"
    saved.write_text(page(header=header), encoding="utf-8")
    command = [sys.executable, "-m", "korantui", "read", str(saved), "--url", URL]
    out = subprocess.run(
        [*command, "--explain", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    explain = json.loads(out.stdout)["explain"]
    assert explain["title"]["chosen"] == HEADLINE and explain["title"]["from"] == "h1"
    assert explain["published"]["chosen"].startswith("2022-09-20")
    assert explain["author"]["chosen"] == "Budi Santoso"
    assert all(c["why"] is not None for c in explain["author"]["candidates"])
    # A saved page's fetch time is its file's: no date after it is taken.
    assert datetime.fromisoformat(explain["published"]["chosen"]) <= datetime.now(UTC)


def test_dates_marked_by_rdfa_or_by_class_are_found() -> None:
    rdfa = "<p><span property='datePublished' content='2023-08-08T10:12:00-05:00'>x</span></p>"
    html = f"<html><body><div>{STORY}</div>{rdfa}</body></html>"
    chosen = explain_article(html, URL).explain()["published"]
    assert chosen["from"] == "itemprop datePublished"
    assert chosen["chosen"] == "2023-08-08T10:12:00-05:00"
    marked = "<span class='published-date'>July 3, 2025</span>"
    html = f"<html><body><div>{STORY}</div><div>{marked}</div></body></html>"
    chosen = explain_article(html, URL).explain()["published"]
    assert chosen["from"] == "an element marked as the date"
    assert chosen["chosen"].startswith("2025-07-03")


def test_a_cms_rule_that_lands_on_an_excerpt_loses_to_the_whole_article() -> None:
    """A WordPress fingerprint's '.entry-content' holding a teaser's excerpt, the story
    elsewhere: the generic reading, with far more article, is kept."""
    excerpt = "<div class='entry-content'>" + "</p>".join(STORY.split("</p>")[:2]) + "</p></div>"
    more = STORY.replace("Paragraf", "Bagian")
    html = (
        "<html><head><meta name='generator' content='WordPress 6.5'></head><body>"
        f"<div class='teaser'>{excerpt}</div><main><h1>{HEADLINE}</h1>"
        f"<div class='story'>{STORY}{more}</div></main></body></html>"
    )
    got = extract_article(html, URL)
    assert not got.method.startswith("rule:") and "Bagian 6" in got.text
    # The rule's reading stands where it holds the article.
    html = html.replace("<div class='story'>", "<div class='entry-content'>")
    assert extract_article(html, URL).method == "rule:wordpress"


def test_an_unclosed_banner_aside_around_the_page_is_no_sidebar() -> None:
    # The banner's <aside> never closed: the parser puts <main> and the article inside it.
    header = "<div class='blog-meta'><span class='blog-meta-author'>Rina Marlina</span></div>"
    html = page(header=header).replace(
        "<body>", "<body><aside class='announcement-banner'><p>Webinar Kamis ini!</p>"
    )
    html = html.replace("<article>", "<main><article>").replace("</body>", "</main></body>")
    assert extract_article(html, URL).author == "Rina Marlina"


def test_an_unclosed_menu_nav_around_the_headline_is_no_sidebar() -> None:
    header = "<p>oleh <a href='/authors/rina-marlina'>Rina Marlina</a></p>"
    html = page(header=header).replace("<body>", "<body><nav class='menu'><a href='/'>Beranda</a>")
    html = html.replace("</body>", "</nav></body>")
    html = html.replace("<article>", "<div>").replace("</article>", "</div>")
    assert extract_article(html, URL).author == "Rina Marlina"
