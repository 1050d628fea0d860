"""`korantui read` asked for one page gives its best reading of it, where the app turns the
same page away: a home page of short teasers, a script-built page with no text in its HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from korantui.cli import main
from korantui.core.article.extract import ExtractionError, extract_article

# A studio's home page: a line of its own, then its work as short teasers, each a link.
WORKS = [
    ("Harbour Lights", "Bringing families back to a seaside aquarium in a quiet fishing town."),
    ("Bread and Butter", "A bakery's new packaging, drawn with the bakers over a long winter."),
    ("Open Roads", "Naming and launching a cycling club that rides for a children's charity."),
    ("Salt and Stone", "Labels for a small distillery whose gin now sells along the coast."),
    ("Stay a While", "A campaign inviting graduates to build their careers in their own city."),
]
HOME = (
    "<html><head><title>Tern+Gull Studio</title>"
    "<meta property='og:title' content='Tern+Gull Studio'>"
    "<meta property='og:site_name' content='Tern+Gull'></head><body>"
    "<nav><a href='/'>Home</a> <a href='/work'>Work</a> <a href='/about'>About</a></nav>"
    "<h1>Design that works as hard as your business does.</h1>"
    + "".join(
        f"<div class='case'><h3><a href='/work/{n}'>{name}</a></h3><div>{line}</div>"
        f"<a href='/work/{n}'>Explore the project and what it did</a></div>"
        for n, (name, line) in enumerate(WORKS)
    )
    + "<footer><a href='/contact'>Contact</a></footer></body></html>"
)
# A page its scripts build: the HTML holds the title and nothing to read.
SCRIPTED = (
    "<html><head><title>My favourite puzzles of the year</title>"
    "<meta property='og:title' content='My favourite puzzles of the year'>"
    "<meta property='og:site_name' content='PuzzleBoard'></head>"
    "<body><app-root><header><nav><span class='logo'></span></nav></header>"
    "<main><div class='loader'><div></div><div></div></div></main></app-root>"
    "<script src='/app.js'></script></body></html>"
)


def _read(tmp_path: Path, html: str, url: str, *extra: str) -> tuple[int, str, str]:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    args = ["--config", str(config), "--data-dir", str(tmp_path / "data")]
    code = main([*args, "read", str(path), "--url", url, *extra])
    return code, path.name, url


def test_a_home_page_of_teasers_is_read_with_a_notice(tmp_path, capsys) -> None:
    # The app turns it away (it is no article for a feed's headline) ...
    with pytest.raises(ExtractionError, match="list of headlines"):
        extract_article(HOME, "https://terngull.example/")
    # ... asked for by name, it is read for what it holds.
    code, _, _ = _read(tmp_path, HOME, "https://terngull.example/", "--format", "json")
    captured = capsys.readouterr()
    assert code == 0
    data = json.loads(captured.out)
    assert data["site"] == "Tern+Gull"
    for _, line in WORKS:
        assert line in data["text"]
    assert captured.err.count("\n") == 1
    assert "looks like a list of headlines; read as an article anyway" in captured.err


def test_a_page_with_no_text_gives_its_title_and_says_so(tmp_path, capsys) -> None:
    with pytest.raises(ExtractionError, match="no article text"):
        extract_article(SCRIPTED, "https://puzzles.example/lists/2025-favourites")
    url = "https://puzzles.example/lists/2025-favourites"
    code, _, _ = _read(tmp_path, SCRIPTED, url, "--format", "json", "--explain")
    captured = capsys.readouterr()
    assert code == 0
    data = json.loads(captured.out)
    assert data["title"] == "My favourite puzzles of the year"
    assert data["site"] == "PuzzleBoard"
    assert data["text"] == ""
    assert data["explain"]["notice"] == "no article text found on this page"
    assert "no article text found on this page" in captured.err

    # As text too: the title, the facts line, and nothing made up as the body.
    code, _, _ = _read(tmp_path, SCRIPTED, url)
    assert code == 0
    assert capsys.readouterr().out.splitlines()[0] == "My favourite puzzles of the year"


def test_a_page_whose_only_text_is_a_forum_post_is_read_from_its_paragraphs(tmp_path, capsys):
    """trafilatura's readings leave out boxes marked as comments; on a forum thread's page the
    question is such a box and all there is to read. The baseline reading finds it."""
    post = (
        "Has anyone restored the brass fittings of an old ship's lamp? Mine came from a "
        "harbour auction, and the green patina will not come off with vinegar or salt."
    )
    html = (
        "<html><head><title>Restoring a ship's lamp</title></head><body><h1>Restoring a "
        f"ship's lamp</h1><div id='comments'><div class='comment'><p>{post}</p></div></div>"
        "</body></html>"
    )
    with pytest.raises(ExtractionError, match="no article text"):
        extract_article(html, "https://lamps.example/forum/t/4512")
    code, _, _ = _read(tmp_path, html, "https://lamps.example/forum/t/4512", "--format", "json")
    captured = capsys.readouterr()
    assert code == 0
    assert json.loads(captured.out)["text"] == post
    assert captured.err == ""


def test_a_page_with_neither_title_nor_text_is_still_no_article(tmp_path, capsys) -> None:
    html = "<html><body><div class='loader'></div><script src='/app.js'></script></body></html>"
    code, _, _ = _read(tmp_path, html, "https://puzzles.example/x", "--format", "json")
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert "no article found" in captured.err


def test_an_address_is_read_as_a_saved_page_is(tmp_path, httpserver, capsys) -> None:
    httpserver.expect_request("/").respond_with_data(HOME, content_type="text/html")
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    args = ["--config", str(config), "--data-dir", str(tmp_path / "data")]
    code = main([*args, "read", httpserver.url_for("/"), "--format", "json", "--explain"])
    captured = capsys.readouterr()
    assert code == 0
    data = json.loads(captured.out)
    assert WORKS[0][1] in data["text"]
    # The fetched page's choices are explained as a saved one's are.
    assert data["explain"]["notice"] == "looks like a list of headlines; read as an article anyway"
    assert "title" in data["explain"]
    assert "looks like a list of headlines" in captured.err
