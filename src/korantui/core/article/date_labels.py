"""A date the page labels as its publication: "Published July 8, 2025", "Posted on …",
"Diterbitkan: 20 September 2022", or a "Published" heading over a <time>.

The label is the page's own word for which day it means, wherever the layout puts it: in a
column the theme calls its sidebar, in the article's footer, far below the headline. A list of
other stories before the headline labels its items the same way: such a list's label is not the
article's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from korantui.core.article.dates import DAY_NAMES, find_printed
from korantui.core.article.evidence import in_clutter
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line

_LABEL = (
    r"(?:first |originally )?(?:published|posted|publish date|publication date|date published"
    r"|diterbitkan|dipublikasikan|tanggal terbit)"
)
# The label, then at most "on", ":" or "|" before the date ("Published in Travel" is a section).
_LABEL_THEN = compiled(rf"^\s*{_LABEL}\s*(?:on\b|[:|·-])?\s*", re.I)
_QUICK = compiled(
    r"\s*(?:[Pp](?:ub|os|UB|OS)|[Dd](?:ate |ATE |ite|ITE|ipu|IPU)|[Ff](?:irst|IRST)"
    r"|[Oo](?:rig|RIG)|[Tt](?:angg|ANGG))"
)
_PHRASE = compiled(r"\b(?:originally|first) published\s*(?:on\b|:)?\s*", re.I)
_MAX_LINE = 90
_NOT_PROSE = frozenset({"script", "style", "a", "option", "title", "noscript", "template"})


def labelled_published(elements: Iterable[Any], headline: Any = None) -> datetime | None:
    """The first day the page labels as its publication (elements: the page's, in order).
    Inside a box marked as clutter it counts only after the headline: a theme's "post
    sidebar" column of date and category follows the headline, a list of other stories
    before it is another story's."""
    after_headline = False
    # A cheap case-sensitive first look, before the full pattern: this reads every text.
    quick = _QUICK.match
    for el in elements:
        if el is headline:
            after_headline = True
        # A comment's text is no page text, its tail is; a script's is long and never read.
        tag = el.tag
        own = el.text if isinstance(tag, str) and tag not in _NOT_PROSE else None
        for text, is_tail in ((own, False), (el.tail, True)):
            if not text or len(text) > 300:
                continue
            reader: Callable[..., datetime | None]
            if len(text) <= 120 and quick(text) is not None:
                reader = _date_after_label
            elif "ally published" in text or "irst published" in text:
                reader = _date_after_phrase
            else:
                continue
            holder = el.getparent() if is_tail else el
            if holder is None or (is_tail and holder.tag in _NOT_PROSE):
                continue
            when = reader(text, el, is_tail=is_tail)
            if when is not None and (after_headline or not in_clutter(holder)):
                return when
    return None


def _date_after_label(text: str, el: Any, *, is_tail: bool) -> datetime | None:
    line = clean_line(text)
    m = _LABEL_THEN.match(line)
    if m is None or len(line) > _MAX_LINE:
        return None
    rest = line[m.end() :]
    if rest:
        return _leading_date(rest)
    # The label stands alone ("<h3>Published</h3><p><time>…", "<b>Posted:</b> 8 July"): the
    # date is what follows it, in the label's element or the next one.
    following = []
    if not is_tail and len(el):
        following.append(clean_line(el.text_content())[len(line) :])
    nxt = el.getnext()
    if nxt is not None and isinstance(nxt.tag, str):
        following.append(clean_line(nxt.text_content()))
    for candidate in following:
        when = _leading_date(candidate.lstrip(" :|·-")[:_MAX_LINE])
        if when is not None:
            return when
    return None


def _date_after_phrase(text: str, el: Any, *, is_tail: bool) -> datetime | None:
    """ "This article was originally published on 26 Sep 2019 at 4:12pm but …": the phrase
    names the publication inside a sentence too."""
    m = _PHRASE.search(clean_line(text))
    return _leading_date(clean_line(text)[m.end() :][:_MAX_LINE]) if m else None


def _leading_date(text: str) -> datetime | None:
    """The date text begins with (after at most a weekday: "Posted in News, 12 May" is a
    section's line), else None."""
    found = find_printed(text)
    if found is None:
        return None
    before = re.sub(r"[\W_]+", " ", text[: text.find(found[1])]).strip().lower()
    return found[0] if before in DAY_NAMES else None
