"""Which links of an index page are its headlines, when no rules say so.

Links to the same site whose address looks like an article's (a date, a numeric id, a long slug)
and whose text reads like a headline, helped by repeated page structure (a list of headlines is
many links in the same position of the same markup) and kept clear of navigation, category, tag,
author, share, login and footer links. Each headline's own block (the markup around it holding
no other headline) gives its date, summary and image.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from urllib.parse import urldefrag, urlsplit

from lxml.html import HtmlElement

from korantui.core.article.dates import parse_date
from korantui.core.models import Entry
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line, clean_paragraphs, safe_url
from korantui.core.sources.article_urls import (
    clean_link,
    is_blocked,
    path_score,
    registrable_domain,
    site_domains,
)
from korantui.core.sources.limits import MAX_ITEMS, MAX_LINKS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Texts that are menu entries, section names or calls to action, not headlines.
_MENU_WORDS = _words(
    """beranda home indeks index berita news terkini terbaru populer terpopuler trending nasional
    regional internasional daerah dunia ekonomi bisnis keuangan finansial olahraga sport sports
    bola tekno teknologi sains hiburan entertainment seleb selebriti lifestyle otomotif
    kesehatan health travel wisata kuliner pendidikan edukasi politik hukum opini kolom video
    foto galeri gallery infografis tv live lainnya selengkapnya more redaksi kontak karir iklan
    sitemap login masuk daftar register logout"""
)
_MENU_PHRASES = frozenset(
    """indeks berita|berita terkini|berita terbaru|berita populer|berita terpopuler|gaya hidup|
    sepak bola|baca selengkapnya|baca juga|lanjut baca|read more|lihat semua|
    lihat selengkapnya|tampilkan lebih banyak|muat lebih banyak|berita lainnya|tentang kami|
    about us|hubungi kami|contact us|susunan redaksi|pedoman media siber|kebijakan privasi|
    privacy policy|syarat dan ketentuan|syarat & ketentuan|info iklan|kode etik jurnalistik|
    site map|sign in|sign up|log in""".replace("\n", "").split("|")
)
_TRAILING_GLYPHS = " \t»›>«‹<.:…|-–—→←"

# Class / id words of page chrome. WordPress puts tag-<slug> and category-<slug> on every post,
# so those prefixes must not count.
_CHROME_TOKEN = compiled(
    r"(?:^|[-_])(?:nav|navbar|navigation|menu|menubar|megamenu|submenu|breadcrumbs?|footer"
    r"|share|sharing|social|sosmed|pagination|paging|pager|copyright|login)(?:$|[-_])"
)
_POST_CLASS_PREFIXES = ("tag-", "category-", "categories-", "post-", "format-", "type-", "status-")
# Page regions: a headline's own block never reaches that far up.
_REGIONS = frozenset({"html", "body", "main", "footer", "aside", "nav", "form"})
_NAVIGATION = compiled(r"(?:^|[-_])(?:nav|navbar|navigation|menu|megamenu)(?:$|[-_])")
_CHROME_TAGS = frozenset({"nav", "footer"})
_CHROME_ROLES = frozenset({"navigation", "menu", "menubar", "contentinfo", "search"})

# Pre-filter before parse_date: its fallback (dateparser) reads dates into almost any text.
_DATEISH = compiled(
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}[:.]\d{2}"
    r"|\d+\s*(?:detik|menit|jam|hari|minggu|pekan|bulan|tahun|seconds?|minutes?|hours?|days?)"
    r"\s+(?:yang\s+)?(?:lalu|ago)|kemarin|yesterday"
    r"|\b\d{1,2}\s+(?:jan|feb|peb|mar|apr|mei|may|jun|jul|agu|agt|aug|sep|okt|oct|nov|nop|des|dec)"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}",
    re.I,
)
_RELATIVE = compiled(r"lalu|ago|kemarin|yesterday|baru saja|just now", re.I)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TITLE_CLASS = compiled(r"title|judul|headline", re.I)
_DATE_CLASS = compiled(r"date|time|tanggal|waktu|publish|posted|jam|meta", re.I)
_SUMMARY_CLASS = compiled(r"excerpt|summary|desc|lead|intro|teaser|ringkas", re.I)
_IMG_ATTRS = ("data-src", "data-lazy-src", "data-original", "src")


@dataclass(slots=True)
class _Candidate:
    el: HtmlElement
    url: str
    text: str
    path_score: int  # 2: date or numeric id; 1: long slug; 0: nothing article-like
    text_ok: bool
    signature: tuple[str, ...]
    # A slug alone at the site's root is also how static pages look (/tentang-kami-dan-redaksi/)
    # and WordPress "postname" posts: it needs a heading or a list of its kind to count.
    slug_at_root: bool
    in_heading: bool


def find_headlines(doc: HtmlElement, base: str, page_url: str) -> list[Entry]:
    """The page's headlines in page order (first appearance), each link once."""
    sites = site_domains(doc, base, page_url)
    page = urldefrag(safe_url(page_url))[0].rstrip("/")
    chrome_cache: dict[HtmlElement, bool] = {}
    candidates: list[_Candidate] = []
    # A front page has a few hundred to 2,000 links; past MAX_LINKS a page is not read further
    # (50,000 links cost 11 s of the one HTML thread, which article extraction waits for).
    for a in islice(doc.iter("a"), MAX_LINKS):
        url = clean_link(a.get("href"), base)
        if not url or url.rstrip("/") == page:
            continue
        parts = urlsplit(url)
        if registrable_domain(parts.hostname or "") not in sites or is_blocked(
            parts.path, parts.query
        ):
            continue
        if _in_chrome(a, chrome_cache):
            continue
        text, wraps_heading = link_text(a)
        in_heading = wraps_heading or any(p.tag in HEADINGS for p in _up(a, 3))
        score = path_score(parts.path, parts.query, in_heading)
        at_root = score == 1 and not in_heading and parts.path.strip("/").count("/") == 0
        candidates.append(
            _Candidate(
                a,
                url,
                text,
                score,
                _reads_like_headline(text, score),
                _signature(a),
                at_root,
                in_heading,
            )
        )

    groups: dict[tuple[str, ...], list[_Candidate]] = defaultdict(list)
    for c in candidates:
        groups[c.signature].append(c)
    verdict = {sig: _group_verdict(members) for sig, members in groups.items()}

    chosen: dict[str, _Candidate] = {}
    for c in candidates:
        if not c.text_ok:
            continue
        first = chosen.get(c.url)
        if first is not None:
            # A thumbnail's title attribute came first; the heading's text is the headline. The
            # dict keeps the first position.
            if c.in_heading and not first.in_heading:
                chosen[c.url] = c
        elif _accepted(c, verdict[c.signature]):
            chosen[c.url] = c
    return _entries(list(chosen.values())[:MAX_ITEMS], base)


