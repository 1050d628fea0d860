"""safe_url at the price of a dictionary lookup for the addresses feeds are made of.

A refresh checks every item's link and image twice (the parser, then the store gate): 20,000
calls for 100 feeds of 50 items, each an urljoin, two urlparse and an urlsplit, about half of the
parse's CPU. safe_url's own cache does not help there, since nearly every address of a refresh is
new. Yet what safe_url decides of an absolute, plain address depends on its origin alone (scheme,
host, port): the rest passes urljoin unchanged. So for an address of that shape, the decision is
the origin's, made once by safe_url itself and remembered; every other address is safe_url's to
judge, in full. tests/test_url_gate.py holds the two together on hostile and random addresses.
"""

from __future__ import annotations

from korantui.core.regex_cache import compiled
from korantui.core.sanitize import MAX_URL, safe_url

# A lowercase http(s) scheme, printable ASCII without spaces (clean_line leaves it as it is), no
# ';' (urlparse's path parameters) and no empty query or fragment ("?#", a trailing "?" or
# "#"): the shapes urljoin's urlunparse(urlparse(url)) would rewrite.
_PLAIN = compiled(r"https?://[!-:<-~]*")
_REWRITTEN = compiled(r"\?#|[?#]$")
_END_OF_ORIGIN = compiled(r"[/?#]")

_MAX_ORIGINS = 4096  # a refresh meets a few hundred; beyond this the table starts again
_origins: dict[str, bool] = {}


def checked_url(url: str | None, base: str = "") -> str:
    """safe_url(url, base), the same answer, cheaply for the usual absolute address."""
    if (
        type(url) is str
        and len(url) <= MAX_URL
        and url.isascii()
        and _PLAIN.fullmatch(url)
        and not _REWRITTEN.search(url)
    ):
        start = 8 if url[4] == "s" else 7
        end = _END_OF_ORIGIN.search(url, start)
        origin = url if end is None else url[: end.start()]
        ok = _origins.get(origin)
        if ok is None:
            ok = safe_url(origin) == origin
            if len(_origins) >= _MAX_ORIGINS:
                _origins.clear()
            _origins[origin] = ok
        if ok:
            return url
    return safe_url(url, base)
