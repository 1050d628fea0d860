"""The article's headline, chosen by evidence among everything the page offers.

The printed headline is an h1 in or next to the article; meta titles (JSON-LD, OpenGraph,
<title>) usually say the same with the site's name added, and they vouch for the h1 they agree
with. An h1 that is a section name, a breadcrumb item, the site's name or a promotion's is not
the headline; a <title> that is the site's slogan neither.
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import urljoin, urlsplit

from korantui.core.article.evidence import (
    Candidate,
    Choice,
    Page,
    RuleFinding,
    best,
    overlap,
    same_text,
    words,
)
from korantui.core.article.mojibake import repaired
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line

_SEPARATORS = compiled(r"\s+(?:[|\-–—»·•~/]|::)\s+|\s*\|\s*")
MAX_TITLE = 300


def choose_title(page: Page, *, hint: str = "", rule: RuleFinding | None = None) -> Choice:
    """hint is the feed item's own title (usually the best); rule what a site rule found."""
    metas = _meta_titles(page)
    candidates: list[Candidate] = []
    if rule is not None:
        candidates.append(rule.candidate(rule.texts[0]))
    if hint:
        candidates.append(Candidate(clean_line(hint), "feed item", 6.0, ["+6 the feed's own"]))
    headings = [_heading(page, h, metas) for h in page.headings[:4]]
    if rule is not None:
        _as_printed(candidates[0], headings)
    candidates += headings
    candidates += metas
    for c in metas:
        others = [o for o in candidates if o is not c and o.source != c.source]
        agreeing = sum(1 for o in others if _agree(c.value, o.value))
        if agreeing:
            c.note(min(agreeing, 2) * 0.5, f"agrees with {agreeing} other source(s)")
    for c in candidates:
        _plausibility(page, c)
    chosen = best(candidates, minimum=0.5)
    if isinstance(chosen.value, str):
        chosen.value = repaired(chosen.value)
    return chosen


def _meta_titles(page: Page) -> list[Candidate]:
    found: list[Candidate] = []
    for obj in page.json_ld_articles:
        headline = obj.get("headline") or obj.get("name")
        if isinstance(headline, str) and clean_line(headline):
            found.append(Candidate(_unescaped(headline), "json-ld headline", 2.5))
            break
    for key, points in (("og:title", 2.0), ("twitter:title", 1.5), ("dc.title", 1.5)):
        value = page.first_meta(key)
        if value:
            found.append(Candidate(strip_site_name(page, _unescaped(value)), key, points))
    head = next((clean_line(t.text_content()) for t in page.tree.iter("title")), "")
    if head:
        found.append(Candidate(strip_site_name(page, head), "<title>", 1.5))
    return found


def _unescaped(text: str) -> str:
    # Some CMSs escape twice: "Full &#038; Part Time" reaches the meta tag as an entity.
    return clean_line(html.unescape(text) if "&" in text else text)


