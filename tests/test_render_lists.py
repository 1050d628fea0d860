"""The reading pane's lists and links block (issue 16): a list ends with a blank line as a
paragraph does, an item's continuation lines align under its text, and a link's number stays
beside its address, which folds only where it is wider than the pane."""

from __future__ import annotations

from rich.console import Console

from korantui.core.models import Article, Block, Link
from korantui.core.render import render_article

LONG = (
    "https://www.contoh-berita.example/kategori/nasional/2026/11/27/"
    "judul-berita-yang-sangat-panjang-sekali"
)


def _lines(article: Article, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None)
    console.print(render_article(article).renderable)
    return [line.rstrip() for line in console.export_text().splitlines()]


ARTICLE = Article(
    url="https://x.example/",
    title="Judul",
    blocks=[
        Block("oli", "Pertama sebuah butir panjang yang harus membungkus ke baris berikutnya"),
        Block("oli", "Kedua"),
        Block("p", "Paragraf sesudah daftar.", [Link(0, 8, "https://x.example/a")]),
        Block("li", "Butir bertitik yang juga cukup panjang untuk dibungkus ke baris kedua"),
        Block("p", "Akhir.", [Link(0, 5, LONG)]),
    ],
)


def test_a_list_ends_with_a_blank_line_and_continuations_align() -> None:
    lines = _lines(ARTICLE, 40)
    second = lines.index("  2. Kedua")
    assert lines[second + 1] == "" and lines[second + 2].startswith("Paragraf")
    first = next(i for i, line in enumerate(lines) if line.startswith("  1. Pertama"))
    assert lines[first + 1].startswith("     ") and lines[first + 1][5] != " "
    bullet = next(i for i, line in enumerate(lines) if line.startswith("  • Butir"))
    assert lines[bullet + 1].startswith("    ") and lines[bullet + 1][4] != " "
    assert lines[bullet + 3] == "" or lines[bullet + 2] == ""  # blank before "Akhir."


def test_a_link_number_stays_beside_its_address() -> None:
    lines = _lines(ARTICLE, 40)
    start = lines.index("Links")
    assert lines[start + 1] == "[1] https://x.example/a"  # short: one line, unbroken
    assert lines[start + 2].startswith("[2] https://www.contoh-berita.example/")
    folded = "".join(line.strip() for line in lines[start + 2 :]).removeprefix("[2] ")
    assert folded == LONG
    assert all(line.startswith("    ") for line in lines[start + 3 :] if line)
