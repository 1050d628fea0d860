"""OPML: folders are categories, HTML sources keep their rules, hostile documents refused."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from korantui.core.defaults import DEFAULT_FEEDS
from korantui.core.models import FEED_KIND, HTML_KIND, FeedSpec
from korantui.core.opml import OpmlError, export_opml, import_opml

SPECS = [
    FeedSpec("https://batampos.example/feed/", "Batam Pos", "Kepri"),
    FeedSpec(
        "https://koranbatam.example/",
        "Koran Batam",
        "Kepri",
        HTML_KIND,
        {"item": "ul.terkini > li", "title": "a", "date": "span.date", "summary": "p"},
    ),
    FeedSpec("https://news.example/rss?x=1&y=2", 'Kabar "A" & <B>', ""),
    FeedSpec("https://nameless.example/feed.xml"),
    FeedSpec("https://antara.example/rss/terkini.xml", "Antara", "Nasional"),
]


def test_round_trip_gives_the_same_feeds() -> None:
    assert import_opml(export_opml(SPECS)) == SPECS
    assert import_opml(export_opml(list(DEFAULT_FEEDS))) == list(DEFAULT_FEEDS)


def test_export_shape_for_other_readers() -> None:
    root = ET.fromstring(export_opml(SPECS))
    assert root.tag == "opml" and root.get("version") == "2.0"
    body = root.find("body")
    assert body is not None
    folders = [o.get("text") for o in body if o.get("xmlUrl") is None and o.get("url") is None]
    assert folders == ["Kepri", "Nasional"]
    kepri = body[0]
    assert [o.get("type") for o in kepri] == ["rss", "link"]
    html = kepri[1]
    # Another reader sees a plain link, never a feed address it would fail to read.
    assert html.get("xmlUrl") is None
    assert html.get("htmlUrl") == "https://koranbatam.example/"
    assert html.get("{https://korantui.invalid/opml}item") == "ul.terkini > li"


FOREIGN = """<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0">
  <head><title>Langganan saya</title></head>
  <body>
    <outline text="Berita" title="Berita">
      <outline text="Regional">
        <outline type="rss" text="Antara Kepri" xmlUrl="https://kepri.antara.example/rss"
                 htmlUrl="https://kepri.antara.example/"/>
      </outline>
      <outline type="rss" title="Detik" text="detik" xmlUrl="https://news.detik.example/rss"/>
      <outline type="rss" text="Dup" xmlUrl="https://news.detik.example/rss"/>
    </outline>
    <outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/>
    <outline type="rss" text="Lepas" xmlUrl="http://lepas.example/feed" category="/Dunia/Asia"/>
    <outline text="Kosong"/>
  </body>
</opml>"""


def test_import_foreign_opml() -> None:
    assert import_opml(FOREIGN) == [
        FeedSpec("https://kepri.antara.example/rss", "Antara Kepri", "Regional"),
        FeedSpec("https://news.detik.example/rss", "Detik", "Berita"),
        FeedSpec("http://lepas.example/feed", "Lepas", "Asia"),
    ]
    assert all(s.kind == FEED_KIND for s in import_opml(FOREIGN.encode("latin-1")))


def test_one_feed_under_two_spellings_is_imported_once() -> None:
    doc = (
        '<opml version="2.0"><body><outline text="A" xmlUrl="https://A.example/feed/"/>'
        '<outline text="B" xmlUrl="https://a.example/feed"/></body></opml>'
    )
    assert [s.name for s in import_opml(doc)] == ["A"]


def test_imported_text_is_sanitised() -> None:
    doc = (
        '<opml version="2.0"><body><outline text="J&#x1b;[31mx&#x202e;" '
        'xmlUrl="https://a.example/f"/></body></opml>'
    )
    with pytest.raises(OpmlError):
        # &#x1b; is not even allowed in XML 1.0: a parse error, reported as one line.
        import_opml(doc)
    doc = '<opml version="2.0"><body><outline text="Judul\u202e [/x]" xmlUrl="https://a.example/f"/></body></opml>'
    assert import_opml(doc)[0].name == "Judul [/x]"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<opml version="2.0"><body><outline text="&lol2;" xmlUrl="https://a.example/"/></body></opml>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><body><outline text="&xxe;" xmlUrl="https://a.example/"/></body></opml>"""


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        (BILLION_LAUGHS, "DOCTYPE"),
        (EXTERNAL, "DOCTYPE"),
        ("<opml><body><outline", "not a readable OPML"),
        ("<rss version='2.0'><channel/></rss>", "no <opml> root"),
        ("<opml version='2.0'><head/></opml>", "no <body>"),
        ("", "not a readable OPML"),
    ],
)
def test_hostile_or_broken_documents(doc: str, message: str) -> None:
    with pytest.raises(OpmlError, match=message):
        import_opml(doc)


def test_html_outline_from_another_korantui_without_url_attribute() -> None:
    doc = (
        '<opml version="2.0" xmlns:k="https://korantui.invalid/opml"><body>'
        '<outline text="Situs" htmlUrl="https://situs.example/" k:kind="html" k:item=".x"/>'
        "</body></opml>"
    )
    (spec,) = import_opml(doc)
    assert (spec.kind, spec.url, spec.rules) == (
        HTML_KIND,
        "https://situs.example/",
        {"item": ".x"},
    )
