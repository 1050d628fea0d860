"""Indonesian news cleanup on extracted blocks: what the paper printed, nothing the site added.

Each step is a small function over the block list, so each can be tested and reasoned about
alone; clean_blocks runs them in order and gathers what they learned (author, caption).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from korantui.core.article.body_prune import prune
from korantui.core.article.dates import is_date_only
from korantui.core.models import Block, Link
from korantui.core.regex_cache import compiled

# "Baca juga: ...", "BACA JUGA", "Simak juga", "Lihat juga", "Berita terkait", "Read also".
_RELATED = compiled(
    r"^\W{0,3}(?:baca|simak|lihat|cek|tonton|saksikan)\s+(?:juga|pula)\b"
    r"|^\W{0,3}(?:berita|artikel|bacaan)\s+(?:terkait|lainnya|pilihan|menarik)\b"
    r"|^\W{0,3}(?:baca|read)\s*:"
    r"|^\W{0,3}(?:read|see)\s+(?:also|more)\b"
    r"|^\W{0,3}related(?:\s+\w+)?\s*:|^\W{0,3}you\s+(?:may|might)\s+also\s+(?:like|enjoy)\s*:",
    re.I,
)
# Invitations to follow the outlet elsewhere. Short blocks only, and either opening with the
# invitation or naming a channel together with a call to act, so that a paragraph reporting on
# WhatsApp or Twitter stays.
_CHANNEL_INVITE = compiled(
    r"^\W*(?:yuk\s+|jangan\s+lupa\s+|mari\s+)?(?:ikuti|follow|gabung|bergabung|join|simak|dapatkan"
    r"|pantau|klik|subscribe|berlangganan|langganan|update|download|unduh)\b"
    r".{0,200}\b(?:google\s*news|whats\s?app|telegram|saluran|channel|grup|instagram|youtube"
    r"|tiktok|facebook|twitter|ponselmu|notifikasi|newsletter|aplikasi)",
    re.I,
)
_CHANNEL_NAME = compiled(
    r"\b(?:google\s*news|whats\s?app\s+channel|saluran\s+whats\s?app|telegram\s+channel"
    r"|channel\s+telegram)\b",
    re.I,
)
_CALL = compiled(r"\b(?:klik|ikuti|follow|gabung|join|di\s*sini|here|sekarang)\b", re.I)
_ADS = compiled(
    r"^\W*(?:(?:advertisement\W*)+(?:continue\s+reading(?:\s+below)?)?|iklan|ads"
    r"|sponsored(?:\s+content)?|(?:article|story)\s+continues\s+(?:below|after\s+(?:this\s+)?ad)"
    r"|scroll\s+(?:to|untuk)\s+(?:continue|lanjut|melanjutkan)"
    r"(?:\s+(?:with|membaca)\s+(?:content|konten|berita))?|lanjutkan\s+membaca|continue\s+reading"
    r"|artikel\s+berlanjut\s+setelah\s+iklan|story\s+continues\s+below(?:\s+advertisement)?"
    r"|\W*konten\s+sponsor\W*)\W*$",
    re.I,
)
_SHARE_TAGS = compiled(
    r"^(?:tags?|topik|tagar|kata\s+kunci|bagikan|share|share\s+this|sebarkan|follow\s+us)\s*:",
    re.I,
)
_COPYRIGHT = compiled(r"^\W*(?:copyright|hak\s+cipta)\b|^\W*©|©\s*(?:19|20)\d\d\W*$", re.I)
# Shapes, arrows and similar glyphs that themes print as decoration ("▴-▴").
_GLYPHS = "\u2190-\u21ff\u2500-\u25ff\u2600-\u26ff\u2700-\u27bf\u2b00-\u2bff"
_GLYPH_ONLY = compiled(rf"^[\s{_GLYPHS}\-–—|·•.*_=~]+$")
_TRAILING_GLYPHS = compiled(rf"(?:\s*[{_GLYPHS}][\s{_GLYPHS}\-–—|·•]*)$")
# "KORANBATAM.COM -", "JAKARTA, KOMPAS.com -", "Batam (ANTARA) -", "Jakarta -" standing alone.
_DATELINE_ONLY = compiled(r"^[A-Z][\w.'’]*(?:[ ,]+[\w.'’]+){0,4}(?:\s*\([A-Za-z .]+\))?\s*[-–—]+$")
_BYLINE = compiled(r"\(\s*([^()\n]{1,40}?)\s*\)\s*$")  # "(Tony /Jhon)", "(*)"
_BYLINE_CODE = compiled(r"^[\w*][\w .,/&*'’-]*$")
_CAPTION = compiled(r"^(?:keterangan\s+(?:gambar|foto)|caption|foto\s*:\s*ilustrasi)\b", re.I)
_AUTHOR_LINE = compiled(
    r"^(penulis|reporter|pewarta|editor|redaktur|kontributor|author|writer|oleh|by)"
    r"\s*[:：]\s*(.{2,80})$",
    re.I,
)
_AUTHOR_PRIORITY = {
    "penulis": 0,
    "author": 0,
    "writer": 0,
    "oleh": 0,
    "by": 0,
    "reporter": 1,
    "pewarta": 1,
    "kontributor": 1,
    "editor": 2,
    "redaktur": 2,
}


@dataclass(slots=True)
class Cleaned:
    blocks: list[Block]
    author: str = ""  # from "Penulis:" lines, else from the closing byline
    caption: str = ""
    byline: str = ""  # the closing code, brackets stripped: "Tony /Jhon"
    dropped: list[str] = field(default_factory=list)  # names of the steps that removed text


def _short(block: Block, limit: int = 300) -> bool:
    return len(block.text) <= limit


def _mostly_link(block: Block) -> bool:
    covered = sum(lk.end - lk.start for lk in block.links)
    return bool(block.text) and covered >= 0.6 * len(block.text)


def drop_related(blocks: list[Block]) -> list[Block]:
    """Inline related-article boxes; a bare "Berita terkait" heading takes its list with it."""
    out: list[Block] = []
    skipping = False
    for block in blocks:
        if skipping and (block.kind in ("li", "oli") or (_mostly_link(block) and _short(block))):
            continue
        skipping = False
        if _short(block, 400) and _RELATED.search(block.text):
            rest = _RELATED.sub("", block.text).strip(" :-–")
            skipping = not rest or block.kind == "h"
            continue
        out.append(block)
    return out


def drop_channel_prompts(blocks: list[Block]) -> list[Block]:
    """ "Ikuti berita ... di Google News", WhatsApp/Telegram channel invitations."""
    return [b for b in blocks if not (_short(b, 260) and _is_channel_prompt(b.text))]


def _is_channel_prompt(text: str) -> bool:
    if _CHANNEL_INVITE.search(text):
        return True
    return bool(_CHANNEL_NAME.search(text) and _CALL.search(text))


def drop_ads(blocks: list[Block]) -> list[Block]:
    """ "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT" and the like, alone in a block."""
    return [b for b in blocks if not _ADS.match(b.text.strip())]


def drop_share_and_tags(blocks: list[Block]) -> list[Block]:
    """ "Tag: ...", "Bagikan: ..." lines that a theme prints under the text."""
    return [b for b in blocks if not (_short(b, 200) and _SHARE_TAGS.match(b.text.strip()))]


def drop_copyright(blocks: list[Block]) -> list[Block]:
    """ "COPYRIGHT © ANTARA 2015", "Hak cipta ..." footers caught inside the content."""
    return [b for b in blocks if not (_short(b, 160) and _COPYRIGHT.search(b.text.strip()))]


def drop_glyph_junk(blocks: list[Block]) -> list[Block]:
    """Decoration with no words ("▴-▴") anywhere, and glyphs trailing the last block."""
    out = [b for b in blocks if not _GLYPH_ONLY.match(b.text)]
    if out:
        last = out[-1]
        trimmed = _TRAILING_GLYPHS.sub("", last.text)
        if trimmed != last.text:
            out[-1] = Block(last.kind, trimmed, _clip_links(last.links, len(trimmed)))
    return [b for b in out if b.text.strip()]


def drop_stray_metadata(blocks: list[Block]) -> list[Block]:
    """Blocks with no words ("01", "|") or nothing but a timestamp: what is left of a list of
    other stories once their links are gone. A table's rows of figures stay ("1/1/2013 +13.1%",
    "2024 $1,200 4.5%"): a row holds several figures, and a dated row is one of a run."""
    rows = _figure_rows(blocks)
    return [
        b
        for i, b in enumerate(blocks)
        if i in rows
        or (
            (_has_word(b.text) or _BYLINE.fullmatch(b.text.strip()) or _figure_value(b))
            and not is_date_only(b.text)
        )
    ]


# A row of a table of figures printed as text: a date has up to three ("17/12/2025"), a
# timestamp five ("17/12/2025 10:30"), a dated row of figures more, and a measure among them
# (a share, an amount, a decimal).
_FIGURE = compiled(r"\d+")
_MEASURE = compiled(r"\d\s?%|[$€£¥]\s?\d|\d[.,]\d")
ROW_FIGURES = 4
# A timestamp alone may repeat down a list of other stories; rows of a table come in runs.
MIN_ROWS = 3


def _figures(text: str) -> int:
    return len(_FIGURE.findall(text))


def _figure_value(block: Block) -> bool:
    """A value printed alone ("$14.55", "4.7/5", "(415) 861-5449"): a table's cell or a
    fact's figure. Page numbers and counters are links or a single number."""
    return _figures(block.text) >= 2 and not _mostly_link(block)


