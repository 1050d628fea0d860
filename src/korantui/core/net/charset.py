"""Bytes of a web page to text, trusting what the bytes are over what the page claims.

Indonesian sites often declare iso-8859-1 (or nothing) on UTF-8 pages; a page that decodes as
UTF-8 is UTF-8. Only otherwise do the declared charset and then a detector decide.
"""

from __future__ import annotations

import codecs
import re

from korantui.core.regex_cache import compiled

# Browsers (WHATWG Encoding) read these labels as windows-1252, which has the curly quotes and
# dashes that real "latin-1" pages use in 0x80-0x9f.
_ALIASES = {
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-sjis": "shift_jis",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}
_META = compiled(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
    re.I,
)
_XML_DECL = compiled(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)


def normalise_charset(name: str) -> str:
    """A Python codec name for a charset label, or "" if Python knows no such codec."""
    label = name.strip().strip("\"'").lower()
    if not label:
        return ""
    label = _ALIASES.get(label, label)
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return ""
    # UTF-16/32 labels on an HTML page are always wrong once the bytes were not UTF-8 text.
    return _ALIASES.get(codec, codec)


def sniff_declared(data: bytes) -> str:
    """The charset the document itself declares (<meta charset>, http-equiv, XML prolog)."""
    head = data[:4096]
    m = _XML_DECL.search(head) or _META.search(head)
    return m.group(1).decode("ascii", "ignore") if m else ""


def decode_html(data: bytes, declared: str = "") -> str:
    """Text of data. declared is the HTTP header's charset, if any."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(codec, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for label in (declared, sniff_declared(data)):
        codec = normalise_charset(label)
        if codec and not codec.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
            if codec in ("utf-8", "utf_8"):
                # Claimed UTF-8 but invalid: keep what is readable.
                return data.decode("utf-8", "replace")
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue
    detected = _detect(data)
    if detected:
        try:
            return data.decode(detected, "replace")
        except LookupError:
            pass
    return data.decode("cp1252", "replace")


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes  # lazy: only pages that are not UTF-8 need it

    best = from_bytes(data[:200_000]).best()
    return normalise_charset(best.encoding) if best is not None else ""
