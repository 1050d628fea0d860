"""One article page to a models.Article: site rule first, trafilatura otherwise, then cleanup.

Synchronous and CPU-bound: callers on an event loop run it in a worker thread
(article_fetch does). trafilatura is imported inside the function so korantui starts without it.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from korantui.core.article.author import author_candidates, choose_author
from korantui.core.article.blocks import blocks_from_element
from korantui.core.article.body import generic_blocks, words, worth
from korantui.core.article.cleanup import clean_blocks
from korantui.core.article.evidence import Choice, Page, RuleFinding, in_clutter
from korantui.core.article.figures import arrange, page_figures
from korantui.core.article.index_page import is_index_page
from korantui.core.article.inline_spaces import keep_inline_spaces
from korantui.core.article.last_reading import baseline_blocks
from korantui.core.article.mojibake import repaired
from korantui.core.article.published import choose_published
from korantui.core.article.site_rules import SiteRule, SiteRules, load_rules, select
from korantui.core.article.title import choose_title, heading_text
from korantui.core.htmlwork import on_html_thread
from korantui.core.models import Article, Block
from korantui.core.net.charset import decode_html
from korantui.core.net.doctype import looks_like_feed
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line, clean_markup, safe_url

__all__ = [
    "Extraction",
    "ExtractionError",
    "Hints",
    "explain_article",
    "explain_parsed",
    "extract_article",
    "extract_parsed",
    "parse_html",
]

MIN_RULE_WORDS = 25  # less than this from a rule's content selector: the rule missed
MIN_WORDS = 8  # less than this after cleanup is a menu or a stub, not an article
SHORT_RULE_BODY = 150  # a CMS rule's reading shorter than this is checked against the generic
_XML_DECL = compiled(r"^\s*<\?xml[^>]*\?>", re.I)
# libxml2 drops everything after </html>; browsers read on, and some templates close the page
# early and print the article after it. The parser closes both elements at the end itself.
_PAGE_END = compiled(r"</(?:body|html)\s*>", re.I)
# Class/id words of boxes that sit inside an article body but are not part of it.
_NESTED_CLUTTER = compiled(
    r"(?:^|[\s_-])(?:related|terkait|baca-?juga|bacajuga|share|sharing|social|sosmed|comments?"
    r"|komentar|tags?|newsletter|recommend\w*|rekomendasi|popular|populer|trending|ads?|advert\w*"
    r"|iklan|promo)(?:$|[\s_-])",
    re.I,
)


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
    # A doubly decoded page is put right first: clean_markup drops the C1 controls it holds.
    text = clean_markup(repaired(_PAGE_END.sub("", _XML_DECL.sub("", text, count=1))))
    if not text.strip():
        raise ExtractionError("empty page")
    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise ExtractionError(f"not an HTML page ({e})") from None
    keep_inline_spaces(tree)
    return tree


@dataclass(frozen=True, slots=True)
class Hints:
    """What the feed item said of its article (usually the best evidence), and when the page
    was fetched (what relative dates count from, and what no publication date may be after)."""

    title: str = ""
    published: datetime | None = None
    author: str = ""
    fetched: datetime | None = None
    # False where fetched is only the latest the page can have been fetched (a saved file).
    fetched_exactly: bool = True


@dataclass(slots=True)
class Extraction:
    """An article and, for `korantui read --explain`, how its title, date and author were chosen."""

    article: Article
    choices: dict[str, Choice] = field(default_factory=dict)
    # Why the page, read although it did not look like an article, may not be one.
    notice: str = ""

    def explain(self) -> dict[str, Any]:
        explained = {name: choice.explain() for name, choice in self.choices.items()}
        return {**explained, "notice": self.notice} if self.notice else explained


def extract_article(
    html: str | bytes,
    url: str,
    *,
    rules: SiteRules | None = None,
    declared_charset: str = "",
    hints: Hints | None = None,
) -> Article:
    """The article in html (fetched from url). Raises ExtractionError if there is none."""
    return explain_article(
        html, url, rules=rules, declared_charset=declared_charset, hints=hints, refuse=True
    ).article


def explain_article(
    html: str | bytes,
    url: str,
    *,
    rules: SiteRules | None = None,
    declared_charset: str = "",
    hints: Hints | None = None,
    refuse: bool = False,
) -> Extraction:
    """extract_article, with the candidates each field was chosen from. A page asked for by
    name (`korantui read`) is read even where it looks like a list of headlines or no article
    text is found, with a notice saying so; refuse: raise ExtractionError there instead."""
    text = decode_html(html, declared_charset) if isinstance(html, bytes) else html
    return on_html_thread(_extract_text, text, url, rules, hints or Hints(), refuse)


def _extract_text(
    text: str, url: str, rules: SiteRules | None, hints: Hints, refuse: bool
) -> Extraction:
    return _extract_parsed(text, _parse_html(text), url, rules, hints, refuse)


def extract_parsed(
    text: str, tree: Any, url: str, *, rules: SiteRules | None = None, hints: Hints | None = None
) -> Article:
    """extract_article for a page already parsed: text is the page, tree parse_html(text), which
    this changes (boxes inside the content are dropped), so it is used once."""
    return explain_parsed(text, tree, url, rules=rules, hints=hints, refuse=True).article


def explain_parsed(
    text: str,
    tree: Any,
    url: str,
    *,
    rules: SiteRules | None = None,
    hints: Hints | None = None,
    refuse: bool = False,
) -> Extraction:
    """explain_article for a page already parsed (see extract_parsed)."""
    return on_html_thread(_extract_parsed, text, tree, url, rules, hints or Hints(), refuse)


def _extract_parsed(
    text: str, tree: Any, url: str, rules: SiteRules | None, hints: Hints, refuse: bool
) -> Extraction:
    if looks_like_feed(text[:8192].encode("utf-8", "replace")):
        # A feed served as a web page: its item titles are no article.
        raise ExtractionError("the address serves a feed, not an article page")
    rule = (rules or _default_rules()).match(url, tree, text)
    page = Page(tree, url)
    pictures = page_figures(tree, url)  # before the body's boxes are dropped from the tree

    # Every field is chosen before the body is taken out: a rule's body path drops boxes.
    # A rule for the site's own domain is the best evidence there is; a CMS fingerprint's
    # (any WordPress site) is only a little better than the page's meta tags.
    # Not so a shipped domain rule's fallback that any page has (a bare h1, ".date"): where that
    # is what matched, the page is not in a layout the rule knows (an older or a newer theme).
    title = choose_title(page, hint=hints.title, rule=_rule_finding(rule, tree, "title"))
    published = choose_published(
        page,
        rule=_rule_finding(rule, tree, "date"),
        hint=hints.published,
        now=hints.fetched,
        now_exact=hints.fetched_exactly,
    )
    notice = ""
    if is_index_page(page, has_rule=rule is not None, dated=published.value is not None):
        if refuse:
            raise ExtractionError("the page is a list of headlines, not an article")
        notice = "looks like a list of headlines; read as an article anyway"
    authors = author_candidates(page, hint=hints.author, rule=_rule_finding(rule, tree, "author"))
    caption = _rule_caption(rule, tree) or _generic_caption(tree)
    site = page.first_meta("og:site_name") or page.host
    image = safe_url(page.first_meta("og:image", "twitter:image", "twitter:image:src"), url)

    blocks: list[Block] | None = None
    method = "generic"
    generic: tuple[list[Block], str] | None = None
    if rule is not None and rule.content:
        blocks, selector = _rule_blocks(rule, tree, url)
        if blocks is not None and rule.domains and rule.falls_back(selector, content=True):
            # What matched is a domain rule's fallback that any page may have (".post-content",
            # "article"): the page is not in the layout the rule knows, and the rule reads it
            # no better than the generic reading does, which is kept unless it holds less than
            # half as much.
            generic = generic_blocks(tree, url)
            if worth(generic[0]) >= 0.5 * worth(blocks):
                blocks = None
        elif blocks is not None and not rule.domains and worth(blocks) < SHORT_RULE_BODY:
            # A CMS fingerprint's selectors (any WordPress theme) can land on a teaser or an
            # excerpt: a short reading is checked against the generic one, and kept only
            # where it holds at least half as much.
            generic = generic_blocks(tree, url)
            if worth(blocks) < 0.5 * worth(generic[0]):
                blocks = None
        if blocks is not None:
            method = f"rule:{rule.name}"
    if blocks is None:
        blocks, reading = generic or generic_blocks(tree, url)
        if not refuse and words(blocks) < MIN_WORDS:
            # Asked for by name, a page the readings found (next to) nothing in is looked at
            # further.
            last = baseline_blocks(tree, url)
            if words(last) > words(blocks):
                blocks, reading = last, "baseline"
        if not blocks and refuse:
            raise ExtractionError("no article text found")
        method = "generic" if reading == "recall" else f"generic:{reading}"
    title_text = clean_line(title.value or "")
    cleaned = clean_blocks(_drop_title_block(blocks, title_text))
    if caption:
        # The caption shows under the image, not again as body text.
        cleaned.blocks = [b for b in cleaned.blocks if b.text != clean_line(caption)]
    if sum(len(b.text.split()) for b in cleaned.blocks) < MIN_WORDS:
        if refuse:
            raise ExtractionError("no article text found")
        notice = notice or "no article text found on this page"
    author = choose_author(authors, page, body_author=cleaned.author)
    shown = arrange(cleaned.blocks, pictures, image, clean_line(caption or cleaned.caption))

    article = Article(
        url=url,
        title=title_text,
        author=clean_line(author.value or ""),
        published=published.value,
        site=clean_line(site),
        image=shown.image,
        caption=shown.caption,
        blocks=shown.blocks,
        method=method,
        credit=shown.credit,
    )
    choices = {"title": title, "published": published, "author": author}
    return Extraction(article, choices, notice)


def _text(el: Any) -> str:
    return clean_line(el.text_content())


def _rule_weight(rule: SiteRule | None, selector: str, key: str) -> float:
    """What a rule's finding (under key, by selector) weighs against the page's other evidence;
    0 where it is left to that evidence."""
    if rule is None or not selector:
        return 0.0
    if rule.domains and not rule.falls_back(selector):
        return 10.0
    if rule.domains and key != "title":
        # The first ".date" or ".author" of a page the rule's layout does not place is as often
        # a sidebar's as the article's; the page's own evidence weighs each by where it sits.
        return 0.0
    return 3.0 if key == "date" else 4.0


def _rule_finding(rule: SiteRule | None, tree: Any, key: str) -> RuleFinding | None:
    """What the rule's first matching selector under key (title, date, author) finds, and its
    weight; None where it finds nothing, or what it finds is left to the page's evidence."""
    selector, found = rule.first_match(tree, key) if rule is not None else ("", [])
    weight = _rule_weight(rule, selector, key)
    if not weight:
        return None
    if key == "date":
        texts = [el.get("datetime") or el.get("content") or _text(el) for el in found]
    else:
        # A title's line break parts two phrases ("(US)<br>Your Guide"), as on the h1 itself.
        texts = [heading_text(el) if key == "title" else _text(el) for el in found]
    texts = [t for t in texts if t]
    return RuleFinding(texts, weight, selector) if texts else None


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


def _rule_blocks(rule: SiteRule, tree: Any, url: str) -> tuple[list[Block] | None, str]:
    """The rule's reading of the page (None where it finds too little), and the selector."""
    selector, found = rule.first_match(tree, "content")
    if not found:
        return None, selector
    # A copy: the generic reading may still need the page whole if this one falls short.
    content = copy.deepcopy(max(found, key=lambda el: len(el.text_content())))
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
    return (blocks if words >= MIN_RULE_WORDS else None), selector


def _drop_title_block(blocks: list[Block], title: str) -> list[Block]:
    """The headline repeated in the body (some themes put the h1 inside the content)."""
    if not title:
        return blocks
    return [b for i, b in enumerate(blocks) if not (i < 12 and b.kind == "h" and b.text == title)]
