"""What kind of document a response's bytes are, whatever it was served as: a feed (RSS, Atom,
RDF, JSON Feed) or not, and why not, in words for a per-source error line.

Both the sources (is this address a feed?) and the article extractor (a feed is never an
article page) ask, so it sits below both."""

from __future__ import annotations

import re

from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line

_HTML_HEAD = compiled(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_FEED_ROOT = compiled(rb"<(?:[\w-]+:)?(?:rss|feed|rdf)[\s>]", re.I)
_COMMENTS = compiled(rb"<!--.*?(?:-->|$)", re.S)
_PROLOG = compiled(rb"\s*(?:<!--.*?-->|<\?.*?\?>|<!doctype[^>]*>)\s*", re.S | re.I)


def looks_like_json_feed(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b"jsonfeed.org" in data[:4096]


def looks_like_feed(data: bytes) -> bool:
    """Whether data is a feed document (RSS, Atom, RDF, JSON Feed), whatever it was served as:
    such a document is never an article page."""
    if looks_like_json_feed(data):
        return True
    head = data[:8192].lstrip(b"\xef\xbb\xbf \t\r\n")
    while m := _PROLOG.match(head):  # only what comes before the root element
        if not m.end():
            break
        head = head[m.end() :]
    return bool(_FEED_ROOT.match(head))


def why_not_a_feed(data: bytes, content_type: str = "") -> str:
    """Why a document that gave no feed is not one, in words for the per-feed error line."""
    ctype = content_type.split(";")[0].strip().lower()
    head = _COMMENTS.sub(b"", data[:65536]).strip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        return "not a feed: the document is empty"
    if _HTML_HEAD.search(head[:4096]) and not _FEED_ROOT.search(head[:4096]):
        return "not a feed: the page is HTML (a web page, not RSS or Atom)"
    if head.startswith((b"{", b"[")):
        return "not a feed: the document is JSON but not a JSON Feed"
    if ctype.startswith(("image/", "audio/", "video/", "font/")) or ctype in (
        "application/pdf",
        "application/zip",
    ):
        return f"not a feed: the server sent {clean_line(ctype)[:60]}"
    if not head.startswith(b"<"):
        return "not a feed: the document is plain text, not XML"
    return "not a feed: no RSS, Atom or RDF document found"


# File signatures (the first bytes), and what the reader is told the file is.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "a compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a compressed file"),
    (b"Rar!", "a compressed file"),
    (b"ID3", "audio"),
    (b"OggS", "audio"),
    (b"fLaC", "audio"),
    (b"\x1aE\xdf\xa3", "video"),  # Matroska / WebM
    (b"FLV", "video"),
    (b"\x89PNG", "an image"),
    (b"GIF8", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"MZ", "a program"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "a database file"),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_MP3_FRAME = compiled(rb"^\xff[\xe0-\xff]")
_RIFF = {b"WAVE": "audio", b"AVI ": "video", b"WEBP": "an image"}
_MP4_AUDIO = (b"M4A ", b"M4B ", b"M4P ")
_TYPE_WORDS = (
    ("audio/", "audio"),
    ("video/", "video"),
    ("image/", "an image"),
    ("font/", "a font"),
    ("application/pdf", "a PDF document"),
    ("application/zip", "a zip archive"),
    ("application/gzip", "a compressed file"),
    ("application/x-msdownload", "a program"),
)


def binary_kind(head: bytes, content_type: str = "") -> str:
    """What a response is when it is not text ("audio", "a PDF document", …), from its first
    bytes and then its declared type; "" for text (a page, a feed, whatever it claims to be).
    A page is not refused for a wrong type alone: servers send HTML as octet-stream."""
    data = head[:1024]
    if data.startswith(_UTF16_BOMS):
        return ""  # text (and "\xff\xfe" would pass for an MP3 frame)
    for signature, words in _SIGNATURES:
        if data.startswith(signature):
            return words
    if data[:4] == b"RIFF" and data[8:12] in _RIFF:
        return _RIFF[data[8:12]]
    if data[4:8] == b"ftyp":
        return "audio" if data[8:12] in _MP4_AUDIO else "video"
    if _MP3_FRAME.match(data):
        return "audio"
    ctype = content_type.split(";")[0].strip().lower()
    if _looks_binary(data):
        return next((w for t, w in _TYPE_WORDS if ctype.startswith(t)), "a binary file")
    if _HTML_HEAD.search(data) or data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return ""  # markup, whatever the header says
    return next((w for t, w in _TYPE_WORDS if ctype.startswith(t)), "")


def _looks_binary(data: bytes) -> bool:
    # UTF-16 text has NULs too: it starts with a byte-order mark or with "<" beside a NUL.
    if data.startswith((*_UTF16_BOMS, b"<\x00", b"\x00<")):
        return False
    if b"\x00" in data:
        return True
    control = len(data.translate(None, _NOT_CONTROL))  # counted in C, not a byte at a time
    return control > len(data) // 10


# Every byte but the control characters that text does not have (NUL to BS, SO to US).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


def why_not_an_article(head: bytes, content_type: str = "") -> str:
    """Why a response is no article page, in words for the reading pane; "" when it may be."""
    kind = binary_kind(head, content_type)
    return f"not an article page: {kind} (open in browser)" if kind else ""