def _figure_rows(blocks: list[Block]) -> set[int]:
    """The indexes of blocks in runs of at least MIN_ROWS rows of figures with no words."""
    rows: set[int] = set()
    run: list[int] = []
    for i, b in enumerate(blocks):
        if not _has_word(b.text) and _figures(b.text) >= ROW_FIGURES and _MEASURE.search(b.text):
            run.append(i)
            continue
        if len(run) >= MIN_ROWS:
            rows.update(run)
        run = []
    if len(run) >= MIN_ROWS:
        rows.update(run)
    return rows


def _has_word(text: str) -> bool:
    return re.search(r"[^\W\d_]{2}", text) is not None


def join_dateline(blocks: list[Block]) -> list[Block]:
    """A dateline standing alone ("Jakarta -") starts the first paragraph, as printed."""
    for i, block in enumerate(blocks[:4]):
        alone = block.kind == "p" and len(block.text) <= 60 and _DATELINE_ONLY.match(block.text)
        if alone and i + 1 < len(blocks) and blocks[i + 1].kind == "p":
            nxt = blocks[i + 1]
            prefix = block.text.rstrip() + " "
            shift = len(prefix)
            links = list(block.links) + [
                Link(lk.start + shift, lk.end + shift, lk.url) for lk in nxt.links
            ]
            return [*blocks[:i], Block("p", prefix + nxt.text, links), *blocks[i + 2 :]]
    return blocks


