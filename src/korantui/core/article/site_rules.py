"""Per-site extraction rules: where the article is on a page, and how to get all of it.

The shipped rules live in site_rules.toml beside this module (read through site_rules_built.py,
made from it: see site_rules_build.py); users add or override rules in their config (a list of
tables with the same keys). A rule matches a page by domain (host or
any parent domain) or by a CMS fingerprint (a CSS selector that finds something, or a
string in the page's markup).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from korantui.core.article import site_rules_built
from korantui.core.regex_cache import compiled

_LIST_KEYS = (
    "domains",
    "detect",
    "detect_text",
    "content",
    "title",
    "date",
    "author",
    "caption",
    "remove",
    "next_page",
)


@dataclass(frozen=True, slots=True)
class SiteRule:
    name: str
    domains: tuple[str, ...] = ()
    detect: tuple[str, ...] = ()  # CSS selectors: the rule applies when one finds an element
    detect_text: tuple[str, ...] = ()  # or when one of these strings is in the markup
    content: tuple[str, ...] = ()  # first selector that finds text wins
    title: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    caption: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    whole_param: str = ""  # "page=all": the query that returns the whole article at once
    next_page: tuple[str, ...] = ()  # links to the article's further parts
    # One of korantui's own rules, written for an outlet's layouts over the years, with
    # fallbacks after the selectors of its layout; a user's rule is for the site as it is.
    shipped: bool = False

    def matches_domain(self, host: str) -> bool:
        host = host.lower().split(":")[0]
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def matches_page(self, tree: Any, markup: str = "") -> bool:
        if markup and any(s in markup for s in self.detect_text):
            return True
        return any(select(tree, sel) for sel in self.detect)

    def falls_back(self, selector: str, content: bool = False) -> bool:
        """Whether selector is one of a shipped rule's fallbacks, a name any page has (see
        common_selector): where it is what matched, the page is not in a layout the rule
        knows."""
        return self.shipped and common_selector(selector, content)

    def first_match(self, tree: Any, key: str) -> tuple[str, list[Any]]:
        """The first selector under key that finds elements, and what it finds."""
        for sel in getattr(self, key):
            found = select(tree, sel)
            if found:
                return sel, found
        return "", []


def _xpath_of(selector: str) -> str | None:
    """The XPath a CSS selector stands for; None for one that does not compile. The shipped
    rules' selectors were translated when site_rules_built.py was made: cssselect (~3 ms to
    import, pure Python to run) only comes for a user's rule or after an edit of the TOML."""
    return site_rules_built.XPATH.get(selector) or _translated(selector)


@lru_cache(maxsize=1024)
def _translated(selector: str) -> str | None:
    # Cached: translating is the slow part, compiling the XPath is not.
    from korantui.core.article.site_rules_build import translate

    return translate(selector)


def select(tree: Any, selector: str) -> list[Any]:
    """Elements matching a CSS selector; [] for a selector that does not compile."""
    path = _xpath_of(selector)
    if path is None or tree is None:
        return []
    # Compiled afresh for each use: a compiled XPath that calls an extension function (the
    # lower-case() of cssselect's :contains()), evaluated again on another document, read freed
    # memory inside lxml (UnicodeDecodeError; in 2-5 of 10 runs of test_cli, every later
    # extraction of the process failed). Compiling costs ~30 µs.
    try:
        result = etree.XPath(path)(tree)
    except etree.XPathError:
        return []
    return [el for el in result if isinstance(getattr(el, "tag", None), str)]


# The names every template gives a headline, a date or a byline ("h1.title", ".date",
# "[itemprop=author]", "#penulis"): a rule's selector made of these alone finds the same thing
# on any site, so where it matched, the site's own layout (its first selectors) did not.
# fmt: off
_COMMON_NAMES = frozenset(
    ("title", "headline", "date", "time", "datetime", "published", "updated", "author", "authors",
     "byline", "by", "writer", "editor", "name", "credit", "caption", "meta", "info",
     "post-title", "entry-title", "post-date", "entry-date", "article-date", "publish-date",
     "judul", "tanggal", "waktu", "penulis")
)
# fmt: on
# And the names templates give the article's text.
# fmt: off
_COMMON_CONTENT_NAMES = frozenset(
    ("content", "main-content", "post-content", "entry-content", "article-content",
     "article-body", "articlebody", "post-body", "story", "entry", "article", "post", "main",
     "text", "body", "detail", "read", "isi", "konten", "artikel", "berita")
)
# fmt: on
_SELECTOR_NAME = compiled(r"[.#]([\w-]+)|\[([^\]=~|^$*]+)[^\]]*\]|(:[\w-]+)")
_COMMON_ATTRIBUTES = frozenset({"itemprop", "rel", "property", "datetime", "role"})


