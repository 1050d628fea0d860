"""The body of a page no site rule knows: trafilatura's readings, the better one kept, and
the loose lead and closing code it drops.

trafilatura's recall mode reads nearly every page as well as its balanced mode (the same text on
most pages of the measurement corpus), and faster, so it is read first and alone. It is not
trusted when it holds much less than the page's own paragraphs: it then stopped at one part of a
layout the balanced mode (with its fallbacks) reads whole, so that reading is taken too and the
one worth more kept — less the words of blocks that are mostly a link, twice: lists of other
stories (Indonesian pages carry many) make a reading worse. Where the kept reading has such
blocks, the precision mode, which keeps them out, is read too. Where every reading holds less
than half the page's prose, the box holding all of it is read whole (body_recover); otherwise
the paragraphs it skipped between kept ones, in the kept ones' template, go back (body_recall).
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from korantui.core.article.blocks import blocks_from_element
from korantui.core.article.body_container import drop_outside_tail
from korantui.core.article.body_overlays import drop_dialogs
from korantui.core.article.body_recall import recall_skipped
from korantui.core.article.body_recover import box_reading, stopped_short
from korantui.core.article.body_teasers import drop_teasers
from korantui.core.models import Block
from korantui.core.sanitize import clean_line


def generic_blocks(tree: Any, url: str) -> tuple[list[Block], str]:
    """The body's blocks and which reading gave them ("balanced", "recall", "precision", or
    "box" where they all stopped short of the page's prose); an empty list when none found
    any text."""
    # trafilatura drops a paragraph whose text follows a comment ("<p><!-- -->Text", as React
    # renders text nodes): there the comments go, their tails stay.
    for el in {comment.getparent() for comment in tree.iter(etree.Comment)}:
        if el is not None and el.tag in _COMMENTED:
            etree.strip_tags(el, etree.Comment)
    drop_teasers(tree, url)  # other stories' cards: their excerpts read as prose
    drop_dialogs(tree)  # consent settings, forms, drawers: prose laid over the page
    prose = paragraph_words(tree)  # once: each count is a pass over the page
    readings = [(_reading(tree, url, "recall"), "recall")]
    if words(readings[0][0]) < TRUSTED_SHARE * prose:
        readings.append((_reading(tree, url, "balanced"), "balanced"))
    blocks, mode = max(readings, key=lambda r: worth(r[0]))
    if not words(blocks) or _link_words(blocks) > 0.05 * words(blocks):
        # Lists of other stories read as body: the precision mode keeps them out.
        readings.append((_reading(tree, url, "precision"), "precision"))
        blocks, mode = max(readings, key=lambda r: worth(r[0]))
    if stopped_short(tree, words(blocks), prose):
        boxed = box_reading(tree, url)
        if worth(boxed) > worth(blocks):
            blocks, mode = boxed, "box"
    if mode != "box" and words(blocks) < RECALL_SHARE * prose:
        blocks = recall_skipped(tree, blocks, url)
    if not blocks:
        return [], mode
    # The boxes the reading went on to after the article: the page's, not the article's.
    return drop_outside_tail(tree, recover_loose_text(tree, blocks, url)), mode


_COMMENTED = frozenset({"p", "li", "h2", "h3", "h4"})

# A recall reading with less than this share of the words in the page's <p> elements missed a
# part of the article (measured: from 0.6 to 0.9 the choice is the same on the corpus).
TRUSTED_SHARE = 0.7


# A reading with fewer words than this share of the page's <p> elements may have skipped some;
# one with more holds the page (the search costs ~3 ms a page; at 1.5 it runs on two pages in
# three of the corpus and finds all it finds without the bound, at 1.15 it finds two in three).
RECALL_SHARE = 1.5


def paragraph_words(tree: Any) -> int:
    """The words in the page's <p> elements: the prose a reading should mostly hold."""
    return sum(len(p.text_content().split()) for p in tree.iter("p"))


