"""Snapshots of what a reader sees, from the bundled demo edition with the clock pinned (so "2
jam lalu" never changes) and the time zone fixed (so "Jumat, 27 Nov 2026 09.00" never does).

Regenerate with `pytest tests/test_snapshots.py --snapshot-update` and look at the SVGs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from korantui.core import clock
from korantui.core.config import Config
from korantui.ui.app import KoranApp
from tests.uikit import settle

NOW = "2026-11-27T12:30:00+07:00"  # two and a half hours after the demo edition's date
WIDE = (120, 34)
NARROW = (80, 24)


@pytest.fixture(autouse=True)
def _pinned(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(clock.ENV, NOW)
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def _demo(tmp_path: Path, lang: str = "en") -> KoranApp:
    cfg = Config(feeds=[], path=tmp_path / "none.toml", data_dir=tmp_path / "data", language=lang)
    return KoranApp(cfg, demo=True)


def _then(*keys: str):  # type: ignore[no-untyped-def]
    async def run(pilot: Pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press(*keys)
        await settle(pilot.app, pilot)

    return run


def test_main_screen(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_demo(tmp_path), terminal_size=WIDE, run_before=_then())


def test_open_article(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_demo(tmp_path), terminal_size=WIDE, run_before=_then("down", "enter"))


def test_help(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_demo(tmp_path), terminal_size=(120, 40), run_before=_then("question_mark"))


def test_search_results(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    keys = ("slash", *"nelayan", "enter")
    assert snap_compare(_demo(tmp_path), terminal_size=WIDE, run_before=_then(*keys))


def test_narrow_list(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_demo(tmp_path), terminal_size=NARROW, run_before=_then())


def test_narrow_article(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_demo(tmp_path), terminal_size=NARROW, run_before=_then("enter"))


def test_main_screen_indonesian(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_demo(tmp_path, "id"), terminal_size=WIDE, run_before=_then())


def test_open_article_indonesian(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = _demo(tmp_path, "id")
    assert snap_compare(app, terminal_size=WIDE, run_before=_then("down", "enter"))


def test_very_wide_main_screen(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # 200 columns: titles on one line where they fit beside their outlet, the article pane no
    # wider than reading needs (issue 16).
    assert snap_compare(_demo(tmp_path), terminal_size=(200, 50), run_before=_then("enter"))
