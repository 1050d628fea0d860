"""The article a reading stopped short of: the box that holds all the page's prose, read whole.

trafilatura's readings now and then keep one part of a layout and drop the rest: the first of a
list of places each in its own <article>, one slide of a listicle, the open panel of an
accordion, a table in an embed, sections a page streams in as hidden blocks. The page's own
paragraphs then hold far more text than the reading. The smallest element holding every prose
paragraph outside the page's chrome is the article's box; read whole, less its headers, forms,
sidebars and lists of other stories, it is the better reading there.
"""

from __future__ import annotations

import copy
from typing import Any

from korantui.core.article.blocks import blocks_from_element
from korantui.core.article.evidence import in_clutter
from korantui.core.models import Block

# A reading with less than this share of the words of the page's paragraphs outside its chrome
# stopped short (on the measurement corpus, readings at under half are the ones that missed
# most of the article; above it, the box also holds what the reading rightly left out).
SHORT_SHARE = 0.5
# A paragraph of prose: this many words at least, and little of it links.
PROSE_WORDS = 12
PROSE_LINK_SHARE = 0.3
_CHROME_TAGS = frozenset(
    {"header", "nav", "aside", "footer", "form", "script", "style", "noscript", "template"}
)


def stopped_short(tree: Any, reading_words: int, all_paragraph_words: int) -> bool:
    """Whether a reading of reading_words holds less than SHORT_SHARE of the page's prose."""
    if reading_words >= SHORT_SHARE * all_paragraph_words:
        return False  # cheap: the page's paragraphs outside chrome are fewer than all of them
    own = sum(len(p.text_content().split()) for p in tree.iter("p") if not in_clutter(p))
    return reading_words < SHORT_SHARE * own


def box_reading(tree: Any, url: str) -> list[Block]:
    """The blocks of the smallest element holding every prose paragraph outside the chrome,
    without its chrome; empty when the page has no such paragraph."""
    prose = [p for p in tree.iter("p") if _is_prose(p) and not in_clutter(p)]
    if not prose:
        return []
    box = _common_ancestor(prose)
    return blocks_from_element(_without_chrome(box), url)


def _is_prose(p: Any) -> bool:
    text = p.text_content()
    size = len(text)
    if len(text.split()) < PROSE_WORDS:
        return False
    linked = sum(len(a.text_content()) for a in p.iter("a"))
    return linked < PROSE_LINK_SHARE * size


def _common_ancestor(elements: list[Any]) -> Any:
    # Sets of the elements themselves, not of id(): lxml makes a proxy object for an element
    # when it is asked for and frees it when nothing holds it, so an id could be reused by
    # another element's proxy; held in the set, each element keeps its one proxy.
    first = [elements[0], *elements[0].iterancestors()]
    others = [{el, *el.iterancestors()} for el in elements[1:]]
    for candidate in first:
        if all(candidate in seen for seen in others):
            return candidate
    return first[-1]


def _without_chrome(box: Any) -> Any:
    """A copy of box less its chrome: the tags of a page's furniture, and the elements
    in_clutter names (read on the page, where their ancestors are known)."""
    dup = copy.deepcopy(box)
    doomed = []
    inside_doomed: set[Any] = set()  # the elements (see _common_ancestor: not their id())
    for original, twin in zip(box.iter(), dup.iter(), strict=True):
        if twin is dup or not isinstance(original.tag, str):
            continue
        parent = original.getparent()
        if parent in inside_doomed:
            inside_doomed.add(original)
            continue
        if original.tag in _CHROME_TAGS or (in_clutter(original) and not in_clutter(parent)):
            doomed.append(twin)
            inside_doomed.add(original)
    for twin in doomed:
        twin.drop_tree()
    return dup
