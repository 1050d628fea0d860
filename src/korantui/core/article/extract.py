"""One article page to a models.Article: site rule first, trafilatura otherwise, then cleanup.

Synchronous and CPU-bound: callers on an event loop run it in a worker thread
(article_fetch does). trafilatura is imported inside the function so korantui starts without it.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from korantui.core.article.blocks import blocks_from_element
from korantui.core.article.cleanup import clean_blocks
from korantui.core.article.dates import find_published, in_clutter
from korantui.core.article.jsonld import json_ld_objects
from korantui.core.article.site_rules import SiteRule, SiteRules, load_rules, select
from korantui.core.htmlwork import on_html_thread
from korantui.core.models import Article, Block
from korantui.core.net.charset import decode_html
from korantui.core.net.doctype import looks_like_feed
from korantui.core.sanitize import clean_line, clean_markup, safe_url

__all__ = [
    "ExtractionError",
    "extract_article",
    "extract_parsed",
    "parse_html",
]

MIN_RULE_WORDS = 25  # less than this from a rule's content selector: the rule missed
MIN_WORDS = 8  # less than this after cleanup is a menu or a stub, not an article
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_LABEL = re.compile(
    r"^(?:penulis|reporter|pewarta|editor|redaktur|kontributor|oleh|author|by|writer)\s*[:：]?\s+",
    re.I,
)
# Class/id words of boxes that sit inside an article body but are not part of it.
_NESTED_CLUTTER = re.compile(
    r"(?:^|[\s_-])(?:related|terkait|baca-?juga|bacajuga|share|sharing|social|sosmed|comments?"
    r"|komentar|tags?|newsletter|recommend\w*|rekomendasi|popular|populer|trending|ads?|advert\w*"
    r"|iklan|promo)(?:$|[\s_-])",
    re.I,
)
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:»·]\s+")


class ExtractionError(Exception):
    """A page with no article text; str() is the reason, for the reading pane's label."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_DEFAULT_RULES: SiteRules | None = None


def _default_rules() -> SiteRules:
    global _DEFAULT_RULES
    if _DEFAULT_RULES is None:
        _DEFAULT_RULES = load_rules()
    return _DEFAULT_RULES


def parse_html(text: str) -> Any:
    """An lxml document for text; ExtractionError when it holds no HTML at all."""
    return on_html_thread(_parse_html, text)


def _parse_html(text: str) -> Any:
    # libxml2 stops reading at some control characters, losing the rest of the page; they
    # are never wanted in the text anyway.
    text = clean_markup(_XML_DECL.sub("", text, count=1))
    if not text.strip():
        raise ExtractionError("empty page")
    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise ExtractionError(f"not an HTML page ({e})") from None
    return tree


def extract_article(
    html: str | bytes,
    url: str,
    *,
    rules: SiteRules | None = None,
    declared_charset: str = "",
) -> Article:
    """The article in html (fetched from url). Raises ExtractionError if there is none."""
    text = decode_html(html, declared_charset) if isinstance(html, bytes) else html
    return on_html_thread(_extract_text, text, url, rules)


def _extract_text(text: str, url: str, rules: SiteRules | None) -> Article:
    return _extract_parsed(text, _parse_html(text), url, rules)


def extract_parsed(text: str, tree: Any, url: str, *, rules: SiteRules | None = None) -> Article:
    """extract_article for a page already parsed: text is the page, tree parse_html(text), which
    this changes (boxes inside the content are dropped), so it is used once."""
    return on_html_thread(_extract_parsed, text, tree, url, rules)


def _extract_parsed(text: str, tree: Any, url: str, rules: SiteRules | None) -> Article:
    if looks_like_feed(text[:8192].encode("utf-8", "replace")):
        # A feed served as a web page: its item titles are no article.
        raise ExtractionError("the address serves a feed, not an article page")
    rule = (rules or _default_rules()).match(url, tree, text)
    meta = _page_meta(tree)

    title = _rule_text(rule, tree, "title") or _title(tree, meta)
    candidates = [
        el.get("datetime") or el.get("content") or _text(el)
        for el in (rule.first(tree, "date") if rule else [])
    ]
    published = find_published(tree, candidates=candidates)
    if published is None and _is_index_page(tree, url, meta, rule):
        raise ExtractionError("the page is a list of headlines, not an article")
    author = _author_text(_rule_text(rule, tree, "author")) or _meta_author(tree, meta)
    caption = _rule_caption(rule, tree) or _generic_caption(tree)

    blocks: list[Block] | None = None
    method = "generic"
    if rule is not None and rule.content:
        blocks = _rule_blocks(rule, tree, url)
        if blocks is not None:
            method = f"rule:{rule.name}"
    if blocks is None:
        blocks = _generic_blocks(tree, url)
    cleaned = clean_blocks(_drop_title_block(blocks, title))
    if caption:
        # The caption shows under the image, not again as body text.
        cleaned.blocks = [b for b in cleaned.blocks if b.text != clean_line(caption)]
    if sum(len(b.text.split()) for b in cleaned.blocks) < MIN_WORDS:
        raise ExtractionError("no article text found")

    host = (urlsplit(url).hostname or "").lower()
    return Article(
        url=url,
        title=clean_line(title),
        author=clean_line(author or cleaned.author),
        published=published,
        site=clean_line(meta.get("og:site_name") or host.removeprefix("www.")),
        image=safe_url(
            meta.get("og:image") or meta.get("twitter:image") or meta.get("twitter:image:src"),
            url,
        ),
        caption=clean_line(caption or cleaned.caption),
        blocks=cleaned.blocks,
        method=method,
    )


