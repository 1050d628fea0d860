"""The first hour of a new reader (issue 16): headlines that can be read at 80, 120 and 200
columns, a first run without network that says what failed and offers the demo edition for as
long as nothing else can be read, and keys that do what they say."""

from __future__ import annotations

import re
import webbrowser
from pathlib import Path

import pytest

from korantui.core.config import Config
from korantui.ui.app import KoranApp
from korantui.ui.commands import app_commands
from korantui.ui.screens.confirm import ConfirmScreen
from korantui.ui.widgets.feed_list import ALL_ID
from tests.screen import screen_lines, screen_text
from tests.uikit import CONFIG, fill, notices, offline_app, settle


def _demo(tmp_path: Path, lang: str = "en") -> KoranApp:
    cfg = Config(feeds=[], path=tmp_path / "none.toml", data_dir=tmp_path / "data", language=lang)
    return KoranApp(cfg, demo=True)


def _pane_text(app: KoranApp) -> str:
    """The headline pane's text (the second pane between the borders), its lines joined, runs
    of spaces made one, the scroll bar left out."""
    lines = screen_lines(app)[1:-1]
    inside = [line.split("│")[3] for line in lines if line.count("│") >= 4]
    text = re.sub(r"[▁-█]", "", " ".join(inside))  # the scroll bar's thumb
    return re.sub(r"\s+", " ", text)


