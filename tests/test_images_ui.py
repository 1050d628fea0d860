"""Pictures in the reading pane, through a pilot, with a loopback site serving real files."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from korantui.core.reading import FULL_TEXT
from korantui.ui.app import KoranApp
from korantui.ui.widgets.image_cells import UPPER_HALF, picture_size
from korantui.ui.widgets.image_screen import HalfCellPicture, PictureScreen
from korantui.ui.widgets.image_terminal import CELLS, TGP, assume
from tests.images_site import PARAGRAPHS, PictureSite, encoded, pantai_site, picture
from tests.uikit import settle, until

SIZE = (130, 60)


@pytest.fixture
def site() -> Iterator[PictureSite]:
    s = PictureSite().start()
    yield s
    s.stop()


def _config(write_config, feed: str, extra: str = ""):  # type: ignore[no-untyped-def]
    return write_config(f'prefetch = 0\n{extra}\n[[feeds]]\nurl = "{feed}"\nname = "Koran Uji"\n')


async def _until(pilot, condition, tries: int = 400) -> None:  # type: ignore[no-untyped-def]
    """Pause until condition() holds (bounded: a failure, not a hang)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition never held")


def _drawn(app: KoranApp, url_end: str) -> list[str]:
    view = app.main.article_view
    placed = next(p for p in view.pictures.placed() if p.url.endswith(url_end))
    return [view.line_text(placed.line + i) for i in range(placed.rows)]


def _line_of(app: KoranApp, text: str) -> int:
    view = app.main.article_view
    return next(i for i in range(view.wrapped_lines + 200) if text in view.line_text(i))


async def test_text_paints_at_once_and_each_picture_comes_in_its_place(site, write_config):  # type: ignore[no-untyped-def]
    feed = pantai_site(site, body_pictures=1)
    gate = threading.Event()
    site.routes["/foto/pantai-lead.jpg"].gate = gate
    app = KoranApp(_config(write_config, feed))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await _until(pilot, lambda: app.main.reader.reading.status == FULL_TEXT)
        view = app.main.article_view
        body = next(p for p in view.pictures.placed() if p.url.endswith("pantai-0.png"))
        await _until(pilot, lambda: UPPER_HALF in view.line_text(body.line))
        body = next(p for p in view.pictures.placed() if p.url.endswith("pantai-0.png"))
        # The lead photo is held by the server: the text is there, and a placeholder of a
        # 16:9 photo's height stands where it goes.
        assert PARAGRAPHS[0][:40] in view.plain
        lead = _drawn(app, "pantai-lead.jpg")
        assert lead[0].startswith("┌") and lead[-1].startswith("└")
        assert len(lead) == picture_size(16, 9, len(lead[0]))[1]
        assert "pantai-lead.jpg" in "".join(lead)
        title = _line_of(app, "Ribuan Warga Sambut")
        caption = _line_of(app, "Warga menyaksikan matahari terbit.")
        first = _line_of(app, PARAGRAPHS[0][:30])
        second = _line_of(app, PARAGRAPHS[1][:30])
        lead_at = next(p.line for p in view.pictures.placed() if p.url.endswith("lead.jpg"))
        # Title, then the lead photo, its caption and credit, then the text; the body's figure
        # between the first two paragraphs, its caption under it.
        assert title < lead_at < caption < first < body.line < second
        # The pane is only as wide as reading needs: a caption and its credit may take two lines.
        assert "ANTARA/Rina" in view.line_text(caption) + view.line_text(caption + 1)
        under = view.line_text(body.line + body.rows) + view.line_text(body.line + body.rows + 1)
        assert "Suasana pantai nomor 1" in under and "ANTARA/Fotografer 1" in under
        assert "FOTO:" not in under
        assert all(set(line.strip()) == {UPPER_HALF} for line in _drawn(app, "pantai-0.png"))

        gate.set()
        await _until(pilot, lambda: UPPER_HALF in _drawn(app, "pantai-lead.jpg")[0])
        assert len(_drawn(app, "pantai-lead.jpg")) == len(lead)  # 320×180 is 16:9: no jump
        await settle(app, pilot)


