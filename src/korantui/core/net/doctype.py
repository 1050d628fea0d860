"""What kind of document a response's bytes are, whatever it was served as: a feed (RSS, Atom,
RDF, JSON Feed) or not, and why not, in words for a per-source error line.

Both the sources (is this address a feed?) and the article extractor (a feed is never an
article page) ask, so it sits below both."""

from __future__ import annotations

import re

from korantui.core.sanitize import clean_line

_HTML_HEAD = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|rdf)[\s>]", re.I)
_COMMENTS = re.compile(rb"<!--.*?(?:-->|$)", re.S)
_PROLOG = re.compile(rb"\s*(?:<!--.*?-->|<\?.*?\?>|<!doctype[^>]*>)\s*", re.S | re.I)


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