def link_text(a: HtmlElement) -> tuple[str, bool]:
    """A link's headline text, and whether it holds a heading. A link around a whole card
    (image, section label, title, "2 jam lalu") is titled by the card's heading or title."""
    for el in a.iterdescendants():
        if el.tag in HEADINGS or _TITLE_CLASS.search(el.get("class") or ""):
            text = clean_line(el.text_content())
            if text:
                return text, el.tag in HEADINGS
    text = clean_line(a.text_content()) or clean_line(a.get("title"))
    if not text:
        # An image-only link: its picture's description is the only headline it has.
        text = next((clean_line(img.get("alt")) for img in a.iter("img") if img.get("alt")), "")
    return text, False


def _accepted(c: _Candidate, group: str) -> bool:
    if group == "headlines":
        return bool(urlsplit(c.url).path.strip("/"))
    return c.path_score == 2 or (c.path_score == 1 and group == "" and not c.slug_at_root)


def _group_verdict(members: list[_Candidate]) -> str:
    distinct = {m.url for m in members}
    if len(distinct) < 3:
        return ""
    good = sum(1 for m in members if m.text_ok and m.path_score >= 1)
    if good * 2 >= len(members):
        return "headlines"
    if good * 5 <= len(members) and not any(m.path_score == 2 for m in members):
        return "chrome"
    return ""