def _text(el: Any) -> str:
    return clean_line(el.text_content())


# An index page (a home page, a section) read as an article gives a stream of teasers from a
# dozen stories. Articles nearly always carry a date, so only a page without one is asked, and
# only strong evidence turns it away: many headline links and no run of prose paragraphs
# anywhere (an article with a long related list still has its prose).
INDEX_HEADLINES = 10
ARTICLE_PROSE_RUN = 3


def _is_index_page(tree: Any, url: str, meta: dict[str, str], rule: SiteRule | None) -> bool:
    if urlsplit(url).path in ("", "/"):
        return True  # a site's front page (Kompas' says og:type "article" all the same)
    if rule is not None or meta.get("og:type", "").strip().lower() == "article":
        return False
    return _headline_links(tree, url) >= INDEX_HEADLINES and _longest_prose_run(tree) < (
        ARTICLE_PROSE_RUN
    )


def _headline_links(tree: Any, url: str) -> int:
    """Links to other pages of the site whose text reads like a headline (four words or more)."""
    host = urlsplit(url).hostname or ""
    targets = set()
    for a in tree.iter("a"):
        href = a.get("href") or ""
        parts = urlsplit(href)
        if (parts.hostname or host) != host or len(_text(a).split()) < 4 or in_clutter(a):
            continue
        targets.add(parts.path)
    targets.discard(urlsplit(url).path)
    return len(targets)


def _longest_prose_run(tree: Any) -> int:
    """The most paragraphs of prose (eight words or more, not a link) that follow each other."""
    best = 0
    for parent in {p.getparent() for p in tree.iter("p")}:
        if parent is None:
            continue
        run = 0
        for child in parent:
            if not isinstance(child.tag, str) or child.tag in ("script", "style", "br"):
                continue
            text = _text(child) if child.tag == "p" else ""
            linked = sum(len(_text(a)) for a in child.iter("a")) if text else 0
            if len(text.split()) >= 8 and linked < 0.5 * len(text):
                run += 1
                best = max(best, run)
            else:
                run = 0
    return best


def _page_meta(tree: Any) -> dict[str, str]:
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or "").strip().lower()
        value = el.get("content")
        if key and value and key not in meta:
            meta[key] = value
    return meta


def _rule_text(rule: SiteRule | None, tree: Any, key: str) -> str:
    if rule is None:
        return ""
    for el in rule.first(tree, key):
        text = _text(el)
        if text:
            return text
    return ""


def _title(tree: Any, meta: dict[str, str]) -> str:
    og = clean_line(meta.get("og:title") or meta.get("twitter:title"))
    head_title = next((_text(t) for t in tree.iter("title")), "")
    reference = og or head_title
    h1s = [t for t in (_text(h) for h in tree.iter("h1") if not in_clutter(h)) if t]
    for h1 in h1s:
        # og:title and <title> often add the site's name: the printed headline is the h1 they
        # contain. A short h1 inside them is the logo, not the headline.
        if reference and h1 in reference and len(h1) >= 0.5 * len(reference):
            return h1
        if og and og in h1:
            return h1
    if og:
        return og
    if h1s and not head_title:
        return h1s[0]
    # "Headline - Site": keep the longest part.
    parts = _TITLE_SEPARATORS.split(head_title)
    return max(parts, key=len) if parts else head_title


def _author_text(text: str) -> str:
    text = _LABEL.sub("", clean_line(text))
    return text if 1 < len(text) <= 80 else ""


def _meta_author(tree: Any, meta: dict[str, str]) -> str:
    for item in json_ld_objects(tree):
        name = _json_ld_author(item)
        if name:
            return _author_text(name)
    value = meta.get("author") or meta.get("article:author") or meta.get("dc.creator") or ""
    if value.startswith(("http://", "https://")):
        return ""
    site = meta.get("og:site_name", "")
    return "" if site and value.strip().lower() == site.strip().lower() else _author_text(value)


def _json_ld_author(item: dict[str, Any]) -> str:
    author = item.get("author")
    if author is None:
        return ""
    names = [
        a.get("name") if isinstance(a, dict) else a
        for a in (author if isinstance(author, list) else [author])
    ]
    return ", ".join(clean_line(n) for n in names if isinstance(n, str) and n.strip())


def _rule_caption(rule: SiteRule | None, tree: Any) -> str:
    if rule is None:
        return ""
    for sel in rule.caption:
        found = [t for t in (_text(el) for el in select(tree, sel)) if t]
        if found:
            # ":contains()" also finds every ancestor; the caption itself is the shortest.
            return min(found, key=len)
    return ""


