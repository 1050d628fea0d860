"""The refresh's child process (core/refresh_process.py) on its own: it ends by itself once its
feeds are stored, also when it made a parse pool of its own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from korantui.core import refresh_process
from korantui.core.models import FeedSpec, RefreshResult
from korantui.core.net.fetch_settings import FetchSettings
from korantui.core.sources import parsepool
from korantui.core.store.database import Store
from tests.hostile_servers import Site, rss

# Enough feeds that feedparser reads (their links are on loopback, which the fast path leaves
# to it) for the refresh to make its parse pool.
FEEDS = parsepool.MIN_BATCH + parsepool.MIN_SLOW


@pytest.mark.skipif(not refresh_process.AVAILABLE, reason="no forkserver on this system")
@pytest.mark.skipif(sys.platform == "win32", reason="forkserver is POSIX")
def test_a_child_that_made_a_parse_pool_ends_by_itself(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    store = Store(db)
    with Site() as site:
        urls = []
        for n in range(FEEDS):
            items = [
                {"title": f"Kabar {n} nomor {i}", "link": f"{site.base}/berita/{n}-{i}"}
                for i in range(5)
            ]
            urls.append(site.page(f"/{n}.xml", rss(items), "application/rss+xml"))
        specs = [FeedSpec(url=u, name=f"Koran {n}") for n, u in enumerate(urls)]
        store.sync_feeds(specs)
        feeds = store.feeds()
        heard: list[RefreshResult] = []
        child = refresh_process.ChildRefresh(db, FetchSettings(), feeds, specs)
        results = child.run(heard.append)
    assert [r.error for r in results] == [""] * FEEDS
    assert len(heard) == FEEDS
    assert len(store.headlines()) == FEEDS * 5
    # Not killed on its way out (a child stuck waiting for its pool's workers is, after 5 s).
    assert child.exitcode == 0
    store.close()
