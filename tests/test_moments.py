"""Issue 16's dates: a day printed without a time stays a day (extraction, models, store,
display); a time is shown in its outlet's zone, named where the reader's differs; the headline
list and the reading pane show one date for one story."""

from __future__ import annotations

import json
import pickle
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from rich.console import Console

from korantui.cli import main
from korantui.core.article.dates import WIB, WITA, parse_date
from korantui.core.article.extract import extract_article
from korantui.core.models import Article, Entry, FeedSpec, Headline
from korantui.core.moments import (
    day_only,
    format_when,
    from_stored,
    in_own_zone,
    is_day_only,
    story_date,
    to_stored,
)
from korantui.core.reading import SUMMARY, Reading
from korantui.core.render import render_reading
from korantui.core.sources.feeds import parse_feed
from korantui.core.store.database import Store

DAY_PAGE = """<html><head><title>Banjir Rob di Tanjungpinang</title></head><body>
<article><h1>Banjir Rob di Tanjungpinang</h1><p class="date">Selasa, 20 September 2022</p>
<p>Air laut pasang merendam permukiman warga di pesisir Tanjungpinang sejak pagi hari.</p>
<p>Warga mengungsi ke rumah kerabat sementara petugas memompa air dari jalan utama kota.</p>
<p>Badan penanggulangan bencana memperkirakan air surut menjelang sore bila cuaca cerah.</p>
</article></body></html>"""


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Puts the machine in a time zone: zone("UTC")."""

    def put(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield put
    monkeypatch.delenv("TZ", raising=False)
    time.tzset()


def _text(renderable: object) -> str:
    console = Console(width=100, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def test_a_day_alone_is_read_as_a_day(zone) -> None:
    zone("UTC")
    for text in ("Selasa, 20 September 2022", "20/09/2022", "2022-09-20", "20 Sep 2022"):
        got = parse_date(text)
        assert is_day_only(got), text
        assert got.date() == date(2022, 9, 20)
        assert format_when(got) == "Tue, 20 Sep 2022", text
    assert not is_day_only(parse_date("Selasa, 20 September 2022 - 16:30 WIB"))


def test_the_page_that_prints_only_a_day_is_not_given_a_midnight(zone, tmp_path) -> None:
    # Shown on a machine in UTC as "Mon, 19 Sep 2022 17:00", midnight WIB, before.
    zone("UTC")
    article = extract_article(DAY_PAGE, "https://kabar.example/banjir")
    assert is_day_only(article.published)
    assert article.published.date() == date(2022, 9, 20)


def test_read_prints_the_day_without_a_time(zone, tmp_path, capsys) -> None:
    zone("UTC")
    page = tmp_path / "banjir.html"
    page.write_text(DAY_PAGE, encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "d"), "read", str(page), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["published"] == "2022-09-20"
    assert main(["--data-dir", str(tmp_path / "d"), "read", str(page)]) == 0
    facts = capsys.readouterr().out.splitlines()[1]
    assert "Tue, 20 Sep 2022" in facts and "19 Sep" not in facts and "17:00" not in facts


def test_a_day_keeps_through_models_and_the_store(tmp_path) -> None:
    day = day_only(date(2022, 9, 20))
    assert to_stored(day) == "2022-09-20" and is_day_only(from_stored("2022-09-20"))
    assert pickle.loads(pickle.dumps(day)) == day and is_day_only(pickle.loads(pickle.dumps(day)))
    again = Article.from_dict(Article(url="https://a.example/", published=day).to_dict())
    assert is_day_only(again.published) and again.published.date() == date(2022, 9, 20)
    assert not is_day_only(day.astimezone(UTC))  # converted, it is a moment again

    store = Store(tmp_path / "k.db")
    store.sync_feeds([FeedSpec(url="https://a.example/feed")])
    feed = store.feeds()[0]
    timed = datetime(2022, 9, 20, 16, 30, tzinfo=WITA)
    store.save_entries(
        feed.id,
        [
            Entry("Hari saja", "https://a.example/1", published=day),
            Entry("Dengan jam", "https://a.example/2", published=timed),
        ],
    )
    rows = {h.title: h for h in store.headlines()}
    store.close()
    assert is_day_only(rows["Hari saja"].published)
    assert rows["Hari saja"].published.date() == date(2022, 9, 20)
    # The outlet's zone is kept, for showing the time as it wrote it.
    assert rows["Dengan jam"].published.utcoffset() == timedelta(hours=8)
    assert rows["Dengan jam"].published == timed


def test_headlines_json_gives_a_day_as_a_day(tmp_path, capsys) -> None:
    store = Store(tmp_path / "d" / "korantui.db")
    config = tmp_path / "c.toml"
    config.write_text('[[feeds]]\nurl = "https://a.example/feed"\n', encoding="utf-8")
    store.sync_feeds([FeedSpec(url="https://a.example/feed")])
    store.save_entries(
        store.feeds()[0].id,
        [Entry("Hari saja", "https://a.example/1", published=day_only(date(2022, 9, 20)))],
    )
    store.close()
    argv = ["--config", str(config), "--data-dir", str(tmp_path / "d"), "headlines"]
    assert main([*argv, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["published"] == "2022-09-20"


def test_times_in_the_outlet_s_zone_named_where_the_reader_is_elsewhere(zone) -> None:
    wita = datetime(2022, 8, 3, 10, 15, tzinfo=WITA)
    zone("UTC")
    assert format_when(wita) == "Wed, 3 Aug 2022 10:15 WITA"
    assert format_when(wita, "id") == "Rabu, 3 Agu 2022 10.15 WITA"
    assert format_when(wita.astimezone(UTC)) == "Wed, 3 Aug 2022 02:15"  # UTC: the reader's
    zone("Asia/Makassar")
    assert format_when(wita) == "Wed, 3 Aug 2022 10:15"  # the reader's own zone: not named
    zone("Asia/Jakarta")
    assert format_when(wita) == "Wed, 3 Aug 2022 10:15 WITA"
    assert format_when(wita.astimezone(UTC)) == "Wed, 3 Aug 2022 09:15"
    assert format_when(
        datetime(2022, 8, 3, 10, 15, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    ) == ("Wed, 3 Aug 2022 10:15 UTC+05:30")


def test_a_feed_s_offset_is_kept(zone) -> None:
    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        "<link>https://a.example/</link><item><title>x</title><link>https://a.example/1</link>"
        "<pubDate>Tue, 20 Sep 2022 16:30:05 +0800</pubDate></item></channel></rss>"
    )
    got = parse_feed(rss.encode(), "https://a.example/feed").entries[0].published
    assert got == datetime(2022, 9, 20, 8, 30, 5, tzinfo=UTC)
    assert got.utcoffset() == timedelta(hours=8)
    zone("UTC")
    assert format_when(got) == "Tue, 20 Sep 2022 16:30 WITA"
    assert in_own_zone(got, "Tue, 20 Sep 2022 16:30:05 GMT") == got


def test_list_and_pane_show_one_date_for_one_story(zone) -> None:
    # 01:00 WIB on the 20th is the 19th in UTC: the list said "19 Sep", the pane "… 20 Sep …".
    zone("UTC")
    now = datetime(2022, 10, 30, 12, 0, tzinfo=UTC)
    feed_date = datetime(2022, 9, 20, 1, 0, tzinfo=WIB)
    headline = Headline(1, 1, "Judul", "https://a.example/1", published=feed_date)
    assert format_when(story_date(headline), short=True, now=now) == "20 Sep"
    # The page gave another day (its "updated" one): the pane shows the list's.
    article = Article(url=headline.link, title="Judul", published=day_only(date(2022, 9, 22)))
    shown = _text(render_reading(Reading(headline, article, SUMMARY)).renderable)
    assert "Tue, 20 Sep 2022 01:00 WIB" in shown and "22 Sep" not in shown
    # A headline without a date takes the page's, in both.
    dateless = Headline(2, 1, "Tanpa tanggal", "https://a.example/2")
    assert story_date(dateless, article) == article.published


def test_the_short_form_counts_calendar_days(zone) -> None:
    zone("Asia/Jakarta")
    now = datetime(2026, 11, 27, 12, 30, tzinfo=WIB)
    assert format_when(datetime(2026, 11, 27, 10, 0, tzinfo=WIB), short=True, now=now) == "2 h ago"
    # 39 hours ago, but two calendar days back: the pane says "Wed, 25 Nov".
    assert format_when(datetime(2026, 11, 25, 21, 5, tzinfo=WIB), short=True, now=now) == (
        "2 days ago"
    )
    assert format_when(datetime(2026, 11, 26, 8, 0, tzinfo=WIB), short=True, now=now) == (
        "yesterday"
    )
    assert format_when(day_only(date(2026, 11, 27)), "id", short=True, now=now) == "hari ini"
    assert format_when(day_only(date(2026, 11, 26)), short=True, now=now) == "yesterday"
    assert format_when(day_only(date(2026, 9, 2)), short=True, now=now) == "2 Sep"
    assert format_when(day_only(date(2025, 9, 2)), short=True, now=now) == "2 Sep 2025"


def test_a_dateless_headline_takes_its_page_s_date_in_the_store(tmp_path: Path) -> None:
    store = Store(tmp_path / "k.db")
    store.sync_feeds([FeedSpec(url="https://a.example/", kind="html")])
    store.save_entries(store.feeds()[0].id, [Entry("Tanpa tanggal", "https://a.example/1")])
    headline = store.headlines()[0]
    assert headline.published is None
    day = day_only(date(2022, 9, 20))
    store.save_article(headline.id, Article(url=headline.link, title="x", published=day))
    assert store.headlines()[0].published == day
    # A headline's own date is not replaced by the page's.
    store.save_article(
        headline.id, Article(url=headline.link, published=datetime(2022, 9, 1, tzinfo=UTC))
    )
    assert is_day_only(store.headlines()[0].published)
    store.close()


def test_a_json_feed_s_offset_is_kept() -> None:
    from korantui.core.sources.jsonfeed import read_format
    from korantui.core.sources.kind import Batch

    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "t",
        "items": [
            {
                "id": "1",
                "url": "https://a.example/1",
                "title": "x",
                "date_published": "2022-09-20T16:30:00+09:00",
            }
        ],
    }
    parsed = read_format(
        json.dumps(doc).encode(), "https://a.example/f.json", "application/feed+json", Batch()
    )
    got = parsed.entries[0].published
    assert got == datetime(2022, 9, 20, 7, 30, tzinfo=UTC)
    assert got.utcoffset() == timedelta(hours=9)  # WIT, as the outlet wrote it
