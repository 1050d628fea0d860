"""The bylines a page prints: elements marked as the author (rel, itemprop, a class or id saying
so), links to an author's page, a "By" line or a portrait with its name under the headline, a
"Written by" label and the name beside it. Each is weighed by where it sits: the article's own
header beats the page's chrome, and a sidebar's byline belongs to another story.
"""

from __future__ import annotations

import re
from typing import Any

from korantui.core.article.evidence import Candidate, Page, in_clutter, words
from korantui.core.article.facts_column import in_facts_column
from korantui.core.article.person_names import (
    LABEL,
    MAX_AUTHOR,
    clean_byline,
    name_like,
    spaced_text,
)
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line

# A class word of its own, or a hump of a camel-cased one ("dateAndAuthorContainer": CSS
# modules name their classes so).
_BYLINE_MARK = compiled(
    r"(?:^|[\s_-])(?:author|byline|by-line|writer|penulis|reporter)"
    r"|(?-i:(?<=[a-z])(?:Author|Byline|Writer))",
    re.I,
)


_IN_SIDEBAR = "in a sidebar or a list of other stories"
_SIDEBAR = compiled(r"sidebar|side-bar|related|terkait|terkini|populer|popular|trending", re.I)


def _in_sidebar(el: Any) -> bool:
    for node in (el, *el.iterancestors()):
        if node.tag == "aside" or _SIDEBAR.search(
            f"{node.get('class') or ''} {node.get('id') or ''}"
        ):
            return True
    return False


_AUTHOR_CLASS = compiled("author|byline|writer|Author|Byline|penulis|reporter")


def _marked_as_author(page: Page) -> list[Any]:
    """Elements marked as the author, by rel, itemprop, id or class, in document order."""
    marked = page.tree.xpath('//*[@rel="author" or @itemprop="author" or contains(@id, "author")]')
    by_class = page.with_class(_AUTHOR_CLASS)
    if not marked or not by_class:
        return marked or by_class
    at: dict[Any, int] = {}
    for el in (*marked, *by_class):
        at.setdefault(el, page.position(el) or 0)
    return sorted(at, key=at.__getitem__)


def visible_bylines(page: Page) -> list[Candidate]:
    """Bylines the page prints: elements marked as the author (rel or itemprop, a class or id
    saying so), links to an author's page, and "By ..." lines near the headline."""
    found: list[Candidate] = []

    def add(el: Any, name: str, source: str, points: float) -> None:
        if not name or len(name) > MAX_AUTHOR or any(c.value == name for c in found):
            return
        where = "clutter" if in_clutter(el) else page.where(el)
        if where == "clutter" and in_facts_column(el, page.url):
            where = "facts column"
        c = Candidate(name, source, points)
        c.note(_WHERE_POINTS[where], f"in the {where}")
        if where == "clutter" and _in_sidebar(el):
            c.note(-1.0, _IN_SIDEBAR)
        found.append(c)

    for el in _marked_as_author(page):
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "link", "img"):
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        marked = el.get("rel") == "author" or el.get("itemprop") == "author"
        if not (marked or _BYLINE_MARK.search(marks)) or _NOT_A_NAME_BOX.search(marks):
            continue
        add(el, _name_in(el), "visible byline", 3.5)
        if len(found) >= 3:
            return found
    for a in page.tree.iter("a"):
        if _AUTHOR_PAGE.search(a.get("href") or ""):
            add(a, clean_byline(spaced_text(a)), "link to an author's page", 3.0)
            if len(found) >= 4:
                return found
    anchor = page.headline_element
    at = page.position(anchor) if anchor is not None else None
    if at is not None:
        for el in page.order[at + 1 : at + 1 + 60]:
            if not isinstance(el.tag, str) or el.tag in ("script", "style"):
                continue
            # The whole text of each of 60 elements (a container's is the article's) costs a
            # page walk: only one whose text opens with a byline's first letter is read whole.
            if _opening(el)[:1] not in _BY_LINE_OPENINGS:
                continue
            text = spaced_text(el)
            if len(text) <= MAX_AUTHOR and BY_LINE.match(text):
                add(el, clean_byline(text), "'By' line near the headline", 3.5)
                break
        if not found:
            _pictured_name(page, page.order[at + 1 : at + 1 + 60], add)
    if not found:
        _labelled_names(page, add)
    return found


def _pictured_name(page: Page, near: list[Any], add: Any) -> None:
    """A byline of a portrait and a name, under the headline: the picture's alt text said again
    beside it, or an avatar's picture with the name after it ("<img class=avatar> Mahua Das in
    Guides")."""
    for img in near:
        # A picture with a caption is the story's, and its caption's name is a credit.
        if img.tag != "img" or next(img.iterancestors("figure", "picture"), None) is not None:
            continue
        alt = clean_line(img.get("alt"))
        following = img.getnext()
        if following is None or not isinstance(following.tag, str):
            following = None
        beside = clean_line(img.tail) or (spaced_text(following) if following is not None else "")
        name = clean_byline(_IN_SECTION.sub("", beside)) if len(beside) <= MAX_AUTHOR else ""
        if not name_like(name) or len(name.split()) > 4 or ":" in name:
            continue
        said_again = set(words(name)) <= set(words(alt))  # "Print Vet Bio": "Print Article"
        if (alt and said_again) or (not alt and "avatar" in (img.get("class") or "")):
            add(img, name, "a name beside its picture", 3.0)
            return


