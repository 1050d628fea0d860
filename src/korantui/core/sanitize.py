"""Make untrusted text and links safe before they enter the store.

Feeds and pages are written by strangers. Control characters (C0 except tab/newline, ESC, DEL,
C1), bidi overrides and lone surrogates would reach the terminal even through rich.Text, so they
are removed here, once, when text enters the store.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

# ESC-introduced sequences first (CSI, OSC, DCS... and two-byte escapes), so their payload goes
# with them; then any control character left over.
_ESCAPE_SEQ = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC/DCS/SOS/PM/APC ... terminator
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # 8-bit OSC/DCS/...
    r"|\x1b[@-Z\\-_]?"  # lone ESC or 2-byte escape
)
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 (keep \t \n), DEL, C1
    "\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\ud800-\udfff]"  # lone surrogates
)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n\s*")

SAFE_SCHEMES = frozenset({"http", "https"})


def clean_text(text: str | None) -> str:
    """Remove escape sequences and control characters; keep newlines and tabs."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQ.sub("", text)
    return _CONTROL.sub("", text)


def clean_line(text: str | None) -> str:
    """clean_text, folded to one line with single spaces (titles, names, authors)."""
    return " ".join(clean_text(text).split())


def clean_paragraphs(text: str | None) -> str:
    """clean_text with runs of spaces folded and paragraphs separated by one blank line."""
    text = clean_text(text)
    paragraphs = [_SPACES.sub(" ", p).strip() for p in _BLANKS.split(text)]
    return "\n\n".join(" ".join(p.split("\n")).strip() for p in paragraphs if p.strip())


def safe_url(url: str | None, base: str = "") -> str:
    """The absolute http(s) address of url, or "" for anything else (javascript:, data:...)."""
    url = clean_line(url)
    if not url:
        return ""
    if base:
        try:
            url = urljoin(base, url)
        except ValueError:
            return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return ""
    return url


def is_openable(url: str | None) -> bool:
    """Whether url may be handed to a browser: http(s) only."""
    return bool(url) and safe_url(url) == clean_line(url)
