"""JSON Feed 1.0 / 1.1 read as a feed in its own right: the feed kind picks it by its bytes."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from korantui.core.sources.feed_kind import parse_feed_document
from korantui.core.sources.feeds import FeedParseError
from korantui.core.sources.jsonfeed import parse_json_feed

URL = "https://warta.example/feed.json"


def _doc(**extra: object) -> bytes:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Warta Kepri",
        "home_page_url": "https://warta.example/",
        "feed_url": URL,
        "authors": [{"name": "Redaksi"}],
        "items": [
            {
                "id": "4812",
                "url": "/2024/03/06/kapal-feri/",
                "title": "Kapal Feri Kembali Beroperasi",
                "content_html": "<p>Layanan feri <b>kembali</b> normal.</p><p>Paragraf dua.</p>",
                "date_published": "2024-03-06T09:15:00+07:00",
                "image": "/img/feri.jpg",
            },
            {
                "id": 4809,
                "url": "https://warta.example/umkm/",
                "content_text": "Pelaku UMKM dapat pelatihan.\n\nHari kedua.",
                "date_modified": "2024-03-05T16:40:00Z",
                "authors": [{"name": "Dewi"}],
            },
        ],
    }
    doc.update(extra)
    return json.dumps(doc).encode()


def test_json_feed_through_the_feed_kind() -> None:
    parsed = parse_feed_document(_doc(), URL, "application/feed+json")
    assert parsed.title == "Warta Kepri"
    assert parsed.link == "https://warta.example/"
    first, second = parsed.entries
    assert first.link == "https://warta.example/2024/03/06/kapal-feri/"
    assert first.summary == "Layanan feri kembali normal.\n\nParagraf dua."
    assert first.published == datetime(2024, 3, 6, 2, 15, tzinfo=UTC)
    assert first.author == "Redaksi"
    assert first.image == "https://warta.example/img/feri.jpg"
    assert first.guid == "4812"
    # An untitled item (allowed by the spec) is titled by its text's opening.
    assert second.title == "Pelaku UMKM dapat pelatihan."
    assert second.guid == "4809"
    assert second.author == "Dewi"
    assert second.published == datetime(2024, 3, 5, 16, 40, tzinfo=UTC)


def test_json_feed_1_0_author_and_summary() -> None:
    data = _doc(
        version="https://jsonfeed.org/version/1",
        author={"name": "Tim 1.0"},
        items=[{"id": "a", "url": "https://warta.example/a", "summary": "Ringkasan saja"}],
    )
    data = json.loads(data)
    del data["authors"]
    (entry,) = parse_json_feed(json.dumps(data).encode(), URL).entries
    assert entry.author == "Tim 1.0"
    assert entry.title == "Ringkasan saja"


def test_hostile_strings_are_sanitised() -> None:
    data = _doc(
        title="Judul\x1b]8;;http://x\x07 [/x] [@click=app.quit]",
        items=[
            {
                "id": "1",
                "url": "javascript:alert(1)",
                "external_url": "https://warta.example/ok",
                "title": "Berita \x1b[31mmerah\x1b[0m\u202e",
                "image": "data:image/png;base64,AAAA",
            }
        ],
    )
    parsed = parse_json_feed(data, URL)
    assert parsed.title == "Judul [/x] [@click=app.quit]"
    (entry,) = parsed.entries
    assert entry.link == "https://warta.example/ok"
    assert entry.title == "Berita merah"
    assert entry.image == ""


@pytest.mark.parametrize(
    "data",
    [
        b"{not json",
        b"[1, 2]",
        json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "x"}).encode(),
        json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": []}).encode(),
        json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [1, "x", {}]}).encode(),
    ],
)
def test_no_items_is_a_parse_error(data: bytes) -> None:
    with pytest.raises(FeedParseError):
        parse_json_feed(data, URL)


def test_bad_dates_and_types_are_skipped_not_fatal() -> None:
    data = _doc(
        items=[
            {
                "id": ["x"],
                "url": "https://warta.example/x",
                "title": 5,
                "date_published": "kemarin",
                "content_html": None,
            },
        ]
    )
    (entry,) = parse_json_feed(data, URL).entries
    assert entry.published is None
    assert entry.guid == "https://warta.example/x"
    assert entry.title == ""  # no title, no text: still kept, by its link
