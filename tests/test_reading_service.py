"""The reading service: each change reaches the store, gives back new values (the ones passed in
stay as they were) and tells its listener."""

from __future__ import annotations

from korantui.core.models import FeedSpec, ParsedSource
from korantui.core.reading import FULL_TEXT, SUMMARY
from korantui.core.reading_service import ReadingService
from korantui.core.store.database import Store
from tests.uikit import CONFIG, article_with_links, fill


def _service(write_config) -> tuple[ReadingService, list[int], dict[str, list[int]]]:  # type: ignore[no-untyped-def]
    cfg = write_config(CONFIG)
    ids = fill(cfg)
    calls: list[int] = []
    service = ReadingService(Store(cfg.db_path), on_change=lambda: calls.append(1))
    return service, calls, ids


def test_read_star_and_mark_all_reach_the_store_as_new_values(write_config):
    service, calls, ids = _service(write_config)
    first = service.headlines()[0]
    (read,) = service.set_read([first])
    assert read.read and not first.read  # a new value; the old one is left alone
    assert service.headline(first.id).read  # type: ignore[union-attr]
    starred = service.set_starred(read, True)
    assert starred.starred and starred.read
    assert service.counts() == (5, 6, 1)
    service.mark_feed_read(service.feeds()[0].id)
    assert service.counts()[0] == 3
    service.mark_feed_read(None)
    assert service.counts()[0] == 0
    assert len(calls) == 4
    assert ids


def test_opening_marks_read_and_shows_what_is_stored(write_config):
    service, calls, ids = _service(write_config)
    satu = ids["Satu"]
    reading = service.open(satu[0])
    assert reading is not None and reading.status == SUMMARY and reading.headline.read
    assert service.headline(satu[0]).read  # type: ignore[union-attr]
    assert calls == [1]
    service.store.save_article(satu[1], article_with_links("http://127.0.0.1:9/satu/1"))
    stored = service.open(satu[1])
    assert stored is not None and stored.status == FULL_TEXT and stored.stored
    assert service.open(10_000) is None


def test_the_next_feed_with_unread_headlines_wraps_round(write_config):
    service, _calls, ids = _service(write_config)
    feeds = service.feeds()
    satu, dua = feeds[0], feeds[1]
    assert service.feed_with_unread(feeds, satu.id, 1) == dua
    assert service.feed_with_unread(feeds, dua.id, 1) == satu
    service.mark_feed_read(satu.id)
    assert service.feed_with_unread(service.feeds(), dua.id, -1) is None
    assert ids


def test_the_feed_list_follows_the_config_and_discovery_stores_its_first_read(write_config):
    service, calls, _ids = _service(write_config)
    url = "http://127.0.0.1:9/tiga.xml"
    service.sync_feeds([FeedSpec(url="http://127.0.0.1:9/satu.xml", name="Satu"), FeedSpec(url)])
    assert [f.url for f in service.feeds()][-1] == url
    parsed = ParsedSource("Tiga", [])
    result = service.store_discovered(url, parsed)
    assert result is not None and result.feed.title == "Tiga"
    assert service.store_discovered("http://127.0.0.1:9/none.xml", parsed) is None
    tiga = next(f for f in service.feeds() if f.url == url)
    service.remove_feed(tiga.id)
    assert url not in [f.url for f in service.feeds()]
    assert len(calls) == 3
