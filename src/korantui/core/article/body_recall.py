"""Paragraphs of the article a reading skipped between the ones it kept.

trafilatura drops whole parts of a body it reads otherwise well: the panels of an accordion
(a question in a <button>, its answer beside it), the cards of a listicle, a section an embed
wraps. Such paragraphs are built from the same template as the kept ones, the same tag and
class, and sit between them on the page; boxes of other things (teasers, bios, forms) carry
other classes or lie outside. Those paragraphs go back in, each after the kept one before it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Any

from korantui.core.article.blocks import blocks_from_element
from korantui.core.article.evidence import in_clutter, words
from korantui.core.models import Block
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line

# A paragraph worth putting back: this many words at least, and little of it links.
PROSE_WORDS = 12
PROSE_LINK_SHARE = 0.3
# A list item says less in fewer words.
ITEM_WORDS = 6
ITEM_MAX_WORDS = 60
# A paragraph with this share of its word pairs in the reading was kept; with at most the
# other, dropped (between: partly kept, left alone).
KEPT_SHARE = 0.6
DROPPED_SHARE = 0.2
# List items shorter than this many characters are skipped; the first _SAMPLE characters tell
# whether the reading kept a text.
_SHORTEST = 12
_SAMPLE = 300
# A heading longer than this is not a section's title.
HEADING_WORDS = 20
_HEADINGS = ("h2", "h3", "h4")
_CHROME_TAGS = frozenset({"a", "header", "nav", "aside", "footer", "form", "template"})


def recall_skipped(tree: Any, blocks: list[Block], url: str) -> list[Block]:
    """blocks with the page's prose paragraphs that lie between two kept paragraphs and share
    a kept paragraph's tag and class, each put after the block of the kept one before it."""
    # Word pairs, not strings: a reading spaces, splits and trims a paragraph its own way
    # (a <br>, a bold lead made a heading, reference marks left out).
    pairs_at: dict[tuple[str, str], int] = {}
    for i, block in enumerate(blocks):
        for pair in _pairs(block.text):
            pairs_at.setdefault(pair, i)
    kept_shapes: set[tuple[str, str]] = set()
    # The elements themselves: an id() of an lxml proxy is reused once the proxy is freed.
    kept_boxes: set[Any] = set()
    # Lists the reading kept items of: their other items are in the same template.
    kept_lists: set[Any] = set()
    # Where the kept paragraphs are among the marks: what lies between them is the article.
    anchors: list[int] = []
    kept_prose: list[Any] = []
    kept_lines = {" ".join(words(b.text)) for b in blocks}
    # Per <p> in page order: the block index it was kept as, or the paragraph itself (-1);
    # and the headings the reading lacks (-2), a skipped paragraph's title.
    marks: list[tuple[int, Any]] = []
    for p in tree.iter("p", "li", *_HEADINGS):
        if p.tag == "li" and next(p.iter("p", "li", "ul", "ol", "div"), p) is not p:
            continue  # a list item holding blocks: those are read one by one
        text = p.text_content()
        if p.tag == "li" and len(text) < _SHORTEST:
            continue  # a menu's: nothing to put back, nothing to place by
        if p.tag in _HEADINGS:
            line = " ".join(words(text))
            if line and line not in kept_lines and len(line.split()) <= HEADING_WORDS:
                marks.append((-2, p))
            continue
        # The opening is enough to tell kept from skipped, and cheaper than the whole.
        pairs = _pairs(text[:_SAMPLE])
        if not pairs:
            continue
        found = [pairs_at[pair] for pair in pairs if pair in pairs_at]
        if len(found) >= KEPT_SHARE * len(pairs):
            if p.tag == "li":
                kept_lists.add(p.getparent())
            elif _is_prose(p, text):
                kept_shapes.add(_shape(p))
                kept_boxes.update(p.iterancestors("article"))
                kept_prose.append(p)
            if p.tag == "p":
                anchors.append(len(marks))
            marks.append((max(found), None))
        elif len(found) <= DROPPED_SHARE * len(pairs) and _is_prose(p, text):
            marks.append((-1, p))
    if len(anchors) < 2:
        return blocks
    list_shapes = {_shape(k) for k in kept_lists}
    inserts: dict[int, list[Block]] = {}
    last_block = -1
    heading = None
    box = _common_ancestor(kept_prose) if kept_prose else None
    for n, (at, p) in enumerate(marks[anchors[0] :], start=anchors[0]):
        # Past the last kept paragraph, only paragraphs still inside the box of the kept ones
        # (an FAQ closing the article); lists there are notes and references.
        if n >= anchors[-1] and at == -1 and (p.tag == "li" or box not in set(p.iterancestors())):
            break
        if at == -2:
            heading = p
            continue
        if p is None:
            last_block = max(last_block, at)
        elif _recalled(p, kept_shapes, kept_lists, list_shapes) and not _elsewhere(p, kept_boxes):
            put = inserts.setdefault(last_block, [])
            if heading is not None and not _elsewhere(heading, kept_boxes):
                # Read here, not by blocks_from_element: an accordion's title is in a <button>.
                put.append(Block("h", clean_line(heading.text_content())))
            put.extend(_as_item(b, p) for b in blocks_from_element(p, url))
        heading = None
    if not inserts:
        return blocks
    out: list[Block] = []
    for i, block in enumerate(blocks):
        out.append(block)
        out.extend(inserts.get(i, []))
    return out


