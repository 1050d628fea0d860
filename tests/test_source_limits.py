"""Issue 17 #5, #6, #11: what one source may cost and hold. Feeds served from loopback, refreshed
through refresh_feeds, checked in the store."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from korantui.core.models import FeedSpec, RefreshResult
from korantui.core.net.fetch import Fetcher, FetchSettings
from korantui.core.refresh import refresh_feeds
from korantui.core.sources import budget, limits
from korantui.core.store.database import Store
from tests.hostile_servers import Site, rss, simple_rss


def _refresh(store: Store, specs: list[FeedSpec]) -> list[RefreshResult]:
    store.sync_feeds(specs)

    async def run() -> list[RefreshResult]:
        async with Fetcher(FetchSettings(read_timeout=10, total_timeout=30)) as fetcher:
            return await refresh_feeds(store, fetcher, store.feeds(), specs)

    return asyncio.run(run())


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store(tmp_path / "k.db")
    yield s
    s.close()


def _items(n: int, base: str, extra: str = "") -> list[dict[str, str]]:
    return [
        {
            "title": f"Berita nomor {i}",
            "link": f"{base}/berita/{i}",
            "guid": f"{base}/berita/{i}",
            "pubDate": "Tue, 20 Sep 2022 09:30:00 +0700",
            **({"x": extra} if extra else {}),
        }
        for i in range(n)
    ]


def _with_categories(n_items: int, n_categories: int, base: str) -> str:
    cats = "".join(f"<category>k{j}</category>" for j in range(n_categories))
    doc = rss(_items(n_items, base, "X"), base=base)
    return doc.replace("<x>X</x>", cats + "<author>a@b (A)</author>" * 40)


def test_five_thousand_categories_an_item_cost_linear_time(store):
    # Was 39 s of CPU on every refresh (70 items x 5,000 <category>).
    with Site() as site:
        url = site.page("/f.xml", _with_categories(70, 5000, site.base), "application/rss+xml")
        cpu = time.process_time()
        (result,) = _refresh(store, [FeedSpec(url)])
        cpu = time.process_time() - cpu
    assert (result.error, result.new) == ("", 70)
    assert cpu < 5, f"{cpu:.1f} s of CPU for one feed"
    links = {h.link for h in store.headlines()}
    assert f"{site.base}/berita/69" in links


def test_trimming_keeps_the_first_repeated_elements_and_a_well_formed_document():
    import xml.etree.ElementTree as ET

    doc = _with_categories(3, 5000, "http://127.0.0.1").encode()
    trimmed = limits.trim_feed_document(doc)
    root = ET.fromstring(trimmed)
    items = root.findall("./channel/item")
    assert len(items) == 3
    for item in items:
        cats = [c.text for c in item.findall("category")]
        assert cats == [f"k{j}" for j in range(limits.MAX_REPEATED)]
        assert len(item.findall("author")) == limits.MAX_REPEATED
        assert item.findtext("link", "").startswith("http://127.0.0.1/berita/")


def test_a_100_kb_title_is_not_stored_whole(store):
    with Site() as site:
        items = _items(2, site.base)
        items[0]["title"] = "Judul " + "panjang " * 12_800
        items[0]["author"] = "x" * 50_000
        url = site.page("/f.xml", rss(items, base=site.base), "application/rss+xml")
        (result,) = _refresh(store, [FeedSpec(url)])
    assert result.new == 2
    longest = max(store.headlines(), key=lambda h: len(h.title))
    assert longest.title.startswith("Judul panjang")
    assert len(longest.title) == limits.MAX_TITLE
    assert len(longest.author) <= limits.MAX_AUTHOR


def test_items_per_source_are_capped_for_feeds_and_pages(store):
    # 50,000 article-looking links became 50,000 headlines, and as many requests in `sync`.
    links = "".join(
        f'<li><h3><a href="/2024/03/06/berita-nomor-{i}-hari-ini">Berita nomor {i} hari ini'
        "</a></h3></li>"
        for i in range(1500)
    )
    page = f"<html><head><title>Situs</title></head><body><ul>{links}</ul></body></html>"
    with Site() as site:
        feed = site.page("/f.xml", rss(_items(1200, site.base), base=site.base), "text/xml")
        html = site.page("/", page, "text/html")
        results = _refresh(store, [FeedSpec(feed), FeedSpec(html, kind="html")])
    assert [(r.error, r.new) for r in results] == [("", limits.MAX_ITEMS)] * 2
    feed_rows = store.headlines(feed_id=results[0].feed.id)
    assert {h.title for h in feed_rows} == {f"Berita nomor {i}" for i in range(limits.MAX_ITEMS)}
    page_rows = store.headlines(feed_id=results[1].feed.id)
    assert page_rows[0].title == "Berita nomor 0 hari ini"


def test_a_date_far_in_the_future_is_no_date(store):
    # Items dated 2099 or 9999 stayed on top of All news for ever.
    with Site() as site:
        items = _items(3, site.base)
        items[0]["pubDate"] = "Fri, 31 Dec 9999 23:59:59 +0000"
        items[1]["pubDate"] = "Thu, 01 Jan 2099 00:00:00 +0000"
        soon = datetime.now(UTC) + timedelta(hours=5)  # a feed's clock a few hours off
        items[2]["pubDate"] = soon.strftime("%a, %d %b %Y %H:%M:%S +0000")
        url = site.page("/f.xml", rss(items, base=site.base), "application/rss+xml")
        before = datetime.now(UTC)
        (result,) = _refresh(store, [FeedSpec(url)])
    assert result.new == 3
    by_title = {h.title: h for h in store.headlines()}
    for title in ("Berita nomor 0", "Berita nomor 1"):
        row = by_title[title]
        assert row.published is None
        assert row.first_seen is not None and row.first_seen >= before - timedelta(seconds=1)
    assert by_title["Berita nomor 2"].published == soon.replace(microsecond=0)


def test_a_feed_over_its_cpu_budget_fails_alone(store, monkeypatch):
    import feedparser  # noqa: F401 - imported before the budget starts counting

    monkeypatch.setattr(budget, "CPU_SECONDS", 0.05)
    with Site() as site:
        # Declared windows-1252: the fast path declines it, feedparser reads 480 items.
        heavy = rss(_items(480, site.base), base=site.base).replace(
            'encoding="UTF-8"', 'encoding="windows-1252"'
        )
        slow = site.page("/heavy.xml", heavy, "application/rss+xml")
        light = site.page("/light.xml", simple_rss(site.base, 2), "application/rss+xml")
        heavy_result, light_result = _refresh(store, [FeedSpec(slow), FeedSpec(light)])
    assert heavy_result.error == "the feed needs more than 0.05 s of CPU to read: skipped"
    assert (light_result.error, light_result.new) == ("", 2)
    # The budget's exception never leaks into what this thread does next.
    assert sum(range(10**6)) == 499999500000


@pytest.mark.parametrize("rules", [{}, {"item": "li", "title": "h3"}], ids=["heuristic", "rules"])
def test_a_page_of_20_000_headline_links_costs_a_bounded_time(rules):
    from korantui.core.sources.htmlsource import parse_html_source

    links = "".join(
        f'<li><h3><a href="/2024/03/06/berita-nomor-{i}-hari-ini">Berita nomor {i} hari ini'
        "</a></h3></li>"
        for i in range(20_000)
    )
    page = f"<html><head><title>Situs</title></head><body><ul>{links}</ul></body></html>"
    cpu = time.process_time()
    parsed = parse_html_source(page, "https://situs.example/", rules)
    cpu = time.process_time() - cpu
    assert len(parsed.entries) == limits.MAX_ITEMS  # was 20,000, for 4.5 s of CPU
    assert parsed.entries[-1].title == f"Berita nomor {limits.MAX_ITEMS - 1} hari ini"
    assert cpu < 3, f"{cpu:.1f} s of CPU for one page"