@lru_cache(maxsize=256)
def common_selector(selector: str, content: bool = False) -> bool:
    """Whether a selector names only what any site's markup has (a bare h1 or time, a
    ".date", an itemprop; for the text, ".post-content", "article"): a fallback of the rule,
    not a trace of the site's layout."""
    names = _COMMON_CONTENT_NAMES if content else _COMMON_NAMES
    for cls, attribute, pseudo in _SELECTOR_NAME.findall(selector):
        if pseudo or (cls and cls.lower() not in names):
            return False
        if attribute and attribute.strip().lower() not in _COMMON_ATTRIBUTES:
            return False
    return True


def rule_from_dict(data: dict[str, Any]) -> SiteRule:
    """A rule from one TOML table / config dict; unknown keys are ignored, strings become
    one-element lists."""
    known = {f.name for f in fields(SiteRule)} - {"shipped"}  # korantui's word, not a table's
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            continue
        if key in _LIST_KEYS:
            items = [value] if isinstance(value, str) else list(value or [])
            kwargs[key] = tuple(str(v) for v in items if str(v).strip())
        else:
            kwargs[key] = str(value)
    if key_name := str(data.get("name", "")).strip():
        kwargs["name"] = key_name
    else:
        raise ValueError("a site rule needs a name")
    kwargs["domains"] = tuple(d.lower().lstrip(".") for d in kwargs.get("domains", ()))
    return SiteRule(**kwargs)


@dataclass(slots=True)
class SiteRules:
    rules: list[SiteRule] = field(default_factory=list)

    def match(self, url: str, tree: Any = None, markup: str = "") -> SiteRule | None:
        """The rule for the page at url: a domain rule first (most specific domain wins),
        then the first rule whose fingerprint the page shows."""
        host = (urlsplit(url).hostname or "").lower()
        best: SiteRule | None = None
        best_len = -1
        for rule in self.rules:
            if rule.matches_domain(host):
                longest = max(len(d) for d in rule.domains if host == d or host.endswith("." + d))
                if longest > best_len:
                    best, best_len = rule, longest
        if best is not None:
            return best
        if tree is None:
            return None
        for rule in self.rules:
            if (rule.detect or rule.detect_text) and rule.matches_page(tree, markup):
                return rule
        return None

    def by_name(self, name: str) -> SiteRule | None:
        return next((r for r in self.rules if r.name == name), None)


@lru_cache(maxsize=1)
def _shipped() -> tuple[SiteRule, ...]:
    data = Path(__file__).with_name("site_rules.toml").read_bytes()
    if hashlib.sha256(data).hexdigest() == site_rules_built.TOML_SHA256:
        tables: list[dict[str, Any]] | tuple[dict[str, Any], ...] = site_rules_built.RULES
    else:  # the TOML was edited after site_rules_built.py was made: what it says counts
        from korantui.core.article.site_rules_build import shipped_tables

        tables = shipped_tables(data)
    return tuple(replace(rule_from_dict(d), shipped=True) for d in tables)


def load_rules(extra: list[dict[str, Any]] | None = None) -> SiteRules:
    """The shipped rules with the user's in front; a user rule replaces a shipped one of the
    same name. A malformed user rule is skipped rather than stopping the reader."""
    own: list[SiteRule] = []
    for data in extra or []:
        try:
            own.append(rule_from_dict(data))
        except (ValueError, TypeError, AttributeError):
            continue
    names = {r.name for r in own}
    # User rules precede shipped ones, and on an equal domain the first one found wins.
    return SiteRules(own + [r for r in _shipped() if r.name not in names])
