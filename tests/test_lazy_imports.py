"""`korantui read FILE` is started once a page (by scripts, by the corpus scorer): it imports the
extraction and nothing of the store, the network stack, the accounts or the UI (issue 11)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PAGE = Path(__file__).parent / "pages" / "extraction" / "generic-english.html"
URL = "https://news.example/2024/05/article"

# Modules the read FILE path must not import: each costs start-up time it never uses.
NOT_FOR_READING = (
    "asyncio",
    "httpx",
    "textual",
    "korantui.core.store",
    "korantui.core.net.fetch",
    "korantui.core.accounts",
    "korantui.ui",
)
# What a config file's checks need besides: its feeds' kinds, its [[query]] parser (sqlite3's
# functions); without a file, neither.
FOR_A_CONFIG_FILE = ("korantui.core.sources", "sqlite3")


_RUN = """
import contextlib, io, json, sys
from korantui.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "article": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def _loaded(name: str, modules: list[str]) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def _read_in_a_process(*argv: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *argv], capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "config", ["", 'language = "id"\n[[feeds]]\nurl = "https://a.example/rss"\n']
)
def test_reading_a_file_loads_no_store_network_or_ui(tmp_path, config):
    argv = ["read", str(PAGE), "--url", URL, "--format", "json"]
    if config:
        (tmp_path / "config.toml").write_text(config, encoding="utf-8")
        argv += ["--config", str(tmp_path / "config.toml")]
    run = _read_in_a_process(*argv)
    assert run["code"] == 0
    article = json.loads(run["article"])
    assert article["url"] == URL and len(article["text"].split()) > 50
    assert "korantui.core.article.extract" in run["modules"]  # the path was taken
    forbidden = NOT_FOR_READING if config else NOT_FOR_READING + FOR_A_CONFIG_FILE
    assert [name for name in forbidden if _loaded(name, run["modules"])] == []


def test_a_config_file_still_brings_its_features_keys(tmp_path):
    """The features' modules name their keys as they are imported, now where a file is read:
    their keys are known (no warning), a typo still is not."""
    config = tmp_path / "config.toml"
    config.write_text(
        "group_stories = false\ngroup_storeis = true\n"
        '[[feeds]]\nurl = "https://news.example/rss"\n'
        '[[account]]\nname = "home"\nkind = "miniflux"\nurl = "https://rss.example"\n'
        'username = "me"\npassword_command = "echo x"\n',
        encoding="utf-8",
    )
    from korantui.core.config import load_config

    cfg = load_config(config, tmp_path / "data")
    assert cfg.group_stories is False
    assert [a.name for a in cfg.accounts] == ["home"]
    assert len(cfg.warnings) == 1 and "group_storeis" in cfg.warnings[0]