def _reads_like_headline(text: str, path_score: int) -> bool:
    if not 8 <= len(text) <= 300:
        return False
    norm = text.casefold().strip(_TRAILING_GLYPHS)
    if norm in _MENU_WORDS or norm in _MENU_PHRASES:
        return False
    if any(norm.startswith(p + " ") for p in ("baca juga", "lihat", "baca selengkapnya")):
        return False
    words = [w for w in norm.split() if any(ch.isalpha() for ch in w)]
    if _DATEISH.search(text):
        # A date line ("Selasa, 23 Februari 2016 | 14:54 WIB") is not a headline.
        words = [w for w in words if not _is_date_word(w)]
    if len(words) >= 3:
        return True
    # Two-word headlines exist ("Gempa Cianjur") but only trust them on an article address.
    return len(words) == 2 and path_score == 2 and len(norm) >= 12


_DATE_WORDS = compiled(
    r"^(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|wib|wita|wit|pukul|jam|lalu"
    r"|yang|menit|detik|hari|jan\w*|feb\w*|peb\w*|mar\w*|apr\w*|mei|may|jun\w*|jul\w*|agu\w*"
    r"|agt|aug\w*|sep\w*|okt\w*|oct\w*|nov\w*|nop\w*|des\w*|dec\w*)[,.]?$"
)


def _is_date_word(word: str) -> bool:
    return bool(_DATE_WORDS.match(word))


def _up(el: HtmlElement, levels: int) -> Iterable[HtmlElement]:
    for i, parent in enumerate(el.iterancestors()):
        if i >= levels:
            break
        yield parent


def _in_chrome(a: HtmlElement, cache: dict[HtmlElement, bool]) -> bool:
    chain: list[HtmlElement] = []
    result = False
    for el in [a, *a.iterancestors()]:
        if el in cache:
            result = cache[el]
            break
        chain.append(el)
        if _is_chrome(el):
            result = True
            break
    for el in chain:
        # Only what lies below a chrome element is chrome; record the answer for the rest.
        cache[el] = result
    return result


def _is_chrome(el: HtmlElement) -> bool:
    if el.tag in _CHROME_TAGS or (el.get("role") or "").lower() in _CHROME_ROLES:
        return True
    if el.get("rel") and "tag" in el.get("rel", "").lower().split():
        return True
    for token in f"{el.get('class', '')} {el.get('id', '')}".lower().split():
        if token.startswith(_POST_CLASS_PREFIXES):
            continue
        if _CHROME_TOKEN.search(token):
            return True
    return False


def _is_navigation(el: HtmlElement) -> bool:
    if el.tag == "nav" or (el.get("role") or "").lower() in ("navigation", "menu", "menubar"):
        return True
    tokens = f"{el.get('class', '')} {el.get('id', '')}".lower().split()
    return any(_NAVIGATION.search(t) for t in tokens if not t.startswith(_POST_CLASS_PREFIXES))


def _signature(a: HtmlElement) -> tuple[str, ...]:
    """Where the link sits in the markup, positions left out: the links of one list share it."""
    sig = []
    for el in [a, *a.iterancestors()]:
        classes = sorted(
            c
            for c in (el.get("class") or "").split()
            if not any(ch.isdigit() for ch in c) and not c.startswith(_POST_CLASS_PREFIXES)
        )
        sig.append(el.tag + "." + ".".join(classes) if classes else str(el.tag))
    return tuple(sig)


