"""The headless commands: refresh, read, and what a bad config or argument does."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from korantui import __version__
from korantui.cli import main
from tests.newssite import STORIES


def _config(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return ["--config", str(path), "--data-dir", str(tmp_path / "data")]


def test_version_and_module_entry_point():
    out = subprocess.run(
        [sys.executable, "-m", "korantui", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"korantui {__version__}"


def test_refresh_prints_a_line_per_feed(tmp_path, news_site, capsys):
    args = _config(
        tmp_path,
        f'[[feeds]]\nurl = "{news_site}/feed.xml"\nname = "Koran Uji"\n'
        f'[[feeds]]\nurl = "{news_site}/nope.xml"\nname = "Hilang"\n',
    )
    assert main([*args, "refresh"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"Koran Uji: {len(STORIES)} new of {len(STORIES)} headlines" in lines
    assert "Hilang: error: HTTP 404 (not found)" in lines
    assert main([*args, "refresh"]) == 0
    assert f"Koran Uji: 0 new of {len(STORIES)} headlines" in capsys.readouterr().out


def test_refresh_exits_1_when_every_feed_failed(tmp_path, news_site, capsys):
    args = _config(tmp_path, f'[[feeds]]\nurl = "{news_site}/nope.xml"\n')
    assert main([*args, "refresh"]) == 1
    assert "error: HTTP 404" in capsys.readouterr().out


def test_config_error_is_one_line_with_file_and_line(tmp_path, capsys):
    args = _config(tmp_path, '[[feeds]]\nurl = "https://a.example/feed"\nname = 3\n')
    assert main([*args, "refresh"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "config.toml:line 3:" in err and "'name'" in err  # name's line, not [[feeds]]

    args = _config(tmp_path, '[[feeds]]\nurl = "https://a.example/feed"\nname = "x\n')
    assert main([*args, "refresh"]) == 2
    err = capsys.readouterr().err.strip()
    assert "config.toml:line 3:" in err and "Traceback" not in err


def test_config_error_from_the_command_line_has_no_traceback(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[[feeds]]\nurl = "javascript:alert(1)"\n', encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "korantui", "--config", str(path), "refresh"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert out.stderr.startswith(f"korantui: {path}:line 2: ")
    assert "Traceback" not in out.stderr


def test_read_the_seed_page(shared_dir, tmp_path, capsys):
    seed = shared_dir / "seed" / "koranbatam-article.html"
    args = _config(tmp_path, "")
    assert main([*args, "read", str(seed)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Pemkab Anambas Perkuat Optimalisasi Kampung Keluarga Berkualitas"
    assert "KORANBATAM.COM - Pemerintah Kabupaten (Pemkab) Kepulauan Anambas" in out
    # The "Berita Terkini" sidebar is not part of the article.
    assert "Imigrasi Batam Deportasi 186 WNA" not in out
    assert "58 Sekolah SMP se-Batam" not in out


def test_read_json_from_a_local_server(tmp_path, news_site, capsys):
    story = STORIES[0]
    args = _config(tmp_path, "")
    assert main([*args, "read", f"{news_site}/berita/{story.slug}", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in (
        "url",
        "title",
        "author",
        "published",
        "site",
        "image",
        "caption",
        "text",
        "markdown",
    ):
        assert key in data
    assert data["title"] == story.title
    assert data["text"].split("\n\n")[0] == story.paragraphs[0]
    assert data["published"].startswith("2022-09-20T09:30:00+07:00") or data[
        "published"
    ].startswith("2022-09-20")


@pytest.mark.parametrize(
    ("target", "message"),
    [("/nonexistent/page.html", "no such file"), ("__NOT_HTML__", "not an HTML file")],
)
def test_read_bad_input_is_a_usage_error(tmp_path, capsys, target, message):
    if target == "__NOT_HTML__":
        path = tmp_path / "data.bin"
        path.write_bytes(b"\x00\x01 just some bytes, no markup at all")
        target = str(path)
    assert main([*_config(tmp_path, ""), "read", target]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_read_unreachable_address(tmp_path, capsys):
    # Port 9 on loopback: nothing listens there, the connection is refused at once.
    assert main([*_config(tmp_path, ""), "read", "http://127.0.0.1:9/berita/x"]) == 1
    assert "cannot connect" in capsys.readouterr().err


def test_config_and_data_dir_also_follow_the_command(tmp_path, news_site, capsys):
    config, _, data = _config(tmp_path, f'[[feeds]]\nurl = "{news_site}/feed.xml"\n')[1:4]
    assert main(["refresh", "--config", config, "--data-dir", data]) == 0
    assert f"{len(STORIES)} new" in capsys.readouterr().out
    assert (tmp_path / "data" / "korantui.db").exists()


def test_read_writes_the_date_in_the_interface_language(tmp_path, news_site, capsys):
    story = STORIES[0]
    args = _config(tmp_path, 'language = "id"\n')
    assert main([*args, "read", f"{news_site}/berita/{story.slug}"]) == 0
    facts = capsys.readouterr().out.splitlines()[1]
    assert "Sep 2022" in facts and facts.split(" · ")[1].split(",")[0] in (
        "Senin",
        "Selasa",
        "Rabu",
        "Kamis",
        "Jumat",
        "Sabtu",
        "Minggu",
    ), facts


def test_a_reader_that_stops_reading_gets_no_traceback(shared_dir, tmp_path, monkeypatch, capsys):
    """`korantui read page.html | head -1`: the pipe closes, korantui ends quietly."""

    class ClosedPipe:
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    seed = shared_dir / "seed" / "koranbatam-article.html"
    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert main([*_config(tmp_path, ""), "read", str(seed)]) == 1
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--demo"],
        ["--config", "k.toml"],
        ["--config=k.toml", "--data-dir", "d", "--demo"],
        ["--data-dir=d"],
    ],
)
def test_the_app_s_own_options_read_the_same_without_the_commands(argv: list[str]) -> None:
    from korantui.cli import _opens_the_app, build_parser

    assert _opens_the_app(argv)
    assert vars(build_parser(commands=False).parse_args(argv)) == vars(
        build_parser().parse_args(argv)
    )


@pytest.mark.parametrize(
    "argv", [["refresh"], ["--config", "k.toml", "feeds"], ["--help"], ["refesh"], ["--config"]]
)
def test_anything_else_gets_the_whole_command_line(argv: list[str]) -> None:
    from korantui.cli import _opens_the_app

    assert not _opens_the_app(argv)


def test_the_app_turns_the_collector_back_on_after_its_first_frame(tmp_path: Path) -> None:
    """`korantui` starts with the garbage collector off (it only slows the first frame); a
    long reading session must not go on without it."""
    import gc

    from korantui.core.config import Config
    from korantui.ui.app import KoranApp

    async def run() -> bool:
        cfg = Config(feeds=[], path=tmp_path / "none.toml", data_dir=tmp_path / "data")
        app = KoranApp(cfg, demo=True)
        async with app.run_test() as pilot:
            await pilot.pause()
            return gc.isenabled()

    gc.disable()
    try:
        assert asyncio.run(run())
    finally:
        gc.enable()
        gc.unfreeze()


@pytest.mark.parametrize(
    "argv",
    [
        ["read", "page.html", "--url", "https://a.example/x", "--format", "json"],
        ["--config", "k.toml", "read", "https://a.example/x", "--explain"],
        ["headlines", "-n", "5", "--format", "json", "--data-dir=d"],
        ["account", "test", "home"],
        ["sync", "--notify"],
        ["refresh"],
    ],
)
def test_one_command_s_parser_reads_its_line_as_the_whole_parser_does(argv: list[str]) -> None:
    """main() builds only the named command's parser (`read FILE` starts once a page)."""
    from korantui.cli import _parser_for, build_parser

    assert vars(_parser_for(argv).parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["read", "--help"],
        ["read"],
        ["read", "f.html", "--format", "xml"],
        ["read", "f.html", "--bogus"],
        ["headlines", "-n", "0"],
        ["account", "check", "home"],
    ],
)
def test_one_command_s_parser_says_the_same_help_and_errors(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from korantui.cli import _parser_for, build_parser

    said = []
    for parser in (_parser_for(argv), build_parser()):
        with pytest.raises(SystemExit) as stop:
            parser.parse_args(argv)
        said.append((stop.value.code, *capsys.readouterr()))
    assert said[0] == said[1]
    assert said[0][1 if argv[-1] == "--help" else 2].startswith("usage: korantui")