def strip_site_name(page: Page, title: str) -> str:
    """The title without the parts that name the site ("Headline | Site", "Site :: Headline",
    "site.com Headline")."""
    first, _, rest = title.partition(" ")
    if rest and "." in first and page.is_site_name(first) and len(words(rest)) >= 2:
        return rest
    parts = [p for p in _SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    # A short h1 that is one part of the title is the site's logo, so that part is its name.
    logos = [heading_text(h) for h in page.headings if len(words(heading_text(h))) <= 3]
    kept = [
        p
        for p in parts
        if not (
            page.is_site_name(p)
            or page.names_site(p)
            or _begins_site_name(page, p)
            or any(same_text(p, g) for g in logos)
        )
    ]
    if not kept:
        return parts[0]
    if len(kept) == len(parts):
        return title  # nothing named the site: the separators belong to the headline
    # "Headline - Section - Site": a short trailing part left is the section.
    while len(kept) > 1 and len(words(kept[-1])) <= 2:
        kept.pop()
    return " - ".join(kept) if len(kept) > 1 else kept[0]


def _begins_site_name(page: Page, part: str) -> bool:
    """Whether part is the site's name short of its last words ("Harbour Web Design" of
    og:site_name "Harbour Web Design Agency")."""
    said = words(part)
    return len(said) >= 2 and any(
        len(name) > len(said) and name[: len(said)] == said
        for name in (words(n) for n in page.site_names)
    )


def heading_text(h: Any) -> str:
    """An h1's text with its parts kept apart where a break or a block parts them: "(US)<br>Your
    Guide" is two phrases, while "C<span>ycle</span>" (a styled letter) is one word."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        # Tailwind's "block" class makes a span a line of its own (a subtitle under the title).
        inline = el.tag in _INLINE and "block" not in (el.get("class") or "").split()
        if not inline:
            parts.append(" ")
        parts.append(el.text or "")
        for child in el:
            if isinstance(child.tag, str):
                walk(child)
            parts.append(child.tail or "")
        if not inline:
            parts.append(" ")

    walk(h)
    return clean_line("".join(parts))


_INLINE = frozenset(
    {"a", "span", "em", "strong", "b", "i", "u", "mark", "sup", "sub", "abbr", "font", "s", "q"}
)


def _heading(page: Page, h: Any, metas: list[Candidate]) -> Candidate:
    text = strip_site_name(page, heading_text(h))
    c = Candidate(text, "h1", 3.0, ["+3 the printed headline"])
    where = page.where(h)
    points = {"article": 2.0, "page": 0.5, "header": -1.0, "clutter": -4.0}[where]
    c.note(points, f"sits in the {where}")
    agreeing = [m.source for m in metas if _agree(text, m.value)]
    if agreeing:
        c.note(2.0, f"agrees with {', '.join(agreeing)}")
    elif len(words(text)) <= 2:
        c.note(-3.0, "one or two words no meta title shares: a section or a logo")
    if any(a.tag == "a" for a in h.iterancestors()) or h.find(".//a") is not None:
        linked = " ".join(a.text_content() for a in h.iter("a"))
        if len(clean_line(linked)) >= 0.8 * len(text) and not agreeing:
            c.note(-2.0, "a link to elsewhere (a logo or a teaser)")
    if any(a.tag == "dialog" for a in h.iterancestors()):
        c.note(-4.0, "the title of a dialog (a menu, a form)")
    if text.endswith(":"):
        c.note(-4.0, "ends with a colon: it leads in to what follows")
    if h is not page.headline_element:
        c.note(-0.5, "not the first headline of the article")
    return c


def _as_printed(rule: Candidate, headings: list[Candidate]) -> None:
    """A rule's title that is one of the page's h1 has that h1's faults (a CMS theme's title
    selector lands on a section's or a promotion's h1 as readily as on the headline), except
    where it sits: the rule knows the theme's layout better than the class names do."""
    for h in headings:
        if same_text(str(rule.value), str(h.value)):
            faults = [n for n in h.notes if n.startswith("-") and "sits in" not in n]
            for note in faults:
                points, _, why = note.partition(" ")
                rule.note(float(points), f"as its h1: {why}")
            return


def _plausibility(page: Page, c: Candidate) -> None:
    text = str(c.value)
    if page.is_site_name(text):
        c.note(-8.0, "the site's own name")
    elif _is_section(page, text):
        c.note(-4.0, "a section or breadcrumb name")
    if len(text) > MAX_TITLE:
        c.note(-4.0, "too long for a headline")
    if not words(text):
        c.note(-10.0, "no words")


def _is_section(page: Page, text: str) -> bool:
    """A name the page's menus, breadcrumbs or article:section use for a part of the site."""
    if len(words(text)) > 3:
        return False
    sections = [*page.meta.get("article:section", ())]
    for obj in page.json_ld:
        trail = obj.get("itemListElement") or () if isinstance(obj, dict) else ()
        # A breadcrumb's last item is the page itself.
        for item in trail[:-1] if isinstance(trail, list) else ():
            if isinstance(item, dict):
                name = item.get("name") or (item.get("item") or {}).get("name")
                if isinstance(name, str):
                    sections.append(name)
    if any(same_text(text, s) for s in sections):
        return True
    for a in page.tree.iter("a"):
        if (
            same_text(text, a.text_content())
            and page.where(a) in ("clutter", "header")
            and not _links_here(page, a.get("href") or "")
        ):
            return True
    return False


def _links_here(page: Page, href: str) -> bool:
    """Whether a link leads to this very page: a menu's item for the page names the page."""
    if not href or not page.url:
        return False
    there = urlsplit(urljoin(page.url, href))
    here = urlsplit(page.url)
    return (there.hostname, there.path.rstrip("/")) == (here.hostname, here.path.rstrip("/"))


def _agree(a: object, b: object) -> bool:
    x, y = str(a or ""), str(b or "")
    if not x or not y:
        return False
    return same_text(x, y) or min(overlap(x, y), overlap(y, x)) >= 0.7
