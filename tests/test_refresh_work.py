"""A refresh's store work: grouped once a writer batch, its rows the same as one by one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from korantui.core.models import Enclosure, Entry, FeedSpec
from korantui.core.store.database import Store
from korantui.core.store.enclosures import enclosures_of
from korantui.core.store.stories import groups
from tests.hostile_servers import Site, rss
from tests.test_stories import FLOOD, OTHER


def one_story_feeds(site: Site, store: Store, stories: list[tuple[str, str]]) -> None:
    """A feed a story, each of another outlet, ten minutes apart, three hours ago; in the store."""
    when = datetime.now(UTC) - timedelta(hours=3)
    urls = []
    for n, (title, summary) in enumerate(stories):
        item = {
            "title": title,
            "link": f"https://koran{n}.example/berita/{n}",
            "description": summary,
            "pubDate": format_datetime(when + timedelta(minutes=10 * n)),
        }
        urls.append(site.page(f"/{n}.xml", rss([item]), "application/rss+xml"))
    store.sync_feeds([FeedSpec(url=u, name=f"Koran {n}") for n, u in enumerate(urls)])


async def test_a_refresh_groups_its_new_headlines_into_stories(tmp_path: Path) -> None:
    from korantui.core.net.fetch import Fetcher
    from korantui.core.refresh import refresh_feeds

    store = Store(tmp_path / "k.db")
    with Site() as site:
        one_story_feeds(site, store, [*FLOOD, OTHER])
        async with Fetcher() as fetcher:
            results = await refresh_feeds(store, fetcher, store.feeds())
    assert [r.new for r in results] == [1, 1, 1, 1]
    ids = {h.title: h.id for h in store.headlines()}
    found = groups(store)
    flood = {ids[t] for t, _ in FLOOD}
    assert flood <= set(found) and len({found[i] for i in flood}) == 1
    assert ids[OTHER[0]] not in found
    store.close()


def test_many_new_headlines_keep_their_search_rows_and_files(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.db")
    store.sync_feeds([FeedSpec(url="http://a.example/f.xml"), FeedSpec("http://b.example/f")])
    a, b = store.feeds()
    assert store.save_entries(a.id, [Entry("Kabar lama", "http://b.example/old")]) == (1, 1)
    assert store.save_entries(b.id, [Entry("Kabar lama", "http://b.example/old")]) == (1, 1)
    files = (Enclosure("http://b.example/siar.mp3", "audio/mpeg", 1234),)
    entries = [
        Entry("Kabar lama", "http://b.example/old"),  # seen in this feed: no new row
        Entry("Pelabuhan baru dibuka", "http://b.example/x", enclosures=files),
        Entry("Tanpa tautan", "", guid="tag:b,1", summary="Ringkasan nelayan"),
        Entry("Dua kali", "http://b.example/y"),
        Entry("Dua kali lagi", "http://b.example/y"),  # the same link: one row
        Entry("Bukan alamat", "javascript:alert(1)", guid="g2"),
    ]
    assert store.save_entries(b.id, entries) == (4, 5)
    rows = {h.title: h for h in store.headlines(b.id)}
    assert set(rows) == {"Kabar lama", "Pelabuhan baru dibuka", "Tanpa tautan", "Dua kali"} | {
        "Bukan alamat"
    }
    assert rows["Bukan alamat"].link == ""
    assert enclosures_of(store, rows["Pelabuhan baru dibuka"].id) == files
    assert enclosures_of(store, rows["Dua kali"].id) == ()
    assert [h.title for h in store.search("nelayan")] == ["Tanpa tautan"]
    assert [h.title for h in store.search("pelabuhan")] == ["Pelabuhan baru dibuka"]
    assert len(store.search("kabar")) == 2  # one a feed
    store.close()


@pytest.mark.parametrize("fails", [True, False])
async def test_a_failing_after_batch_step_leaves_the_feeds_rows_stored(
    tmp_path: Path, fails: bool
) -> None:
    from korantui.core.store.writer import StoreWriter

    store = Store(tmp_path / "k.db")
    store.sync_feeds([FeedSpec(url="http://a.example/f.xml")])
    feed = store.feeds()[0]
    heard: list[object] = []

    def after(results: object) -> None:
        heard.append(results)
        if fails:
            raise RuntimeError("a bug in what follows a batch")

    async with StoreWriter(store, after) as writer:
        got = await writer.write(
            store.save_entries, feed.id, [Entry(title="A", link="http://a.example/1")]
        )
    assert got == (1, 1)
    assert heard == [[(1, 1)]]
    assert [h.title for h in store.headlines()] == ["A"]
    store.close()