def words(blocks: list[Block]) -> int:
    return sum(len(b.text.split()) for b in blocks)


def _link_words(blocks: list[Block]) -> int:
    """Words in blocks that are mostly a link: headlines of other stories, menus."""
    return sum(
        len(b.text.split())
        for b in blocks
        if b.text and sum(link.end - link.start for link in b.links) >= 0.5 * len(b.text)
    )


def worth(blocks: list[Block]) -> int:
    """How much article a reading holds: its words, less twice those of blocks that are
    mostly a link."""
    # Text counts for a reading, other stories' headlines against it: a reading that only adds
    # a related list is worth less than one without.
    return words(blocks) - 2 * _link_words(blocks)


def _reading(tree: Any, url: str, mode: str) -> list[Block]:
    from trafilatura import bare_extraction  # lazy: heavy, and never needed at start-up

    doc = bare_extraction(
        tree,
        url=url or None,
        include_comments=False,
        include_links=True,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        with_metadata=False,
        deduplicate=False,
        favor_recall=mode == "recall",
        favor_precision=mode == "precision",
    )
    body = getattr(doc, "body", None)
    return blocks_from_element(body, url) if body is not None else []


_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "ul", "ol", "li", "table", "blockquote", "figure", "pre"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)


def recover_loose_text(tree: Any, blocks: list[Block], url: str) -> list[Block]:
    """Text that sits loose beside the first or last <p> of the body and that trafilatura
    drops: the dateline and lead ("<b>Jakarta</b> - <p>...") and the closing code
    ("</p> <strong>(fyk/ash)</strong>"), both common on Indonesian sites."""
    paragraphs = [i for i, b in enumerate(blocks) if b.kind == "p"]
    if not paragraphs:
        return blocks
    first_i, last_i = paragraphs[0], paragraphs[-1]
    last = _find_paragraph(tree, blocks[last_i].text[-60:])
    if last is not None:
        tail = _loose_text(last, before=False)
        if tail and len(tail) <= 40 and tail.startswith("(") and tail.endswith(")"):
            blocks = [*blocks[: last_i + 1], Block("p", tail), *blocks[last_i + 1 :]]
    first = _find_paragraph(tree, blocks[first_i].text[:60])
    if first is not None:
        lead = _loose_text(first, before=True)
        if lead and lead not in blocks[first_i].text and len(lead) <= 1500:
            blocks = [*blocks[:first_i], Block("p", lead), *blocks[first_i:]]
    return blocks


def _find_paragraph(tree: Any, probe: str) -> Any:
    for p in tree.iter("p"):
        if probe in clean_line(p.text_content()):
            return p
    return None


def _loose_text(p: Any, *, before: bool) -> str:
    """Text and inline elements beside p inside its parent, up to the next block."""
    parent = p.getparent()
    if parent is None:
        return ""
    parts: list[str] = []
    if before:
        prev = p.getprevious()
        nodes = []
        while prev is not None and not (
            isinstance(prev.tag, str) and prev.tag in _BLOCK_TAGS and prev.text_content().strip()
        ):
            nodes.append(prev)
            prev = prev.getprevious()
        if prev is None:
            parts.append(parent.text or "")
        else:
            parts.append(prev.tail or "")
        for node in reversed(nodes):
            if isinstance(node.tag, str) and node.tag not in ("script", "style", "br", "p"):
                parts.append(node.text_content())
            parts.append(node.tail or "")
    else:
        parts.append(p.tail or "")
        nxt = p.getnext()
        while nxt is not None and not (isinstance(nxt.tag, str) and nxt.tag in _BLOCK_TAGS):
            if isinstance(nxt.tag, str) and nxt.tag not in ("script", "style", "br"):
                parts.append(nxt.text_content())
            parts.append(nxt.tail or "")
            nxt = nxt.getnext()
    return clean_line(" ".join(parts))