def _common_ancestor(elements: list[Any]) -> Any:
    shared = set(elements[0].iterancestors())
    for el in elements[1:]:
        shared &= set(el.iterancestors())
    return next((a for a in elements[0].iterancestors() if a in shared), None)


def _recalled(
    el: Any,
    kept_shapes: set[tuple[str, str]],
    kept_lists: set[Any],
    kept_list_shapes: set[tuple[str, str]],
) -> bool:
    """Whether a skipped paragraph or list item goes back: a paragraph in the template of a
    kept one, an item of a list the reading kept others of; neither in the page's chrome."""
    if el.tag == "li":
        # A longer "item" is a card of its own (an app, a product, a comment).
        # Its own list, or one built like it (each card of a listicle has its list).
        parent = el.getparent()
        fits = (parent in kept_lists or _shape(parent) in kept_list_shapes) and len(
            el.text_content().split()
        ) <= ITEM_MAX_WORDS
    else:
        fits = _shape(el) in kept_shapes
    return fits and not _in_chrome(el)


def _as_item(block: Block, el: Any) -> Block:
    if el.tag != "li":
        return block
    parent = el.getparent()
    return replace(block, kind="oli" if parent is not None and parent.tag == "ol" else "li")


def _pairs(text: str) -> list[tuple[str, str]]:
    found = words(text)
    return list(itertools.pairwise(found))


def _shape(p: Any) -> tuple[str, str]:
    return p.tag, " ".join((p.get("class") or "").split())


def _is_prose(p: Any, text: str) -> bool:
    if len(text.split()) < (ITEM_WORDS if p.tag == "li" else PROSE_WORDS):
        return False
    linked = sum(len(a.text_content()) for a in p.iter("a"))
    return linked < PROSE_LINK_SHARE * len(text)


def _elsewhere(p: Any, kept_boxes: set[Any]) -> bool:
    """Whether p belongs to another story's <article> (a card in a list of them) or to
    something nested in a paragraph or holding a script."""
    box = next(p.iterancestors("article"), None)
    if box is not None and box not in kept_boxes:
        return True
    return next(p.iterancestors("p"), None) is not None or next(p.iter("script"), None) is not None


def _in_chrome(p: Any) -> bool:
    # A paragraph inside a link is a teaser's blurb.
    if any(isinstance(a.tag, str) and a.tag in _CHROME_TAGS for a in p.iterancestors()):
        return True
    return in_clutter(p) or any(_OVERLAY.search(_marks(a)) for a in p.iterancestors())


def _marks(el: Any) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


# Boxes laid over or beside the article that reuse its paragraph template.
_OVERLAY = compiled(
    r"cookie|consent|gdpr|modal|dialog|popup|pop-up|overlay|teaser|promo|newsletter|subscribe"
    r"|signup|sign-up|paywall|carousel|recent|call-to-action|twitter-tweet|instagram-media"
    r"|author|(?<![a-z])bio(?![a-z])|card|excerpt|caption",
    re.I,
)
