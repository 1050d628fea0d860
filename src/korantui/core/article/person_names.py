"""What a person's name looks like in a byline, and what is no name: the labels around it
("By", "Oleh", "Penulis:"), a date, a phrase, a list of several names."""

from __future__ import annotations

import re
from typing import Any

from korantui.core.article.dates import DAY_NAMES, MONTH_NAMES, find_printed
from korantui.core.article.evidence import words
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line

MAX_AUTHOR = 80
LABEL = compiled(
    r"^(?:(?:written|posted|published|reviewed|edited|reported|authored)\s+by|by|oleh|penulis|reporter"
    r"|pewarta|editor|redaktur|kontributor|(?:the\s+)?authors?|writer|words)\s*[:：]?(?:\s+|$)",
    re.I,
)


_LABEL_INSIDE = compiled(r"\b(?:written|posted|authored|reported)\s+by\b\s*[:：]?\s*", re.I)
_LEAD = compiled(r"^(?:[\s|•·–—,:-]|\b(?:[AP]\.?M\.?|[A-Z]{1,3}T|UTC|GMT|WIB|WITA)\b)+")
_FOOTNOTE = compiled(r"(?:\s+\d{1,2}|[\u00b9\u00b2\u00b3\u2070-\u2079*†‡]+)$")
_TAIL = compiled(r"\s*(?:[|•·–—]|\s-\s|\bon\b|\bpada\b|\bupdated\b|\bpublished\b).*$", re.I)


def clean_byline(text: str) -> str:
    """A byline's name: labels ("By", "Oleh", "Penulis:") and what follows the name (a date,
    "| Updated ...") taken off."""
    text = clean_line(text)
    for _ in range(2):
        text = LABEL.sub("", text).strip(" :,")
    label = _LABEL_INSIDE.search(text)
    if label and any(ch.isdigit() for ch in text[: label.start()]):
        # "Jun 2 Written By Ana Ruiz": after a date, the name follows the label; "Jun 2
        # Written By" and an empty link: the template printed none.
        text = text[label.end() :]
    found = find_printed(text)
    if found is not None:
        at = text.find(found[1])
        # "Dec. 19, 2025 · Niko Matsakis": a date ahead of the name parts from it as one after.
        before, after = text[:at].strip(), text[at + len(found[1]) :]
        text = before or _after_a_date(after)
    text = _TAIL.sub("", text).strip(" ,:;-")
    return _FOOTNOTE.sub("", text)


def _after_a_date(text: str) -> str:
    """The name after a byline's leading date ("· Niko Matsakis on behalf of ..."): of two
    words or more, after the time's zone; one word there is a program's or a place's."""
    name = _TAIL.sub("", LABEL.sub("", _LEAD.sub("", text)).strip()).strip(" ,:;-")
    return name if len(name.split()) >= 2 else ""


def spaced_text(el: Any) -> str:
    """An element's text with its children kept apart ("Author" and "Venteur" are two words)."""
    return clean_line(" ".join(t for t in el.itertext() if t.strip()))


def name_like(text: str) -> bool:
    """One to six words, starting with a capital, no digits: a name, not a sentence or a date."""
    parts = text.split()
    return (
        0 < len(parts) <= 6
        and text[0].isupper()
        and not any(ch.isdigit() for ch in text)
        and not text.endswith((".", "!", "?"))
    )


def names_list(text: str) -> bool:
    """Several authors ("Ana Ruiz, Ben Okafor and Chen Li"): every part a short name."""
    parts = [p for p in _NAME_SEPARATORS.split(text) if p.strip()]
    return len(text) <= 4 * MAX_AUTHOR and len(parts) >= 2 and all(name_like(p) for p in parts)


_NAME_SEPARATORS = compiled(r"\s*(?:[,;&]|\band\b|\bdan\b)\s*")


def is_a_date(text: str) -> bool:
    """ "Dec", "Sat", "Jun 2": a month or a weekday with at most a number beside it."""
    parts = words(text)
    return bool(parts) and all(p in _CALENDAR or p.isdigit() for p in parts)


def reads_as_phrase(text: str) -> bool:
    """Words of a sentence ("Learn about our editorial policies", "of this article"), not a
    name: most of its words start in lower case and one is a word no name holds."""
    parts = text.split()
    lower = [p for p in parts if p[:1].islower()]
    return len(lower) * 3 > len(parts) and any(p.lower() in _FUNCTION_WORDS for p in lower)


# "May" and "Mei" are names as often as months.
_CALENDAR = (frozenset(MONTH_NAMES) | DAY_NAMES) - {"may", "mei", ""}
# fmt: off
_FUNCTION_WORDS = frozenset(
    ("of", "the", "our", "about", "this", "for", "to", "your", "with", "in", "on", "more", "all",
     "read", "see", "from")
)
# fmt: on