def _entries(chosen: list[_Candidate], base: str) -> list[Entry]:
    # An item's block: the largest ancestor (a few levels up) holding this headline and no other,
    # and no menu (a ticker in the masthead must not take the masthead's date and logo).
    owners: dict[HtmlElement, set[str]] = defaultdict(set)
    if chosen:
        for el in chosen[0].el.getroottree().getroot().iter():
            if _is_navigation(el):
                for parent in el.iterancestors():
                    owners[parent].add("")
    for c in chosen:
        for parent in _up(c.el, 4):
            owners[parent].add(c.url)
    entries = []
    for c in chosen:
        block = c.el
        for parent in _up(c.el, 4):
            if len(owners[parent]) > 1 or parent.tag in _REGIONS:
                break
            block = parent
        entries.append(
            Entry(
                title=c.text[:500],
                link=c.url,
                guid=c.url,
                summary=_summary_in(block, c),
                published=_date_in(block, c.el),
                image=image_in(block, base),
            )
        )
    return entries


def _outside(block: HtmlElement, skip: HtmlElement) -> Iterable[HtmlElement]:
    """The elements of block that neither hold nor lie inside skip."""
    holders = set(skip.iterancestors())
    for el in block.iter():
        if el is skip or el in holders or skip in el.iterancestors():
            continue
        yield el


def _date_in(block: HtmlElement, anchor: HtmlElement) -> datetime | None:
    for el in block.iter("time"):
        found = date_of(el)
        if found:
            return found
    texts: list[str] = []
    for el in anchor.iterdescendants():
        # A card-wide link may hold its own date line.
        if _DATE_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"):
            texts.extend(t.get("title") or "" for t in el.iter())
            texts.append(el.text_content())
    holders = set(anchor.iterancestors())
    for el in block.iter():
        if el is anchor or anchor in el.iterancestors():
            continue
        if el in holders:
            # A holder of the headline: only its own loose text can be a date next to it.
            texts.extend(
                t for t in (el.text, anchor.tail if el is anchor.getparent() else None) if t
            )
            continue
        label = f"{el.get('class', '')} {el.get('id', '')}"
        if _DATE_CLASS.search(label):
            texts.append(el.text_content())
        if el.tag != "a":
            texts.append(el.get("title") or "")
        texts.extend(t for t in (el.text, el.tail if el is not block else None) if t)
    return _first_date(texts)


def date_of(el: HtmlElement) -> datetime | None:
    """The moment an element names: <time datetime>, <meta content>, a title, or its text."""
    attrs = [el.get(k) or "" for k in ("datetime", "content", "title")]
    return _first_date([*attrs, el.text_content()])


def _first_date(texts: Iterable[str]) -> datetime | None:
    """The first moment named in texts, a printed date before a relative one ("2 jam lalu" is
    often shown with the exact time in a title attribute beside it)."""
    relative: datetime | None = None
    for raw in texts:
        text = clean_line(raw)
        if not text or len(text) > 120 or not _DATEISH.search(text):
            continue
        found = parse_date(text)
        if found is None:
            continue
        if not _RELATIVE.search(text):
            return found
        relative = relative or found
    return relative


def _summary_in(block: HtmlElement, c: _Candidate) -> str:
    if block is c.el:
        return ""
    for el in _outside(block, c.el):
        label = f"{el.get('class', '')} {el.get('id', '')}"
        if el.tag == "p" or (_SUMMARY_CLASS.search(label) and el.tag in ("div", "span")):
            text = clean_paragraphs(el.text_content())
            if len(text.split()) >= 6 and text != c.text and not _DATEISH.match(text):
                return text[:2000]
    return ""


def image_in(block: HtmlElement, base: str) -> str:
    """The first image of block (lazy-loading attributes before src), as a safe address."""
    for img in block.iter("img"):
        for attr in _IMG_ATTRS:
            url = safe_url(img.get(attr), base)
            if url:
                return url
    return ""
