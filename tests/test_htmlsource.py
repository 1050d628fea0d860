"""Headlines scraped from HTML index pages: the heuristic, and rules from the config."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from korantui.core.net.charset import decode_html
from korantui.core.net.fetch import Fetcher
from korantui.core.sanitize import clean_line
from korantui.core.sources.feeds import FeedParseError
from korantui.core.sources.htmlsource import parse_html_source

PAGES = Path(__file__).parent / "pages" / "sources"
SHARED = Path(__file__).parents[1].parent / "shared" / "fixtures"
MENU_WORDS = {
    "beranda",
    "indeks",
    "home",
    "news",
    "nasional",
    "regional",
    "megapolitan",
    "bola",
    "tekno",
    "ekonomi",
    "travel",
    "otomotif",
    "health",
    "female",
    "properti",
    "video",
    "foto",
    "entertainment",
    "internasional",
    "olahraga",
    "sains",
    "edukasi",
    "batam",
    "kepri",
    "indeks berita",
    "berita terkini",
    "gaya hidup",
}


def _page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def _paths(entries: list) -> list[str]:
    return [e.link.split("/", 3)[3] for e in entries]


async def test_kompas_index_bar(httpserver: HTTPServer) -> None:
    page = SHARED / "html" / "kompas-mainpage.html"
    expected = SHARED / "html" / "expected.json"
    if not page.exists() or not expected.exists():
        pytest.skip("shared fixtures not present beside the project")
    golden = json.loads(expected.read_text())["index_pages"][0]["first_urls"]
    httpserver.expect_request("/").respond_with_data(page.read_bytes(), content_type="text/html")
    async with Fetcher() as fetcher:
        result = await fetcher.get(httpserver.url_for("/"))
    parsed = parse_html_source(decode_html(result.content, result.declared_charset), result.url)
    links = [e.link for e in parsed.entries]
    assert all(url in links for url in golden)
    # In page order: the golden three are the page's first three headlines.
    assert links[:3] == golden
    assert not [e.title for e in parsed.entries if e.title.casefold() in MENU_WORDS]
    assert not [e.link for e in parsed.entries if "/indeks" in e.link or e.link.count("/") < 4]
    first = parsed.entries[0]
    assert first.published is not None
    assert first.published.isoformat() == "2016-02-23T14:54:00+07:00"
    assert first.summary.startswith("Melemahnya kinerja saham perbankan")


def test_wordpress_front_page() -> None:
    parsed = parse_html_source(_page("wordpress-front.html"), "https://wartakepri.example/")
    assert parsed.title == "Warta Kepri"
    assert _paths(parsed.entries) == [
        "2024/03/06/banjir-rob-rendam-puluhan-rumah-warga-di-pesisir-bintan/",
        "2024/03/06/kapal-feri-batam-singapura-kembali-beroperasi-normal/",
        "2024/03/05/pelaku-umkm-tanjungpinang-dapat-pelatihan-pemasaran-digital/",
        "2024/03/05/psbk-batam-tekuk-tamu-dari-karimun-dua-gol-tanpa-balas/",
        "2024/03/04/jalan-raja-haji-fisabilillah-ditutup-sementara-untuk-perbaikan/",
        "2024/03/03/wali-kota-resmikan-taman-baca-di-kampung-tua-tanjung-riau/",
        "2024/03/02/harga-tiket-pesawat-batam-jakarta-mulai-turun/",
    ]
    feri = parsed.entries[1]
    assert feri.title == "Kapal Feri Batam–Singapura Kembali Beroperasi Normal"
    assert feri.guid == feri.link
    assert feri.published is not None
    assert feri.published.isoformat() == "2024-03-06T09:15:00+07:00"
    assert feri.summary.startswith("Layanan kapal feri dari Pelabuhan Harbour Bay")
    assert feri.image == "https://wartakepri.example/wp-content/uploads/2024/03/feri.jpg"
    # The ticker in the page header is a headline, but the header's date and logo are not its.
    assert parsed.entries[0].published is None
    assert parsed.entries[0].image == ""


def test_wordpress_postname_permalinks() -> None:
    # The same theme with /%postname%/ addresses: no date, and static pages look the same.
    html = re.sub(r"/2024/03/0\d/", "/", _page("wordpress-front.html"))
    paths = _paths(parse_html_source(html, "https://wartakepri.example/").entries)
    assert paths[:4] == [
        "kapal-feri-batam-singapura-kembali-beroperasi-normal/",
        "pelaku-umkm-tanjungpinang-dapat-pelatihan-pemasaran-digital/",
        "psbk-batam-tekuk-tamu-dari-karimun-dua-gol-tanpa-balas/",
        "jalan-raja-haji-fisabilillah-ditutup-sementara-untuk-perbaikan/",
    ]
    # the "recent posts" list counts as a list of headlines
    assert paths[4:] == [
        "wali-kota-resmikan-taman-baca-di-kampung-tua-tanjung-riau/",
        "harga-tiket-pesawat-batam-jakarta-mulai-turun/",
    ]


def test_portal_with_berita_terkini_sidebar() -> None:
    parsed = parse_html_source(_page("portal-terkini.html"), "http://suarabarelang.example/")
    assert _paths(parsed.entries) == [
        "berita/detail/dprd-batam-setujui-ranperda-penyelenggaraan-perparkiran",
        "berita/detail/pemko-batam-gelar-rapat-koordinasi-penanganan-inflasi-daerah",
        "berita/detail/nelayan-pulau-galang-terima-bantuan-mesin-tempel",
        "berita/detail/polisi-amankan-dua-pelaku-pencurian-kabel-di-batu-aji",
        "berita/detail/sekolah-di-bintan-mulai-terapkan-kurikulum-merdeka",
        # the "Berita Terkini" sidebar: its repeat of a main headline is dropped
        "berita/detail/harga-cabai-merah-di-pasar-tos-3000-turun-drastis",
        "berita/detail/bandara-hang-nadim-layani-rute-baru-ke-medan",
        "berita/detail/warga-sekupang-keluhkan-air-bersih-tak-mengalir-tiga-hari",
    ]
    dates = [e.published.isoformat() if e.published else None for e in parsed.entries]
    assert dates[:5] == [
        "2022-09-20T16:30:05+07:00",
        "2022-09-20T14:12:40+07:00",
        "2022-09-20T10:05:00+07:00",
        "2022-09-19T21:47:13+07:00",
        "2022-09-19T08:30:00+07:00",
    ]
    assert dates[5] == "2022-09-20T00:00:00+07:00"
    assert dates[7] is None
    assert parsed.entries[2].summary.startswith("Bantuan diserahkan langsung")
    assert parsed.entries[2].image.endswith("/asset/foto_berita/small_nelayan.jpg")


ID_PORTAL = """<html><head><title>Kabar Nusantara</title></head><body>
<div class="header"><ul class="main-menu"><li><a href="/nasional">Nasional</a></li>
<li><a href="/ekonomi">Ekonomi</a></li><li><a href="/sepakbola">Sepak Bola Indonesia Raya</a></li>
</ul></div>
<div class="list-berita">
 <article><a href="/nasional/20240306101500-20-1234567/menteri-tinjau-pelabuhan">
  <h2>Menteri Tinjau Pelabuhan Baru</h2></a><span class="waktu">2 jam yang lalu</span></article>
 <article><a href="/ekonomi/d-7211234/rupiah-menguat">Rupiah Menguat di Awal Pekan</a>
  <span class="waktu">06/03/2024 08:15 WIB</span></article>
 <article><a href="/read/88231/gempa">Gempa Cianjur</a></article>
 <article><a href="/read/88232/banjir">Banjir</a></article>
