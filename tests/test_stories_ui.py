"""One story, many outlets, in the app (issue 18): a loopback site of three outlets' feeds that
share a story; the app shows it as one row with "+2", → shows the outlets, each opens its own
article, m on the row marks all three read in the store; off by config or the palette."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from pytest_httpserver import HTTPServer

from korantui.ui.app import KoranApp
from korantui.ui.commands import app_commands
from tests.screen import screen_lines, screen_text
from tests.test_stories import FLOOD, OTHER
from tests.uikit import settle

AT = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=6)
OUTLETS = {  # feed -> (its own story, minutes after the first report of the flood)
    "antara": (OTHER, 90),
    "tribun": (("Festival Kuliner Melayu ramaikan Tepi Laut", "Ratusan pengunjung datang."), 0),
    "batamnews": (("Harga cabai merah di Batam naik", "Pedagang Pasar Tos 3000 mengeluh."), 45),
}
FLOOD_OF = dict(zip(OUTLETS, FLOOD, strict=True))


def _feed(base: str, name: str) -> str:
    own, minutes = OUTLETS[name]
    items = []
    for slug, (title, summary), at in (
        ("banjir", FLOOD_OF[name], AT + timedelta(minutes=minutes)),
        ("lain", own, AT - timedelta(hours=1)),
    ):
        link = f"{base}/{name}/{slug}"
        items.append(
            f"<item><title>{html.escape(title)}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{format_datetime(at)}</pubDate>"
            f"<description>{html.escape(summary)}</description></item>"
        )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{name}'
        f"</title><link>{base}/</link>{''.join(items)}</channel></rss>"
    )


def _page(title: str, paragraph: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{html.escape(title)}'
        f"</title></head><body><article><h1>{html.escape(title)}</h1>"
        + "".join(f"<p>{html.escape(paragraph)} Paragraf {k}.</p>" for k in range(4))
        + "</article></body></html>"
    )


def _site(server: HTTPServer) -> str:
    base = server.url_for("").rstrip("/")
    for name in OUTLETS:
        server.expect_request(f"/{name}.xml").respond_with_data(
            _feed(base, name), content_type="application/rss+xml"
        )
        title, summary = FLOOD_OF[name]
        server.expect_request(f"/{name}/banjir").respond_with_data(
            _page(title, f"{summary} Laporan {name}."), content_type="text/html; charset=utf-8"
        )
    return base


def _config(base: str, extra: str = "") -> str:
    feeds = "".join(f'[[feeds]]\nurl = "{base}/{n}.xml"\nname = "{n}"\n' for n in OUTLETS)
    return f"prefetch = 0\n{extra}\n{feeds}"


def _row_of(app: KoranApp, title: str) -> int:
    """The row showing this headline (marked "[+N] " as a story's, "↳ " under it)."""
    rows = app.main.headline_list.rows
    return next(i for i, r in enumerate(rows) if r.title.endswith(title))


async def test_a_story_of_three_outlets_is_one_row_that_opens_and_is_read_as_one(
    httpserver: HTTPServer, write_config
) -> None:
    cfg = write_config(_config(_site(httpserver)))
    app = KoranApp(cfg)
    async with app.run_test(size=(150, 30)) as pilot:
        await settle(app, pilot)
        hl = app.main.headline_list
        first = FLOOD_OF["tribun"][0]  # the earliest report heads the story
        assert len(hl.rows) == 4, [r.title for r in hl.rows]  # 3 own stories, 1 shared
        assert any(("[+2] " + first)[:25] in line for line in screen_lines(app))
        assert FLOOD_OF["antara"][0][:20] not in screen_text(app)

        hl.cursor = _row_of(app, first)
        await pilot.press("right")
        await pilot.pause()
        assert len(hl.rows) == 6
        text = screen_text(app)
        assert "↳ " + FLOOD_OF["antara"][0][:15] in text
        assert "↳ " + FLOOD_OF["batamnews"][0][:15] in text
        stored = {app.store.headline(r.id).title for r in hl.rows}  # type: ignore[union-attr]
        assert stored == {t for t, _ in (*FLOOD, *(own for own, _ in OUTLETS.values()))}

        # A member opens its own article.
        hl.cursor = _row_of(app, FLOOD_OF["batamnews"][0])
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.main.reader.headline is not None
        assert app.main.reader.headline.link.endswith("/batamnews/banjir")
        assert "Laporan batamnews." in app.main.article_view.plain
        members = [r for r in hl.rows if "banjir" in r.link]
        assert len(members) == 3
        # One of three read: the story's row is still unread.
        assert not hl.rows[_row_of(app, first)].read

        await pilot.press("left")  # fold it again: the cursor goes to the story's row
        await pilot.pause()
        assert len(hl.rows) == 4 and hl.current is not None
        assert hl.current.title == "[+2] " + first
        await pilot.press("m")
        await pilot.pause()
        assert all(app.store.headline(m.id).read for m in members)  # type: ignore[union-attr]
        assert hl.current.read
        await pilot.press("s")  # a story's row comes back from a change with its mark, once
        await pilot.pause()
        assert hl.current.title == "[+2] " + first and hl.current.starred
        others = [r for r in hl.rows if "banjir" not in r.link]
        assert not any(app.store.headline(r.id).read for r in others)  # type: ignore[union-attr]


async def test_grouping_can_be_switched_off_in_the_config_and_the_palette(
    httpserver: HTTPServer, write_config
) -> None:
    cfg = write_config(_config(_site(httpserver), "group_stories = false"))
    assert cfg.group_stories is False
    app = KoranApp(cfg)
    async with app.run_test(size=(150, 30)) as pilot:
        await settle(app, pilot)
        hl = app.main.headline_list
        assert len(hl.rows) == 6 and "[+2]" not in screen_text(app)
        toggle = next(c for c in app_commands(app) if c[0] == "Group one story across outlets")
        toggle[1]()
        await pilot.pause()
        assert len(hl.rows) == 4 and "[+2]" in screen_text(app)


def test_group_stories_must_be_true_or_false(write_config) -> None:
    import pytest

    from korantui.core.config import ConfigError

    with pytest.raises(ConfigError, match=r"config.toml:line 1: 'group_stories' must be true"):
        write_config('group_stories = "yes"\n')
    assert write_config("").group_stories is True
    off = write_config("group_stories = false\n")
    assert off.group_stories is False and off.warnings == []  # a known key, not a typo
