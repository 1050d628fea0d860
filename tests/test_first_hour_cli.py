"""Issue 16, the command line and config side of a new reader's first hour."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