</div>
<div class="box-populer"><h3>Terpopuler</h3>
 <a href="/terpopuler">Lihat Semua Berita Populer</a></div>
<a href="/read/88233/login-page" class="btn-login">Masuk untuk membaca berita lengkap</a>
<a href="https://lain.example/2024/03/06/berita-situs-lain-yang-panjang">
 Berita Situs Lain yang Panjang</a>
</body></html>"""


def test_numeric_id_addresses_and_relative_dates() -> None:
    parsed = parse_html_source(ID_PORTAL, "https://kabar.example/")
    assert _paths(parsed.entries) == [
        "nasional/20240306101500-20-1234567/menteri-tinjau-pelabuhan",
        "ekonomi/d-7211234/rupiah-menguat",
        "read/88231/gempa",  # two words, but on an article address
    ]
    assert parsed.entries[0].title == "Menteri Tinjau Pelabuhan Baru"
    assert isinstance(parsed.entries[0].published, datetime)
    assert parsed.entries[1].published is not None
    assert parsed.entries[1].published.isoformat() == "2024-03-06T08:15:00+07:00"


def test_hostile_text_and_links() -> None:
    html = """<?xml version="1.0" encoding="utf-8"?><html><body><ul>
    <li><a href="/2024/01/02/a-b-c-d">Judul \x1b[31mmerah\x1b[0m [/x] [@click=app.quit] ini</a></li>
    <li><a href="javascript:alert(1)//2024/01/02/x-y-z-w">Skrip Yang Menyamar Jadi Berita</a></li>
    <li><a href="data:text/html,2024/01/02">Data Yang Menyamar Jadi Berita</a></li>
    </ul></body></html>"""
    parsed = parse_html_source(html, "https://situs.example/")
    assert [(e.title, e.link) for e in parsed.entries] == [
        ("Judul merah [/x] [@click=app.quit] ini", "https://situs.example/2024/01/02/a-b-c-d")
    ]
    assert parsed.entries[0].title == clean_line(parsed.entries[0].title)


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><body><p>Situs sedang dalam perbaikan.</p></body></html>",
        _page("portal-terkini.html").split('<div id="headline">')[0] + "</div></body></html>",
    ],
)
def test_no_headlines_is_an_error(html: str) -> None:
    with pytest.raises(FeedParseError):
        parse_html_source(html, "https://situs.example/")


def test_rules_from_config() -> None:
    rules = {"item": "#kiri .box", "title": "a.judul", "date": ".date", "summary": "p"}
    parsed = parse_html_source(_page("portal-terkini.html"), "http://suarabarelang.example/", rules)
    assert [e.title for e in parsed.entries] == [
        "Pemko Batam Gelar Rapat Koordinasi Penanganan Inflasi Daerah",
        "Nelayan Pulau Galang Terima Bantuan Mesin Tempel",
        "Polisi Amankan Dua Pelaku Pencurian Kabel di Batu Aji",
        "Sekolah di Bintan Mulai Terapkan Kurikulum Merdeka",
    ]
    first = parsed.entries[0]
    assert first.link == (
        "http://suarabarelang.example/berita/detail/"
        "pemko-batam-gelar-rapat-koordinasi-penanganan-inflasi-daerah"
    )
    assert first.published is not None
    assert first.published.isoformat() == "2022-09-20T14:12:40+07:00"
    assert first.summary.startswith("Pemerintah Kota Batam menggelar rapat")


def test_rules_without_item_selector() -> None:
    # Rules trust the user: even a two-word tag link is taken when the selector names it.
    parsed = parse_html_source(
        _page("portal-terkini.html"), "http://suarabarelang.example/", {"link": "ul.terkini a"}
    )
    assert len(parsed.entries) == 3
    assert parsed.entries[2].title == "Bandara Hang Nadim Layani Rute Baru ke Medan"


@pytest.mark.parametrize(
    "rules",
    [
        {"item": "div[[["},
        {"item": ".box", "title": "::nope("},
        # Named as the fault even where no item is found for the selector to be tried on.
        {"item": ".nothing-here", "date": "span[[["},
    ],
)
def test_bad_selector_is_a_parse_error(rules: dict[str, str]) -> None:
    with pytest.raises(FeedParseError, match="selector"):
        parse_html_source(_page("portal-terkini.html"), "http://suarabarelang.example/", rules)


def test_rules_matching_nothing_is_an_error() -> None:
    with pytest.raises(FeedParseError, match="matched no headline"):
        parse_html_source(_page("wordpress-front.html"), "https://w.example/", {"item": ".nope"})


def test_same_article_from_two_widgets_is_one_headline() -> None:
    html = """<html><body>
    <div class="terkini"><a href="/berita/81234/banjir-rob-di-bintan?utm_source=terkini#atas">
    Banjir Rob Rendam Pesisir Bintan</a></div>
    <div class="populer">
    <a href="/berita/81234/banjir-rob-di-bintan?utm_source=populer&amp;utm_medium=web">
    Banjir Rob Rendam Pesisir Bintan</a>
    <a href="/berita/81235/rob-susulan?id=7&amp;fbclid=XYZ">
    Rob Susulan Diperkirakan Malam Ini</a></div>
    </body></html>"""
    parsed = parse_html_source(html, "https://situs.example/")
    assert [e.link for e in parsed.entries] == [
        "https://situs.example/berita/81234/banjir-rob-di-bintan",
        "https://situs.example/berita/81235/rob-susulan?id=7",
    ]


CARDS = """<html><head><title>Kabar</title></head><body>
<nav><a href="/">Beranda</a> <a href="/news">News</a></nav>
<div class="grid">
 <a class="card" href="/news/552311/warga-tolak-relokasi"><img data-src="/i/1.jpg">
  <span class="label">Nasional</span><div class="card-judul">Warga Tolak Relokasi Pasar Lama</div>
  <span class="card-time" title="Rabu, 06 Mar 2024 10:00 WIB">2 jam yang lalu</span></a>
 <a class="card" href="/news/552310/gubernur-resmikan-jembatan"><img data-src="/i/2.jpg">
  <span class="label">Daerah</span><h2>Gubernur Resmikan Jembatan Baru</h2>
  <span class="card-time">3 jam yang lalu</span></a>
</div></body></html>"""


def test_card_wide_links_are_titled_by_their_heading_and_dated() -> None:
    first, second = parse_html_source(CARDS, "https://kabar.example/").entries
    # Not "Nasional Warga Tolak ... 2 jam yang lalu": the card's own title.
    assert first.title == "Warga Tolak Relokasi Pasar Lama"
    assert second.title == "Gubernur Resmikan Jembatan Baru"
    assert first.image == "https://kabar.example/i/1.jpg"
    # The exact time in the title attribute wins over "2 jam yang lalu".
    assert first.published is not None
    assert first.published.isoformat() == "2024-03-06T10:00:00+07:00"
    # Only a relative time: still a date, a recent one.
    assert second.published is not None
    assert second.published.year >= 2026 or second.published > first.published


def test_saved_page_served_elsewhere_links_to_its_own_site() -> None:
    # No canonical, no og:url, served from 127.0.0.1: the links name the site.
    items = "".join(
        f'<li><a href="https://www.koran.example/berita/{n}/judul-{n}">Judul Berita Nomor {n}</a>'
        for n in range(10001, 10006)
    )
    html = f"""<html><body><ul class="list">{items}</ul>
    <a href="https://partner.example/2024/03/06/berita-mitra-yang-panjang">Berita Mitra Yang
    Panjang Sekali</a></body></html>"""
    parsed = parse_html_source(html, "http://127.0.0.1:8080/")
    assert [e.link.rsplit("/", 2)[1] for e in parsed.entries] == [
        "10001",
        "10002",
        "10003",
        "10004",
        "10005",
    ]


def test_links_to_another_site_are_not_its_headlines() -> None:
    own = "".join(
        f'<li><a href="/berita/{n}/judul-{n}">Judul Berita Nomor {n}</a></li>'
        for n in range(20001, 20004)
    )
    # A network's widget: more links to the partner than to the site itself.
    partner = "".join(
        f'<li><a href="https://mitra.example/2024/03/0{n}/kabar">Kabar Mitra Hari {n}</a></li>'
        for n in range(1, 9)
    )
    html = f"<html><body><ul>{own}</ul><ul class='mitra'>{partner}</ul></body></html>"
    parsed = parse_html_source(html, "https://koran.example/")
    assert all(e.link.startswith("https://koran.example/") for e in parsed.entries)
    assert len(parsed.entries) == 3


def test_image_only_link_is_titled_by_its_alt_text() -> None:
    html = """<html><body><div class="slider">
    <a href="/2024/03/06/kapal-tenggelam-di-selat-riau"><img src="/a.jpg"
       alt="Kapal Tenggelam di Selat Riau, Lima ABK Selamat"></a></div></body></html>"""
    (entry,) = parse_html_source(html, "https://koran.example/").entries
    assert entry.title == "Kapal Tenggelam di Selat Riau, Lima ABK Selamat"
    assert entry.image == "https://koran.example/a.jpg"


def test_thumbnail_first_heading_titles_it() -> None:
    html = """<html><body><div class="td_block_inner">
    <div class="td-module"><div class="td-image-container">
     <a href="/2024/03/06/rudi-tinjau-proyek-jalan/" class="td-image-wrap"
        title="Rudi Tinjau Proyek..."><span class="entry-thumb"></span></a></div>
     <h3 class="entry-title"><a href="/2024/03/06/rudi-tinjau-proyek-jalan/">Rudi Tinjau Proyek
     Pelebaran Jalan Sudirman</a></h3></div>
    <div class="td-module"><h3 class="entry-title"><a href="/2024/03/06/lain/">Berita Lain
     di Bawahnya</a></h3></div></div></body></html>"""
    parsed = parse_html_source(html, "https://batampos.example/")
    assert [e.title for e in parsed.entries] == [
        "Rudi Tinjau Proyek Pelebaran Jalan Sudirman",
        "Berita Lain di Bawahnya",
    ]


def test_rules_with_only_an_item_selector_take_the_headline_link() -> None:
    # Each <article> starts with a category link: the item's link is its headline's.
    parsed = parse_html_source(
        _page("wordpress-front.html"),
        "https://w.example/",
        {"item": "main article", "date": "time"},
    )
    assert [e.link.split("/", 3)[3] for e in parsed.entries] == [
        "2024/03/06/kapal-feri-batam-singapura-kembali-beroperasi-normal/",
        "2024/03/05/pelaku-umkm-tanjungpinang-dapat-pelatihan-pemasaran-digital/",
        "2024/03/05/psbk-batam-tekuk-tamu-dari-karimun-dua-gol-tanpa-balas/",
        "2024/03/04/jalan-raja-haji-fisabilillah-ditutup-sementara-untuk-perbaikan/",
    ]
    assert parsed.entries[0].title == "Kapal Feri Batam–Singapura Kembali Beroperasi Normal"
    assert parsed.entries[3].published is not None
    assert parsed.entries[3].published.isoformat() == "2024-03-04T11:00:00+07:00"
