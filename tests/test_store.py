"""The store: de-duplication, order, read state, articles, search, pruning."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from korantui.core.models import Article, Block, Entry, FeedSpec, Link
from korantui.core.store.database import SCHEMA_VERSION, Store
from korantui.core.store.schema import STEPS, statements


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "k.db")
    s.sync_feeds([FeedSpec("https://a.example/feed", "A", "Kepri")])
    yield s
    s.close()


def _feed_id(store: Store) -> int:
    return store.feeds()[0].id


def test_repeated_guids_do_not_merge_different_articles(store):
    """Tempo's re-serialised feeds reuse guids 1..9 for different articles on each refresh."""
    fid = _feed_id(store)
    first = [Entry(f"Berita {i}", f"https://a.example/{i}", guid=str(i)) for i in range(1, 4)]
    assert store.save_entries(fid, first) == (3, 3)
    later = [Entry(f"Lain {i}", f"https://a.example/lain-{i}", guid=str(i)) for i in range(1, 4)]
    assert store.save_entries(fid, later) == (3, 3)
    assert len(store.headlines(fid)) == 6


def test_same_link_is_the_same_headline_and_duplicates_in_one_feed_collapse(store):
    fid = _feed_id(store)
    entries = [
        Entry("Judul", "https://a.example/x", guid="g1"),
        Entry("Judul lagi", "https://a.example/x", guid="g2"),
    ]
    assert store.save_entries(fid, entries) == (1, 1)
    assert store.save_entries(fid, [Entry("Judul baru", "https://a.example/x", guid="g3")]) == (
        0,
        1,
    )
    rows = store.headlines(fid)
    assert [r.title for r in rows] == ["Judul baru"]


def test_entries_without_link_are_matched_by_guid(store):
    fid = _feed_id(store)
    assert store.save_entries(fid, [Entry("Tanpa tautan", "", guid="abc")]) == (1, 1)
    assert store.save_entries(fid, [Entry("Tanpa tautan", "", guid="abc")]) == (0, 1)


def test_newest_first_and_page_order_for_html_sources(store):
    fid = _feed_id(store)
    now = datetime.now(UTC)
    store.save_entries(
        fid,
        [
            Entry("Lama", "https://a.example/1", published=now - timedelta(days=2)),
            Entry("Baru", "https://a.example/2", published=now - timedelta(hours=1)),
        ],
    )
    assert [h.title for h in store.headlines(fid)] == ["Baru", "Lama"]
    store.sync_feeds([FeedSpec("https://b.example/", "B", kind="html")])
    bid = store.feeds()[0].id
    store.save_entries(
        bid, [Entry(t, f"https://b.example/{t}") for t in ("satu", "dua", "tiga")], page_order=True
    )
    assert [h.title for h in store.headlines(bid)] == ["satu", "dua", "tiga"]


def test_read_star_counts_and_mark_feed_read(store):
    fid = _feed_id(store)
    store.save_entries(fid, [Entry(f"B{i}", f"https://a.example/{i}") for i in range(3)])
    ids = [h.id for h in store.headlines(fid)]
    store.set_read(ids[:1])
    store.set_starred(ids[1], True)
    assert store.counts() == (2, 3, 1)
    assert store.feeds()[0].unread == 2
    assert [h.id for h in store.headlines(starred_only=True)] == [ids[1]]
    store.mark_feed_read(fid)
    assert store.counts()[0] == 0


def test_article_round_trip_and_search_over_full_text(store):
    fid = _feed_id(store)
    store.save_entries(
        fid, [Entry("Harga cabai turun", "https://a.example/cabai", summary="Pasar")]
    )
    hid = store.headlines(fid)[0].id
    article = Article(
        url="https://a.example/cabai",
        title="Harga cabai turun",
        author="Rina",
        published=datetime(2022, 9, 20, 9, 30, tzinfo=UTC),
        blocks=[
            Block("p", "Pedagang di Pasar Tos 3000 menyebut pasokan dari Sumatra membaik.", []),
            Block("li", "Cabai rawit", [Link(0, 5, "https://a.example/cabai-rawit")]),
        ],
        caption="Keterangan Gambar : pasar",
    )
    store.save_article(hid, article)
    assert store.article(hid) == article
    assert [h.id for h in store.search("pasokan sumatra")] == [hid]
    assert store.headline(hid).has_article


def test_search_ignores_diacritics_and_query_syntax(store):
    fid = _feed_id(store)
    store.save_entries(
        fid,
        [
            Entry("Kafe di Bandung", "https://a.example/1", summary="Menu crème brûlée"),
            Entry('Judul "aneh" AND (OR', "https://a.example/2"),
        ],
    )
    assert len(store.search("creme brulee")) == 1
    assert len(store.search('"aneh" AND (OR')) == 1  # punctuation is never FTS syntax
    assert store.search("") == []


