"""Whether a box the page marks as a sidebar is the article's own column of facts.

Many layouts print the author, the date and the share buttons in a column beside the text, ahead
of it in the page, and mark it as the page's sidebar (<aside>, "story-sidebar",
"md:[grid-area:sidebar]"). A sidebar of other stories is told from it by what it holds: their
headlines (links of four words or more to other pages), or a thread of comments, or a long text;
the site's menus are neither.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from korantui.core.article.evidence import in_clutter
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line

MAX_FACTS_TEXT = 600  # characters: a name, a title, a date, share buttons, a line of bio
# Boxes of comments and of other stories, which the layout's own words name.
_NOT_FACTS = compiled(
    r"comment|komentar|respon|reply|discuss|disqus|related|terkait|terkini|populer|popular"
    r"|trending|recent|latest|recommend|rekomendasi|lainnya|baca-?juga|other|entries|posts",
    re.I,
)
_CHROME = compiled(r"nav|menu|footer", re.I)


def in_facts_column(el: Any, url: str) -> bool:
    """Whether el, which in_clutter says sits in the page's chrome, is in a short box of the
    article's facts: the outermost such box holds no headline and no comments."""
    box = el
    while (parent := box.getparent()) is not None and in_clutter(parent):
        box = parent
    marks = f"{box.get('class') or ''} {box.get('id') or ''}"
    if box.tag in ("footer", "nav") or _CHROME.search(marks):
        return False  # the site's menus and links, never the article's
    if len(clean_line(box.text_content())) > MAX_FACTS_TEXT:
        return False
    for node in box.iter():
        if not isinstance(node.tag, str):
            continue
        if _NOT_FACTS.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return False
        if node.tag == "a" and _headline_link(node, url):
            return False
    return _before_the_text(box)


PROSE_WORDS = 20  # a paragraph of the article's text, not a caption or a teaser


def _before_the_text(box: Any) -> bool:
    """Whether box comes before the page's first paragraph of prose: the facts head the text,
    as a header does; a box after it is the sidebar's, beside or below the story."""
    for node in box.getroottree().getroot().iter():
        if node is box:
            return True
        if node.tag == "p" and len(node.text_content().split()) >= PROSE_WORDS:
            return False
    return False


def _headline_link(a: Any, url: str) -> bool:
    """A link of four words or more to another page: another story's headline."""
    if len(clean_line(a.text_content()).split()) < 4:
        return False
    here, there = urlsplit(url), urlsplit(a.get("href") or "")
    return (there.hostname or here.hostname) == here.hostname and there.path != here.path
