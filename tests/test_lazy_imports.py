"""`korantui read FILE` is started once a page (by scripts, by the corpus scorer): it imports the
extraction and nothing of the store, the network stack, the accounts or the UI (issue 11)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PAGES = Path(__file__).parent / "pages" / "extraction"
PAGE = PAGES / "generic-english.html"
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
    # The shipped site rules' selectors come translated to XPath (site_rules_built.py).
    "cssselect",
    "lxml.cssselect",
    "korantui.core.article.site_rules_build",
    # Each command in its own module: none of the others', nor the store's helpers.
    "korantui.app_command",
    "korantui.headlines_command",
    "korantui.sync_command",
    "korantui.feed_list_command",
    "korantui.account_command",
    "korantui.cli_store",
)
# What a config file's checks need besides: the TOML parser, its feeds' kinds, its [[query]]
# parser (sqlite3's functions); without a file, none of them.
FOR_A_CONFIG_FILE = ("tomllib", "korantui.core.sources", "sqlite3")


_RUN = """
import contextlib, gc, io, json, sys
from korantui.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(sys.argv[1:])
run = {"code": code, "article": out.getvalue(), "modules": sorted(sys.modules)}
print(json.dumps({**run, "frozen": gc.get_freeze_count()}))
"""


def _loaded(name: str, modules: list[str]) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def _read_in_a_process(*argv: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *argv], capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("page", ["generic-english.html", "wordpress-news.html"])
@pytest.mark.parametrize(
    "config", ["", 'language = "id"\n[[feeds]]\nurl = "https://a.example/rss"\n']
)
def test_reading_a_file_loads_no_store_network_or_ui(tmp_path, config, page):
    """Also on a page a shipped rule reads (wordpress-news: the CMS rule's selectors)."""
    argv = ["read", str(PAGES / page), "--url", URL, "--format", "json"]
    if config:
        (tmp_path / "config.toml").write_text(config, encoding="utf-8")
        argv += ["--config", str(tmp_path / "config.toml")]
    run = _read_in_a_process(*argv)
    assert run["code"] == 0
    article = json.loads(run["article"])
    assert article["url"] == URL and len(article["text"].split()) > 50
    assert "korantui.core.article.extract" in run["modules"]  # the path was taken
    assert article["method"].startswith("rule:") == page.startswith("wordpress")
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


# What the app's first frame (its stored headlines) must not wait for: the network stack and
# the fetcher, the refresh, feed parsing, article extraction, an HTTP date's parser; each comes
# when it is used.
NOT_FOR_THE_FIRST_FRAME = (
    "httpx",
    "email.utils",
    "feedparser",
    "trafilatura",
    "korantui.core.net.fetch",
    "korantui.core.refresh",
    "korantui.core.article",
)

_START = """
import asyncio, json, sys
from pathlib import Path
from korantui.core.config import load_config
from korantui.ui.app import KoranApp
from korantui.ui.widgets.headline_list import HeadlineList

at_first_frame = []
render_line = HeadlineList.render_line

def first_frame_probe(self, y):
    if self.rows and not at_first_frame:
        at_first_frame.append(sorted(sys.modules))
    return render_line(self, y)

HeadlineList.render_line = first_frame_probe
cfg = load_config(Path(sys.argv[1]), Path(sys.argv[2]))
if sys.argv[3:] != ["prefetch"]:
    cfg.prefetch = 0

async def main():
    app = KoranApp(cfg, refresh_on_start=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()

asyncio.run(main())
print(json.dumps({"modules": at_first_frame[0] if at_first_frame else None}))
"""


def _modules_at_first_frame(tmp_path: Path, *extra: str) -> list[str]:
    from korantui.core.config import load_config
    from tests.uikit import CONFIG, fill

    config = tmp_path / "config.toml"
    config.write_text(CONFIG, encoding="utf-8")
    fill(load_config(config, tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-c", _START, str(config), str(tmp_path / "data"), *extra],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    modules = json.loads(done.stdout.strip().splitlines()[-1])["modules"]
    assert modules is not None, "no headline was drawn"
    assert "korantui.ui.screens.main" in modules  # the app was on its way
    return modules


def test_the_apps_first_frame_waits_for_no_network_or_extraction(tmp_path):
    modules = _modules_at_first_frame(tmp_path)
    assert [name for name in NOT_FOR_THE_FIRST_FRAME if _loaded(name, modules)] == []


# Neither what the first headlines do not show (the reading pane's pictures, the schedule of
# the automatic refresh, the accounts' queue, the status line, the palette's commands, the
# [[filter]] rules' hash) nor what starts only once they are on screen (the prefetch of the
# articles ahead of the cursor): issue 15's start-up goal.
NOT_FOR_THE_FIRST_HEADLINES = (
    *NOT_FOR_THE_FIRST_FRAME,
    "korantui.ui.prefetching",
    "korantui.core.prefetch",
    "korantui.core.images.fetch",
    "korantui.ui.widgets.image_pane",
    "korantui.ui.widgets.image_feed",
    "korantui.ui.widgets.image_overlay",
    "korantui.core.store.images",
    "korantui.core.schedule",
    "korantui.core.store.account_queue",
    "korantui.ui.status_line",
    "korantui.ui.commands",
    "hashlib",
)


def test_the_first_headlines_wait_for_no_prefetch_pictures_or_schedule(tmp_path):
    """With the prefetch on, as the config leaves it."""
    modules = _modules_at_first_frame(tmp_path, "prefetch")
    assert [name for name in NOT_FOR_THE_FIRST_HEADLINES if _loaded(name, modules)] == []


_EXIT = """
import atexit, gc, sys
# Registered first, so it runs last of the exit handlers: after main()'s own.
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))
from korantui.cli import main
sys.argv = ["korantui", *sys.argv[1:]]
code = main()
print("frozen after main:", gc.get_freeze_count() > 0)
"""


def test_a_korantui_process_skips_the_exit_s_garbage_collection():
    """The `korantui` process sets its objects apart at exit (the final collection would cost
    ~25 ms of a `read FILE` for nothing); main() called inside a longer process does not."""
    done = subprocess.run(
        [sys.executable, "-c", _EXIT, "read", str(PAGE), "--url", URL, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = done.stdout.strip().splitlines()
    assert lines[-2:] == ["frozen after main: False", "frozen at exit: True"]
    assert json.loads("\n".join(lines[:-2]))["url"] == URL
    run = _read_in_a_process("read", str(PAGE), "--url", URL, "--format", "json")
    assert run["code"] == 0 and run["frozen"] == 0
