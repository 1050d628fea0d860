"""Who wrote the article, chosen by evidence: structured data, meta tags, the visible byline.

A person named in JSON-LD or printed as the byline beats an organisation; a byline printed in
the article's header beats one in a sidebar (which belongs to another story); an address, a
user name ("andrew.keaveney") or a list of tags is no author.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from korantui.core.article.bylines import BY_LINE, IN_CLUTTER, tag_link, visible_bylines
from korantui.core.article.evidence import (
    Candidate,
    Choice,
    Page,
    RuleFinding,
    best,
    overlap,
    types_of,
    words,
)
from korantui.core.article.person_names import (
    MAX_AUTHOR,
    clean_byline,
    is_a_date,
    name_like,
    names_list,
    reads_as_phrase,
    spaced_text,
)
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line

_USER_NAME = compiled(r"^[\w.-]+$")
_WEB_ADDRESS = compiled(r"^(?:https?://|www\.)\S+$", re.I)
_TEMPLATE = compiled(r"\{\{|\}\}|^[a-z]+(?:\.[a-z]+){2,}$")


def author_candidates(
    page: Page, *, hint: str = "", rule: RuleFinding | None = None
) -> list[Candidate]:
    """What the page says of its author; asked before the body is taken out of the tree (a
    site rule's body path drops boxes, bylines among them). hint is the feed item's author."""
    candidates: list[Candidate] = []
    if rule is not None and clean_byline(rule.texts[0]):
        candidates.append(rule.candidate(clean_byline(rule.texts[0])))
    if hint and clean_byline(hint):
        candidates.append(Candidate(clean_byline(hint), "feed item", 6.0, ["+6 the feed's own"]))
    candidates += _json_ld(page)
    candidates += _meta(page)
    candidates += visible_bylines(page)
    reviewers = _reviewers(page)
    for c in candidates:
        if c.source.startswith(("visible", "link", "'By'", "the name", "a 'Written")) and any(
            _agree(c.value, r) for r in reviewers
        ):
            c.note(-3.0, "the page says this person reviewed or edited it")
    if not any(c.score >= 3.0 for c in candidates):
        candidates += _copyright_holder(page) or _personal_site(page)
        candidates += _description_byline(page)
        name = _trafilatura_author(page)
        if name:
            c = Candidate(name, "trafilatura", 2.5, ["+2.5 trafilatura's answer"])
            # trafilatura reads sidebars too: a name the page prints only there is another's.
            if any(IN_CLUTTER in o.notes and _agree(o.value, name) for o in candidates):
                c.note(-3.0, _SIDEBAR_ECHO)
            candidates.append(c)
    return candidates


def choose_author(candidates: list[Candidate], page: Page, *, body_author: str = "") -> Choice:
    """The best of candidates; body_author is what cleanup found in the text itself
    ("Penulis: ...", a closing "(Tony/Jhon)")."""
    if body_author:
        printed = Candidate(body_author, "the text's own byline", 4.5, ["+4.5 printed"])
        candidates = [printed, *candidates]
    # trafilatura repeating a sidebar's name is no second witness to it.
    witnesses = [c for c in candidates if not any(n.endswith(_SIDEBAR_ECHO) for n in c.notes)]
    topics = {spaced_text(a).lower() for a in page.tree.iter("a") if tag_link(a)}
    for c in candidates:
        if str(c.value).lower() in topics:
            c.note(-5.0, "the name of a topic the page links to")
        agreeing = {o.source for o in witnesses if o is not c and _agree(o.value, c.value)}
        if agreeing:
            c.note(min(len(agreeing), 2) * 0.75, f"agrees with {', '.join(sorted(agreeing))}")
        _plausibility(page, c)
    return best(candidates, minimum=1.0)


_SIDEBAR_ECHO = "printed in a sidebar: another story's"


_COPYRIGHT = compiled(
    r"^(?:©|\(c\)|copyright)\s*(?:(?:©|\(c\)|copyright)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>[^.|•©]+?)\s*(?:\.|,|\ball rights\b|$)",
    re.I,
)


def _copyright_holder(page: Page) -> list[Candidate]:
    """Where nothing else names the author, the page's "© 2025 Name": on a personal blog or a
    company's own site, the one who holds the page's copyright wrote it. Thin evidence."""
    for el in page.tree.iter():
        first = (el.text or " ").lstrip()[:1]
        if (
            not first
            or first not in "©(Cc"
            or not isinstance(el.tag, str)
            or el.tag in ("script", "style")
        ):
            continue
        own = clean_line(el.text or "")
        m = _COPYRIGHT.match(own) if own and len(own) <= 120 else None
        if m and name_like(m.group("name")) and not is_a_date(m.group("name")):
            return [Candidate(m.group("name"), "the copyright holder", 1.0, ["+1 thin"])]
    return []


def _personal_site(page: Page) -> list[Candidate]:
    """A site named after a person ("Colin Watson's blog", og:site_name "Owain Brennan" on
    owain.example) is that person's, and they wrote its posts. Thin evidence."""
    host = "".join(words(page.host))
    for name in (*page.site_names, *_home_link_names(page)):
        owner = _POSSESSIVE.sub("", name)
        named_after = (
            2 <= len(owner.split()) <= 3
            and all(w[:1].isupper() for w in owner.split())
            and any(len(w) >= 4 and w in host for w in words(owner))
        )
        if (owner != name or named_after) and name_like(owner):
            return [Candidate(owner, "the site's owner", 1.0, ["+1 thin"])]
    return []


def _home_link_names(page: Page) -> list[str]:
    """What the links to the site's home page say: the logo's text of a personal blog is its
    owner's name ("Pierce Freeman" at pierce.dev)."""
    names = []
    for a in page.tree.iter("a"):
        href = urlsplit((a.get("href") or "").strip())
        here = not href.netloc or href.netloc.lower().removeprefix("www.") == page.host
        if here and href.path in ("/", "./") and not href.query and (text := spaced_text(a)):
            names.append(text)
    return names[:4]


_POSSESSIVE = compiled(r"['’]s\s+(?:blog|site|notes|weblog|homepage|website)$", re.I)


def _description_byline(page: Page) -> list[Candidate]:
    """A wire story's summary that opens with its byline ("By Md Aynal Haque RAJSHAHI, Dec 20
    (BSS) - ..."): the name, without the dateline's capitalised place."""
    text = _THIS_POST.sub("", page.first_meta("description", "og:description"))
    if not BY_LINE.match(text):
        return []
    # "This post was written by Vanessa Mendez, MD, gastroenterologist, Parkview Health."
    name = _DATELINE.sub("", clean_byline(text[:MAX_AUTHOR].split(",")[0]))
    return [Candidate(name, "a 'By' line opening the summary", 2.0)] if name_like(name) else []


_THIS_POST = compiled(r"^(?:this|the)\s+(?:post|article|story|blog)\s+(?:was|is)\s+", re.I)
_DATELINE = compiled(r"\s+[A-Z]{3,}(?:\s+[A-Z]{3,})*\W*$")


def _trafilatura_author(page: Page) -> str:
    from trafilatura.metadata import extract_author  # lazy: heavy; thin evidence only

    try:
        return clean_byline(extract_author(page.tree) or "")
    except (ValueError, TypeError):
        return ""


def _json_ld(page: Page) -> list[Candidate]:
    for obj in page.json_ld_articles or page.json_ld:
        author = obj.get("author") or obj.get("creator")
        if not author:
            continue
        people: list[str] = []
        orgs: list[str] = []
        for a in author if isinstance(author, list) else [author]:
            a = _resolved(page, a)
            if isinstance(a, str):
                people.append(a)
            elif isinstance(a, dict) and isinstance(a.get("name"), str):
                (
                    orgs if types_of(a) & {"organization", "newsmediaorganization"} else people
                ).append(a["name"])
        names = [clean_byline(n) for n in people if clean_byline(n)]
        if names:
            return [Candidate(", ".join(dict.fromkeys(names)), "json-ld author", 4.0)]
        names = [clean_line(n) for n in orgs if clean_line(n)]
        if names:
            return [Candidate(", ".join(names), "json-ld author (an organisation)", 2.0)]
    return []


_REVIEWED = compiled(
    r"^(?:(?:medically\s+|fact[- ])?reviewed|edited|fact[- ]checked|diperiksa|disunting|editor)"
    r"(?:\s+by)?\s*[:：]?\s+(?P<name>\S.*)$",
    re.I,
)


def _reviewers(page: Page) -> list[str]:
    """Names the page prints as its reviewer or editor ("Reviewed by: ..."): a byline box with
    that name is the reviewer's, not the author's."""
    names = []
    for el in page.tree.iter():
        # A cheap first look: this runs over every element of every page.
        first = (el.text or " ").lstrip()[:1]
        if (
            not first
            or first not in "RrEeFfMmDd"
            or not isinstance(el.tag, str)
            or el.tag in ("script", "style")
        ):
            continue
        own = clean_line(el.text or "")
        if own and len(own) <= MAX_AUTHOR:
            text = spaced_text(el) if len(own) < MAX_AUTHOR else own
            m = _REVIEWED.match(text) if len(text) <= MAX_AUTHOR else None
            if m:
                names.append(clean_byline(m.group("name")))
    return [n for n in names if n]


def _resolved(page: Page, ref: Any) -> Any:
    """A JSON-LD node that only points at another ({"@id": ...}, as Yoast's @graph does) stands
    for the node it points at."""
    if isinstance(ref, dict) and "name" not in ref and isinstance(ref.get("@id"), str):
        for obj in page.json_ld:
            if obj.get("@id") == ref["@id"] and obj is not ref and "name" in obj:
                return obj
    return ref


_META_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "citation_author",
    "parsely-author",
    "sailthru.author",
)


