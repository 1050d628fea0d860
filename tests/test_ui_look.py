"""Look and feel: `?` lists the keys in force, the palette offers every action, keys rebind from
config, themes are remembered, two languages, and the narrow 80×24 layout."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from korantui.core import clock
from korantui.core.i18n import format_age, format_date
from korantui.core.uistate import load_state
from korantui.ui.commands import app_commands
from korantui.ui.keys import APP_BINDINGS, DESCRIPTIONS
from korantui.ui.screens.help import HelpScreen
from tests.screen import screen_text
from tests.uikit import CONFIG, fill, notices, offline_app, settle


async def test_question_mark_lists_every_key(write_config):
    cfg = write_config(CONFIG)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 50)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for binding in APP_BINDINGS:
            assert DESCRIPTIONS[binding.id][0] in text, binding.id
        assert "Move in the list" in text  # the lists' own keys too
        move = next(line for line in text.splitlines() if "Move in the list" in line)
        # PgUp / PgDn scroll the open article (issue 16): listed there, and only there.
        assert "pgup" not in move and "pgdn" not in move
        assert text.count("pgdn") == 1 and text.count("pgup") == 1
        assert "Commands (themes, language, OPML…)" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_keys_rebind_from_config(write_config):
    cfg = write_config('[keys]\nrefresh = "ctrl+r"\nstar = "f"\nbogus = "x"\n' + CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(app, pilot)
        assert "Unknown action in [keys]: bogus" in notices(app)
        row = app.main.headline_list.current
        await pilot.press("s")  # no longer the star key
        assert not app.store.headline(row.id).starred
        await pilot.press("f")
        assert app.store.headline(row.id).starred
        await pilot.press("question_mark")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert any("^r" in line and "Refresh the selected feed" in line for line in lines)
        assert any(re.search(r"\bf\s+Star / unstar", line) for line in lines)
        assert not any(re.search(r"\bs\s+Star / unstar", line) for line in lines)
        await pilot.press("escape")
        assert "f Star" in screen_text(app)  # the footer follows


async def test_palette_offers_every_action_and_runs_them(write_config):
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        names = [name for name, _cb, _help in app_commands(app)]
        for binding in APP_BINDINGS:
            assert DESCRIPTIONS[binding.id][0] in names
        for extra in ("Theme…", "Language: Bahasa Indonesia", "Import feeds from OPML…"):
            assert extra in names
        row = app.main.headline_list.current
        await pilot.press("ctrl+p")
        await pilot.press(*"Star / unstar")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.store.headline(row.id).starred


async def test_theme_is_remembered_across_runs(write_config):
    cfg = write_config(CONFIG)
    app = offline_app(cfg)
    async with app.run_test() as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert load_state(cfg.data_dir)["theme"] == "nord"
    app = offline_app(cfg)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "nord"


async def test_indonesian_from_config_and_switch_from_palette(write_config):
    cfg = write_config('language = "id"\n' + CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        text = screen_text(app)
        assert "Semua berita (6)" in text and "Berbintang" in text
        assert "? Tombol" in text and "/ Cari" in text
        assert app.title == "korantui — 6 belum dibaca"
        app.set_language("en")
        await settle(app, pilot)
        text = screen_text(app)
        assert "All news (6)" in text and "? Keys" in text


async def test_language_from_lang(write_config, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    app = offline_app(write_config(CONFIG))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert "Semua berita" in screen_text(app)


def test_dates_as_readers_write_them(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    try:
        when = datetime(2022, 9, 20, 9, 30, tzinfo=UTC)
        assert format_date(when, "id") == "Selasa, 20 Sep 2022 16.30"
        assert format_date(when, "en") == "Tue, 20 Sep 2022 16:30"
        monkeypatch.setenv(clock.ENV, "2022-09-20T11:45:00+00:00")
        assert format_age(when, "id") == "2 jam lalu"
        assert format_age(when, "en") == "2 h ago"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


async def test_narrow_terminal_shows_one_thing_at_a_time(write_config):
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert not app.main.article_view.display or app.main.article_view.region.width == 0
        text = screen_text(app)
        assert "All news" in text and "Satu berita 0" in text
        row = app.main.headline_list.rows[0]
        row.title = "Sebuah judul berita yang panjang sekali " * 3
        app.main.headline_list.refresh()
        await pilot.pause()
        line = next(line for line in screen_text(app).splitlines() if "panjang" in line)
        assert re.search(r"panjang[\w ]*… +Satu", line), line  # a cut title says so
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.main.reading_mode and app.main.article_view.has_focus
        assert app.main.headline_list.region.width == 0  # the list made room
        assert "Ringkasan" in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not app.main.reading_mode and app.main.headline_list.has_focus
        assert app.main.headline_list.region.width > 40


async def test_palette_language_is_remembered_unless_config_names_one(
    write_config, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    cfg = write_config(CONFIG)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        app.set_language("id")
        await settle(app, pilot)
        assert "Pilih judul untuk membaca." in screen_text(app)
    app = offline_app(write_config(CONFIG))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert app.lang == "id" and "Semua berita" in screen_text(app)
    app = offline_app(write_config('language = "en"\n' + CONFIG))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert app.lang == "en"


async def test_config_theme_wins_and_unknown_names_are_skipped(write_config):
    from korantui.core.uistate import save_state

    cfg = write_config('theme = "gruvbox"\n' + CONFIG)
    save_state(cfg.data_dir, theme="nord")
    app = offline_app(cfg)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"
    cfg = write_config('theme = "no-such-theme"\n' + CONFIG)
    app = offline_app(cfg)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "nord"
