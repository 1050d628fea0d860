"""What a page says about itself, gathered once: its meta tags, its JSON-LD, its site's name,
and where an element sits (the article, the page's header, its chrome).

The title, date and author modules choose among candidates by evidence; this is where the
evidence comes from. A Choice records which candidate won and why, for `korantui read --explain`.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache
from typing import Any
from urllib.parse import urlsplit

from korantui.core.article.jsonld import json_ld_objects
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line

# Schema.org types whose headline, date and author are the article's own.
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "techarticle",
        "scholarlyarticle",
        "socialmediaposting",
        "liveblogposting",
        "report",
        "medicalwebpage",
        "howto",
        "recipe",
        "review",
    }
)
# Containers whose dates belong to other stories or to readers, never to this article.
NOT_ARTICLE = compiled(
    r"sidebar|side-bar|aside|related|terkait|terkini|populer|popular|trending|(?<![\w-])widget"
    r"|comment"
    r"|komentar|footer|nav|menu|recommend|rekomendasi|lainnya|baca-juga|bacajuga|most-|terpopuler"
    r"|headline-list|latest|berita-lain|other-news",
    re.I,
)


_WORDS = compiled(r"\w+", re.UNICODE)


# The words an institution's initials leave out ("University of Wisconsin-Stevens Point": uwsp).
_JOINING_WORDS = frozenset({"of", "the", "and", "for", "at", "in", "on", "de", "di", "dan"})


def words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def same_text(a: str, b: str) -> bool:
    """Whether two strings say the same once case, punctuation and spacing are set aside."""
    return bool(a) and words(a) == words(b)


def overlap(a: str, b: str) -> float:
    """The share of a's words that b has too."""
    wa, wb = words(a), set(words(b))
    return sum(1 for w in wa if w in wb) / len(wa) if wa else 0.0


@dataclass(slots=True)
class Candidate:
    """One answer a page offers for a field, with where it came from."""

    value: Any
    source: str  # "h1", "og:title", "json-ld headline", "<time> near the headline", ...
    score: float = 0.0
    notes: list[str] = field(default_factory=list)

    def note(self, points: float, why: str) -> None:
        self.score += points
        self.notes.append(f"{points:+g} {why}")


@dataclass(slots=True)
class RuleFinding:
    """What a site rule's selector found for a field (its elements' texts, in order; never
    none), and what that weighs against the page's other evidence."""

    texts: list[str]
    weight: float = 10.0
    selector: str = ""

    def candidate(self, value: Any) -> Candidate:
        said = f" ({self.selector})" if self.selector else ""
        return Candidate(value, "site rule", self.weight, [f"+{self.weight:g} rule{said}"])


@dataclass(slots=True)
class Choice:
    """The chosen value of a field, and the candidates it was chosen from."""

    value: Any
    source: str = ""
    candidates: list[Candidate] = field(default_factory=list)

    def explain(self) -> dict[str, Any]:
        def shown(v: Any) -> Any:
            return v.isoformat() if isinstance(v, datetime) else v

        return {
            "chosen": shown(self.value),
            "from": self.source,
            "candidates": [
                {"value": shown(c.value), "from": c.source, "score": c.score, "why": c.notes}
                for c in sorted(self.candidates, key=lambda c: -c.score)
            ],
        }


def best(candidates: list[Candidate], *, minimum: float = 0.0) -> Choice:
    """The highest-scoring candidate (the first of equals: candidates come in priority order)."""
    ranked = [c for c in candidates if c.score >= minimum and c.value]
    if not ranked:
        return Choice(None, "", candidates)
    top = max(ranked, key=lambda c: c.score)
    return Choice(top.value, top.source, candidates)


