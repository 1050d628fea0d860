"""The pictures of an article page, in reading order, with their captions and credits.

Pictures are read from the page itself (every <img>, with its <figure>/<figcaption>, its caption
box or the "Keterangan Gambar : …" line printed under it), before the body is extracted, and
placed among the body's blocks afterwards by the text printed next to them. Neither trafilatura's
reading nor the cleanup steps see them, so the article's text is the same as without pictures,
and a picture whose neighbouring text is not in the article (a sidebar's thumbnails, a logo) has
no place and is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from korantui.core.article.evidence import in_clutter
from korantui.core.images.policy import declared_tiny, worth_fetching
from korantui.core.models import Block, Figure
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line, safe_url

MAX_FIGURES = 40  # a gallery page of hundreds is no article to read in a terminal
_PROBE = 40  # characters of neighbouring text that place a picture among the blocks

# "Keterangan Gambar :", "Keterangan foto:", "Foto:", "FOTO :", "Caption:", "Ilustrasi:".
_LABEL = compiled(
    r"^\s*(?:keterangan\s+(?:gambar|foto)|ket(?:\.|erangan)?\s*foto|caption|foto|photo|gambar"
    r"|ilustrasi)\s*[:：]\s*",
    re.I,
)
# Credits printed with the caption: "(ANTARA/Fulan)", "(Foto: Vania/Okezone)",
# "ANTARA FOTO/Fulan/foc.", "Foto: Dok. Humas", "(Dok. Humas)".
_CREDIT_TAIL = compiled(
    r"\s*\((?P<paren>(?:antara|foto|photo|dok|doc|istimewa|ist\b|sumber|source|reuters|afp|ap\b)"
    r"[^()]*|[^()\s]+/[^()]+)\)\s*\.?\s*$"
    r"|\s*(?P<agency>antara(?:\s+foto)?\s*/.+)$"
    r"|\s+/\s*(?P<code>[\w.]{1,12})\s*$"
    r"|(?<=[.!?])\s*(?:foto|photo|sumber\s+foto)\s*[:：]\s*(?P<label>.{2,80}?)\s*$",
    re.I,
)
_CAPTION_BOX = compiled(r"caption|keterangan|ket-?foto|credit", re.I)
_FRAME = compiled(r"caption|figure|foto|photo|gambar|image|img|pic", re.I)
_LAZY_SRC = ("data-src", "data-lazy-src", "data-original", "data-lazy", "src")
_NOT_BODY = frozenset({"a", "noscript", "li", "button", "form", "header", "select", "label"})


def split_caption(text: str) -> tuple[str, str]:
    """(caption without its label, credit) of a caption as printed."""
    text = _LABEL.sub("", clean_line(text))
    credit = ""
    m = _CREDIT_TAIL.search(text)
    if m is not None and re.search(r"[^\W\d_]", m.group(0)):  # "(20/9/2022)" is a date
        credit = (
            m.group("paren") or m.group("agency") or m.group("label") or m.group("code") or ""
        ).strip()
        credit = _LABEL.sub("", credit).strip(" .")
        text = text[: m.start()].rstrip(" -–—|")
    caption = _LABEL.sub("", text).strip()
    if not caption and not credit:
        return "", ""
    return caption, credit


@dataclass(slots=True)
class Candidate:
    """A picture on the page, with what places it: the text just after it and just before."""

    figure: Figure
    after: str
    before: str
    printed_caption: str  # as on the page: its copy in the body, if any, is dropped
    framed: bool  # inside a <figure> or a caption box: part of the story, not decoration


def page_figures(tree: Any, url: str) -> list[Candidate]:
    """The pictures of the page that may belong to its article, in page order."""
    found: list[Candidate] = []
    seen: set[str] = set()
    for img in tree.iter("img"):
        if len(found) >= MAX_FIGURES:
            break
        src = _source(img, url)
        if not src or src in seen or declared_tiny(img.get("width"), img.get("height")):
            continue
        if any(a.tag in _NOT_BODY for a in img.iterancestors()) or in_clutter(img):
            continue
        seen.add(src)
        candidate = _candidate(img, src)
        if candidate is not None:
            found.append(candidate)
    return found


def _source(img: Any, url: str) -> str:
    for attr in _LAZY_SRC:
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            src = safe_url(value, url)
            if src and worth_fetching(src):
                return src
    return ""


def _candidate(img: Any, src: str) -> Candidate | None:
    box, caption_el = _caption_box(img)
    printed = clean_line(caption_el.text_content()) if caption_el is not None else ""
    if box is not None and caption_el is None:
        # A caption box holding the picture and its words side by side.
        printed = clean_line(box.text_content())
    skip = {caption_el, box} - {None}
    after = _neighbour_text(box if box is not None else img, "following", skip)
    if not printed and _LABEL.match(after):
        # "Keterangan Gambar : …" printed as the next paragraph: the caption, not the body.
        printed = after
        after = ""
    caption, credit = split_caption(printed) if len(printed) <= 400 else ("", "")
    alt = clean_line(img.get("alt") or img.get("title") or "")
    before = _neighbour_text(box if box is not None else img, "preceding", skip)
    figure = Figure(src, caption, credit, alt[:300])
    return Candidate(figure, after, before, printed, box is not None or caption_el is not None)


def _caption_box(img: Any) -> tuple[Any, Any]:
    """(the box framing the picture, the element holding its caption), either may be None."""
    node = img
    for _ in range(3):
        node = node.getparent()
        if node is None or not isinstance(node.tag, str):
            break
        if node.tag == "figure":
            caps = node.findall(".//figcaption")
            return node, caps[0] if caps else None
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if _CAPTION_BOX.search(marks) and len(node.text_content()) <= 600:
            inner = [
                el
                for el in node.iterdescendants()
                if isinstance(el.tag, str)
                and (el.tag == "figcaption" or _CAPTION_BOX.search(el.get("class") or ""))
            ]
            return node, inner[0] if inner else None
    # A caption element right after the picture (or after the box holding only the picture).
    holder = img
    parent = img.getparent()
    if (
        parent is not None
        and _FRAME.search(parent.get("class") or "")
        and not clean_line(parent.text_content())
    ):
        holder = parent
    nxt = holder.getnext()
    if nxt is not None and isinstance(nxt.tag, str):
        marks = f"{nxt.get('class') or ''} {nxt.get('id') or ''}"
        if _CAPTION_BOX.search(marks) or _LABEL.match(nxt.text_content() or ""):
            return None, nxt
    return None, None


def _neighbour_text(el: Any, axis: str, skip: set[Any]) -> str:
    """About _PROBE * 2 characters of the page's text right after (or before) el."""
    texts = _nearest_texts(el, axis)
    if axis == "preceding":
        texts = list(reversed(texts))
    parts: list[str] = []
    size = 0
    for t in texts:
        parent = t.getparent()
        if parent is None or parent.tag in ("script", "style", "noscript"):
            continue
        if any(s is parent or s in parent.iterancestors() for s in skip):
            continue
        piece = clean_line(str(t))
        parts.append(piece)
        size += len(piece) + 1
        if size >= 2 * _PROBE:
            break
    if axis == "preceding":
        parts.reverse()
    return clean_line(" ".join(parts))