_IN_SECTION = compiled(r"\s+in(?:\s.*)?$")


def _labelled_names(page: Page, add: Any) -> None:
    """Bylines no class names: a "Written by" element with the name in the element after it,
    or a short "Written by NAME" line anywhere outside the page's chrome."""
    for el in page.tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "a", "button"):
            continue
        own = clean_line(el.text or "")
        if not own or len(own) > MAX_AUTHOR:
            continue
        if _LABEL_ONLY.fullmatch(own) and not clean_line(el.text_content())[len(own) :]:
            # "<strong>Contributors:</strong> Janet Loughrey", or the name in an element of
            # its own after the label's.
            following = el.getnext()
            beside = clean_line(el.tail)
            if beside or (following is not None and isinstance(following.tag, str)):
                name = clean_byline(beside or spaced_text(following))
                if name_like(name):
                    add(el if beside else following, name, _AFTER_LABEL, 3.5)
                    return
        elif _WRITTEN_BY.match(own) or (_LABEL_ONLY.fullmatch(own) and len(el)):
            # "Written by Name", or "Written by <a>Name</a>": the label and the name in one.
            text = spaced_text(el)
            name = clean_byline(text) if len(text) <= MAX_AUTHOR else ""
            if name_like(name):
                add(el, name, "a 'Written by' line", 3.0)
                return


_WHERE_POINTS = {"article": 1.0, "page": 0.5, "header": 0.0, "facts column": 0.0, "clutter": -3.0}
IN_CLUTTER = f"{_WHERE_POINTS['clutter']:+g} in the clutter"
_NOT_A_NAME_BOX = compiled(r"bio|avatar|description|image|photo|img|social|follow|about", re.I)
_AUTHOR_PAGE = compiled(
    r"/(?:author|authors|penulis|writer|writers|contributor|contributors|profile|profiles|people"
    r"|reporter|staff|team)/[^/?#]+/?(?:[?#]|$)",
    re.I,
)
_AFTER_LABEL = "the name after a 'Written by' label"
_LABEL_ONLY = compiled(
    r"(?:(?:written|posted|authored|reported|article|story)\s+by|by|oleh|ditulis\s+oleh|penulis"
    r"|author|writer|contributors?|kontributor"
    r"|reporter|pewarta)\s*[:：]?",
    re.I,
)
_WRITTEN_BY = compiled(
    r"^(?:written|authored)\s+by\s+\S|^(?:ditulis\s+oleh|penulis)\s*:?\s+\S", re.I
)
BY_LINE = compiled(r"^(?:(?:written|posted|published|reported)\s+)?(?:by|oleh)\s*[:：]?\s+\S", re.I)
_BY_LINE_OPENINGS = frozenset("wWpPrRbBoO")


def _opening(el: Any) -> str:
    """The first visible text of el: what its spaced_text starts with."""
    for chunk in el.itertext():
        cleaned = clean_line(chunk)
        if cleaned:
            return cleaned
    return ""


def _name_in(el: Any) -> str:
    # A byline element often holds a name link beside "By" and a date: the name's own
    # element speaks for it when there is one; a "By" alone names the element after it.
    inner = el.xpath('.//*[@itemprop="name"] | .//a[@rel="author"]')
    text = spaced_text(inner[0] if inner else el)
    if len(text) > 2 * MAX_AUTHOR:
        return _leading_name(el)
    name = clean_byline(text)
    if not name and LABEL.match(text + " "):
        following = el.getnext()
        if following is not None and isinstance(following.tag, str):
            name = clean_byline(spaced_text(following))
    return name


def _leading_name(box: Any) -> str:
    """An author box that opens with the name and goes on with a biography: the name is the
    first text in it, in an element of its own."""
    for el in box.iterdescendants():
        if (
            isinstance(el.tag, str)
            and el.tag not in ("script", "style")
            and (el.text or "").strip()
            and not tag_link(el)
        ):
            name = clean_byline(spaced_text(el))
            # "NB" in a circle is the avatar's initials.
            initials = len(name) <= 3 and name.isupper()
            return name if name_like(name) and len(el) == 0 and not initials else ""
    return ""


def tag_link(el: Any) -> bool:
    """Whether el is (in) a link to a tag's or a category's page: a topic, not a name."""
    link = el if el.tag == "a" else next(el.iterancestors("a"), None)
    return link is not None and bool(_TOPIC_PAGE.search(link.get("href") or ""))


_TOPIC_PAGE = compiled(r"/(?:tags?|category|categories|topics?|kategori|label)/", re.I)
