"""The space between two inline elements, kept where trafilatura's fallback would lose it.

"<em>enggak</em> <em>ngobrol</em>": the space is the whole text between the two, and jusText
(which trafilatura's extraction falls back on) drops text that is only whitespace, so the
article read "enggakngobrol". Unwrapping the first element puts its words and the space into
one run of text, which every reader of the tree keeps as it is.
"""

from __future__ import annotations

from typing import Any

# Tags that only style their words: unwrapped, the text reads the same. Not <a> (links are
# counted and kept), and not <span>: bare spans are how pages set a date apart from the words
# beside it ("<span>August 16, 2019</span> <span>- Updated July 9, 2025</span>").
_STYLE_TAGS = ("em", "i", "b", "strong", "u", "small", "mark", "cite", "abbr")
_INLINE_NEXT = frozenset(
    {*_STYLE_TAGS, "a", "span", "font", "code", "q", "sup", "sub", "kbd", "var", "s", "del"}
)


def keep_inline_spaces(tree: Any) -> None:
    """Unwrap a styling element whose tail is only whitespace before another inline element.
    Only a bare one: a class, an id or an itemprop is evidence (of a byline, a date) to keep."""
    found = [
        el
        for el in tree.iter(*_STYLE_TAGS)
        if not el.attrib
        and el.tail
        and el.tail.isspace()
        and (nxt := el.getnext()) is not None
        and isinstance(nxt.tag, str)
        and nxt.tag in _INLINE_NEXT
    ]
    for el in found:
        el.drop_tag()
