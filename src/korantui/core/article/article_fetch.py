"""Fetch a whole article: canonical address, whole-article form or every part, then extract.

Network work runs on the event loop through the shared Fetcher; extraction, which is CPU-bound,
runs in a worker thread so the Textual app never stalls. What the page leads to on its own (its
canonical address, its further parts) is fetched no more privately than the page itself: a public
page's "next page" link to the reader's router is not followed.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from korantui.core.article import extract_pool
from korantui.core.article.extract import (
    Extraction,
    ExtractionError,
    Hints,
    explain_parsed,
    extract_parsed,
    parse_html,
)
from korantui.core.article.site_rules import SiteRule, SiteRules, load_rules, select
from korantui.core.htmlwork import on_html_thread
from korantui.core.models import Article, Block
from korantui.core.net.charset import decode_html
from korantui.core.net.doctype import why_not_an_article
from korantui.core.net.fetch import Fetcher, FetchError, FetchRefused
from korantui.core.net.zones import Zone
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line, safe_url

MAX_PAGES = 10
_AMP_CACHE = compiled(r"^/(?:[a-z]/)?(?:s/)?([^/]+\.[^/]+)(/.*)?$", re.I)
_AMP_QUERY = {"amp", "outputtype", "amp_js_v", "usqp"}
_NEXT_TEXT = compiled(
    r"^\W*(?:halaman\s+)?(?:selanjutnya|berikutnya|next(?:\s+page)?|lanjut(?:kan)?)\W*$"
    r"|^\s*[»›>]+\s*$",
    re.I,
)
_PAGINATION = compiled(r"pag(?:e|ing|ination|er)|halaman|multipage|nav-links", re.I)
_PART_SUFFIX = compiled(r"(?:/\d{1,2}|-part\d{1,2}|/all|/amp)+/?$|/$", re.I)
_PAGE_PARAMS = {"page", "page_num", "p", "halaman", "hal", "showpage", "single", "pg"}


def canonical_from_amp_url(url: str) -> str:
    """The regular address for an AMP one, from the address alone; url if it is not AMP."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host.endswith(".cdn.ampproject.org") or host.endswith(".ampproject.net"):
        m = _AMP_CACHE.match(parts.path)
        if m:
            return urlunsplit(("https", m.group(1), m.group(2) or "/", parts.query, ""))
    segments = parts.path.split("/")
    path = "/".join(s for s in segments if s.lower() != "amp") or "/"
    if path.endswith(".amp"):
        path = path[:-4]
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    kept = [(k, v) for k, v in query if k.lower() not in _AMP_QUERY]
    if path == parts.path and len(kept) == len(query):
        return url
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(kept), ""))


def with_param(url: str, param: str) -> str:
    """url with "key=value" set in its query."""
    key, _, value = param.partition("=")
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != key]
    query.append((key, value))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def amp_canonical(tree: Any, url: str) -> str:
    """For an AMP page, its rel=canonical address (when it differs from url)."""
    root = tree.getroottree().getroot()
    if root.get("amp") is None and root.get("⚡") is None:
        return ""
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical":
            target = safe_url(link.get("href"), url)
            return target if target and target != url else ""
    return ""


