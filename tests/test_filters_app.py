"""Filters and saved searches in the app: hidden headlines never show, highlighted ones have their
own style, saved searches are entries of the feed pane, and `/` then S saves a search."""

from __future__ import annotations

import tomllib

from rich.style import Style

from korantui.core.config import load_config
from korantui.ui.app import KoranApp
from korantui.ui.saved_searches import query_id
from tests.screen import screen_text
from tests.uikit import CONFIG, fill, offline_app, settle

RULES = """
[[filter]]
match = "satu berita 1"
action = "hide"

[[filter]]
words = ["berita 2"]
action = "highlight"

[[query]]
name = "Nol"
search = "berita OR ringkasan -satu"
"""


def _titles(app: KoranApp) -> list[str]:
    return [h.title for h in app.main.headline_list.rows]


async def test_hidden_headlines_never_show_and_highlighted_ones_stand_out(write_config):
    cfg = write_config(CONFIG)
    fill(cfg)
    cfg = write_config(RULES + CONFIG)  # the rules come after the news was stored
    app = offline_app(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        titles = _titles(app)
        assert "Satu berita 1" not in titles and "Satu berita 1" not in screen_text(app)
        assert len(titles) == 5
        assert app.main.feed_list.totals[0] == 5  # the hidden one is not waiting to be read
        hl = app.main.headline_list
        highlighted = [i for i, h in enumerate(hl.rows) if h.highlight]
        assert [hl.rows[i].title for i in highlighted] == ["Satu berita 2", "Dua berita 2"]
        plain = next(i for i, h in enumerate(hl.rows) if not h.highlight and i != hl.cursor)

        def title_style(index: int) -> Style:
            segments = list(hl.render_line(index - hl.scroll_offset.y))
            return segments[1].style or Style()

        bright, dull = title_style(highlighted[-1]), title_style(plain)
        assert bright.color != dull.color


async def test_removing_the_rule_brings_the_hidden_headline_back(write_config):
    cfg = write_config(CONFIG)
    fill(cfg)
    async with offline_app(write_config(RULES + CONFIG)).run_test(size=(120, 40)) as pilot:
        await settle(pilot.app, pilot)
        assert "Satu berita 1" not in _titles(pilot.app)
    app = offline_app(write_config(CONFIG))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "Satu berita 1" in _titles(app)
        assert not any(h.highlight for h in app.main.headline_list.rows)


async def test_a_saved_search_is_a_feed_with_its_unread_count(write_config):
    cfg = write_config(RULES + CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        entry = next(e for e in app.main.feed_list.entries if e.id == query_id(0))
        assert entry.name.endswith("Nol") and entry.unread == 3  # Dua's three, not Satu's
        assert "⌕ Nol (3)" in screen_text(app)
        app.main.feed_list.select(query_id(0))
        await settle(app, pilot)
        assert sorted(_titles(app)) == ["Dua berita 0", "Dua berita 1", "Dua berita 2"]
        assert "Nol" in str(app.main.headline_list.border_title)
        app.main.headline_list.focus()
        await pilot.press("M")  # marks the search's headlines read, not all news
        await settle(app, pilot)
        entry = next(e for e in app.main.feed_list.entries if e.id == query_id(0))
        assert entry.unread == 0
        assert app.main.feed_list.totals[0] == 2  # Satu's two shown headlines are still unread


async def test_slash_then_s_saves_the_search_into_the_config(write_config):
    cfg = write_config(CONFIG)
    fill(cfg)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"ringkasan dua", "enter")
        await settle(app, pilot)
        assert len(_titles(app)) == 3
        await pilot.press("S")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"Dua saja", "enter")  # the name, replacing the query
        await settle(app, pilot)
        saved = tomllib.loads(cfg.path.read_text(encoding="utf-8"))["query"]
        assert saved == [{"name": "Dua saja", "search": "ringkasan dua"}]
        assert [f.name for f in load_config(cfg.path, cfg.data_dir).feeds] == ["Satu", "Dua"]
        assert "⌕ Dua saja (3)" in screen_text(app)
        assert app.main.feed_list.selected_id == query_id(0)
        assert len(_titles(app)) == 3


async def test_a_saved_search_on_show_takes_in_new_matches(httpserver, write_config):
    from tests import newssite

    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed.xml").respond_with_data(
        newssite.feed_xml(base), content_type="application/rss+xml"
    )
    cfg = write_config(
        f'[[feeds]]\nurl = "{base}/feed.xml"\nname = "Koran Uji"\n'
        '[[query]]\nname = "Kapal"\nsearch = "kapal"\n'
    )
    cfg.prefetch = 0
    app = KoranApp(cfg, refresh_on_start=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.main.feed_list.select(query_id(0))
        await settle(app, pilot)
        assert _titles(app) == []
        app.main.action_refresh_all()
        await settle(app, pilot)
        kapal = [s.title for s in newssite.STORIES if "kapal" in (s.title + s.teaser).lower()]
        assert kapal and sorted(_titles(app)) == sorted(kapal)


async def test_a_site_added_in_the_app_has_its_headlines_judged_and_shown(
    news_site: str, write_config
):
    from korantui.ui.screens.add_feed import AddFeedScreen
    from tests import newssite

    first = newssite.STORIES[0].title
    cfg = write_config(f'[[filter]]\nmatch = "{first.split(",")[0]}"\n' + CONFIG)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddFeedScreen)
        await pilot.press(*f"{news_site}/feed.xml", "enter")
        await settle(app, pilot)
        titles = _titles(app)
        assert first not in titles  # hidden by the rule
        assert len(titles) == len(newssite.STORIES) - 1  # the others shown, once judged
