"""Search: FTS5 over title, summary and stored text, bm25 ranking, accents folded; `/` in the
app shows results as a headline list that opens like any other; `korantui search` prints them."""

from __future__ import annotations

from pathlib import Path

import pytest

from korantui.cli import main
from korantui.core.models import Article, Block, Entry, FeedSpec
from korantui.core.store.database import Store
from korantui.ui.app import KoranApp
from tests.screen import screen_text
from tests.uikit import CONFIG, settle


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "k.db")
    s.sync_feeds([FeedSpec("http://127.0.0.1:9/a.xml", name="Satu")])
    return s


def _add(store: Store, *entries: Entry) -> list[int]:
    feed = store.feeds()[0]
    store.save_entries(feed.id, list(entries))
    by_link = {h.link: h.id for h in store.headlines(feed.id)}
    return [by_link[e.link] for e in entries]


def _entry(n: int, title: str, summary: str = "") -> Entry:
    return Entry(title=title, link=f"http://127.0.0.1:9/{n}", summary=summary)


def test_diacritics_fold_both_ways(store: Store) -> None:
    (accented,) = _add(store, _entry(1, "Ekonomi Indonésia tumbuh", "Pertumbuhan kuartal"))
    assert [h.id for h in store.search("Indonesia")] == [accented]
    (plain,) = _add(store, _entry(2, "Cafe baru di Batam"))
    assert [h.id for h in store.search("café")] == [plain]


def test_title_match_ranks_above_summary_and_body(store: Store) -> None:
    in_body, in_summary, in_title = _add(
        store,
        _entry(1, "Rapat dewan kota", "Agenda rapat"),
        _entry(2, "Harga naik", "Harga cabai merah naik di pasar"),
        _entry(3, "Cabai merah langka", "Pasokan berkurang"),
    )
    store.save_article(
        in_body,
        Article(url="http://127.0.0.1:9/1", blocks=[Block("p", "Dewan juga membahas cabai.")]),
    )
    assert [h.id for h in store.search("cabai")] == [in_title, in_summary, in_body]


def test_stored_full_text_is_searched_and_punctuation_is_not_syntax(store: Store) -> None:
    (one,) = _add(store, _entry(1, "Berita pendek"))
    assert store.search("gonggong") == []
    store.save_article(
        one, Article(url="http://127.0.0.1:9/1", blocks=[Block("p", "Gonggong rebus khas.")])
    )
    assert [h.id for h in store.search("gonggong")] == [one]
    assert isinstance(store.search('gong" OR (*'), list)  # quotes and operators: no FTS error
    assert [h.id for h in store.search("gong")] == [one]  # prefix terms


async def test_slash_searches_offline_and_results_open(write_config):
    cfg = write_config(CONFIG)
    cfg.prefetch = 0
    store = Store(cfg.db_path)
    store.sync_feeds(cfg.feeds)
    feeds = store.feeds()
    store.save_entries(feeds[0].id, [_entry(1, "Festival kuliner Melayu"), _entry(2, "Lain")])
    store.save_entries(feeds[1].id, [_entry(3, "Kuliner malam di Tanjungpinang")])
    store.close()
    app = KoranApp(cfg, refresh_on_start=False)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"kuliner", "enter")
        await settle(app, pilot)
        titles = [r.title for r in app.main.headline_list.rows]
        assert sorted(titles) == ["Festival kuliner Melayu", "Kuliner malam di Tanjungpinang"]
        assert "Search: kuliner" in screen_text(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.main.reader.headline is not None and app.main.reader.headline.title == titles[0]
        assert app.store.headline(app.main.reader.headline.id).read
        await pilot.press("escape", "escape")  # article → list, then leave the search
        await settle(app, pilot)
        assert app.main.search_query is None
        assert len(app.main.headline_list.rows) == 3
        await pilot.press("slash", *"tidakada", "enter")
        await settle(app, pilot)
        assert app.main.headline_list.rows == []
        assert "Nothing stored matches" in screen_text(app)


def test_cli_search_prints_top_results(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    cfg = tmp_path / "config.toml"
    cfg.write_text(CONFIG, encoding="utf-8")
    data = tmp_path / "data"
    store = Store(data / "korantui.db")
    from korantui.core.config import load_config

    store.sync_feeds(load_config(cfg, data).feeds)
    feed = store.feeds()[0]
    store.save_entries(
        feed.id, [_entry(1, "Banjir rob di pesisir"), _entry(2, "Pasar ramai"), _entry(3, "Rob")]
    )
    store.close()
    code = main(["--config", str(cfg), "--data-dir", str(data), "search", "rob"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[0].endswith("Satu · Rob")  # the short title ranks first
    assert out[1] == "    http://127.0.0.1:9/3"
    assert "Banjir rob di pesisir" in out[2]
    assert "Pasar" not in "\n".join(out)
    assert main(["--config", str(cfg), "--data-dir", str(data), "search", "gempa"]) == 1


async def test_markup_in_titles_and_queries_shows_literally(write_config):
    cfg = write_config(CONFIG)
    cfg.prefetch = 0
    store = Store(cfg.db_path)
    store.sync_feeds(cfg.feeds)
    store.save_entries(store.feeds()[0].id, [_entry(1, "[@click=app.quit]Klik[/] [b]tebal")])
    store.close()
    app = KoranApp(cfg, refresh_on_start=False)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"[b]tebal", "enter")
        await settle(app, pilot)
        text = screen_text(app)
        assert "Search: [b]tebal" in text
        assert "● [@click=app.quit]Klik[/] [b]te" in text  # cut to the column, literally
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.is_running
        assert "[@click=app.quit]Klik[/] [b]tebal" in screen_text(app)


async def test_switching_to_the_demo_leaves_the_search(write_config):
    cfg = write_config(CONFIG)
    cfg.prefetch = 0
    app = KoranApp(cfg, refresh_on_start=False)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"apa", "enter", "D")
        await settle(app, pilot)
        assert app.main.search_query is None
        assert len(app.main.headline_list.rows) == 20