def _stem(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    path = _PART_SUFFIX.sub("", parts.path)
    return (parts.hostname or "").lower(), path


def _same_article(candidate: str, base: str) -> bool:
    """Whether candidate is another part of the article at base: same host, same path once
    part suffixes ("/2", "-part2") are stripped, differing in page number only."""
    if _stem(candidate) != _stem(base):
        return False
    base_query = set(parse_qsl(urlsplit(base).query))
    changed = {
        k.lower() for k, v in parse_qsl(urlsplit(candidate).query) if (k, v) not in base_query
    }
    return changed <= _PAGE_PARAMS


def next_page_urls(tree: Any, url: str, rule: SiteRule | None = None) -> list[str]:
    """Addresses of the article's further parts that this page links to, in page order."""
    anchors: list[Any] = []
    if rule is not None:
        for sel in rule.next_page:
            anchors.extend(select(tree, sel))
    for link in tree.iter("link", "a"):
        rel = (link.get("rel") or "").lower().split()
        if "next" in rel:
            anchors.append(link)
    for a in tree.iter("a"):
        text = clean_line(a.text_content())
        # "1" is the page in hand.
        if _NEXT_TEXT.match(text) or (text.isdigit() and text != "1" and _in_pagination(a)):
            anchors.append(a)
    found: list[str] = []
    for a in anchors:
        target = safe_url(a.get("href"), url)
        target = target.split("#")[0]
        if target and target != url and target not in found and _same_article(target, url):
            found.append(target)
    return found


def _in_pagination(el: Any) -> bool:
    node = el.getparent()
    for _ in range(4):
        if node is None:
            return False
        if _PAGINATION.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        node = node.getparent()
    return False


async def _get_text(fetcher: Fetcher, url: str) -> tuple[str, str]:
    try:
        result = await fetcher.get(url)
    except FetchError as e:
        if e.kind == "content_type" and e.detail:
            raise FetchError(
                e.kind, f"not an article page: {e.detail} (open in browser)", url, detail=e.detail
            ) from None
        raise
    reason = why_not_an_article(result.content[:1024], result.content_type)
    if reason:
        raise FetchError("content_type", reason, url)
    return decode_html(result.content, result.declared_charset), result.url


async def fetch_article(
    fetcher: Fetcher,
    url: str,
    *,
    rules: SiteRules | None = None,
    origin: Zone | None = None,
    hints: Hints | None = None,
) -> Article:
    """The whole article at url (fetch_reading's, a page that is no article turned away)."""
    reading = await fetch_reading(
        fetcher, url, rules=rules, origin=origin, hints=hints, refuse=True
    )
    return reading.article


async def fetch_reading(
    fetcher: Fetcher,
    url: str,
    *,
    rules: SiteRules | None = None,
    origin: Zone | None = None,
    hints: Hints | None = None,
    refuse: bool = False,
) -> Extraction:
    """The whole article at url. FetchError from the network and ExtractionError from
    extraction propagate; a later part that fails is left out rather than failing all.

    origin: the most private zone the page's own links may lead to (default: that of the page
    fetched; a caller that knows where the link came from, a feed, may say so). hints: what the
    feed item said of its article, evidence for its title, date and author. refuse: see
    explain_article."""
    rules = rules or load_rules()
    start = canonical_from_amp_url(url)
    rule = rules.match(start)
    whole = with_param(start, rule.whole_param) if rule and rule.whole_param else start
    if start != url and origin is None:
        # The guessed regular address is the page's own lead: no more private than url.
        origin = await fetcher.zone_of(url) if fetcher.reach > Zone.PUBLIC else Zone.PUBLIC
    first = fetcher if start == url or origin is None else fetcher.confined(origin)
    try:
        text, final = await _get_text(first, whole)
    except FetchError as e:
        if whole == url or (e.status not in (400, 404, 410) and not isinstance(e, FetchRefused)):
            raise
        # The guessed form does not exist here: the address as given.
        text, final = await _get_text(fetcher, url)
    led = fetcher.confined(origin) if origin is not None else await fetcher.following(final)

    tree, canonical, rule, queue = await asyncio.to_thread(_look_at, text, final, rules)
    if canonical:
        try:
            text, final = await _get_text(led, canonical)
        except FetchRefused:
            canonical = ""  # the AMP page in hand is the article then
        else:
            tree, _, rule, queue = await asyncio.to_thread(_look_at, text, final, rules)

    # Each page is parsed once: the trees that found the further parts are then extracted.
    pages = [(text, tree)]
    seen = {url, whole, final}
    while queue and len(pages) < MAX_PAGES:
        nxt = queue.pop(0)
        if nxt in seen:
            continue
        seen.add(nxt)
        try:
            part, part_url = await _get_text(led, nxt)
        except FetchError:
            continue
        seen.add(part_url)
        part_tree, _, _, more = await asyncio.to_thread(_look_at, part, part_url, rules, rule)
        pages.append((part, part_tree))
        queue.extend(u for u in more if u not in seen)
    pool = extract_pool.current.get()  # a sync's articles: in worker processes
    if pool is not None:
        return await pool.extract(pages, final, rules, hints, refuse)
    return await extract_parts_here(pages, final, rules, hints, refuse)


_MATCH = object()  # _look_at's "find the page's rule" (a part uses the first page's rule)


def _look_at(
    text: str, url: str, rules: SiteRules, rule: SiteRule | object | None = _MATCH
) -> tuple[Any, str, SiteRule | None, list[str]]:
    """In a worker thread: the page's tree, its AMP canonical address, its rule and the
    addresses of the article's further parts (none where a whole-article form was asked for)."""
    return on_html_thread(_look, text, url, rules, rule)


def _look(
    text: str, url: str, rules: SiteRules, rule: SiteRule | object | None
) -> tuple[Any, str, SiteRule | None, list[str]]:
    tree = parse_html(text)
    found = rules.match(url, tree, text) if rule is _MATCH else rule
    assert found is None or isinstance(found, SiteRule)
    parts = [] if found and found.whole_param else next_page_urls(tree, url, found)
    return tree, amp_canonical(tree, url), found, parts


async def extract_parts_here(
    pages: list[tuple[str, Any]], url: str, rules: SiteRules, hints: Hints | None, refuse: bool
) -> Extraction:
    return await asyncio.to_thread(extract_parts, pages, url, rules, hints, refuse)


def extract_parts(
    pages: list[tuple[str, Any]], url: str, rules: SiteRules, hints: Hints | None, refuse: bool
) -> Extraction:
    """The article of its pages (text and tree each): the first one's, with the further parts'
    new blocks after it."""
    reading = explain_parsed(*pages[0], url, rules=rules, hints=hints, refuse=refuse)
    article = reading.article
    seen = {b.text for b in article.blocks}
    joined = 1
    for text, tree in pages[1:]:
        try:
            part = extract_parsed(text, tree, url, rules=rules)
        except ExtractionError:
            continue
        new: list[Block] = [b for b in part.blocks if b.text not in seen]
        if not new:
            continue  # the same page under another address
        joined += 1
        seen.update(b.text for b in new)
        article.blocks.extend(new)
    article.pages = joined
    return reading