async def test_offline_the_stored_picture_shows(site, write_config):  # type: ignore[no-untyped-def]
    feed = pantai_site(site, body_pictures=1)
    cfg = _config(write_config, feed)
    app = KoranApp(cfg)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert UPPER_HALF in _drawn(app, "pantai-0.png")[0]
        online = _drawn(app, "pantai-0.png")
    site.stop()  # a plane: nothing answers
    asked = len(site.requests)
    app = KoranApp(cfg, refresh_on_start=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.main.reader.reading.stored
        assert _drawn(app, "pantai-0.png") == online
        assert UPPER_HALF in _drawn(app, "pantai-lead.jpg")[0]
    assert len(site.requests) == asked


async def test_hostile_pictures_fail_alone_with_a_line_saying_why(site, write_config):  # type: ignore[no-untyped-def]
    feed = pantai_site(site, body_pictures=3)
    good = encoded(picture(200, 150), "JPEG")
    site.add("/foto/pantai-0.png", good[: len(good) // 3], "image/jpeg")  # truncated
    site.add("/foto/pantai-1.png", "<html><body>iklan</body></html>" * 30, "image/png")  # a lie
    app = KoranApp(_config(write_config, feed))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        for name in ("pantai-0.png", "pantai-1.png"):
            (line,) = _drawn(app, name)
            assert "not shown" in line and name in line
        assert UPPER_HALF in _drawn(app, "pantai-2.png")[0]
        assert UPPER_HALF in _drawn(app, "pantai-lead.jpg")[0]
        assert "/p" not in site.requests and "/logo.png" not in site.requests  # tracker, logo


async def test_i_opens_the_nearest_picture_full_screen(site, write_config):  # type: ignore[no-untyped-def]
    feed = pantai_site(site, body_pictures=1)
    app = KoranApp(_config(write_config, feed))
    assume(CELLS)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        before = app.focused
        await pilot.press("i")  # from the headline list too: the open article's picture
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, PictureScreen) and screen.url.endswith("pantai-lead.jpg")
        assert screen.drawn_with == CELLS
        assert UPPER_HALF in "".join(
            s.text for s in screen.query_one(HalfCellPicture).render_line(30)
        )
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PictureScreen)
        assert app.focused is before
        # o still opens the page, not the picture.
        opened: list[str] = []
        app.open_url = opened.append  # type: ignore[method-assign]
        await pilot.press("o")
        assert opened and opened[0].endswith("/berita/pantai")


async def test_a_kitty_terminal_gets_the_real_picture_full_screen(site, write_config):  # type: ignore[no-untyped-def]
    from textual_image.widget import TGPImage

    feed = pantai_site(site, body_pictures=0)
    app = KoranApp(_config(write_config, feed))
    assume(TGP)  # what probe_terminal finds when the terminal answers Kitty's query
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            await pilot.press("enter")
            await settle(app, pilot)
            app.main.article_view.focus()
            await pilot.pause()
            await pilot.press("i")
            await settle(app, pilot)
            assert app.screen.query(TGPImage)
            assert app.screen.drawn_with == TGP  # type: ignore[attr-defined]
    finally:
        assume(CELLS)


async def test_images_off_fetches_nothing_and_names_the_picture(site, write_config):  # type: ignore[no-untyped-def]
    feed = pantai_site(site, body_pictures=1)
    app = KoranApp(_config(write_config, feed, 'images = "off"'))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        view = app.main.article_view
        assert view.pictures.placed() == []
        assert not any(p.startswith("/foto/") for p in site.requests)
        lines = [view.line_text(i) for i in range(view.wrapped_lines)]
        assert any("pantai-lead.jpg" in line and "▣" in line for line in lines)
        assert not any(UPPER_HALF in line for line in lines)


async def test_the_palette_turns_pictures_off_and_on(site, write_config):  # type: ignore[no-untyped-def]
    from korantui.ui.commands import app_commands

    feed = pantai_site(site, body_pictures=1)
    app = KoranApp(_config(write_config, feed, 'images = "cells"'))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        view = app.main.article_view
        assert view.pictures.placed()

        def command() -> object:
            return next(c for c in app_commands(app) if c[0].startswith("Pictures"))[1]

        command()()  # type: ignore[operator]
        await pilot.pause()
        assert app.config.images == "off" and view.pictures.placed() == []
        command()()  # type: ignore[operator]
        await settle(app, pilot)
        assert app.config.images == "auto"
        assert UPPER_HALF in _drawn(app, "pantai-0.png")[0]


def test_a_bad_images_setting_names_its_line(write_config) -> None:  # type: ignore[no-untyped-def]
    from korantui.core.config import ConfigError

    with pytest.raises(ConfigError, match=r"config.toml:line 2: images must be"):
        write_config('prefetch = 0\nimages = "kitty"\n')


async def test_prefetched_articles_bring_their_pictures_for_offline(site, write_config):  # type: ignore[no-untyped-def]
    from korantui.core.store.images import stored_image

    feed = pantai_site(site, body_pictures=1)
    cfg = write_config(f'prefetch = 1\n[[feeds]]\nurl = "{feed}"\nname = "Koran Uji"\n')
    app = KoranApp(cfg)
    async with app.run_test(size=SIZE) as pilot:
        picture = f"{site.base}/foto/pantai-0.png"
        await until(
            app, pilot, lambda: stored_image(app.store, picture) is not None, "the prefetch"
        )
        await settle(app, pilot)
        assert app.main.reader.headline is None  # nothing opened
        stored = stored_image(app.store, picture)
        assert stored is not None and stored.width == 200
    site.stop()
    app = KoranApp(cfg, refresh_on_start=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert UPPER_HALF in _drawn(app, "pantai-0.png")[0]


@pytest.mark.parametrize("value", ["1.5", '"150"', "-1", "true", "100001"])
def test_a_bad_image_cache_setting_names_its_line(write_config, value) -> None:  # type: ignore[no-untyped-def]
    from korantui.core.config import ConfigError

    with pytest.raises(ConfigError, match=r"config.toml:line 2: image_cache_mb must be a whole"):
        write_config(f"prefetch = 0\nimage_cache_mb = {value}\n")


def test_the_image_cache_setting_defaults_to_150_and_is_taken(write_config) -> None:  # type: ignore[no-untyped-def]
    assert write_config("prefetch = 0\n").image_cache_mb == 150
    cfg = write_config("prefetch = 0\nimage_cache_mb = 2\n")
    assert cfg.image_cache_mb == 2 and not cfg.warnings


async def test_the_app_keeps_its_pictures_to_image_cache_mb(site, write_config):  # type: ignore[no-untyped-def]
    from korantui.core.store.images import MB, save_image, stored_image, total_size

    feed = pantai_site(site, body_pictures=1)
    app = KoranApp(_config(write_config, feed, "image_cache_mb = 1"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        # Two old pictures of 0.6 MB: the second goes over the megabyte and the first goes.
        blob = b"x" * (6 * MB // 10)
        save_image(app.store, "http://a/one.jpg", None, data=blob, width=4, height=3)
        save_image(app.store, "http://a/two.jpg", None, data=blob, width=4, height=3)
        assert stored_image(app.store, "http://a/one.jpg") is None
        assert stored_image(app.store, "http://a/two.jpg") is not None
        assert total_size(app.store) <= MB
