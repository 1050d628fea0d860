"""The reading pane's own keys: f between full text and feed summary, x to extract again."""

from __future__ import annotations

from email.utils import parsedate_to_datetime

from pytest_httpserver import HTTPServer

from korantui.core.reading import FULL_TEXT, SUMMARY
from korantui.ui.app import KoranApp
from tests.newssite import STORIES, article_html, feed_xml
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
        assert app.main.reader.reading.status == FULL_TEXT
        assert "Full text" in screen_text(app)

        await pilot.press("f")
        await pilot.pause()
        assert app.main.reader.reading.status == SUMMARY
        text = screen_text(app)
        assert "Feed summary" in text and FIRST.teaser[:40] in text
        assert FIRST.paragraphs[1][:30] not in text

        await pilot.press("f")
        await pilot.pause()
        assert app.main.reader.reading.status == FULL_TEXT and app.main.reader.reading.stored
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
        assert app.main.reader.reading.status == FULL_TEXT and not app.main.reader.reading.stored
        assert "Ralat: panjang dermaga 400 meter." in app.main.article_view.plain
        assert "Ralat" in app.store.article(app.main.reader.headline.id).text


async def test_f_without_stored_text_says_how_to_get_it(own_news_site, write_config):
    base, server = own_news_site
    cfg = write_config(f'prefetch = 0\n[[feeds]]\nurl = "{base}/feed.xml"\n')
    app = KoranApp(cfg)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        server.stop()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.main.reader.reading.status != FULL_TEXT
        await pilot.press("f")
        await pilot.pause()
        assert any("press x" in n for n in notices(app))


async def test_a_long_article_scrolls_to_its_very_end(write_config):
    """The reading pane wraps a long article lazily: its end is still there, in full."""
    from korantui.core.models import Article, Block
    from korantui.core.store.database import Store
    from tests.uikit import CONFIG, fill, until

    cfg = write_config(CONFIG)
    hid = fill(cfg)["Satu"][0]
    paragraphs = [f"Paragraf {n}: " + "kata demi kata " * 30 for n in range(300)]
    store = Store(cfg.db_path)
    store.save_article(
        hid,
        Article(
            url="http://127.0.0.1:9/x", title="Panjang", blocks=[Block("p", p) for p in paragraphs]
        ),
    )
    store.close()
    cfg.prefetch = 0
    app = KoranApp(cfg, refresh_on_start=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        app.main.open_headline(hid)
        await settle(app, pilot)
        view = app.main.article_view
        # Wrapped step by step after the first paint, one step a refresh: on a loaded machine
        # settling may come first.
        await until(app, pilot, lambda: view.wrapped_all, "the article wrapped in full")
        assert view.virtual_size.height == view.wrapped_lines
        view.focus()
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert "Paragraf 299:" in text and "Paragraf 0:" not in text
        await pilot.press("home")
        await pilot.pause()
        assert "Paragraf 0:" in screen_text(app)


async def test_the_feed_items_title_and_date_beat_a_pages_poor_ones(
    own_news_site: tuple[str, HTTPServer], write_config
):
    """A page whose h1 is its section and whose <title> is the site's slogan, with no date: the
    pane shows the feed item's own title and date (issue 11)."""
    base, server = own_news_site
    body = "".join(f"<p>{p}</p>" for p in FIRST.paragraphs)
    poor = (
        "<html><head><title>Koran Uji - Kabar Terpercaya dari Kepri</title></head><body>"
        f"<div class='kanal'><h1>Kepri</h1></div><div class='isi'>{body}{body}</div></body></html>"
    )
    server.clear()
    server.expect_request("/feed.xml").respond_with_data(
        feed_xml(base), content_type="application/rss+xml"
    )
    server.expect_request(f"/berita/{FIRST.slug}").respond_with_data(
        poor, content_type="text/html; charset=utf-8"
    )
    cfg = write_config(f'prefetch = 0\n[[feeds]]\nurl = "{base}/feed.xml"\nname = "Koran Uji"\n')
    app = KoranApp(cfg)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        reading = app.main.reader.reading
        assert reading.status == FULL_TEXT
        assert reading.article.title == FIRST.title
        assert reading.article.published == parsedate_to_datetime(FIRST.published)
        assert FIRST.title[:40] in screen_text(app)
        stored = app.store.article(app.main.reader.headline.id)
        assert stored is not None and stored.title == FIRST.title