# -- headlines you can read -------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_titles_are_whole_and_all_news_names_their_outlet(tmp_path: Path, size) -> None:
    app = _demo(tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        text = _pane_text(app)
        shown = app.main.headline_list.rows[: size[1] // 3]
        for row in shown:
            # The whole title (over two lines where it needs them), then its outlet's tag.
            assert re.search(re.escape(row.title) + r" " + re.escape(row.feed_name[:5]), text), (
                row.title
            )


async def test_the_panes_take_what_they_need_at_200_columns(tmp_path: Path) -> None:
    app = _demo(tmp_path)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(app, pilot)
        main = app.main
        assert main.article_view.size.width <= 84  # a reading width, not half the screen
        assert main.headline_list.size.width > main.article_view.size.width
        feeds = "\n".join(screen_lines(app))
        for feed in main.feed_list.feeds:
            assert re.search(re.escape(feed.display_name) + r" +\(\d+\)", feeds)  # names whole
        # A title that fits beside its outlet and age keeps to one line.
        assert any(main.headline_list.row_lines(i)[1] == 1 for i in range(5))


async def test_backslash_gives_the_list_the_width_then_the_article(tmp_path: Path) -> None:
    app = _demo(tmp_path)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        main = app.main
        await pilot.press("backslash")
        await settle(app, pilot)
        assert main.article_view.region.width == 0
        assert main.headline_list.region.width > 150
        await pilot.press("enter")
        await settle(app, pilot)
        assert main.reading_mode and 0 < main.article_view.region.width <= 84
        await pilot.press("escape", "backslash")
        await settle(app, pilot)
        assert not main.reading_mode and main.article_view.region.width > 40


# -- the first run without network ------------------------------------------------------------


async def test_a_first_run_without_network_says_what_failed_and_keeps_the_offer(write_config):
    cfg = write_config(CONFIG)  # two feeds on a port nothing listens on
    cfg.prefetch = 0
    app = KoranApp(cfg)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        text = _pane_text(app)
        assert "No network: 2 outlets could not be reached." in text
        assert "Press D to read the demo edition" in text and "or a to add a site." in text
        assert "D Demo" in screen_lines(app)[-1]  # in the key bar
        app.main.feed_list.focus()
        await pilot.press("down", "down")  # a feed of its own: still empty, still offered
        await settle(app, pilot)
        assert "Press D to read the demo edition" in _pane_text(app)
        await pilot.press("D")
        await settle(app, pilot)
        assert app.demo and app.main.headline_list.rows
        assert "D Demo" not in screen_lines(app)[-1]


# -- keys that do what they say ---------------------------------------------------------------


async def test_pgdn_scrolls_the_open_article_in_three_panes(tmp_path: Path) -> None:
    app = _demo(tmp_path)
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        main = app.main
        assert main.headline_list.has_focus and main.reader.headline is not None
        await pilot.press("pagedown")
        await settle(app, pilot)
        assert main.article_view.scroll_offset.y > 0
        assert main.headline_list.cursor == 0  # the list's cursor stayed
        await pilot.press("pageup")
        await settle(app, pilot)
        assert main.article_view.scroll_offset.y == 0


async def test_o_without_a_browser_says_so_and_offers_y(write_config, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)

    def none(*args: object, **kwargs: object) -> object:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "get", none)
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        assert opened == []
        assert any("No web browser found" in n and "press y" in n for n in notices(app))


async def test_r_and_R_in_the_demo_say_why_nothing_comes(tmp_path: Path) -> None:
    app = _demo(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        for key in ("r", "R"):
            app.clear_notifications()
            await pilot.press(key)
            await settle(app, pilot)
            assert any("demo edition is never refreshed" in n for n in notices(app)), key


async def test_M_on_all_news_asks_first(write_config):
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert app.main.feed_list.selected_id == ALL_ID
        await pilot.press("M")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Mark all 6 unread headlines of All news read?" in screen_text(app)
        await pilot.press("n")
        await settle(app, pilot)
        assert app.store.counts()[0] == 6
        await pilot.press("M", "y")
        await settle(app, pilot)
        assert app.store.counts()[0] == 0


async def test_g_and_G_move_in_the_feed_pane(write_config):
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        app.main.feed_list.focus()
        await pilot.press("G")
        await settle(app, pilot)
        assert app.main.feed_list.selected_feed is not None
        assert app.main.feed_list.selected_feed.name == "Dua"
        await pilot.press("g")
        await settle(app, pilot)
        assert app.main.feed_list.selected_id == ALL_ID


async def test_the_palette_has_one_theme_entry_and_keys_as_typed(tmp_path: Path) -> None:
    app = _demo(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        ours = app_commands(app)
        system = [c.title for c in app.get_system_commands(app.screen)]
        themes = [n for n, _, _ in ours if "Theme" in n] + [t for t in system if "Theme" in t]
        assert themes == ["Theme…"]
        keys = {name: key for name, _, key in ours}
        assert keys["Show these keys"] == "?" and keys["Search stored news"] == "/"
        assert not any(k in ("question_mark", "slash", "backslash") for k in keys.values())


async def test_a_language_chosen_in_the_palette_can_be_given_back_to_lang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    app = _demo(tmp_path, "auto")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert app.lang == "id"
        assert not any("otomatis" in n for n, _, _ in app_commands(app))
        app.set_language("en")
        await settle(app, pilot)
        auto = [c for n, c, _ in app_commands(app) if "automatic" in n]
        assert app.lang == "en" and len(auto) == 1
    again = _demo(tmp_path, "auto")
    async with again.run_test(size=(120, 30)) as pilot:
        await settle(again, pilot)
        assert again.lang == "en"  # remembered
        auto = [c for n, c, _ in app_commands(again) if "automatic" in n]
        auto[0]()
        await settle(again, pilot)
        assert again.lang == "id" and "Semua berita" in screen_text(again)
    last = _demo(tmp_path, "auto")
    async with last.run_test(size=(120, 30)) as pilot:
        await settle(last, pilot)
        assert last.lang == "id"  # LANG's again, for good


async def test_a_click_on_a_title_s_second_line_opens_that_headline(tmp_path: Path) -> None:
    app = _demo(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        hl = app.main.headline_list
        index = next(i for i in range(1, 6) if hl.row_lines(i)[1] >= 2)
        top, _lines = hl.row_lines(index)
        await pilot.click(hl, offset=(10, top + 2))  # the border's row, then the title's two
        await settle(app, pilot)
        assert app.main.reader.headline is not None
        assert app.main.reader.headline.id == hl.rows[index].id
