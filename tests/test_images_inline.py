"""Inline pictures in the terminal's own graphics, through a pilot on a loopback picture site:
where the terminal was found to draw Kitty's protocol (direct placement, as Debian's Kitty
0.26.5) or Sixel, a one-cell spot on each picture's last cell on screen carries the sequences
that draw it over its cells, at the picture's place, and follows the scroll; the cells stay
what they were (tests/test_images_snapshot.py). What reaches a real terminal's bytes is
tests/test_images_pty.py's."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from korantui.ui.app import KoranApp
from korantui.ui.widgets.image_cells import UPPER_HALF, half_cell_lines, picture_size
from korantui.ui.widgets.image_overlay import PictureSpot
from korantui.ui.widgets.image_terminal import CELLS, SIXEL, TGP_PLACE, assume
from tests.images_site import PictureSite, pantai_site
from tests.uikit import settle

SIZE = (130, 60)
_MOVE = r"\x1b\[(\d+);(\d+)H"
_PLACE = re.compile(
    _MOVE + r"\x1b_Ga=p,i=(\d+),p=1,y=(\d+),h=(\d+),c=(\d+),r=(\d+),C=1,q=2\x1b\\" + _MOVE
)
_SIXEL = re.compile(_MOVE + r"\x1bP0;1;0q\"1;1;(\d+);(\d+)")


@pytest.fixture
def site() -> Iterator[PictureSite]:
    s = PictureSite().start()
    yield s
    s.stop()


@pytest.fixture
def terminal() -> Iterator[None]:
    yield
    assume(CELLS)


def _app(write_config, site: PictureSite, extra: str = "") -> KoranApp:  # type: ignore[no-untyped-def]
    feed = pantai_site(site, body_pictures=1)
    return KoranApp(
        write_config(f'prefetch = 0\n{extra}\n[[feeds]]\nurl = "{feed}"\nname = "Koran Uji"\n')
    )


def _spots(app: KoranApp) -> list[tuple[int, int, str]]:
    """(x, y, what it sends) of each spot on show, top first."""
    spots = [s for s in app.screen.query(PictureSpot) if s.display]
    drawn = [(s.region.x, s.region.y, "".join(seg.text for seg in s.render_line(0))) for s in spots]
    return sorted(drawn, key=lambda d: d[1])


async def _open(app: KoranApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)
    app.main.article_view.focus()
    await settle(app, pilot)


async def test_kitty_places_each_picture_at_its_place_and_follows_the_scroll(
    site, write_config, terminal
) -> None:  # type: ignore[no-untyped-def]
    assume(TGP_PLACE)  # what the probe finds in Kitty 0.26.5
    app = _app(write_config, site)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        view = app.main.article_view
        placed = view.pictures.placed()
        assert len(placed) == 2
        region = view.content_region
        spots = _spots(app)
        assert len(spots) == 2  # both on screen
        ids = set()
        for picture, (x, y, sent) in zip(placed, spots, strict=True):
            m = _PLACE.search(sent)
            assert m is not None, sent
            row, col, image_id, top, _, cols, rows, end_row, end_col = map(int, m.groups())
            ids.add(image_id)
            # The picture's first row and column on screen (1-based), all its rows, and the
            # cursor back after the picture's last cell, on the spot's own row.
            assert (col - 1, row - 1) == (region.x, region.y + picture.line)
            assert (top, cols, rows) == (0, picture.columns, picture.rows)
            assert (x, y) == (region.x + cols - 1, region.y + picture.line + rows - 1)
            assert (end_col - 1, end_row - 1) == (x + 1, y)
            # The spot's own cell is the picture's last cell, as the pane paints it.
            assert sent.startswith(UPPER_HALF)
        assert len(ids) == 2
        # The pane's lines stay the cells (what the SVG snapshots hold).
        assert set(view.line_text(placed[0].line).strip()) == {UPPER_HALF}
        assert view.pictures.overlay.drawn == [("kitty", p.line) for p in placed]

        # Scrolled so the lead photo is half out at the top: Kitty crops it (y=, h=, r=).
        lead = placed[0]
        await pilot.resize_terminal(130, 30)  # a short pane, that scrolls that far
        await settle(app, pilot)
        view.scroll_to(y=lead.line + 3, animate=False)
        await settle(app, pilot)
        assert view.scroll_offset.y == lead.line + 3
        region = view.content_region
        x, y, sent = _spots(app)[0]
        m = _PLACE.search(sent)
        assert m is not None
        row, _, _, top, height, _, rows, _, _ = map(int, m.groups())
        assert row - 1 == region.y and rows == lead.rows - 3
        assert top == round(3 * height / rows) and y == region.y + rows - 1

        # Scrolled past both: no spot, nothing drawn.
        view.scroll_end(animate=False)
        await settle(app, pilot)
        last = placed[-1]
        if last.line + last.rows <= view.scroll_offset.y:
            assert _spots(app) == [] and view.pictures.overlay.drawn == []


async def test_sixel_draws_a_picture_wholly_in_view_and_its_cells_show_the_rest(
    site, write_config, terminal
) -> None:  # type: ignore[no-untyped-def]
    assume(SIXEL)
    app = _app(write_config, site)
    async with app.run_test(size=(130, 30)) as pilot:
        await _open(app, pilot)
        view = app.main.article_view
        region = view.content_region
        lead = view.pictures.placed()[0]
        ((x, y, sent), *_) = _spots(app)
        m = _SIXEL.search(sent)
        assert m is not None, sent[:200]
        row, col, width, height = map(int, m.groups())
        assert (col - 1, row - 1) == (region.x, region.y + lead.line)
        # Textual-image measured no terminal here: 10×20-pixel cells.
        assert (width, height) == (lead.columns * 10, lead.rows * 20)
        assert (x, y) == (region.x + lead.columns - 1, region.y + lead.line + lead.rows - 1)

        view.scroll_to(y=lead.line + 1, animate=False)  # one row of it out of view
        await settle(app, pilot)
        assert view.scroll_offset.y == lead.line + 1
        assert all(line != lead.line for _, line in view.pictures.overlay.drawn)
        assert not any(_SIXEL.search(sent) and y == region.y for _, y, sent in _spots(app))


async def test_cells_mode_and_a_cells_terminal_get_no_spot(site, write_config, terminal) -> None:  # type: ignore[no-untyped-def]
    assume(TGP_PLACE)
    app = _app(write_config, site, 'images = "cells"')
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        assert UPPER_HALF in app.main.article_view.line_text(
            app.main.article_view.pictures.placed()[0].line
        )
        assert _spots(app) == []
    assume(CELLS)
    app = _app(write_config, site)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        assert _spots(app) == []


async def test_another_screen_takes_the_spots_away_and_back(site, write_config, terminal) -> None:  # type: ignore[no-untyped-def]
    from korantui.ui.widgets.image_screen import PictureScreen, PlacedPicture

    assume(TGP_PLACE)
    app = _app(write_config, site)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot)
        assert len(_spots(app)) == 2
        await pilot.press("i")
        await settle(app, pilot)
        assert isinstance(app.screen, PictureScreen) and app.screen.drawn_with == TGP_PLACE
        main = app.main
        assert main.article_view.pictures.overlay.drawn == []
        # `i` places the real picture over its own cells, on its last row.
        picture = app.screen.query_one(PlacedPicture)
        await settle(app, pilot)
        graphic = picture.graphic
        assert graphic is not None
        sent = "".join(s.text for s in picture.render_line(graphic.rows - 1))
        assert f"a=p,i={graphic.image_id},p=1,y=0,h={graphic.pixel_height}" in sent
        await pilot.press("escape")
        await settle(app, pilot)
        assert len(_spots(app)) == 2


async def test_a_narrow_pane_gets_its_cells_drawn_again_in_the_worker(site, write_config) -> None:  # type: ignore[no-untyped-def]
    from korantui.core.store.images import stored_image
    from korantui.ui.widgets.image_feed import decoded, thumbnail

    assume(CELLS)
    app = _app(write_config, site)
    async with app.run_test(size=(200, 40)) as pilot:
        await _open(app, pilot)
        view = app.main.article_view
        wide = view.pictures.placed()[0]
        await pilot.resize_terminal(110, 40)
        await settle(app, pilot)
        narrow = view.pictures.placed()[0]
        assert narrow.columns < wide.columns
        stored = stored_image(app.store, narrow.url)
        assert stored is not None
        image = decoded(stored)
        assert image is not None
        small = thumbnail(image)
        cols, rows = picture_size(*small.size, view.scrollable_content_region.width)
        expected = half_cell_lines(small, cols, rows)
        # Drawn anew for the width, not the wide cells cut to it: cell for cell the colours of
        # the picture drawn at this size.
        assert (narrow.columns, narrow.rows) == (cols, rows)
        top = view.scroll_offset.y
        for row in range(rows):
            strip = view.render_line(narrow.line + row - top)
            assert _colours(list(strip), cols) == _colours(expected[row], cols)


def _colours(segments: list, cols: int) -> list[tuple[object, object]]:  # type: ignore[type-arg]
    cells = []
    for segment in segments:
        style = segment.style
        cells += [(style.color, style.bgcolor)] * len(segment.text)
    return cells[:cols]
