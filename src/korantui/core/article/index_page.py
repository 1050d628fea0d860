"""Whether a page is a list of headlines (a front page, a section), not an article."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from korantui.core.article.evidence import Page, in_clutter
from korantui.core.sanitize import clean_line


def _text(el: Any) -> str:
    return clean_line(el.text_content())


# An index page (a home page, a section) read as an article gives a stream of teasers from a
# dozen stories. Articles nearly always carry a date, so only a page without one is asked, and
# only strong evidence turns it away: a page that does not call itself an article, with many
# headline links, no run of prose paragraphs anywhere (an article with a long related list still
# has its prose) and mostly link text.
INDEX_HEADLINES = 10
ARTICLE_PROSE_RUN = 3
# A list of headlines is mostly link text; a guide with many links in its prose is not.
INDEX_LINK_SHARE = 0.3


def is_index_page(page: Page, *, has_rule: bool, dated: bool) -> bool:
    tree = page.tree
    if urlsplit(page.url).path in ("", "/"):
        # A site's front page (Kompas' says og:type "article", and has dates), unless it reads
        # as prose: a one-page site's home is its article.
        return _longest_prose_run(tree) < ARTICLE_PROSE_RUN or _link_share(tree) >= INDEX_LINK_SHARE
    if dated or has_rule or page.says_article:
        return False
    return (
        _headline_links(tree, page.url) >= INDEX_HEADLINES
        and _longest_prose_run(tree) < ARTICLE_PROSE_RUN
        and _link_share(tree) >= INDEX_LINK_SHARE
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


def _link_share(tree: Any) -> float:
    """The share of the body's visible text that is link text, outside the page's chrome."""
    body = tree.find("body")
    if body is None:
        return 0.0
    hidden = {el for el in body.iter("script", "style", "noscript") for el in el.iter()}
    total = sum(
        len(t.strip()) for el in body.iter() if el not in hidden for t in (el.text, el.tail) if t
    )
    linked = sum(len(_text(a)) for a in body.iter("a") if not in_clutter(a))
    return linked / total if total else 0.0
