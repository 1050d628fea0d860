"""Pictures in the article model: figures in reading order with their captions (label removed)
and credits, the lead image under the title, the text the same as without them; Markdown and
`korantui read --format json`."""

from __future__ import annotations

import json
import re

import pytest

from korantui.core.article.extract import extract_article
from korantui.core.article.figures import split_caption
from korantui.core.article.markdown import article_markdown
from tests.images_site import PARAGRAPHS, article_page

URL = "https://berita.example/berita/pantai"
LEAD = "https://berita.example/foto/pantai-lead.jpg"
BODY = [
    ("/foto/satu.jpg", "FOTO: Nelayan menjual ikan bakar (ANTARA/Rina)"),
    ("/foto/dua.jpg", "Keterangan Gambar : Lampu jalan baru. Foto: Dok. Pemkot"),
]


def _page(body: list[tuple[str, str]] = BODY) -> str:
    return article_page("Ribuan Warga Sambut Matahari Terbit", LEAD, body)


def test_figures_sit_in_reading_order_with_caption_and_credit() -> None:
    a = extract_article(_page(), URL)
    kinds = [b.kind for b in a.blocks]
    assert kinds[:5] == ["p", "figure", "p", "figure", "p"]
    one, two = (b.figure for b in a.blocks if b.figure is not None)
    assert one is not None and two is not None
    assert one.url == "https://berita.example/foto/satu.jpg" and one.alt == "gambar 1"
    assert (one.caption, one.credit) == ("Nelayan menjual ikan bakar", "ANTARA/Rina")
    assert (two.caption, two.credit) == ("Lampu jalan baru.", "Dok. Pemkot")


def test_the_lead_image_is_under_the_title_without_its_label() -> None:
    a = extract_article(_page(), URL)
    assert a.image == LEAD
    assert a.caption == "Warga menyaksikan matahari terbit." and a.credit == "ANTARA/Rina"
    assert a.figures[0].url == LEAD
    assert sum(1 for f in a.figures if f.url == LEAD) == 1  # not again in the body


def test_the_text_is_the_same_with_or_without_pictures() -> None:
    with_pictures = extract_article(_page(), URL)
    without = extract_article(_page([]), URL)
    assert with_pictures.text == without.text
    assert with_pictures.text.startswith(PARAGRAPHS[0])
    assert "Keterangan" not in with_pictures.text and "FOTO" not in with_pictures.text


def test_logos_trackers_and_other_stories_thumbnails_are_no_figures() -> None:
    page = _page().replace(
        "</article>",
        '</article><aside><ul><li><a href="/lain"><img src="/foto/lain.jpg">Berita lain</a></li>'
        "</ul></aside>",
    )
    urls = [f.url for f in extract_article(page, URL).figures]
    assert not any("logo" in u or "scorecard" in u or "lain" in u for u in urls)


@pytest.mark.parametrize(
    ("printed", "caption", "credit"),
    [
        (
            "Keterangan Gambar : Rapat bersama, Selasa (20/9/2022). /1st",
            "Rapat bersama, Selasa (20/9/2022).",
            "1st",
        ),
        (
            "FOTO: Suasana pelabuhan (ANTARA/Teguh Prihatna)",
            "Suasana pelabuhan",
            "ANTARA/Teguh Prihatna",
        ),
        ("Foto: Warga antre. ANTARA FOTO/Fulan/foc.", "Warga antre.", "ANTARA FOTO/Fulan/foc"),
        ("Indra Birowo. (Foto: Vania/Okezone)", "Indra Birowo.", "Vania/Okezone"),
        ("Harga cabai naik (20/9/2022)", "Harga cabai naik (20/9/2022)", ""),
        ("Foto: ANTARA/Fulan", "", "ANTARA/Fulan"),
    ],
)
def test_caption_labels_and_credits(printed: str, caption: str, credit: str) -> None:
    assert split_caption(printed) == (caption, credit)


def test_markdown_shows_every_picture_with_its_caption() -> None:
    md = article_markdown(extract_article(_page(), URL))
    assert f"![image]({LEAD})" in md
    assert "*Warga menyaksikan matahari terbit. — ANTARA/Rina*" in md
    figure = "![gambar 1](https://berita.example/foto/satu.jpg)"
    assert f"{figure}\n\n*Nelayan menjual ikan bakar — ANTARA/Rina*" in md
    assert md.index("satu.jpg") < md.index(PARAGRAPHS[1][:30])  # in reading order
    assert "Keterangan Gambar" not in md


def test_read_json_lists_the_images(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from korantui.cli import main

    page = tmp_path / "pantai.html"
    page.write_text(_page(), encoding="utf-8")
    (tmp_path / "config.toml").write_text("", encoding="utf-8")
    argv = ["--config", str(tmp_path / "config.toml"), "read", str(page), "--url", URL]
    code = main([*argv, "--format", "json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["images"][0] == {
        "url": LEAD,
        "caption": "Warga menyaksikan matahari terbit.",
        "credit": "ANTARA/Rina",
        "alt": "",
    }
    assert [i["url"].rsplit("/", 1)[-1] for i in out["images"][1:]] == ["satu.jpg", "dua.jpg"]
    assert out["caption"] == "Warga menyaksikan matahari terbit."
    assert re.search(r"!\[gambar 2\]\(https://berita.example/foto/dua.jpg\)", out["markdown"])


def test_the_seed_page_has_its_photo_and_caption_without_label(shared_dir) -> None:  # type: ignore[no-untyped-def]
    page = (shared_dir / "seed" / "koranbatam-article.html").read_bytes()
    a = extract_article(page, "https://koranbatam.com/berita/detail/pemkab-anambas")
    assert a.image.endswith("/foto_berita/rapat-kampung-kb-anambas.jpg")
    assert a.caption.startswith("Rapat bersama di ruang media center")
    assert not a.caption.startswith("Keterangan")