def _nearest_texts(el: Any, axis: str) -> list[Any]:
    """The first 12 text nodes along axis that are not whitespace alone, nearest first in
    document order. A position() test after a test of each node's text makes libxml2 test
    the whole axis (every text before a picture at the page's end: ~0.2 ms a picture), so
    the nearest nodes are taken first and tested here; the whole axis only where those hold
    fewer than 12 of them."""
    near = el.xpath(f"{axis}::text()[position() <= {_NEAR_TEXTS}]")
    texts = [t for t in near if t.strip(" \t\r\n")]  # what normalize-space() trims
    if len(texts) < 12 and len(near) == _NEAR_TEXTS:
        texts = el.xpath(f"{axis}::text()[normalize-space()][position() <= 12]")
    return texts[:12] if axis == "following" else texts[-12:]


_NEAR_TEXTS = 48


def _stem(url: str) -> str:
    name = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0].lower()


def place_figures(
    blocks: list[Block], candidates: list[Candidate], lead_url: str
) -> tuple[list[Block], Candidate | None]:
    """blocks with the pictures among them, and the lead picture (the one printed above the
    text, shown under the title). A picture whose neighbouring text is in no block is dropped;
    the body's copies of placed captions go."""
    placed: list[tuple[int, Candidate]] = []  # (index of the block it goes before, picture)
    lead: Candidate | None = None
    floor = 0
    for cand in candidates:
        at = _anchor(blocks, cand, floor)
        if at is None:
            continue
        if at == 0 and not placed:
            same = bool(lead_url) and _stem(lead_url) == _stem(cand.figure.url)
            if lead is None and (same or cand.framed or not lead_url):
                lead = cand
            continue
        floor = at
        placed.append((at, cand))
    captions = {
        clean_line(c.printed_caption)
        for _, c in placed + ([(0, lead)] if lead is not None else [])
        if c.printed_caption
    }
    out: list[Block] = []
    queue = list(placed)
    for i, block in enumerate(blocks):
        while queue and queue[0][0] <= i:
            out.append(Block("figure", "", figure=queue.pop(0)[1].figure))
        if block.text not in captions:
            out.append(block)
    out.extend(Block("figure", "", figure=c.figure) for _, c in queue)
    return out, lead


def _anchor(blocks: list[Block], cand: Candidate, floor: int) -> int | None:
    """Where cand goes: before the block its following text starts, else after the block its
    preceding text ends; None when neither is in the article."""
    probe = cand.after[:_PROBE]
    if len(probe) >= 12:
        for i in range(floor, len(blocks)):
            text = blocks[i].text
            if probe in text or (len(text) >= 12 and probe.startswith(text)):
                return i
    probe = cand.before[-_PROBE:]
    if len(probe) >= 12:
        for i in range(floor, len(blocks)):
            if probe in blocks[i].text:
                return i + 1
    return None


@dataclass(slots=True)
class Arranged:
    blocks: list[Block]
    image: str
    caption: str
    credit: str


def arrange(blocks: list[Block], candidates: list[Candidate], image: str, caption: str) -> Arranged:
    """The body with its pictures, and the lead image under the title: the picture printed
    above the text when there is one (the page's own, often larger than its og:image), else
    og:image with the page's caption. Captions lose their label; credits go apart."""
    blocks, lead = place_figures(blocks, candidates, image)
    caption, credit = split_caption(caption)
    if lead is not None:
        image = lead.figure.url
        if lead.figure.caption or lead.figure.credit:
            caption, credit = lead.figure.caption, lead.figure.credit
    return Arranged(blocks, image, caption, credit)
