"""A feed item's files (a podcast episode's audio, a video) are shown as such, with type, size
and address, and fetched by nobody (issue 17, item 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from korantui.core.models import Enclosure, FeedSpec
from korantui.core.net.fetch import Fetcher
from korantui.core.reading import stored_reading
from korantui.core.refresh import refresh_feeds
from korantui.core.render import render_reading
from korantui.core.sources.fastparse import parse_fast
from korantui.core.sources.feeds import parse_feed
from korantui.core.store.database import Store
from tests.hostile_servers import Site


def _item(n: int, *enclosures: str) -> str:
    files = "".join(f"<enclosure {attrs}/>" for attrs in enclosures)
    return (
        f"<item><title>Podcast Kabar Kepri Episode {n}</title>"
        f"<link>https://koran.test/podcast/{n}</link>"
        f"<guid>https://koran.test/podcast/{n}</guid>{files}</item>"
    )


AUDIO = "url='https://cdn.koran.test/audio/episode-12.mp3' length='12345678' type='audio/mpeg'"


def _feed(*items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        "<title>Kabar Kepri</title><link>https://koran.test/</link><description>uji</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


WANTED = (Enclosure("https://cdn.koran.test/audio/episode-12.mp3", "audio/mpeg", 12345678),)


def test_both_parse_paths_keep_an_items_files_but_not_its_pictures() -> None:
    picture = "url='https://cdn.koran.test/a.jpg' type='image/jpeg'"
    data = _feed(_item(12, AUDIO), _item(13, AUDIO, picture))
    slow = parse_feed(data, "https://koran.test/feed.xml")
    fast = parse_fast(data, "https://koran.test/feed.xml")
    assert fast is not None
    for parsed in (slow, fast):
        assert parsed.entries[0].enclosures == WANTED
        assert parsed.entries[1].enclosures == WANTED  # the picture is the image, not a file
        assert parsed.entries[1].image == "https://cdn.koran.test/a.jpg"


@pytest.mark.parametrize(
    ("attrs", "wanted"),
    [
        ("url='javascript:alert(1)' type='audio/mpeg'", ()),
        ("url='https://c.test/x.mp3' length='lots' type='audio/mpeg'", (0,)),
        ("url='https://c.test/x.mp3' length='-5' type='audio/mpeg'", (0,)),
    ],
)
def test_a_hostile_enclosure_is_dropped_or_made_harmless(attrs: str, wanted: tuple) -> None:
    parsed = parse_feed(_feed(_item(1, attrs)), "https://koran.test/feed.xml")
    assert tuple(e.length for e in parsed.entries[0].enclosures) == wanted


async def test_the_reading_pane_names_the_file_its_type_and_size(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.db")
    with Site() as site:
        url = site.page("/feed.xml", _feed(_item(12, AUDIO)).decode(), "application/rss+xml")
        store.sync_feeds([FeedSpec(url, "Kabar Kepri")])
        async with Fetcher() as fetcher:
            await refresh_feeds(store, fetcher, store.feeds())
        hits = dict(site.hits)
    assert list(hits) == ["/feed.xml"]  # nothing of the file was fetched
    headline = store.headlines()[0]
    reading = stored_reading(store, headline)
    assert reading.enclosures == WANTED
    rendered = render_reading(reading)
    from rich.console import Console

    console = Console(width=100, record=True)
    console.print(rendered.renderable)
    text = console.export_text()
    assert "♪ episode-12.mp3  (audio/mpeg, 12.3 MB) [1]" in text
    assert rendered.links == ["https://cdn.koran.test/audio/episode-12.mp3"]
    store.close()
