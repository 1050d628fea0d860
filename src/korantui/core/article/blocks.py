"""Element trees to models.Block lists, with links kept as character spans.

One walker reads both a page's own HTML (the site-rule path) and trafilatura's XML body
(<p>, <head>, <list>/<item>, <quote>, <ref target>, <lb/>), so both paths give the same shapes.
"""

from __future__ import annotations

import re
from typing import Any

from korantui.core.models import Block, Link
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_text, safe_url

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "iframe",
        "form",
        "button",
        "svg",
        "img",
        "video",
        "audio",
        "picture",
        "source",
        "select",
        "input",
        "textarea",
        "template",
        "object",
        "embed",
        "figcaption",
        "graphic",
        "nav",
        "aside",
        "footer",
        "canvas",
        "map",
        "ins",
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "head"})
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "ul",
        "ol",
        "list",
        "table",
        "tbody",
        "thead",
        "tr",
        "row",
        "figure",
        "dl",
        "dt",
        "dd",
        "center",
        "hr",
        "address",
        "details",
        "summary",
    }
)
_EMBED_QUOTE = compiled(r"tweet|instagram|tiktok|facebook|embed", re.I)
_WS = compiled(r"\s+")


class _Builder:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.length = 0
        self.links: list[Link] = []
        self.kind_stack: list[str] = ["p"]

    def add_text(self, text: str | None) -> None:
        if not text:
            return
        text = _WS.sub(" ", clean_text(text))
        if not text:
            return
        if text.startswith(" ") and (self.length == 0 or self.parts[-1].endswith(" ")):
            text = text[1:]
            if not text:
                return
        self.parts.append(text)
        self.length += len(text)

    def flush(self) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        self.parts, self.length = [], 0
        links, self.links = self.links, []
        if not text:
            return
        spans = []
        for lk in links:
            start, end = max(lk.start - lead, 0), min(lk.end - lead, len(text))
            # Trim the spaces a link's text may carry at either side.
            while start < end and text[start] == " ":
                start += 1
            while end > start and text[end - 1] == " ":
                end -= 1
            if end > start:
                spans.append(Link(start, end, lk.url))
        self.blocks.append(Block(self.kind_stack[-1], text, spans))

    def walk(self, el: Any) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag:  # comments, processing instructions
            return
        if tag in _SKIP:
            return
        if tag in ("br", "lb"):
            self.flush()
            return
        if tag == "pre":
            self.flush()
            text = clean_text(el.text_content()).strip("\n")
            if text.strip():
                self.blocks.append(Block("pre", text))
            return
        if tag in ("blockquote", "quote"):
            if _EMBED_QUOTE.search(el.get("class") or ""):
                return
            self._container(el, "quote")
            return
        if tag in _HEADINGS:
            self._container(el, "h")
            return
        if tag in ("li", "item"):
            parent = el.getparent()
            ordered = parent is not None and (
                parent.tag == "ol" or (parent.get("rend") or "").lower() == "ol"
            )
            self._container(el, "oli" if ordered else "li")
            return
        if tag in ("a", "ref"):
            if tag == "ref":
                # trafilatura trims the text before a link after a line break in a list item
                # ("additional<ref>considerations"): two words never touch at a link's edge in
                # its output otherwise, so the space it took is put back.
                self._space_between(el.text)
            start = self.length
            self._children(el)
            url = safe_url(el.get("href") or el.get("target"), self.base_url)
            if url and self.length > start:
                self.links.append(Link(start, self.length, url))
            if tag == "ref":
                self._space_between(el.tail)
            return
        if tag in _BLOCKS:
            self.flush()
            self._children(el)
            self.flush()
            return
        if tag in ("td", "th", "cell"):
            self.add_text(" ")
        self._children(el)
        if tag in ("td", "th", "cell"):
            self.add_text(" ")

    def _space_between(self, following: str | None) -> None:
        if following and following[0].isalnum() and self.parts and self.parts[-1][-1].isalnum():
            self.add_text(" ")

    def _container(self, el: Any, kind: str) -> None:
        self.flush()
        # Inside a quote, paragraphs stay quotes; a heading or list item sets its own kind.
        self.kind_stack.append(kind)
        self._children(el)
        self.flush()
        self.kind_stack.pop()

    def _children(self, el: Any) -> None:
        self.add_text(el.text)
        for child in el:
            self.walk(child)
            self.add_text(child.tail)


def blocks_from_element(el: Any, base_url: str = "") -> list[Block]:
    """The blocks of an element's content (HTML or trafilatura XML)."""
    builder = _Builder(base_url)
    builder._children(el)
    builder.flush()
    return builder.blocks
