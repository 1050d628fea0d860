"""An Article as Markdown, links kept: for `korantui read --format markdown/json` and export."""

from __future__ import annotations

import re

from korantui.core.models import Article, Block, Figure
from korantui.core.moments import to_stored
from korantui.core.regex_cache import compiled

_SPECIAL = compiled(r"([\\`*_\[\]<>])")
_LINE_START = compiled(r"^(\s*)([#>+-]|\d+[.)])(?=\s)")


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _escape_marker(m: re.Match[str]) -> str:
    marker = m.group(2)
    # "1." is escaped as "1\.", a single-character marker with a leading backslash.
    escaped = marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker
    return m.group(1) + escaped


def _destination(url: str) -> str:
    # A space or a ")" in the address would end a link's or an image's destination early.
    return url.replace(")", "%29").replace(" ", "%20")


def block_markdown(block: Block) -> str:
    """One block's text with its links as [text](url); markup characters escaped."""
    out: list[str] = []
    pos = 0
    for link in sorted(block.links, key=lambda lk: lk.start):
        if link.start < pos or link.end > len(block.text):
            continue  # overlapping or stale spans: keep the text, drop the link
        out.append(_escape(block.text[pos : link.start]))
        out.append(f"[{_escape(block.text[link.start : link.end])}]({_destination(link.url)})")
        pos = link.end
    out.append(_escape(block.text[pos:]))
    return "".join(out)


def article_markdown(article: Article) -> str:
    """The article as Markdown: title, a line of facts, image and caption, then the body."""
    parts: list[str] = []
    if article.title:
        parts.append(f"# {_escape(article.title)}")
    facts = [
        _escape(f)
        for f in (
            article.author,
            to_stored(article.published) or "",
            article.site,
        )
        if f
    ]
    if facts:
        parts.append("*" + " · ".join(facts) + "*")
    if article.image:
        parts.extend(figure_markdown(Figure(article.image, article.caption, article.credit)))
    elif article.caption:
        parts.append(f"*{_escape(article.caption)}*")
    number = 0
    for block in article.blocks:
        if block.figure is not None:
            parts.extend(figure_markdown(block.figure))
            number = 0
            continue
        text = block_markdown(block)
        number = number + 1 if block.kind == "oli" else 0
        if block.kind == "h":
            parts.append(f"## {text}")
        elif block.kind == "quote":
            parts.append(f"> {text}")
        elif block.kind == "li":
            parts.append(f"- {text}")
        elif block.kind == "oli":
            parts.append(f"{number}. {text}")
        elif block.kind == "pre":
            parts.append(f"```\n{block.text}\n```")
        else:
            # A paragraph starting with "1." or "-" would otherwise turn into a list.
            parts.append(_LINE_START.sub(_escape_marker, text))
    return "\n\n".join(parts) + "\n"


def figure_markdown(figure: Figure) -> list[str]:
    """A picture as `![alt](url)`, its caption and credit in italics under it."""
    alt = _escape(figure.alt or "image")
    out = [f"![{alt}]({_destination(figure.url)})"]
    words = " — ".join(_escape(w) for w in (figure.caption, figure.credit) if w)
    if words:
        out.append(f"*{words}*")
    return out
