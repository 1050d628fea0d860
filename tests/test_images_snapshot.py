"""The reading pane with its pictures in half-block cells, as an SVG snapshot: a stored article
with a stored lead photo and a body figure, read offline (nothing listens), clock and zone
pinned. Regenerate with `pytest tests/test_images_snapshot.py --snapshot-update`."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from korantui.core import clock
from korantui.core.images.decode import shrink
from korantui.core.models import Article, Block, Entry, Figure
from korantui.core.store.database import Store
from korantui.core.store.images import save_image
from tests.images_site import PARAGRAPHS, encoded, picture
from tests.uikit import offline_app, settle

LEAD = "http://127.0.0.1:9/foto/pantai-lead.jpg"
BODY = "http://127.0.0.1:9/foto/nelayan.png"


@pytest.fixture(autouse=True)
def _pinned(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(clock.ENV, "2026-11-29T09:30:00+07:00")
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def _stored_app(write_config):  # type: ignore[no-untyped-def]
    cfg = write_config('[[feeds]]\nurl = "http://127.0.0.1:9/feed.xml"\nname = "Koran Uji"\n')
    store = Store(cfg.db_path)
    store.sync_feeds(cfg.feeds)
    feed = store.feeds()[0]
    published = datetime(2026, 11, 29, 0, 0, tzinfo=UTC)
    link = "http://127.0.0.1:9/berita/pantai"
    title = "Ribuan Warga Sambut Matahari Terbit di Pantai Ocarina"
    store.save_entries(feed.id, [Entry(title, link, published=published)])
    headline = store.headlines(feed.id)[0]
    figure = Figure(BODY, "Nelayan menjual ikan bakar", "ANTARA/Rina", "nelayan")
    article = Article(
        url=link,
        title=title,
        published=published,
        site="Koran Uji",
        image=LEAD,
        caption="Warga menyaksikan matahari terbit.",
        credit="ANTARA/Budi",
        blocks=[
            Block("p", PARAGRAPHS[0]),
            Block("figure", "", figure=figure),
            Block("p", PARAGRAPHS[1]),
        ],
    )
    store.save_article(headline.id, article)
    for url, im in ((LEAD, picture(320, 120)), (BODY, picture(200, 100, seed=90))):
        shown = shrink(encoded(im, "PNG"))
        save_image(store, url, headline.id, data=shown.data, width=shown.width, height=shown.height)
    store.close()
    return offline_app(cfg)


async def _open(pilot: Pilot) -> None:
    await settle(pilot.app, pilot)
    await pilot.press("enter")
    await settle(pilot.app, pilot)


def test_pictures_in_half_cells(snap_compare, write_config, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_stored_app(write_config), terminal_size=(120, 44), run_before=_open)
