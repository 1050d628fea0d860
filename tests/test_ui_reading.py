"""The reading pane's own keys: f between full text and feed summary, x to extract again."""

from __future__ import annotations

from pytest_httpserver import HTTPServer

from korantui.core.reading import FULL_TEXT, SUMMARY
from korantui.ui.app import KoranApp
from tests.newssite import STORIES, article_html
from tests.screen import screen_text
from tests.uikit import notices, settle

FIRST = STORIES[0]


async def test_f_toggles_summary_and_x_extracts_again(
    own_news_site: tuple[str, HTTPServer], write_config
):
    base, server = own_news_site
    cfg = write_config(f'prefetch = 0\n[[feeds]]\nurl = "{base}/feed.xml"\nname = "Koran Uji"\n')
    app = KoranApp(cfg)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app._reading.status == FULL_TEXT
        assert "Full text" in screen_text(app)

        await pilot.press("f")
        await pilot.pause()
        assert app._reading.status == SUMMARY
        text = screen_text(app)
        assert "Feed summary" in text and FIRST.teaser[:40] in text
        assert FIRST.paragraphs[1][:30] not in text

        await pilot.press("f")
        await pilot.pause()
        assert app._reading.status == FULL_TEXT and app._reading.stored
        assert FIRST.paragraphs[1][:30] in screen_text(app)

        # The paper corrects its article: x fetches it again and replaces the stored copy.
        corrected = FIRST.__class__(
            **{
                **FIRST.__dict__,
                "paragraphs": (*FIRST.paragraphs, "Ralat: panjang dermaga 400 meter."),
            }
        )
        server.clear()
        server.expect_request(f"/berita/{FIRST.slug}").respond_with_data(
            article_html(corrected), content_type="text/html; charset=utf-8"
        )
        await pilot.press("x")
        await settle(app, pilot)
        assert app._reading.status == FULL_TEXT and not app._reading.stored
        assert "Ralat: panjang dermaga 400 meter." in app.article_view.plain
        assert "Ralat" in app.store.article(app._current.id).text


async def test_f_without_stored_text_says_how_to_get_it(own_news_site, write_config):
    base, server = own_news_site
    cfg = write_config(f'prefetch = 0\n[[feeds]]\nurl = "{base}/feed.xml"\n')
    app = KoranApp(cfg)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        server.stop()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app._reading.status != FULL_TEXT
        await pilot.press("f")
        await pilot.pause()
        assert any("press x" in n for n in notices(app))
