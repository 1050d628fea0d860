"""Headlines scraped from an HTML index page: a site's front page or its "terkini" list.

With rules (CSS selectors from the config: item, title, link, date, summary) the page is read as
the user described it; without, headline_links finds the headlines by itself.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from korantui.core.htmlwork import on_html_thread
from korantui.core.models import Entry, ParsedSource
from korantui.core.sanitize import clean_line, clean_paragraphs, safe_url
from korantui.core.sources.article_urls import clean_link
from korantui.core.sources.feeds import FeedParseError
from korantui.core.sources.headline_links import (
    HEADINGS,
    date_of,
    find_headlines,
    image_in,
    link_text,
)
from korantui.core.sources.html_kind import HTML_RULE_KEYS
from korantui.core.sources.limits import MAX_ITEMS, MAX_LINKS


def parse_html_source(
    html: str, base_url: str, rules: dict[str, str] | None = None
) -> ParsedSource:
    """Headlines of an HTML index page, in page order. Raises FeedParseError when none."""
    return on_html_thread(_parse_html_source, html, base_url, rules)


def _parse_html_source(html: str, base_url: str, rules: dict[str, str] | None) -> ParsedSource:
    doc = _parse(html)
    base = _base_url(doc, base_url)
    title = _site_title(doc)
    if rules and any(rules.get(k) for k in HTML_RULE_KEYS):
        entries = _by_rules(doc, base, rules)
        if not entries:
            raise FeedParseError("the page rules matched no headline")
    else:
        entries = find_headlines(doc, base, base_url)
        if not entries:
            raise FeedParseError("no headlines found on the page")
    return ParsedSource(title=title, entries=entries, link=safe_url(base_url))


def _parse(html: str) -> HtmlElement:
    # lxml refuses str input that carries an XML encoding declaration.
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    if not html.strip():
        raise FeedParseError("empty page")
    try:
        doc = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError) as e:
        raise FeedParseError(f"not an HTML page ({clean_line(str(e))[:120]})") from None
    lxml.etree.strip_elements(
        doc, "script", "style", "noscript", "template", "svg", lxml.etree.Comment, with_tail=False
    )
    return doc


def _base_url(doc: HtmlElement, page_url: str) -> str:
    for el in doc.iter("base"):
        href = safe_url(el.get("href"), page_url)
        if href:
            return href
    return page_url


def _site_title(doc: HtmlElement) -> str:
    for meta in doc.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:site_name":
            name = clean_line(meta.get("content"))
            if name:
                return name[:200]
    el = doc.find(".//title")
    return clean_line(el.text_content())[:200] if el is not None else ""


# --- rules ------------------------------------------------------------------------------------


Selectors = dict[str, Any]  # rule key -> compiled CSSSelector


def _compile(rules: dict[str, str]) -> Selectors:
    """Each of the rules' selectors compiled once for the whole page, not once per item."""
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    compiled: Selectors = {}
    for key in HTML_RULE_KEYS:
        selector = rules.get(key)
        if not selector:
            continue
        try:
            compiled[key] = CSSSelector(selector, translator="html")
        except (SelectorError, lxml.etree.XPathError) as e:
            raise FeedParseError(f"invalid CSS selector {selector!r}: {e}") from None
    return compiled


def _first(el: HtmlElement, selector: Any) -> HtmlElement | None:
    found = selector(el) if selector is not None else []
    return found[0] if found else None


def _anchor_of(el: HtmlElement) -> HtmlElement | None:
    """The link el is, is inside of, or holds: the one in a heading first, else the one with
    the longest text (not the category label or the author that come before the title)."""
    if el.tag == "a" and el.get("href"):
        return el
    for parent in el.iterancestors("a"):
        return parent
    anchors = [a for a in el.iter("a") if a.get("href")]
    for a in anchors:
        if any(p.tag in HEADINGS for p in a.iterancestors()) or link_text(a)[1]:
            return a
    return max(anchors, key=lambda a: len(link_text(a)[0]), default=None)


def _by_rules(doc: HtmlElement, base: str, rules: dict[str, str]) -> list[Entry]:
    compiled = _compile(rules)
    sub = "item" in compiled
    if sub:
        items = compiled["item"](doc)
    else:
        # Without an item selector every link (or title) match is an item of its own.
        items = (
            compiled.get("link") or compiled.get("title") or _compile({"link": "a[href]"})["link"]
        )(doc)
    entries: list[Entry] = []
    seen: set[str] = set()
    for item in items[:MAX_LINKS]:
        if len(entries) >= MAX_ITEMS:
            break
        title_el = _first(item, compiled.get("title")) if sub else None
        link_el = _first(item, compiled.get("link")) if sub else None
        anchor = None
        for el in (link_el, title_el, item):
            anchor = _anchor_of(el) if el is not None else None
            if anchor is not None:
                break
        link = clean_link(anchor.get("href") if anchor is not None else "", base)
        if title_el is not None:
            title = clean_line(title_el.text_content())
        elif not sub and rules.get("title") and not rules.get("link"):
            title = clean_line(item.text_content())
        else:
            title = link_text(anchor)[0] if anchor is not None else ""
        if not link or not title or link in seen:
            continue
        seen.add(link)
        date_el = _first(item, compiled.get("date"))
        summary_el = _first(item, compiled.get("summary"))
        entries.append(
            Entry(
                title=title[:500],
                link=link,
                guid=link,
                summary=clean_paragraphs(summary_el.text_content())
                if summary_el is not None
                else "",
                published=date_of(date_el) if date_el is not None else None,
                image=image_in(item, base),
            )
        )
    return entries