def _meta(page: Page) -> list[Candidate]:
    found = []
    for key in _META_KEYS:
        # Several authors come as one tag each (citation_author, dc.creator).
        names = [clean_byline(value) for value in page.meta.get(key, ())]
        names = [n for n in names if n and not n.startswith(("http://", "https://", "www."))]
        if names:
            found.append(Candidate(", ".join(dict.fromkeys(names)), f"meta {key}", 3.0))
            break
    if not found:
        found += _labelled_twitter_data(page)
    return found


def _labelled_twitter_data(page: Page) -> list[Candidate]:
    """Yoast's card pairs a label with a value: twitter:label1 "Written by", twitter:data1 the
    name; pairs come in order, so the n-th label names the n-th value."""
    for n in range(1, 4):
        label = page.first_meta(f"twitter:label{n}").lower()
        if label.startswith(("written by", "author", "by", "ditulis oleh", "penulis")):
            name = clean_byline(page.first_meta(f"twitter:data{n}"))
            if name:
                return [Candidate(name, f"meta twitter:data{n} ({label})", 3.0)]
    return []


# A class that says the element holds the author (as contains(@class, …) tests: substrings).
def _plausibility(page: Page, c: Candidate) -> None:
    text = str(c.value)
    if (len(text) > MAX_AUTHOR or len(words(text)) > 12) and not names_list(text):
        c.note(-5.0, "too long for a name")
    if _USER_NAME.match(text) and (any(ch in text for ch in "._") or text.islower()):
        c.note(-1.5, "a user name, not a person's")
    if _TEMPLATE.search(text):
        c.note(-6.0, "a template's placeholder")
    if not any(ch.isalpha() for ch in text):
        c.note(-10.0, "no letters")
    if page.is_site_name(text) and not c.source.startswith(_DECLARED):
        c.note(-1.0, "the site's own name")
    if text.lower() in ("admin", "administrator", "redaksi", "editor", "staff", "guest", "author"):
        c.note(-1.5, "a role, not a name")
    if "@" in text and " " not in text.strip():
        c.note(-3.0, "an e-mail address, not a name")
    if _WEB_ADDRESS.match(text):
        c.note(-6.0, "a web address, not a name")
    if is_a_date(text):
        c.note(-6.0, "a date, not a name")
    if not c.source.startswith(_DECLARED) and reads_as_phrase(text):
        c.note(-3.0, "a phrase, not a name")


# Where the meta tags or the copyright line name the site as the author, the site wrote it (a
# company's blog, a personal one); JSON-LD naming the site a Person is a template's default.
_DECLARED = ("site rule", "feed item", "meta ", "the copyright holder", "the site's owner")


def _agree(a: object, b: object) -> bool:
    x, y = str(a or ""), str(b or "")
    return bool(x and y) and max(overlap(x, y), overlap(y, x)) >= 0.5