def take_caption(blocks: list[Block]) -> tuple[list[Block], str]:
    """A "Keterangan Gambar : ..." line in the text is the image's caption, not body."""
    for i, block in enumerate(blocks):
        if _short(block, 400) and _CAPTION.match(block.text.strip()):
            return blocks[:i] + blocks[i + 1 :], block.text.strip()
    return blocks, ""


def take_author_lines(blocks: list[Block]) -> tuple[list[Block], str]:
    """ "Penulis: X", "Reporter: X", "Editor: X" lines: removed, the writer kept as author
    (a writer before a reporter before an editor)."""
    found: list[tuple[int, str]] = []
    out: list[Block] = []
    for block in blocks:
        parts = [p.strip() for p in re.split(r"\s*[|\n]\s*", block.text) if p.strip()]
        matches = [_AUTHOR_LINE.match(p) for p in parts] if _short(block, 160) else []
        if matches and all(matches):
            for m in matches:
                if m is not None:
                    name = m.group(2).strip(" .")
                    found.append((_AUTHOR_PRIORITY.get(m.group(1).lower(), 3), name))
            continue
        out.append(block)
    author = min(found)[1] if found else ""
    return out, author


def closing_byline(blocks: list[Block]) -> tuple[list[Block], str]:
    """The closing code ("(Tony /Jhon)", "(ant)", "(*)") stays last; returns it unbracketed.
    Blocks after it (all-glyph junk, stray credits) are dropped only when they are junk."""
    for i in range(len(blocks) - 1, max(len(blocks) - 4, -1), -1):
        text = blocks[i].text.strip()
        m = _BYLINE.search(text)
        if m is None or not _BYLINE_CODE.match(m.group(1)):
            continue
        # Alone in its block, or closing the last sentence: "... tandasnya. (FHM)".
        closes_text = i == len(blocks) - 1 and re.search(r"[.!?\"”’']\s*$", text[: m.start()])
        if m.start() == 0 or closes_text:
            tail = blocks[i + 1 :]
            if any(not _GLYPH_ONLY.match(b.text) for b in tail):
                # Something real follows, so this is no closing code.
                return blocks, ""
            return blocks[: i + 1], m.group(1).strip()
    return blocks, ""


def _byline_as_author(code: str) -> str:
    # "(*)" and "(-)" name nobody; "(red)" (the desk, redaksi), "(ant)" and "(fyk/ash)" are
    # initials in lower case, a code the body keeps but no name to print as "by red".
    return code if re.search(r"[^\W\d_]", code) and code.lower() != code else ""


def _clip_links(links: list[Link], length: int) -> list[Link]:
    return [Link(lk.start, min(lk.end, length), lk.url) for lk in links if lk.start < length]


def clean_blocks(blocks: list[Block]) -> Cleaned:
    """All steps, in the order that lets each see what it expects."""
    blocks = [b for b in blocks if b.text.strip()]
    blocks = drop_ads(blocks)
    blocks = drop_related(blocks)
    blocks = drop_channel_prompts(blocks)
    blocks = drop_share_and_tags(blocks)
    blocks = drop_copyright(blocks)
    blocks = drop_glyph_junk(blocks)
    blocks = drop_stray_metadata(blocks)
    blocks = prune(blocks)
    blocks, caption = take_caption(blocks)
    blocks, author = take_author_lines(blocks)
    blocks = join_dateline(blocks)
    blocks, byline = closing_byline(blocks)
    return Cleaned(
        blocks=blocks,
        author=author or _byline_as_author(byline),
        caption=caption,
        byline=byline,
    )