def _generic_caption(tree: Any) -> str:
    for el in tree.xpath(
        "//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '),"
        " ' wp-caption-text ')] | //*[contains(@class, 'wp-element-caption')]"
    ):
        if not in_clutter(el):
            text = _text(el)
            if text:
                return text
    return ""


def _rule_blocks(rule: SiteRule, tree: Any, url: str) -> list[Block] | None:
    found = rule.first(tree, "content")
    if not found:
        return None
    content = max(found, key=lambda el: len(el.text_content()))
    for sel in rule.remove:
        for el in select(content, sel):
            if el is not content:
                el.drop_tree()
    # Boxes of other stories, share bars and comment threads nested in the content.
    for el in list(content.iterdescendants()):
        marks = f"{el.get('class') or ''} {el.get('id') or ''}" if isinstance(el.tag, str) else ""
        if marks.strip() and _NESTED_CLUTTER.search(marks) and el.getparent() is not None:
            el.drop_tree()
    blocks = blocks_from_element(content, url)
    words = sum(len(b.text.split()) for b in blocks)
    return blocks if words >= MIN_RULE_WORDS else None


def _generic_blocks(tree: Any, url: str) -> list[Block]:
    from trafilatura import bare_extraction  # lazy: heavy, and never needed at start-up

    blocks: list[Block] = []
    # Precision mode keeps related-story lists and link farms out, and is faster on heavy
    # pages; the balanced mode is the second try for pages where it finds too little.
    for precision in (True, False):
        doc = bare_extraction(
            tree,
            url=url or None,
            favor_precision=precision,
            include_comments=False,
            include_links=True,
            include_tables=True,
            include_images=False,
            include_formatting=False,
            with_metadata=False,
            deduplicate=False,
        )
        body = getattr(doc, "body", None)
        if body is not None:
            blocks = blocks_from_element(body, url)
            if sum(len(b.text.split()) for b in blocks) >= MIN_RULE_WORDS:
                break
    if not blocks:
        raise ExtractionError("no article text found")
    return recover_loose_text(tree, blocks, url)


_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "ul", "ol", "li", "table", "blockquote", "figure", "pre"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)


def recover_loose_text(tree: Any, blocks: list[Block], url: str) -> list[Block]:
    """Text that sits loose beside the first or last <p> of the body and that trafilatura
    drops: the dateline and lead ("<b>Jakarta</b> - <p>...") and the closing code
    ("</p> <strong>(fyk/ash)</strong>"), both common on Indonesian sites."""
    paragraphs = [i for i, b in enumerate(blocks) if b.kind == "p"]
    if not paragraphs:
        return blocks
    first_i, last_i = paragraphs[0], paragraphs[-1]
    last = _find_paragraph(tree, blocks[last_i].text[-60:])
    if last is not None:
        tail = _loose_text(last, before=False)
        if tail and len(tail) <= 40 and tail.startswith("(") and tail.endswith(")"):
            blocks = [*blocks[: last_i + 1], Block("p", tail), *blocks[last_i + 1 :]]
    first = _find_paragraph(tree, blocks[first_i].text[:60])
    if first is not None:
        lead = _loose_text(first, before=True)
        if lead and lead not in blocks[first_i].text and len(lead) <= 1500:
            blocks = [*blocks[:first_i], Block("p", lead), *blocks[first_i:]]
    return blocks


def _find_paragraph(tree: Any, probe: str) -> Any:
    for p in tree.iter("p"):
        if probe in clean_line(p.text_content()):
            return p
    return None


def _loose_text(p: Any, *, before: bool) -> str:
    """Text and inline elements beside p inside its parent, up to the next block."""
    parent = p.getparent()
    if parent is None:
        return ""
    parts: list[str] = []
    if before:
        prev = p.getprevious()
        nodes = []
        while prev is not None and not (
            isinstance(prev.tag, str) and prev.tag in _BLOCK_TAGS and prev.text_content().strip()
        ):
            nodes.append(prev)
            prev = prev.getprevious()
        if prev is None:
            parts.append(parent.text or "")
        else:
            parts.append(prev.tail or "")
        for node in reversed(nodes):
            if isinstance(node.tag, str) and node.tag not in ("script", "style", "br", "p"):
                parts.append(node.text_content())
            parts.append(node.tail or "")
    else:
        parts.append(p.tail or "")
        nxt = p.getnext()
        while nxt is not None and not (isinstance(nxt.tag, str) and nxt.tag in _BLOCK_TAGS):
            if isinstance(nxt.tag, str) and nxt.tag not in ("script", "style", "br"):
                parts.append(nxt.text_content())
            parts.append(nxt.tail or "")
            nxt = nxt.getnext()
    return clean_line(" ".join(parts))


def _drop_title_block(blocks: list[Block], title: str) -> list[Block]:
    """The headline repeated in the body (some themes put the h1 inside the content)."""
    if not title:
        return blocks
    return [b for i, b in enumerate(blocks) if not (i < 12 and b.kind == "h" and b.text == title)]
