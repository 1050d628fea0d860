"""Alerts: the terminal's notification chosen by TERM/TERM_PROGRAM with only korantui's own
sanitised words in it, a toast in the app for new matches, and `korantui sync --notify` running
the configured command (no shell) for them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from korantui.cli import main
from korantui.core.filters.notify_command import command_for, notify_all
from korantui.core.store.filter_flags import Alert
from korantui.ui.alerts import BELL, OSC9, OSC777, notification, sequence_text, terminal_kind
from korantui.ui.app import KoranApp
from tests import newssite
from tests.uikit import notices, settle


@pytest.mark.parametrize(
    ("env", "kind"),
    [
        ({"TERM_PROGRAM": "iTerm.app", "TERM": "xterm-256color"}, OSC9),
        ({"TERM_PROGRAM": "WezTerm"}, OSC9),
        ({"TERM": "xterm-kitty"}, OSC9),
        ({"TERM": "foot"}, OSC777),
        ({"TERM": "rxvt-unicode-256color"}, OSC777),
        ({"TERM": "xterm-256color", "VTE_VERSION": "7600"}, OSC777),
        ({"TERM": "xterm-256color"}, BELL),
        ({"TERM": "screen"}, BELL),
        ({}, BELL),
    ],
)
def test_the_terminal_decides_the_notification(env, kind):
    assert terminal_kind(env) == kind


def test_nothing_but_plain_words_goes_into_a_sequence():
    evil = "Banjir\x1b]2;pwned\x07;rm\x9b31m\u202e\x00 rob"
    text = sequence_text(evil)
    assert text == "Banjirrm rob"  # the OSC and CSI sequences go whole, the rest of it stays
    for kind in (OSC9, OSC777):
        seq = notification(kind, "korantui", evil)
        body = seq[len("\x1b]") : -1]
        assert seq.startswith("\x1b]") and seq.endswith("\x07")
        assert not any(c < " " or "\x7f" <= c <= "\x9f" for c in body)
    assert notification(OSC777, "korantui", "a;b") == "\x1b]777;notify;korantui;ab\x07"
    assert notification(BELL, "korantui", evil) == "\x07"
    assert len(sequence_text("x" * 10_000)) == 200


def test_notify_command_substitutes_arguments_and_no_value_is_an_option():
    args = command_for(
        ["notify-send", "--app-name=korantui", "{title}", "{feed}: {link}"],
        {"title": "--help\x1b[31m", "feed": "Kepri", "link": "http://x/1"},
    )
    assert args == ["notify-send", "--app-name=korantui", " --help", "Kepri: http://x/1"]


def test_notify_all_is_bounded_and_reports_failures(tmp_path: Path):
    out = tmp_path / "out.txt"
    script = "import sys; open(sys.argv[1], 'a').write(sys.argv[2] + '\\n')"
    alerts = [Alert(i, f"Banjir {i}", f"http://x/{i}", "Kepri", "Banjir") for i in range(8)]
    said: list[str] = []
    sent = notify_all([sys.executable, "-c", script, str(out), "{title}"], alerts, said.append)
    lines = out.read_text().splitlines()
    assert sent == 6 and len(lines) == 6  # five one by one, then one for the rest
    assert lines[-1] == "korantui: 3 more new headlines match"
    slow = [sys.executable, "-c", "import time; time.sleep(30)"]
    assert notify_all(slow, alerts[:1], said.append, timeout=0.5) == 0
    assert "timed out" in said[-1]
    assert notify_all(["/nonexistent/notify"], alerts, said.append) == 0
    assert len(said) == 2  # a missing command is said once, not for every alert


def _site(httpserver: HTTPServer) -> str:
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed.xml").respond_with_data(
        newssite.feed_xml(base), content_type="application/rss+xml"
    )
    return base


def test_sync_notify_runs_the_command_for_new_matches_once(httpserver: HTTPServer, tmp_path):
    base = _site(httpserver)
    out = tmp_path / "alerts.txt"
    script = "import sys; open(sys.argv[1], 'a').write(sys.argv[2] + '\\n')"
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        f"notify_command = {json.dumps([sys.executable, '-c', script, str(out), '{title}'])}\n"
        + f'[[feeds]]\nurl = "{base}/feed.xml"\nname = "Koran Uji"\n'
        + '[[filter]]\nname = "Kapal"\nwords = ["kapal"]\nfields = ["title"]\n'
        + 'action = "highlight"\nnotify = true\n',
        encoding="utf-8",
    )
    # The alert rule exists before the news arrives: what the sync stores is new.
    data = tmp_path / "data"
    assert main(["--config", str(cfg), "--data-dir", str(data), "feeds"]) == 0
    assert main(["--config", str(cfg), "--data-dir", str(data), "refresh"]) == 0
    assert not out.exists()  # a refresh without --notify tells no one
    out.unlink(missing_ok=True)
    data2 = tmp_path / "data2"
    main(["--config", str(cfg), "--data-dir", str(data2), "feeds"])
    assert main(["--config", str(cfg), "--data-dir", str(data2), "sync", "--notify"]) == 0
    kapal = [s.title for s in newssite.STORIES if "kapal" in s.title.lower()]
    assert kapal and sorted(out.read_text(encoding="utf-8").splitlines()) == sorted(kapal)
    main(["--config", str(cfg), "--data-dir", str(data2), "sync", "--notify"])
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(kapal)  # once


async def test_the_app_alerts_for_new_matches_of_a_notify_rule(
    httpserver: HTTPServer, write_config
):
    base = _site(httpserver)
    cfg = write_config(
        f'[[feeds]]\nurl = "{base}/feed.xml"\nname = "Koran Uji"\n'
        '[[filter]]\nname = "Kapal"\nwords = ["kapal"]\naction = "highlight"\nnotify = true\n'
    )
    cfg.prefetch = 0
    app = KoranApp(cfg)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        kapal = [s.title for s in newssite.STORIES if "kapal" in s.title.lower()]
        toast = next(n for n in notices(app) if "match Kapal" in n)
        assert toast.startswith(f"{len(kapal)} new headline")
        assert all(t[:40] in toast for t in kapal)
        assert {h.title for h in app.main.headline_list.rows if h.highlight} == set(kapal)
