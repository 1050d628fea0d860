"""A page of one huge paragraph (issue 17, item 4): opening it and resizing the window must not
freeze the app. The reading pane wraps only what the screen needs (counted, not timed), and what
is kept of a paragraph and of an article is capped where the text enters."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from korantui.core.models import Article, Block
from korantui.core.reading import ARTICLE_LIMIT, CUT_MARK, PARAGRAPH_LIMIT, capped
from korantui.core.store.database import Store
from korantui.ui.app import KoranApp
from korantui.ui.widgets.article_view import ArticleView
from tests.uikit import CONFIG, fill, settle

HUGE = "kata panjang sekali " * 150_000  # 3 MB, one paragraph: ~40,000 lines at 80 columns


class _Pane(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticleView(id="view")


async def test_a_huge_paragraph_is_wrapped_only_as_far_as_the_screen_needs():
    app = _Pane()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ArticleView)
        view.show(Text(HUGE))
        # What opening wrapped, before any later step: a screenful and one piece.
        assert 0 < view.wrapped_lines <= 100
        await pilot.resize_terminal(100, 30)
        # The resize wrapped a screenful again; the steps after it wrap 8,000 characters each
        # (~90 lines), and a pause lets a few dozen run: far from the whole ~31,000 lines.
        assert not view.wrapped_all
        assert 0 < view.wrapped_lines <= 10_000
        shown = [view.render_line(y).text for y in range(view.size.height)]
        assert shown[0].startswith("kata panjang sekali")
        assert all(line.strip() for line in shown)


async def test_the_rest_of_a_long_text_is_wrapped_in_bounded_steps_in_order():
    app = _Pane()
    text = " ".join(f"w{n}" for n in range(20_000))  # ~130,000 characters
    async with app.run_test(size=(60, 20)) as pilot:
        view = app.query_one(ArticleView)
        view.show(Text(text))
        for _ in range(200):
            if view.wrapped_all:
                break
            await pilot.pause()
        assert view.wrapped_all
        assert view.virtual_size.height == view.wrapped_lines
        view.scroll_end(animate=False)
        await pilot.pause()
        last = [view.render_line(y).text.strip() for y in range(view.size.height)]
        assert "w19999" in " ".join(last)


def test_a_paragraph_and_an_article_are_capped_with_a_mark():
    article = Article(url="http://127.0.0.1/a", title="t", blocks=[Block("p", HUGE)])
    kept = capped(article).blocks
    assert len(kept) == 1 and len(kept[0].text) == PARAGRAPH_LIMIT + len(CUT_MARK)
    assert kept[0].text.endswith(CUT_MARK)
    many = Article(url="http://127.0.0.1/a", title="t", blocks=[Block("p", "x" * 90_000)] * 40)
    blocks = capped(many).blocks
    assert sum(len(b.text) for b in blocks) <= ARTICLE_LIMIT + 2 * len(CUT_MARK)
    assert blocks[-1].text == CUT_MARK.strip()
    small = Article(url="http://127.0.0.1/a", title="t", blocks=[Block("p", "pendek")])
    assert [b.text for b in capped(small).blocks] == ["pendek"]


async def test_a_stored_huge_article_opens_capped(write_config):
    cfg = write_config(CONFIG)
    cfg.prefetch = 0
    first = fill(cfg)["Satu"][0]
    store = Store(cfg.db_path)
    link = store.headline(first).link
    store.save_article(first, Article(url=link, title="Besar", blocks=[Block("p", HUGE)]))
    store.close()
    app = KoranApp(cfg, refresh_on_start=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        app.main.open_headline(first)
        view = app.query_one(ArticleView)
        assert view.wrapped_lines <= 200
        await settle(app, pilot)
        assert view.plain.endswith(CUT_MARK)
        assert len(view.plain) <= PARAGRAPH_LIMIT + len(CUT_MARK)
