"""Issue 6, input: bad arguments, bad files, unreachable addresses and an unopenable store give one
clear line and the right exit status, never a traceback; the app ends in one line too.
(Config-file errors are tests/test_cli.py's.)
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from korantui.core.config import load_config
from korantui.ui.app import KoranApp
from korantui.ui.textual_compat import exit_lines


def _korantui(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "korantui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )


def _config(tmp_path: Path, body: str = "") -> list[str]:
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return ["--config", str(path), "--data-dir", str(tmp_path / "data")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--bogus"], "korantui: error: unrecognized arguments: --bogus"),
        (["read"], "the following arguments are required: URL_OR_FILE"),
        (["read", "x.html", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["nosuchcommand"], "invalid choice: 'nosuchcommand'"),
    ],
)
def test_bad_arguments_exit_2_without_a_traceback(args: list[str], error: str):
    out = _korantui(*args)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert error in out.stderr.strip().splitlines()[-1]  # the last line says what is wrong


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("picture.html", b"\x89PNG\r\n\x1a\n" + bytes(2000), "not an HTML file"),
        ("empty.html", b"", "not an HTML file"),
        ("notes.txt", b"Catatan biasa tanpa tanda apa pun.\n" * 50, "not an HTML file"),
    ],
)
def test_a_file_that_is_not_html_is_one_line(tmp_path: Path, name: str, data: bytes, message: str):
    target = tmp_path / name
    target.write_bytes(data)
    out = _korantui(*_config(tmp_path), "read", str(target))
    assert out.returncode == 2
    assert out.stderr == f"korantui: {target}: {message}\n"


def test_a_directory_is_not_a_file_to_read(tmp_path: Path):
    out = _korantui(*_config(tmp_path), "read", str(tmp_path))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:{port}/berita/x",
        "ftp://127.0.0.1/berita/x",
        "javascript:alert(1)",
    ],
)
def test_unreachable_or_unusable_address_is_one_line(tmp_path: Path, address: str):
    address = address.format(port=_free_port())
    out = _korantui(*_config(tmp_path), "read", address)
    assert out.returncode in (1, 2)
    assert out.stderr.startswith("korantui: ") and out.stderr.count("\n") == 1
    assert "Traceback" not in out.stderr


def test_missing_config_file_is_a_usage_error(tmp_path: Path):
    out = _korantui("--config", str(tmp_path / "nope.toml"), "refresh")
    assert out.returncode == 2
    assert out.stderr == f"korantui: {tmp_path / 'nope.toml'}: no such config file\n"


def test_a_store_that_cannot_be_opened_is_one_line_from_the_command_line(tmp_path: Path):
    (tmp_path / "data" / "korantui.db").mkdir(parents=True)
    out = _korantui(*_config(tmp_path, '[[feeds]]\nurl = "http://127.0.0.1:9/x.xml"\n'), "refresh")
    assert out.returncode in (1, 2)
    assert "Traceback" not in out.stderr
    assert out.stderr.count("\n") == 1 and "korantui.db" in out.stderr


async def test_the_app_ends_in_one_line_when_its_store_cannot_be_opened(tmp_path: Path):
    (tmp_path / "data" / "korantui.db").mkdir(parents=True)
    path = tmp_path / "config.toml"
    path.write_text('[[feeds]]\nurl = "http://127.0.0.1:9/x.xml"\n', encoding="utf-8")
    cfg = load_config(path, tmp_path / "data")
    app = KoranApp(cfg, refresh_on_start=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    lines = exit_lines(app)
    assert all("Traceback" not in line and line.count("\n") == 0 for line in lines)
    log = (tmp_path / "data" / "korantui.log").read_text(encoding="utf-8")
    assert "StoreError" in log and "cannot open the store" in log
