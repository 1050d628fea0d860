"""Each Indonesian cleanup step on its own, then all of them together."""

from __future__ import annotations

from korantui.core.article.cleanup import (
    clean_blocks,
    closing_byline,
    drop_ads,
    drop_channel_prompts,
    drop_copyright,
    drop_glyph_junk,
    drop_related,
    drop_share_and_tags,
    drop_stray_metadata,
    join_dateline,
    take_author_lines,
    take_caption,
)
from korantui.core.models import Block, Link

BODY = "Pemerintah kota menggelar rapat koordinasi dengan seluruh camat pada Senin pagi."


def p(text: str, kind: str = "p", links: list[Link] | None = None) -> Block:
    return Block(kind, text, links or [])


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks]


def test_related_blocks_in_their_usual_spellings() -> None:
    for line in (
        "Baca juga: Harga Beras Turun",
        "Baca Juga : Harga Beras Turun",
        "BACA JUGA: Harga Beras Turun",
        "Simak juga: Video Banjir",
        "Lihat juga: Foto Banjir",
        "Berita terkait: Banjir di Batam",
        "Read also: Park reopens",
    ):
        assert texts(drop_related([p(BODY), p(line), p(BODY + "!")])) == [BODY, BODY + "!"], line


def test_related_heading_takes_its_list() -> None:
    url = "https://x.test/a"
    blocks = [
        p(BODY),
        p("Berita Terkait", "h"),
        p("Harga Telur Stabil", "li", [Link(0, 18, url)]),
        p("Nelayan Libur", "li", [Link(0, 13, url)]),
        p("Paragraf setelahnya tetap ada di sini."),
    ]
    assert texts(drop_related(blocks)) == [BODY, "Paragraf setelahnya tetap ada di sini."]


def test_related_word_inside_a_sentence_stays() -> None:
    line = "Warga diminta membaca juga aturan baru yang diterbitkan pemerintah."
    assert texts(drop_related([p(line)])) == [line]


def test_channel_prompts() -> None:
    blocks = [
        p(BODY),
        p("Ikuti berita terkini Warta Pesisir di Google News, klik di sini."),
        p("Gabung saluran WhatsApp Warta Pesisir untuk update berita setiap hari."),
        p("Dapatkan update berita pilihan setiap hari. Mari bergabung di Grup Telegram kami."),
    ]
    assert texts(drop_channel_prompts(blocks)) == [BODY]


def test_a_long_paragraph_about_whatsapp_stays() -> None:
    line = (
        "Polisi menyebut pelaku menipu korban melalui grup WhatsApp dengan mengaku sebagai "
        "petugas bank, lalu meminta kode verifikasi yang dikirim ke ponsel korban. "
    ) * 3
    assert len(drop_channel_prompts([p(line)])) == 1


def test_ads() -> None:
    blocks = [p("ADVERTISEMENT"), p(BODY), p("SCROLL TO CONTINUE WITH CONTENT"), p("Iklan")]
    assert texts(drop_ads(blocks)) == [BODY]


def test_share_tags_and_copyright() -> None:
    blocks = [p(BODY), p("Tag: anambas stunting"), p("Bagikan: Facebook Twitter")]
    assert texts(drop_share_and_tags(blocks)) == [BODY]
    assert texts(drop_copyright([p(BODY), p("COPYRIGHT © ANTARA 2015")])) == [BODY]


def test_trailing_glyph_junk() -> None:
    blocks = [p(BODY), p("(Tony /Jhon)"), p("▴-▴"), p("▴-▴")]
    assert texts(drop_glyph_junk(blocks)) == [BODY, "(Tony /Jhon)"]
    assert texts(drop_glyph_junk([p(BODY + " ▴-▴")])) == [BODY]


def test_stray_metadata_but_not_the_closing_code() -> None:
    blocks = [p("Kamis, 05/11/2015 09:25 WIB", "li"), p("01", "li"), p(BODY), p("(*)")]
    assert texts(drop_stray_metadata(blocks)) == [BODY, "(*)"]


def test_dateline_joins_the_first_paragraph() -> None:
    for dateline in ("Jakarta -", "JAKARTA, KOMPAS.com -", "Batam (ANTARA) -", "KORANBATAM.COM -"):
        got = join_dateline([p(dateline), p(BODY)])
        assert texts(got) == [f"{dateline} {BODY}"]


