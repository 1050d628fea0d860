"""Issue 16, the command line and config side of a new reader's first hour."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from korantui.cli import main
from korantui.core.config import ConfigError, default_config_path
from korantui.core.config_lines import line_of
from korantui.core.config_names import KNOWN_KEYS, THEMES
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


# -- config typos and line numbers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        ("unknown_key = 1\n", 1, "unknown key 'unknown_key'"),
        ('language = "en"\nthem = "nord"\n', 2, "unknown key 'them' (did you mean 'theme'?)"),
        ('\ntheme = "nosuch"\n', 2, "no theme 'nosuch'; the default is used"),
        ('theme = "nrod"\n', 1, "no theme 'nrod' (did you mean 'nord'?)"),
        (
            '[[site_rule]]\nname = "a"\n\n[[site_rule]]\nname = "b"\ndomains = "a.com"\n',
            6,
            "[[site_rule]] #2: domains is a list: write domains = ['a.com']",
        ),
        (
            '[[site_rule]]\nname = "a"\ndomain = ["a.com"]\n',
            3,
            "unknown key 'domain' in [[site_rule]] #1 (did you mean 'domains'?)",
        ),
    ],
)
def test_config_typos_warn_with_file_line_and_the_closest_name(
    write_config, tmp_path, text, line, what
):
    cfg = write_config(text)
    assert len(cfg.warnings) == 1
    assert cfg.warnings[0].startswith(f"{tmp_path / 'config.toml'}:line {line}: {what}")


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        ("[[feeds]]\nurl = 5\n", 2, "'url' of [[feeds]] #1 must be a string"),
        ('[[feeds]]\nurl = "https://a.example/"\n[[feeds]]\nname = "b"\nurl = 5\n', 5, "#2"),
        ("[keys]\nrefresh = 5\n", 2, "[keys] must map action names"),
        ('[keys]\nstar = "s"\nrefresh = 5\n', 3, "[keys] must map action names"),
        ("max_bytes = 5\n[network]\nmax_bytes = 0\n", 3, "'max_bytes' must be a whole number"),
        ("max_bytes = 5\n[network]\nmax_bytes = 0.5\n", 3, "'max_bytes' must be a whole number"),
        ('[network]\nuser_agnt = "x"\n', 2, "unknown key 'user_agnt' in [network] (did you mean"),
        (
            '[[feeds]]\nurl = "https://a.example/"\ncatgory = "x"\n',
            3,
            "unknown key 'catgory' in [[feeds]] #1 (did you mean 'category'?)",
        ),
    ],
)
def test_config_errors_point_at_the_line_of_the_key_in_its_table(
    write_config, tmp_path, text, line, what
):
    with pytest.raises(ConfigError) as err:
        write_config(text)
    assert str(err.value).startswith(f"{tmp_path / 'config.toml'}:line {line}: ")
    assert what in str(err.value)


def test_line_of_follows_tables_arrays_and_multi_line_strings():
    text = (
        'max_bytes = 1\nnote = """\n[network]\nmax_bytes = 2\n"""\n'
        "[[feeds]]\nurl = 1\n[[feeds]]\nurl = 2\n[network]\nmax_bytes = 3\n"
        '[keys]\n"star key" = "s"\n'
    )
    assert line_of(text, "max_bytes") == 1
    assert line_of(text, "network", "max_bytes") == 11
    assert line_of(text, "feeds", 1, "url") == 9
    assert line_of(text, "feeds", 1, "name") == 8  # not there: its table
    assert line_of(text, "keys", "star key") == 13
    assert line_of(text, "nothing") == 1


def test_the_settings_of_every_feature_do_not_warn(write_config):
    cfg = write_config(
        'images = "auto"\nrefresh_minutes = 15\ngroup_stories = false\n'
        '[[feeds]]\nurl = "https://a.example/"\nrefresh_minutes = 30\nfull_text = true\n'
        'user_agent = "x"\nimages = false\nretention_days = 7\nprefetch = 0\n'
        '[[account]]\nkind = "miniflux"\nurl = "https://rss.example/"\n'
        'api_key_env = "KORANTUI_NO_SUCH_KEY"\n'
        '[[filter]]\nmatch = "sepak bola"\n[[query]]\nname = "q"\nsearch = "banjir"\n'
    )
    assert cfg.warnings == []
    assert cfg.feeds[0].url == "https://a.example/"


def test_a_module_knows_its_own_keys_with_one_line(write_config, monkeypatch):
    with pytest.raises(ConfigError, match="unknown key 'colour'"):
        write_config('[[feeds]]\nurl = "https://a.example/"\ncolour = "red"\n')
    monkeypatch.setitem(KNOWN_KEYS, "feeds", KNOWN_KEYS["feeds"] | {"colour"})
    assert write_config('[[feeds]]\nurl = "https://a.example/"\ncolour = "red"\n').warnings == []


def test_the_config_s_names_are_the_app_s_and_the_site_rules():
    from textual.app import App

    from korantui.core.article.site_rules import SiteRule

    assert set(App().available_themes) == THEMES
    assert {f.name for f in fields(SiteRule)} - {"shipped"} == KNOWN_KEYS["site_rule"]


def test_commands_print_the_warnings_and_go_on(tmp_path, capsys):
    cfg = tmp_path / "config.toml"
    cfg.write_text('language = "en"\n\nthme = "nord"\n[[feeds]]\nurl = "https://a.example/"\n')
    assert _cli(tmp_path, "--config", str(cfg), "feeds") == 0
    err = capsys.readouterr().err
    assert err == f"korantui: warning: {cfg}:line 3: unknown key 'thme' (did you mean 'theme'?)\n"


async def test_the_app_shows_the_warnings(write_config):
    from korantui.ui.app import KoranApp
    from korantui.ui.textual_compat import notification_messages

    cfg = write_config('theme = "nosuch"\n[[feeds]]\nurl = "https://a.invalid/"\n')
    app = KoranApp(cfg, refresh_on_start=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        notes = notification_messages(app)
    assert any(n.endswith("line 1: no theme 'nosuch'; the default is used") for n in notes)


# -- the package -------------------------------------------------------------------------------


def _project() -> dict:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_package_says_what_a_package_on_pypi_says():
    project = _project()["project"]
    assert set(project["urls"]) >= {"Homepage", "Source", "Issues"}
    assert project["authors"] and project["authors"][0]["name"]
    assert {"news", "rss", "terminal"} <= set(project["keywords"])
    assert project["license"] == "MIT"  # an SPDX expression: the table form warns on build
    classifiers = project["classifiers"]
    assert "Environment :: Console" in classifiers
    # Every Python from requires-python's floor to the newest tested is named.
    assert project["requires-python"] == ">=3.11"
    assert "Programming Language :: Python :: 3.11" in classifiers
    # A license classifier beside a license expression is refused by setuptools >= 77.
    assert not any(c.startswith("License ::") for c in classifiers)
    build = _project()["build-system"]["requires"]
    assert build == ["setuptools>=77"]


def test_lxml_s_cleaner_is_a_dependency_of_its_own_not_an_extra():
    deps = _project()["project"]["dependencies"]
    assert any(d.startswith("lxml_html_clean") for d in deps)
    # "lxml[html_clean]" is what makes a pip before 23.3 warn (jusText asks for it so).
    assert not any(d.replace(" ", "").startswith("lxml[") for d in deps)


def test_readme_tells_how_to_install_with_pipx_and_uv():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install = readme.split("## Install and run", 1)[1].split("\n## ", 1)[0]
    assert "python3 -m pip install . && korantui" in install
    assert "pipx install ." in install and "uv tool install ." in install
    assert "pip wheel --no-deps -w dist ." in install
    version = _project()["project"]["version"]
    assert f"dist/korantui-{version}-py3-none-any.whl" in install  # the name pip wheel gives


async def test_the_app_s_opml_export_names_a_feed_by_its_stored_title(write_config, tmp_path):
    from korantui.core.store.database import Store
    from tests.uikit import offline_app, settle

    cfg = write_config('[[feeds]]\nurl = "http://127.0.0.1:9/satu.xml"\n')
    store = Store(cfg.db_path)
    store.sync_feeds(cfg.feeds)
    store.save_entries(store.feeds()[0].id, [], title="Warta Satu")
    store.close()
    app = offline_app(cfg)
    opml = tmp_path / "feeds.opml"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.main.feed_editor.export_file(str(opml))
        await pilot.pause()
    assert 'text="Warta Satu"' in opml.read_text(encoding="utf-8")
