"""Boxes a reading appends after the article from elsewhere on the page.

trafilatura's recall reading, kept on most pages, goes on past the article's own container: the
site's "about us" blurb, a sign-up form's fine print, a services box, a disclaimer in the
footer, another story's teaser. Where the page's elements behind the reading's blocks are
found, the article's container is the deepest element holding most of the reading's words;
from the first block after the last one inside it that comes from outside it, the rest is the
page's, not the article's. Blocks before it are left alone: a lead or a standfirst often sits
in the header, outside the body's box, and is the article's.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from korantui.core.models import Block
from korantui.core.regex_cache import compiled

# The container holds at least this share of the words of the blocks whose element was found
# (measured on the corpus: 0.75 to 0.85 find the same boxes; lower takes the article's own
# last sections kept in a sibling box, higher finds a container too wide).
CONTAINER_SHARE = 0.8

# Blocks are matched to elements on the first letters and digits of their text: enough to tell
# paragraphs apart, and a reading's spacing and punctuation do not count.
_KEY_CHARS = 50
_SHORTEST_KEY = 12
_NOT_LETTERS = compiled(r"\W+")
# Elements a block's text can come from. Boxes of text with no block inside (a card's <div>)
# are left out: looking at every <div> of a page costs more than the rest of the step, and
# blocks not found stay.
_SOURCES = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt")
_SAMPLE = 100


def drop_outside_tail(tree: Any, blocks: list[Block]) -> list[Block]:
    """blocks up to the first one after the article's container that comes from outside it."""
    if len(blocks) < 2:
        return blocks
    found = _elements(tree)
    sources = [found.get(_key(b.text)) for b in blocks]
    words = [len(b.text.split()) for b in blocks]
    total = sum(n for n, el in zip(words, sources, strict=True) if el is not None)
    if not total:
        return blocks
    held: dict[Any, int] = {}
    for n, el in zip(words, sources, strict=True):
        if el is not None:
            for box in (el, *el.iterancestors()):
                held[box] = held.get(box, 0) + n
    container = _deepest(box for box, n in held.items() if n >= CONTAINER_SHARE * total)
    if container is None:
        return blocks
    inside = [
        el is not None and (el is container or any(a is container for a in el.iterancestors()))
        for el in sources
    ]
    last = max((i for i, yes in enumerate(inside) if yes), default=-1)
    if last < 0:
        return blocks
    # From the first block found outside, the rest goes: blocks not found among them (a
    # card's text in a <div>) belong to the same boxes.
    outside = [i for i in range(last + 1, len(blocks)) if sources[i] is not None]
    return blocks[: outside[0]] if outside else blocks


def _key(text: str) -> str:
    key = _NOT_LETTERS.sub("", text[:_SAMPLE])[:_KEY_CHARS]
    return key if len(key) >= _SHORTEST_KEY else ""


def _elements(tree: Any) -> dict[str, Any]:
    """The first element of the page for each key its text gives."""
    found: dict[str, Any] = {}
    for el in tree.iter(*_SOURCES):
        text = el.text
        if not text or len(text) < _SAMPLE:
            # Its start is in a child (a bold lead, a link): the whole text, taken in libxml2.
            text = etree.tostring(el, method="text", encoding="unicode", with_tail=False)
        key = _key(text)
        if key and key not in found:
            found[key] = el
    return found


def _deepest(boxes: Any) -> Any:
    best, depth = None, -1
    for box in boxes:
        d = sum(1 for _ in box.iterancestors())
        if d > depth:
            best, depth = box, d
    return best