class Page:
    """One parsed page and its evidence; every property is computed once, when first asked."""

    def __init__(self, tree: Any, url: str) -> None:
        self.tree = tree
        self.url = url
        self.host = (urlsplit(url).hostname or "").lower().removeprefix("www.")

    @cached_property
    def order(self) -> list[Any]:
        """Every element in document order. Read before the body's boxes are dropped from the
        tree (the fields are chosen first), so it stays the page's order."""
        return list(self.tree.iter())

    @cached_property
    def _positions(self) -> dict[Any, int]:
        return {el: i for i, el in enumerate(self.order)}

    def position(self, el: Any) -> int | None:
        """Where el is in `order` (None for an element not in it): a list's index() is a walk."""
        return self._positions.get(el)

    @cached_property
    def classed(self) -> list[tuple[Any, str]]:
        """Every element that has a class, with its class, in document order: one query for
        the fields' tests of class names. An XPath of seven to ten contains(@class, …) read
        every element's class that often: ~2 ms a page each for the author's and the date's."""
        return [(el, el.get("class") or "") for el in self.tree.xpath("//*[@class]")]

    def with_class(self, names: re.Pattern[str]) -> list[Any]:
        """The elements whose class holds one of names (a pattern of substrings, as XPath's
        contains(@class, …) tests them), in document order."""
        return [el for el, cls in self.classed if names.search(cls)]

    @cached_property
    def meta(self) -> dict[str, list[str]]:
        """Every meta tag's content under its lower-cased name, property or itemprop."""
        found: dict[str, list[str]] = {}
        for el in self.tree.iter("meta"):
            value = clean_line(el.get("content"))
            if not value:
                continue
            for attr in ("property", "name", "itemprop"):
                key = (el.get(attr) or "").strip().lower()
                if key:
                    found.setdefault(key, []).append(value)
        return found

    def first_meta(self, *keys: str) -> str:
        for key in keys:
            for value in self.meta.get(key, ()):
                return value
        return ""

    @cached_property
    def json_ld(self) -> list[dict[str, Any]]:
        return list(json_ld_objects(self.tree))

    @cached_property
    def json_ld_articles(self) -> list[dict[str, Any]]:
        """The JSON-LD objects that describe an article (their type is one of ARTICLE_TYPES)."""
        return [o for o in self.json_ld if types_of(o) & ARTICLE_TYPES]

    @cached_property
    def says_article(self) -> bool:
        """Whether the page calls itself an article (og:type, JSON-LD type)."""
        return self.first_meta("og:type").lower() == "article" or bool(self.json_ld_articles)

    @cached_property
    def site_names(self) -> list[str]:
        """Names the site goes by: og:site_name, the JSON-LD publisher or WebSite, the domain."""
        names = [
            self.first_meta("og:site_name"),
            self.first_meta("application-name"),
            self.first_meta("twitter:site").lstrip("@"),
        ]
        for obj in self.json_ld:
            kinds = types_of(obj)
            if "website" in kinds or "organization" in kinds or "newsmediaorganization" in kinds:
                names.append(_name_of(obj))
            publisher = obj.get("publisher")
            if isinstance(publisher, dict):
                names.append(_name_of(publisher))
        label = self.host.split(".")[0] if self.host else ""
        names += [self.host, label, *_registered_domain(self.host)]
        return [n for n in dict.fromkeys(clean_line(n) for n in names if isinstance(n, str)) if n]

    def is_site_name(self, text: str) -> bool:
        """Whether text is the site's name, its domain or its domain's first label, or a name
        whose initials are that label ("Virginia Institute of Marine Science" at vims.edu)."""
        flat = "".join(words(text))
        return bool(flat) and (
            any(flat == "".join(words(n)) for n in self.site_names) or self._spells_domain(text)
        )

    def _spells_domain(self, text: str) -> bool:
        said = [w for w in words(text) if w not in _JOINING_WORDS]
        if len(said) < 3:
            return False
        initials = "".join(w[0] for w in said)
        labels = {n.lower() for n in self.site_names if n.isalnum()}
        return initials in labels

    def names_site(self, text: str) -> bool:
        """Whether text contains the site's name or domain ("Okezone News", "ihram.co.id")."""
        flat = "".join(words(text))
        for name in self.site_names:
            key = "".join(words(name))
            if len(key) >= 4 and key in flat:
                return True
        return False

    @cached_property
    def main_element(self) -> Any:
        """The element that holds the article: the <article> with the most paragraph text, else
        <main>, else None."""
        articles = [a for a in self.tree.iter("article") if not in_clutter(a)]
        if articles:
            return max(articles, key=_paragraph_chars)
        return next(iter(self.tree.iter("main")), None)

    def where(self, el: Any) -> str:
        """ "article" (inside the main element), "clutter" (sidebars, related lists, nav,
        footer), "header" (the page's own header), else "page"."""
        main = self.main_element
        node = el
        while node is not None:
            if node is main:
                return "article"
            node = node.getparent()
        if in_clutter(el):
            return "clutter"
        node = el
        while node is not None:
            if node.tag == "header" and (main is None or main not in node.iterancestors()):
                return "header"
            node = node.getparent()
        return "page"

    @cached_property
    def headings(self) -> list[Any]:
        """The page's h1 elements that hold text, in page order."""
        return [h for h in self.tree.iter("h1") if clean_line(h.text_content())]

    @cached_property
    def headline_element(self) -> Any:
        """The h1 most likely the article's headline: in the article, then outside the page's
        chrome, and long enough not to be a logo."""
        ranked = sorted(
            self.headings,
            key=lambda h: (
                {"article": 0, "page": 1, "header": 2, "clutter": 3}[self.where(h)],
                len(clean_line(h.text_content())) < 15,
            ),
        )
        return ranked[0] if ranked else None


