"""What a link's address says: the site it belongs to, and whether it looks like an article's.

An article's address carries a date, a numeric id or a long slug; listing, person and service
pages (tags, categories, authors, login, search, feeds) never are headlines. Used by the headline
heuristic of HTML sources.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import islice
from urllib.parse import parse_qsl, urldefrag, urlencode, urlsplit, urlunsplit

from lxml.html import HtmlElement

from korantui.core.regex_cache import compiled
from korantui.core.sanitize import safe_url
from korantui.core.sources.limits import MAX_LINKS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Whole path segments that name a listing, a person or a service page, never an article.
_BLOCKED_SEGMENTS = _words(
    """tag tags topik topic topics kategori category categories kanal rubrik label labels author
    authors penulis editor reporter wartawan user users profile profil member login masuk
    logout keluar register daftar signin sign-in signup sign-up search cari pencarian share
    sharer feed rss page halaman indeks index sitemap redaksi about tentang tentang-kami kontak
    contact hubungi-kami privacy kebijakan-privasi disclaimer pedoman-media-siber iklan
    advertise karir career wp-login.php wp-admin cdn-cgi subscribe langganan komentar comments
    print cetak terpopuler terkini"""
)
_TRACKING = compiled(r"^(?:utm_\w*|fbclid|gclid|_ga|ref|src)$", re.I)
_BLOCKED_QUERY_KEYS = frozenset({"s", "q", "share", "replytocom", "action", "redirect_to"})
_NOT_PAGES = compiled(
    r"\.(?:jpe?g|png|gif|webp|svg|ico|pdf|zip|mp3|mp4|css|js|xml|json|rss)$", re.I
)

_DATE_IN_PATH = compiled(
    r"/(?:19|20)\d{2}/[01]?\d(?:/[0-3]?\d)?(?:/|$)"
    r"|(?<!\d)(?:19|20)\d{2}[01]\d[0-3]\d(?!\d)"
    r"|(?<!\d)(?:19|20)\d{2}-[01]\d-[0-3]\d(?!\d)"
)
_SLUG_SPLIT = compiled(r"[-_.+]+")
_EXTENSION = compiled(r"\.(?:s?html?|php|aspx?)$", re.I)


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """The registrable domain of host (news.kompas.com → kompas.com); the host itself for IPs."""
    host = host.lower().rstrip(".")
    if not host or host.replace(".", "").isdigit() or ":" in host:
        return host
    from tld import get_fld  # the public-suffix list; lazy: ~45 ms to import

    try:
        fld = get_fld(host, fix_protocol=True, fail_silently=True)
    except Exception:  # one of tld's own errors on an odd host
        fld = None
    if fld:
        return str(fld)
    labels = host.split(".")
    # "co.id", "go.id", "or.id", "ac.id", "co.uk": a short second level under a country code.
    keep = 3 if len(labels) > 2 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:])


def site_domains(doc: HtmlElement, base: str, page_url: str) -> set[str]:
    """The domains counted as "this site": the page's, its canonical address's, and, when few of
    its links point there, the one most of them do (a saved or mirrored page links to the site,
    not to where it is served from)."""
    sites = {registrable_domain(urlsplit(u).hostname or "") for u in (page_url, base) if u}
    for el in doc.iter("link", "meta"):
        kind = (el.get("rel") or el.get("property") or "").lower()
        if kind in ("canonical", "og:url"):
            url = safe_url(el.get("href") or el.get("content"), base)
            if url:
                sites.add(registrable_domain(urlsplit(url).hostname or ""))
    counts: Counter[str] = Counter()
    for a in islice(doc.iter("a"), MAX_LINKS):
        url = safe_url(a.get("href"), base)
        if url:
            counts[registrable_domain(urlsplit(url).hostname or "")] += 1
    total = sum(counts.values())
    own = sum(n for domain, n in counts.items() if domain in sites)
    if counts and own * 10 < total:
        top, n = counts.most_common(1)[0]
        if n >= 3 and n * 10 >= total * 3:
            sites.add(top)
    sites.discard("")
    return sites


def clean_link(href: str | None, base: str) -> str:
    """The absolute address of href without its fragment and tracking parameters: the same
    article linked from two widgets (?utm_source=terkini, ?utm_source=populer) is one headline."""
    url = urldefrag(safe_url(href, base))[0]
    if not url or "?" not in url:
        return url
    parts = urlsplit(url)
    kept = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    ]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def is_blocked(path: str, query: str) -> bool:
    """A listing, person or service page, or a file that is not a page at all."""
    if _NOT_PAGES.search(path):
        return True
    segments = [s.lower() for s in path.split("/") if s]
    if any(s in _BLOCKED_SEGMENTS for s in segments):
        return True
    return any(k.lower() in _BLOCKED_QUERY_KEYS for k, _ in parse_qsl(query))


def path_score(path: str, query: str, in_heading: bool) -> int:
    """2 for a date or a long number in the address, 1 for a headline-like slug, else 0."""
    if _DATE_IN_PATH.search(path):
        return 2
    segments = [_EXTENSION.sub("", s) for s in path.split("/") if s]
    for seg in segments:
        for token in _SLUG_SPLIT.split(seg):
            digits = sum(ch.isdigit() for ch in token)
            if (token.isdigit() and len(token) >= 5) or (digits >= 4 and not token.isdigit()):
                return 2
    if any(v.isdigit() and len(v) >= 3 for _, v in parse_qsl(query)):
        return 2
    # A headline's slug: several words joined by dashes (fewer suffice under a heading).
    need = 3 if in_heading else 4
    for seg in segments:
        words = [t for t in _SLUG_SPLIT.split(seg) if t and not t.isdigit()]
        if len(words) >= need and len(seg) >= 16:
            return 1
    return 0
