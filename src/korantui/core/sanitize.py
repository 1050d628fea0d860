"""Make untrusted text and links safe before they enter the store.

Feeds and pages are written by strangers. Control characters (C0 except tab/newline, ESC, DEL,
C1), bidi overrides and lone surrogates would reach the terminal even through rich.Text (Rich
and Textual pass them straight to the output), so they are removed here, once, when text enters
the store. Rendering then only ever uses Text/Content objects, never markup strings.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from korantui.core.regex_cache import compiled

if TYPE_CHECKING:
    from korantui.core.models import Article, Block

# ESC-introduced sequences first (CSI, OSC, DCS... and two-byte escapes), so their payload goes
# with them; then any control character left over. An unterminated string sequence stops at the
# end of the line: one stray "ESC ]" must not swallow a whole article.
_ESCAPE_SEQ = compiled(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC/DCS/SOS/PM/APC ... terminator
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # 8-bit OSC/DCS/...
    r"|\x1b[ -/]*[0-~]?"  # lone ESC, or a two/three-byte escape (ESC c, ESC ( B, ESC 7...)
)
_CONTROL = compiled(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (keep \t \n), DEL, C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\u206a-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff"  # deprecated format chars, BOM, anchors
    "\ud800-\udfff]"  # lone surrogates (a str can hold them after surrogateescape decoding)
)
# Whatever clean_text would change: without any of these, the text is returned as it is (most
# titles and summaries; a refresh cleans ~100 strings a feed).
_NEEDS_CLEANING = compiled(_CONTROL.pattern[:-1] + "\u2028\u2029]")
_BLANKS = compiled(r"\n\s*\n\s*")

SAFE_SCHEMES = frozenset({"http", "https"})
MAX_URL = 4096  # longer "addresses" are data, not links


def clean_text(text: str | None) -> str:
    """Remove escape sequences and control characters; keep newlines and tabs."""
    if not text:
        return ""
    if not isinstance(text, str):  # feedparser can hand back odd types for broken documents
        text = str(text)
    if not _NEEDS_CLEANING.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\x85", "\n")
    text = _ESCAPE_SEQ.sub("", text)
    return _CONTROL.sub("", text)


_C1 = compiled("[\x80-\x9f]")
_CHAR_REF = compiled(r"&#(?:([0-9]+)|[xX]([0-9a-fA-F]+));?")


def _char_ref(m: re.Match[str]) -> str:
    digits = m.group(1) if m.group(1) is not None else m.group(2)
    if len(digits.lstrip("0")) > 8:
        return ""  # far beyond Unicode (and int() would refuse a huge string of digits)
    code = int(m.group(1)) if m.group(1) is not None else int(m.group(2), 16)
    if code in (9, 10, 13) or 0x20 <= code < 0x7F or 0xA0 <= code <= 0x10FFFF:
        return m.group(0) if not 0xD800 <= code <= 0xDFFF else ""
    if 0x80 <= code <= 0x9F:
        # As browsers do (HTML's rule): &#150; is the windows-1252 dash, not a C1 control.
        try:
            return bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            return ""
    return ""  # C0 controls, DEL: "&#27;" would become a real ESC once parsed


def clean_markup(markup: str | None) -> str:
    """clean_text for HTML/XML source: also removes character references to control characters
    (`&#27;`, `&#x7;`), which a parser would turn into the real thing, and maps &#128;-&#159; to
    the windows-1252 characters browsers show for them."""
    if markup and _C1.search(markup):
        # In a page's source, C1 characters are mojibake (U+009D of a double-encoded "”"),
        # never a terminal's: each goes alone. Read as 8-bit escape sequences they took the
        # rest of their line, which on a minified page is most of the page.
        markup = _C1.sub("", markup.replace("\x85", "\n"))
    return _CHAR_REF.sub(_char_ref, clean_text(markup))


def clean_line(text: str | None) -> str:
    """clean_text, folded to one line with single spaces (titles, names, authors)."""
    return " ".join(clean_text(text).split())


def clean_paragraphs(text: str | None) -> str:
    """clean_text with runs of spaces folded and paragraphs separated by one blank line."""
    text = clean_text(text)
    paragraphs = (" ".join(p.split()) for p in _BLANKS.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def safe_url(url: str | None, base: str = "") -> str:
    """The absolute http(s) address of url, or "" for anything else (javascript:, data:...)."""
    if url is not None and not isinstance(url, str):
        url = str(url)
    if url and len(url) > 2 * MAX_URL:
        # Never a cache key: a hostile feed's megabyte "links" would stay in memory. Cleaning
        # (control characters, spaces) rarely halves a string; when it does, it is checked.
        return _check_url(url, base)
    return _cached_check_url(url, base)


def _check_url(url: str | None, base: str) -> str:
    url = clean_line(url)
    if not url or len(url) > MAX_URL:
        return ""
    if base:
        try:
            url = urljoin(base, url)
        except ValueError:
            return ""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return ""
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc or not parts.hostname:
        return ""
    return url


# A refresh asks for each item's link and image twice (the parser, then the store), and
# urlsplit is the costly part: keys are at most 8 KB, so the cache stays under ~40 MB.
_cached_check_url = lru_cache(maxsize=4096)(_check_url)


def is_openable(url: str | None) -> bool:
    """Whether url may be handed to a browser: http(s) only."""
    if not url or clean_line(url) != url.strip():
        return False  # control characters or line breaks inside: not the address it looks like
    return safe_url(url) == url.strip()


def clean_block(block: Block) -> Block:
    """A block with its text cleaned and its links moved to match; unsafe links are dropped."""
    from korantui.core.models import Link

    text = block.text if isinstance(block.text, str) else str(block.text or "")
    links = [
        lk for lk in block.links if 0 <= lk.start < lk.end <= len(text) and is_openable(lk.url)
    ]
    if not links:
        return replace(block, text=clean_text(text), links=[])
    # Clean the text piece by piece between link boundaries, so each boundary's new offset is
    # known: removing control characters shifts everything after them.
    cuts = sorted({0, len(text), *(lk.start for lk in links), *(lk.end for lk in links)})
    new_at: dict[int, int] = {}
    out: list[str] = []
    size = 0
    for a, b in pairwise(cuts):
        new_at[a] = size
        piece = clean_text(text[a:b])
        out.append(piece)
        size += len(piece)
    new_at[cuts[-1]] = size
    moved = [
        Link(new_at[lk.start], new_at[lk.end], clean_line(lk.url))
        for lk in links
        if new_at[lk.start] < new_at[lk.end]
    ]
    return replace(block, text="".join(out), links=moved)


def clean_article(article: Article) -> Article:
    """The article with every text field cleaned and every address made safe (or emptied)."""
    return replace(
        article,
        url=safe_url(article.url) or clean_line(article.url),
        title=clean_line(article.title),
        author=clean_line(article.author),
        site=clean_line(article.site),
        image=safe_url(article.image),
        caption=clean_line(article.caption),
        blocks=[clean_block(b) for b in article.blocks],
        method=clean_line(article.method),
    )
