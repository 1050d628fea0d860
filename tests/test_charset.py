"""Charset lies: the bytes win over headers and <meta>, then the declaration, then a guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from korantui.core.net.charset import decode_html, normalise_charset, sniff_declared

SHARED = Path(__file__).parents[1].parent / "shared"

TEXT = "Berita “terkini” – café"


def test_utf8_bytes_win_over_latin1_header() -> None:
    data = f"<html><head><meta charset=iso-8859-1></head><body>{TEXT}</body></html>"
    assert TEXT in decode_html(data.encode("utf-8"), "iso-8859-1")


def test_latin1_label_reads_as_cp1252() -> None:
    data = f"<html><body>{TEXT}</body></html>".encode("cp1252")
    assert TEXT in decode_html(data, "ISO-8859-1")


def test_meta_charset_used_when_no_header() -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    data = (page + f"</head><body>{TEXT}</body></html>").encode("cp1252")
    assert TEXT in decode_html(data)


def test_header_beats_meta_when_bytes_are_not_utf8() -> None:
    body = "Кириллица текст новости"
    data = ("<meta charset='utf-8'>" + body).encode("koi8-r")
    assert body in decode_html(data, "koi8-r")


def test_detector_when_nothing_declared() -> None:
    body = "Новости дня: в Москве прошла большая встреча министров и журналистов. " * 5
    assert "Новости" in decode_html(body.encode("cp1251"))


def test_unknown_label_falls_through() -> None:
    data = f"<p>{TEXT}</p>".encode("cp1252")
    assert TEXT in decode_html(data, "x-no-such-charset")


def test_invalid_utf8_claimed_as_utf8_is_still_text() -> None:
    got = decode_html(b"<p>ok \xff\xfe bad</p>", "utf-8")
    assert got.startswith("<p>ok ") and "bad" in got


def test_bom() -> None:
    assert decode_html(b"\xef\xbb\xbf<p>x</p>", "iso-8859-1") == "<p>x</p>"
    assert decode_html("<p>x</p>".encode("utf-16-le").join([b"\xff\xfe", b""])) == "<p>x</p>"


def test_sniff_and_normalise() -> None:
    assert sniff_declared(b'<?xml version="1.0" encoding="windows-1255"?><rss/>') == "windows-1255"
    assert sniff_declared(b'<meta charset="UTF-8">') == "UTF-8"
    assert normalise_charset("latin1") == "cp1252"
    assert normalise_charset("utf8") == "utf-8"
    assert normalise_charset("bogus") == ""


def test_kapanlagi_declares_latin1_but_is_utf8() -> None:
    path = SHARED / "fixtures" / "html" / "kapanlagi-singlepage3.html"
    if not path.exists():
        pytest.skip("../shared/fixtures absent")
    data = path.read_bytes()
    assert b"iso-8859-1" in data[:2000].lower()
    text = decode_html(data, "iso-8859-1")
    assert text == data.decode("utf-8")
    assert "Ã" not in text