def _registered_domain(host: str) -> list[str]:
    """The domain a subdomain belongs to and its name ("promotions.newegg.com": "newegg.com",
    "newegg"; "news.koran.co.id": "koran.co.id", "koran"); a short second level ("co", "com",
    "ac") belongs to the country's suffix."""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-2]) <= 3 and len(labels[-1]) == 2 else 2
    if len(labels) <= keep:
        return []
    return [".".join(labels[-keep:]), labels[-keep]]


def types_of(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _name_of(obj: dict[str, Any]) -> str:
    name = obj.get("name")
    return name if isinstance(name, str) else ""


def _paragraph_chars(el: Any) -> int:
    return sum(len(p.text_content()) for p in el.iter("p"))


def in_clutter(el: Any) -> bool:
    """Whether el sits in a sidebar, a list of other stories, a comment thread or the page's
    chrome: its dates and headings belong to something other than the article."""
    node = el
    while node is not None:
        if is_clutter_box(node):
            return True
        node = node.getparent()
    return False


def is_clutter_box(el: Any) -> bool:
    """Whether el itself is a sidebar, a list of other stories, a comment thread or the page's
    chrome; never the frame of the page's text, whatever its class names say."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in ("aside", "nav", "footer"):
        # An unclosed <aside> of a banner or <nav> of a menu swallows the rest of the page,
        # headline and all.
        # The frame test first: its masses are cached, the look for a headline is a walk.
        return not (_frames_the_text(el) and _holds_the_article(el))
    marks = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(marks.strip()) and _names_clutter(marks) and not _frames_the_text(el)


def _holds_the_article(el: Any) -> bool:
    return next(el.iterdescendants("main", "article", "h1"), None) is not None


@lru_cache(maxsize=4096)
def _names_clutter(marks: str) -> bool:
    # Cached by the class string: a page repeats a few hundred of them over thousands of
    # elements, and title, date and author each walk up from their candidates (~14 µs a search).
    # A utility class with an arbitrary value ("mr-[--sidebar-width]") sizes the layout around
    # a sidebar; it does not say that this element is one.
    named = " ".join(token for token in marks.split() if "[" not in token)
    return bool(NOT_ARTICLE.search(named))


# root -> {element: its paragraph characters}; the entry goes with the parsed page.
_MASS: weakref.WeakKeyDictionary[Any, dict[Any, int]] = weakref.WeakKeyDictionary()


def _frames_the_text(node: Any) -> bool:
    """Whether an element whose class names clutter holds most of the page's paragraphs: then
    the name describes the layout ("has-sidebar" on <body>, "md:[grid-area:sidebar]", a page
    builder's "widget-container" around everything), and the element is the page's frame."""
    root = node.getroottree().getroot()
    masses = _MASS.setdefault(root, {})

    def mass(el: Any) -> int:
        if el not in masses:
            masses[el] = _paragraph_chars(el)
        return masses[el]

    total = mass(root)
    return total >= 400 and mass(node) >= 0.6 * total