def test_dateline_already_in_place_is_kept() -> None:
    first = "KORANBATAM.COM - " + BODY
    assert texts(join_dateline([p(first), p(BODY)])) == [first, BODY]


def test_dateline_join_shifts_links() -> None:
    got = join_dateline([p("Jakarta -"), p("Lihat situs resmi.", links=[Link(6, 11, "https://a")])])
    assert got[0].text[got[0].links[0].start : got[0].links[0].end] == "situs"


def test_caption_line_becomes_caption() -> None:
    line = "Keterangan Gambar : Rapat bersama di ruang media center."
    blocks, caption = take_caption([p(line), p(BODY)])
    assert caption == line and texts(blocks) == [BODY]


def test_author_lines() -> None:
    blocks, author = take_author_lines(
        [p(BODY), p("Editor: Andi Baso"), p("Reporter: Rina Maharani")]
    )
    assert author == "Rina Maharani" and texts(blocks) == [BODY]
    blocks, author = take_author_lines([p(BODY), p("Penulis: Dewi | Editor: Andi")])
    assert author == "Dewi" and texts(blocks) == [BODY]


def test_author_word_in_text_is_not_a_byline() -> None:
    line = "Editor: kata ini muncul di awal kalimat yang panjang sekali " * 4
    blocks, author = take_author_lines([p(line)])
    assert author == "" and len(blocks) == 1


def test_closing_byline_stays_last_and_is_returned() -> None:
    for code, name in (("(Tony /Jhon)", "Tony /Jhon"), ("(ant)", "ant"), ("(*)", "*")):
        blocks, byline = closing_byline([p(BODY), p(code)])
        assert texts(blocks)[-1] == code and byline == name
    blocks, byline = closing_byline([p(BODY + " (rfs/jbr)")])
    assert byline == "rfs/jbr"


def test_bracket_in_mid_text_is_no_byline() -> None:
    _, byline = closing_byline([p("(Tony)"), p(BODY), p(BODY), p(BODY), p(BODY)])
    assert byline == ""


def test_clean_blocks_all_together() -> None:
    got = clean_blocks(
        [
            p("Keterangan Gambar : Rapat."),
            p("Jakarta -"),
            p(BODY),
            p("Baca juga: Lain"),
            p("ADVERTISEMENT"),
            p(BODY + " Lagi."),
            p("Ikuti berita kami di Google News"),
            p("(Tony /Jhon)"),
            p("▴-▴"),
        ]
    )
    assert texts(got.blocks) == [f"Jakarta - {BODY}", BODY + " Lagi.", "(Tony /Jhon)"]
    assert got.caption == "Keterangan Gambar : Rapat."
    assert got.author == "Tony /Jhon"


def test_byline_without_a_name_is_no_author() -> None:
    assert clean_blocks([p(BODY), p("(*)")]).author == ""


def test_author_line_beats_byline() -> None:
    got = clean_blocks([p(BODY), p("Penulis: Rina"), p("(ant)")])
    assert got.author == "Rina" and texts(got.blocks) == [BODY, "(ant)"]


def test_short_news_sentence_naming_a_platform_stays() -> None:
    for line in (
        "Presiden, yang bergabung dengan Twitter pada 2009, menulis pesan itu pada Senin.",
        "The minister, who joined Facebook in 2010, deleted the post on Monday.",
        "Google News kini menampilkan lebih sedikit berita lokal, menurut riset itu.",
    ):
        assert texts(drop_channel_prompts([p(line)])) == [line], line


def test_parenthesis_closing_a_sentence_is_no_byline_unless_it_ends_the_text() -> None:
    _, byline = closing_byline([p(BODY), p("He was seen in the square (pictured).")])
    assert byline == ""
    _, byline = closing_byline([p(BODY), p("Warga menyambut baik, tandasnya. (FHM)")])
    assert byline == "FHM"


def test_a_closing_code_in_lower_case_is_no_author() -> None:
    """ "(red)" is the desk and "(fyk/ash)" initials: kept in the text, never shown as "by red";
    a byline with names ("(Tony /Jhon)") is the author."""
    for code, author in (("(red)", ""), ("(fyk/ash)", ""), ("(Tony /Jhon)", "Tony /Jhon")):
        assert clean_blocks([p(BODY), p(code)]).author == author
