"""Story grouping (issue 18): the words it reads, and its work on a store at refresh time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from korantui.core.models import Entry, FeedSpec
from korantui.core.reading_service import ReadingService
from korantui.core.store.database import Store
from korantui.core.store.stories import groups
from korantui.core.stories import grouping
from korantui.core.stories.text import Terms, fold, stem, terms

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

FLOOD = [
    (
        "Banjir rendam ratusan rumah di Batu Aji Batam",
        "Batam (ANTARA) - Hujan deras sejak Senin malam menyebabkan banjir setinggi 60 sentimeter"
        " merendam sekitar 300 rumah warga di Kecamatan Batu Aji dan Sagulung.",
    ),
    (
        "Hujan Semalaman, 300 Rumah di Batu Aji dan Sagulung Terendam Banjir",
        "TRIBUNBATAM.id, BATAM - Banjir melanda Batu Aji dan Sagulung setelah hujan sepanjang"
        " malam. Air setinggi 60 cm masuk ke 300 rumah warga di Perumahan Marina.",
    ),
    (
        "Warga Batu Aji mengungsi, banjir capai 60 cm",
        "Batam - Warga Perumahan Marina, Batu Aji, mengungsi setelah banjir setinggi 60 cm"
        " merendam rumah mereka. BPBD Batam mencatat 300 rumah terdampak di Sagulung.",
    ),
]
OTHER = (
    "Gempa magnitudo 5,6 guncang Maluku Tenggara Barat",
    "Jakarta (ANTARA) - BMKG mencatat gempa magnitudo 5,6 mengguncang Maluku Tenggara Barat"
    " pada kedalaman 98 kilometer dan tidak berpotensi tsunami.",
)

OTHER_RETOLD = (
    "Gempa M 5,6 Guncang Saumlaki, BMKG: Tak Berpotensi Tsunami",
    "Gempa bermagnitudo 5,6 terjadi di Saumlaki, Maluku Tenggara Barat, pada kedalaman 98 km."
    " BMKG memastikan gempa tidak berpotensi tsunami.",
)


def test_words_are_folded_stemmed_and_stripped_of_stop_words() -> None:
    assert fold("Kafé DI Batam") == "kafe di batam"
    # meN-/di-/ber-/-kan/-an: one root for the forms outlets use
    assert stem("menembak") == stem("ditembak") == "tembak"
    assert stem("menyerang") == "serang"
    assert stem("ditahan") == stem("tahan")
    assert stem("kebakaran") == stem("terbakar") == "bakar"
    assert stem("berita") == "berita"  # never a root under four letters
    found = terms("Polisi tangkap lima penyelundup sabu di Batam", "Dengan 5 kg yang dibawa.")
    assert "di" not in found.words and "yang" not in found.words and "dengan" not in found.words
    assert "selundup" in found.title
    assert found.numbers == {"5"}  # "lima" and "5" are one figure


def test_numbers_keep_their_decimals_and_scores_and_names_are_found() -> None:
    found = terms("UMK Batam Rp5,23 juta", "Harga Rp 1.612.000 per gram, skor 2-1.")
    assert {"5_23", "1612000", "2-1"} <= found.numbers
    named = terms("banjir", "Batam (ANTARA) - Gubernur Kepri Ansar Ahmad meninjau lokasi.")
    assert {stem(w) for w in ("ansar", "ahmad", "kepri")} <= named.names
    assert "gubernur" not in named.names  # it opens the story after the dateline
    # A Title Case headline capitalises every word: none of them is taken for a name.
    assert terms("Banjir Rendam Rumah Warga Di Tiban", "").names == frozenset()
    assert Terms.load(found.dump()) == found


def _store(tmp_path: Path, feeds: int = 3) -> tuple[Store, list[int]]:
    store = Store(tmp_path / "k.db")
    store.sync_feeds(FeedSpec(f"http://127.0.0.1:9/{n}.xml", f"Feed {n}") for n in range(feeds))
    return store, [f.id for f in store.feeds()]


def _save(store: Store, feed: int, items: list[tuple[str, str]], at: datetime, tag: str) -> None:
    entries = [
        Entry(t, f"http://127.0.0.1:9/{feed}/{tag}/{k}", summary=s, published=at)
        for k, (t, s) in enumerate(items)
    ]
    store.save_entries(feed, entries)


def _ids(store: Store) -> dict[str, int]:
    return {h.title: h.id for h in store.headlines()}


def test_headlines_of_different_feeds_telling_one_story_are_grouped(tmp_path: Path) -> None:
    store, feeds = _store(tmp_path)
    for n, feed in enumerate(feeds):
        _save(store, feed, [FLOOD[n]], NOW + timedelta(hours=n), "a")
        assert grouping.group_new(store, now=NOW) == 1  # each refresh groups only its new ones
    _save(store, feeds[0], [OTHER], NOW, "b")
    assert grouping.group_new(store, now=NOW) == 1
    ids = _ids(store)
    found = groups(store)
    flood = {ids[t] for t, _ in FLOOD}
    assert flood <= set(found) and len({found[i] for i in flood}) == 1
    assert found[min(flood)] == min(flood)  # a story is the id of its first headline
    assert ids[OTHER[0]] not in found
    assert grouping.group_new(store, now=NOW) == 0


def test_one_feed_two_days_apart_or_another_story_are_not_grouped(tmp_path: Path) -> None:
    store, feeds = _store(tmp_path)
    _save(store, feeds[0], [FLOOD[0], FLOOD[1]], NOW, "a")  # one feed: two articles
    _save(store, feeds[1], [FLOOD[2]], NOW + timedelta(hours=49), "a")  # past the window
    grouping.group_new(store, now=NOW)
    assert groups(store) == {}


def test_a_new_process_groups_into_the_stories_stored_by_the_last(tmp_path: Path) -> None:
    store, feeds = _store(tmp_path)
    _save(store, feeds[0], [FLOOD[0]], NOW, "a")
    _save(store, feeds[1], [OTHER], NOW, "a")
    grouping.group_new(store, now=NOW)
    store.close()
    again = Store(tmp_path / "k.db")  # its index is rebuilt from the stored words
    _save(again, feeds[2], [FLOOD[1]], NOW + timedelta(hours=2), "b")
    assert grouping.group_new(again, now=NOW) == 1
    ids = _ids(again)
    assert groups(again) == {ids[FLOOD[0][0]]: ids[FLOOD[0][0]], ids[FLOOD[1][0]]: ids[FLOOD[0][0]]}


def test_the_first_grouping_of_a_large_store_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(grouping, "FIRST_RUN_LIMIT", 2)
    store, feeds = _store(tmp_path)
    for n, feed in enumerate(feeds):  # stored before grouping existed (an upgraded store)
        _save(store, feed, [FLOOD[n]], NOW + timedelta(minutes=n), "a")
    assert grouping.group_new(store, now=NOW) == 2  # the newest two compared
    (rows,) = store._query("SELECT COUNT(*) FROM story_members")[0]
    assert rows == 3  # the oldest is a story of its own, never compared
    ids = _ids(store)
    assert set(groups(store)) == {ids[FLOOD[1][0]], ids[FLOOD[2][0]]}


def test_marking_a_story_read_marks_every_outlet_of_it(tmp_path: Path) -> None:
    store, feeds = _store(tmp_path)
    for n, feed in enumerate(feeds):
        _save(store, feed, [FLOOD[n]], NOW, "a")
    _save(store, feeds[0], [OTHER], NOW, "b")
    grouping.group_new(store, now=NOW)
    changes: list[int] = []
    service = ReadingService(store, on_change=lambda: changes.append(1))
    second = next(h for h in service.headlines() if h.title == FLOOD[1][0])
    rows = service.set_story_read([second])
    assert sorted(h.title for h in rows) == sorted(t for t, _ in FLOOD)
    assert all(h.read for h in rows) and changes == [1]
    by_title = {h.title: h for h in service.headlines()}
    assert all(by_title[t].read for t, _ in FLOOD)
    assert not by_title[OTHER[0]].read
    assert set(service.story_groups()) == {h.id for h in rows}


def test_a_removed_feed_leaves_no_stale_index_behind(tmp_path: Path) -> None:
    store, feeds = _store(tmp_path)
    _save(store, feeds[0], [FLOOD[0]], NOW, "a")
    _save(store, feeds[1], [FLOOD[1]], NOW, "a")
    grouping.group_new(store, now=NOW)
    store.remove_feed(feeds[1])  # the newest grouped headline goes: its id is given again
    _save(store, feeds[2], [OTHER], NOW, "b")
    grouping.group_new(store, now=NOW)
    _save(store, feeds[0], [OTHER_RETOLD], NOW + timedelta(hours=1), "c")
    grouping.group_new(store, now=NOW)
    ids = _ids(store)
    assert groups(store) == {ids[OTHER[0]]: ids[OTHER[0]], ids[OTHER_RETOLD[0]]: ids[OTHER[0]]}
