"""Issue 16, the command line and config side of a new reader's first hour."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from korantui.cli import main
from korantui.core.config import default_config_path
from korantui.core.demo import is_demo_url

ROOT = Path(__file__).resolve().parents[1]


def test_a_real_looking_home_with_a_config_does_not_leak_into_the_suite(tmp_path):
    # Someone who uses korantui has a config with feeds of their own; the test of the built-in
    # outlets must still pass on their machine, with no XDG variable set.
    home = tmp_path / "someone"
    config = home / ".config" / "korantui" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[[feeds]]\nurl = "https://mine.example/feed"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(home)
    test = "tests/test_config.py::test_no_file_means_built_in_outlets"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    assert "1 passed" in done.stdout


def _cli(tmp_path: Path, *argv: str) -> int:
    return main(["--data-dir", str(tmp_path / "data"), *argv])


@pytest.mark.parametrize(
    "argv",
    [["--demo", "headlines", "--format", "json"], ["headlines", "--demo", "--format", "json"]],
)
def test_demo_headlines_are_the_demo_edition_s(tmp_path, capsys, argv):
    assert _cli(tmp_path, *argv) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(is_demo_url(r["link"]) for r in rows)
    # The user's own store is left alone.
    assert not (tmp_path / "data" / "korantui.db").exists()


def test_demo_with_a_command_that_fetches_or_writes_is_refused(tmp_path, capsys):
    assert _cli(tmp_path, "--demo", "refresh") == 2
    assert "--demo goes with" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv", [["headlines", "--limit", "-5"], ["headlines", "-n", "0"], ["search", "x", "-n", "-1"]]
)
def test_a_limit_below_one_is_a_usage_error(tmp_path, capsys, argv):
    with pytest.raises(SystemExit) as stop:
        _cli(tmp_path, *argv)
    assert stop.value.code == 2
    assert "is not a count" in capsys.readouterr().err


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_search_is_a_usage_error(tmp_path, capsys, query):
    assert _cli(tmp_path, "search", query) == 2
    assert "give the words" in capsys.readouterr().err


def test_sync_counts_one_failed_feed_once(tmp_path, httpserver, capsys):
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/nope.xml").respond_with_data("", status=404)
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[[feeds]]\nurl = "{base}/nope.xml"\n', encoding="utf-8")
    assert _cli(tmp_path, "--config", str(cfg), "sync") == 1
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == "Sync done: 1 feed (1 failed), 0 new headlines, 0 articles stored (0 failed)"


def test_import_opml_into_a_new_config_has_single_blank_lines(tmp_path, capsys):
    opml = tmp_path / "in.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/feed"/>'
        '<outline text="B" xmlUrl="https://b.example/feed"/></body></opml>',
        encoding="utf-8",
    )
    assert _cli(tmp_path, "import-opml", str(opml)) == 0
    written = default_config_path().read_text(encoding="utf-8")  # the sandbox's
    assert 'url = "https://b.example/feed"' in written
    assert "\n\n\n" not in written


def test_the_app_with_a_data_dir_that_is_a_file_is_one_line(tmp_path, capsys):
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    for where in (afile, afile / "under"):
        assert main(["--data-dir", str(where)]) == 2
        err = capsys.readouterr().err
        assert (
            err
            == f"korantui: {where}: not a directory (--data-dir must name a folder, or a new one)\n"
        )


def test_the_app_without_a_terminal_says_so_and_exits_2(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "korantui", "--data-dir", str(tmp_path / "data")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout == b""  # no escape codes
    assert b"needs a terminal" in done.stderr
    assert b"\x1b" not in done.stderr