def test_prune_keeps_unread_and_starred(store):
    fid = _feed_id(store)
    store.save_entries(fid, [Entry(f"B{i}", f"https://a.example/{i}") for i in range(3)])
    ids = [h.id for h in store.headlines(fid)]
    store.set_read(ids)
    store.set_starred(ids[0], True)
    store.set_read([ids[1]], False)
    with store.transaction() as db:
        db.execute("UPDATE headlines SET first_seen = '2000-01-01T00:00:00+00:00'")
    assert store.prune(60) == 1
    assert sorted(h.id for h in store.headlines(fid)) == sorted(ids[:2])


def test_feeds_follow_the_config(store):
    store.sync_feeds(
        [
            FeedSpec("https://b.example/feed", "B", "Nasional"),
            FeedSpec("https://a.example/feed", "A"),
        ]
    )
    assert [f.name for f in store.feeds()] == ["B", "A"]
    store.sync_feeds([FeedSpec("https://b.example/feed", "B2")])
    assert [f.name for f in store.feeds()] == ["B2"]


def test_schema_is_versioned_and_in_wal_mode(tmp_path):
    s = Store(tmp_path / "k.db")
    assert s._query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
    assert s._query("PRAGMA journal_mode")[0][0] == "wal"
    s.close()


def test_a_store_of_schema_1_is_brought_up_to_date_with_its_headlines(tmp_path):
    db = tmp_path / "k.db"
    s = Store(db)
    s.sync_feeds([FeedSpec("https://a.example/feed", "A")])
    fid = _feed_id(s)
    s.save_entries(fid, [Entry("Banjir rob", "https://a.example/1")])
    s.set_starred(s.headlines()[0].id, True)
    s._db.execute("DROP INDEX headlines_starred")  # what schema 1 lacked
    s._db.execute("PRAGMA user_version = 1")
    s.close()
    s = Store(db)
    assert s._query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
    names = {r[0] for r in s._query("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "headlines_starred" in names
    assert s.counts() == (1, 1, 1)
    s.close()


def _schema_of(path) -> set[tuple[str, str]]:
    con = sqlite3.connect(path)
    rows = con.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    con.close()
    return {(name, " ".join(sql.split())) for name, sql in rows}


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_a_store_of_every_earlier_schema_ends_as_a_new_one_would(tmp_path, version):
    Store(tmp_path / "new.db").close()
    old = tmp_path / "old.db"
    con = sqlite3.connect(old, isolation_level=None)
    for step in range(1, version + 1):
        for statement in statements(STEPS[step]):
            con.execute(statement)
    con.execute(f"PRAGMA user_version = {version}")
    con.close()
    s = Store(old)
    assert s._query("PRAGMA user_version")[0][0] == SCHEMA_VERSION
    s.close()
    assert _schema_of(old) == _schema_of(tmp_path / "new.db")


def test_a_headline_seen_again_takes_the_feed_s_new_words_and_keeps_what_it_lacks(store):
    fid = _feed_id(store)
    when = datetime(2026, 11, 27, 8, tzinfo=UTC)
    first = Entry("Banjir rob", "https://a.example/1", summary="Air naik.", published=when)
    first.image = "https://a.example/1.jpg"
    other = Entry("Pasar ikan", "https://a.example/2")
    store.save_entries(fid, [first, other])
    store.save_entries(fid, [first, other])  # unchanged: nothing to rewrite, nothing lost
    assert [h.title for h in store.search("banjir")] == ["Banjir rob"]
    # Seen again with a new title and summary, no image and no date, now second on the page.
    again = Entry("Banjir rob surut", "https://a.example/1", summary="Air turun.")
    assert store.save_entries(fid, [other, again]) == (0, 2)
    h = store.headline(store.search("surut")[0].id)
    assert h is not None
    assert (h.title, h.summary, h.image, h.published, h.position) == (
        "Banjir rob surut",
        "Air turun.",
        "https://a.example/1.jpg",
        when,
        1,
    )
    assert store.search("naik") == []  # the old summary left the search index


def test_several_openers_of_one_new_store_all_succeed(tmp_path):
    """Two korantui processes started together both create the same new store: one waits for
    the other's set-up (WAL switch, schema) instead of failing with "database is locked"."""
    import threading

    for n in range(20):
        path = tmp_path / f"k{n}.db"
        gate = threading.Barrier(4)
        errors: list[BaseException] = []

        def open_it(path=path, gate=gate, errors=errors) -> None:
            gate.wait()
            try:
                Store(path).close()
            except BaseException as e:
                errors.append(e)

        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
