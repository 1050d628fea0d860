"""Who wrote the article, chosen by evidence: structured data, meta tags, the visible byline.

A person named in JSON-LD or printed as the byline beats an organisation; a byline printed in
the article's header beats one in a sidebar (which belongs to another story); an address, a
user name ("andrew.keaveney") or a list of tags is no author.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from korantui.core.article.evidence import (
    Candidate,
    Choice,
    Page,
    RuleFinding,
    best,
    in_clutter,
    overlap,
    types_of,
    words,
)
from korantui.core.article.facts_column import in_facts_column
from korantui.core.article.person_names import (
    LABEL,
    MAX_AUTHOR,
    clean_byline,
    is_a_date,
    name_like,
    names_list,
    reads_as_phrase,
    spaced_text,
)
from korantui.core.sanitize import clean_line

# A class word of its own, or a hump of a camel-cased one ("dateAndAuthorContainer": CSS
# modules name their classes so).
_BYLINE_MARK = re.compile(
    r"(?:^|[\s_-])(?:author|byline|by-line|writer|penulis|reporter)"
    r"|(?-i:(?<=[a-z])(?:Author|Byline|Writer))",
    re.I,
)
_USER_NAME = re.compile(r"^[\w.-]+$")
_WEB_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
_TEMPLATE = re.compile(r"\{\{|\}\}|^[a-z]+(?:\.[a-z]+){2,}$")


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
    candidates += _visible_bylines(page)
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
            if any(_IN_CLUTTER in o.notes and _agree(o.value, name) for o in candidates):
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
    topics = {spaced_text(a).lower() for a in page.tree.iter("a") if _tag_link(a)}
    for c in candidates:
        if str(c.value).lower() in topics:
            c.note(-5.0, "the name of a topic the page links to")
        agreeing = {o.source for o in witnesses if o is not c and _agree(o.value, c.value)}
        if agreeing:
            c.note(min(len(agreeing), 2) * 0.75, f"agrees with {', '.join(sorted(agreeing))}")
        _plausibility(page, c)
    return best(candidates, minimum=1.0)


_SIDEBAR_ECHO = "printed in a sidebar: another story's"


_IN_SIDEBAR = "in a sidebar or a list of other stories"
_SIDEBAR = re.compile(r"sidebar|side-bar|related|terkait|terkini|populer|popular|trending", re.I)


def _in_sidebar(el: Any) -> bool:
    for node in (el, *el.iterancestors()):
        if node.tag == "aside" or _SIDEBAR.search(
            f"{node.get('class') or ''} {node.get('id') or ''}"
        ):
            return True
    return False


_COPYRIGHT = re.compile(
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


_POSSESSIVE = re.compile(r"['’]s\s+(?:blog|site|notes|weblog|homepage|website)$", re.I)


def _description_byline(page: Page) -> list[Candidate]:
    """A wire story's summary that opens with its byline ("By Md Aynal Haque RAJSHAHI, Dec 20
    (BSS) - ..."): the name, without the dateline's capitalised place."""
    text = _THIS_POST.sub("", page.first_meta("description", "og:description"))
    if not _BY_LINE.match(text):
        return []
    # "This post was written by Vanessa Mendez, MD, gastroenterologist, Parkview Health."
    name = _DATELINE.sub("", clean_byline(text[:MAX_AUTHOR].split(",")[0]))
    return [Candidate(name, "a 'By' line opening the summary", 2.0)] if name_like(name) else []


_THIS_POST = re.compile(r"^(?:this|the)\s+(?:post|article|story|blog)\s+(?:was|is)\s+", re.I)
_DATELINE = re.compile(r"\s+[A-Z]{3,}(?:\s+[A-Z]{3,})*\W*$")


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


_REVIEWED = re.compile(
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
_AUTHOR_CLASS = re.compile("author|byline|writer|Author|Byline|penulis|reporter")


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


def _visible_bylines(page: Page) -> list[Candidate]:
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
            if len(text) <= MAX_AUTHOR and _BY_LINE.match(text):
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


_IN_SECTION = re.compile(r"\s+in(?:\s.*)?$")


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
_IN_CLUTTER = f"{_WHERE_POINTS['clutter']:+g} in the clutter"
_NOT_A_NAME_BOX = re.compile(r"bio|avatar|description|image|photo|img|social|follow|about", re.I)
_AUTHOR_PAGE = re.compile(
    r"/(?:author|authors|penulis|writer|writers|contributor|contributors|profile|profiles|people"
    r"|reporter|staff|team)/[^/?#]+/?(?:[?#]|$)",
    re.I,
)
_AFTER_LABEL = "the name after a 'Written by' label"
_LABEL_ONLY = re.compile(
    r"(?:(?:written|posted|authored|reported|article|story)\s+by|by|oleh|ditulis\s+oleh|penulis"
    r"|author|writer|contributors?"
    r"|reporter|pewarta)\s*[:：]?",
    re.I,
)
_WRITTEN_BY = re.compile(
    r"^(?:written|authored)\s+by\s+\S|^(?:ditulis\s+oleh|penulis)\s*:?\s+\S", re.I
)
_BY_LINE = re.compile(
    r"^(?:(?:written|posted|published|reported)\s+)?(?:by|oleh)\s*[:：]?\s+\S", re.I
)
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
    topics = [spaced_text(a) for a in el.iter("a") if _tag_link(a)]
    if topics and " ".join(topics) == text:
        return ""
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
            and not _tag_link(el)
        ):
            name = clean_byline(spaced_text(el))
            # "NB" in a circle is the avatar's initials.
            initials = len(name) <= 3 and name.isupper()
            return name if name_like(name) and len(el) == 0 and not initials else ""
    return ""


def _tag_link(el: Any) -> bool:
    """Whether el is (in) a link to a tag's or a category's page: a topic, not a name."""
    link = el if el.tag == "a" else next(el.iterancestors("a"), None)
    return link is not None and bool(_TOPIC_PAGE.search(link.get("href") or ""))


_TOPIC_PAGE = re.compile(r"/(?:tags?|category|categories|topics?|kategori|label)/", re.I)


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
