"""The reading of last resort, for a page that `korantui read` was asked for and where none of
trafilatura's readings found any article text.

trafilatura's baseline looks where those readings do not: the body a script-built page carries
in its JSON-LD ("articleBody"), the text of its <article> elements, then its paragraphs. Its last
tier, the whole page's text run together, is left out: on a page the readings found nothing in
it is the menus and the footer, not the article.
"""

from __future__ import annotations

from typing import Any

from korantui.core.article.blocks import blocks_from_element
from korantui.core.models import Block


def baseline_blocks(tree: Any, url: str) -> list[Block]:
    """The page's text as trafilatura's baseline finds it, or none."""
    from trafilatura import baseline  # lazy: heavy, and never needed at start-up

    body, text, _ = baseline(tree)  # it reads a copy: the tree is left as it was
    if len(body) == 1 and "\n" in text:
        return []  # the whole page run together, the baseline's last resort
    return blocks_from_element(body, url)
