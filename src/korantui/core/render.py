"""Articles as Rich renderables: title, source · date · author, image and caption, body, links.

Every piece of text is a rich.text.Text built from plain strings, never parsed as markup, so
feed text such as "[/x]" or "[@click=...]" shows literally.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from korantui.core.i18n import format_date, tr
from korantui.core.models import Article, Block, Enclosure, Figure
from korantui.core.moments import story_date
from korantui.core.reading import FAILED, FULL_TEXT, OFFLINE, SUMMARY, Reading
from korantui.core.sanitize import clean_line, is_openable


@dataclass(slots=True)
class RenderedArticle:
    renderable: RenderableType
    links: list[str] = field(default_factory=list)  # link number n is links[n - 1]


def status_label(reading: Reading, lang: str = "en") -> Text:
    reason = clean_line(reading.reason)
    if reading.status == FULL_TEXT:
        key = "stored_text" if reading.stored else "full_text"
        return Text(tr(key, lang), style="bold green")
    if reading.status == FAILED:
        return Text(tr("extraction_failed", lang, reason=reason), style="bold red")
    if reading.status == OFFLINE:
        return Text(tr("offline_notice", lang, reason=reason), style="bold yellow")
    assert reading.status == SUMMARY
    return Text(tr("feed_summary", lang), style="bold yellow")


def render_reading(
    reading: Reading, lang: str = "en", *, loading: bool = False, pictures: bool = False
) -> RenderedArticle:
    label = status_label(reading, lang)
    if loading:
        label = Text(tr("loading_article", lang), style="bold cyan")
    # The date the headline list shows (moments.story_date), whatever the page said.
    when = story_date(reading.headline, reading.article)
    rendered = render_article(replace(reading.article, published=when), lang, pictures=pictures)
    parts: list[RenderableType] = [label, Text("")]
    if reading.enclosures:
        parts += [*_enclosure_lines(reading.enclosures, rendered.links, lang), Text("")]
    rendered.renderable = Group(*parts, rendered.renderable)
    return rendered


_ENCLOSURE_MARKS = {"audio": "♪", "video": "▶"}


def _enclosure_lines(
    enclosures: tuple[Enclosure, ...], links: list[str], lang: str
) -> list[RenderableType]:
    """The item's files, each with its type, size and address, numbered after the article's
    links (`l` then the number opens one in the browser: korantui fetches none of them)."""
    lines: list[RenderableType] = []
    first = len(links)
    for e in enclosures:
        if not is_openable(e.url):
            continue
        links.append(e.url)
        kind = clean_line(e.type) or tr("enclosure_file", lang)
        mark = _ENCLOSURE_MARKS.get(kind.split("/")[0], "▤")
        name = urlsplit(e.url).path.rsplit("/", 1)[-1] or e.url
        line = Text(f"{mark} {clean_line(name)}", style="bold")
        details = [kind] + ([_size(e.length)] if e.length else [])
        line.append(f"  ({', '.join(details)})", style="dim")
        line.append(f" [{first + len(lines) + 1}]", style="bold cyan")
        lines.append(line)
    return lines


def _size(length: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if length >= scale:
            return f"{length / scale:.1f} {unit}"
    return f"{length} B"


def render_article(
    article: Article, lang: str = "en", *, pictures: bool = False
) -> RenderedArticle:
    """pictures: a FigureSlot where each picture goes (the reading pane draws them there);
    otherwise a line naming the picture."""
    parts: list[RenderableType] = []
    links: list[str] = []
    parts.append(Text(clean_line(article.title), style="bold"))
    meta = [clean_line(article.site), format_date(article.published, lang)]
    if article.author:
        meta.append(tr("by", lang, author=clean_line(article.author)))
    parts.append(Text(" · ".join(m for m in meta if m), style="dim"))
    parts.append(Text(""))
    if article.image:
        lead = Figure(article.image, article.caption, article.credit)
        parts.extend(figure_parts(lead, lang, pictures=pictures))
    elif article.caption:
        parts.append(Text(clean_line(article.caption), style="italic dim"))
    if article.image or article.caption:
        parts.append(Text(""))
    number = 0
    in_list = False
    for block in article.blocks:
        if block.figure is not None:
            parts.extend(figure_parts(block.figure, lang, pictures=pictures))
            parts.append(Text(""))
            number = 0
            continue
        if block.kind == "oli":
            number += 1
        elif block.kind != "li":
            number = 0
        is_item = block.kind in ("li", "oli")
        if in_list and not is_item:
            parts.append(Text(""))  # a list ends as a paragraph does
        in_list = is_item
        parts.append(_block(block, links, number))
        if not is_item:
            parts.append(Text(""))
    if links:
        parts.append(Text(tr("links", lang), style="bold"))
        width = len(f"[{len(links)}] ")
        for n, url in enumerate(links, 1):
            # "[n]" stays beside its address; an address folds only where it is wider than
            # the pane (no spaces in it to wrap at).
            address = Text(url, style="underline", overflow="fold")
            parts.append(_hanging(Text(f"[{n}]", style="bold"), address, width))
    return RenderedArticle(Group(*parts), links)


def _block(block: Block, links: list[str], number: int) -> RenderableType:
    text = Text(block.text)
    # Insert the [n] markers from the end so earlier offsets stay valid.
    markers: list[tuple[int, int]] = []
    for link in block.links:
        if not is_openable(link.url) or not 0 <= link.start < link.end <= len(block.text):
            continue
        links.append(link.url)
        markers.append((link.end, len(links)))
        text.stylize("underline", link.start, link.end)
    for end, n in sorted(markers, reverse=True):
        marker = Text(f"[{n}]", style="bold cyan")
        text = Text.assemble(text[:end], marker, text[end:])
    if block.kind == "h":
        text.stylize("bold")
        return text
    if block.kind == "quote":
        text.stylize("italic")
        return Padding(Text.assemble(Text("▌ ", style="dim"), text), (0, 0, 0, 2))
    if block.kind == "li":
        return Padding(_hanging(Text("•"), text, 2), (0, 0, 0, 2))
    if block.kind == "oli":
        return Padding(_hanging(Text(f"{number}."), text, len(f"{number}. ")), (0, 0, 0, 2))
    return text


def _hanging(marker: Text, text: Text, indent: int) -> Table:
    """marker, then text whose every line starts under the first one's text (a list item's
    continuation lines align under its words, not under its bullet)."""
    grid = Table.grid()
    grid.add_column(width=indent, no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(marker, text)
    return grid


@dataclass(slots=True)
class FigureSlot:
    """Where a picture is drawn in the reading pane (which knows how: cells, a placeholder of
    its height while the bytes come). Printed anywhere else, it is the line naming it."""

    figure: Figure
    label: Text

    def __rich__(self) -> Text:
        return self.label


def figure_parts(figure: Figure, lang: str, *, pictures: bool) -> list[RenderableType]:
    """A picture, then its caption and credit under it."""
    name = urlsplit(figure.url).path.rsplit("/", 1)[-1] or figure.url
    label = Text(f"▣ {tr('image', lang)}: {clean_line(name)} ", style="dim")
    label.append(clean_line(figure.url), style="dim underline")
    parts: list[RenderableType] = [FigureSlot(figure, label) if pictures else label]
    caption = Text(clean_line(figure.caption), style="italic dim")
    if figure.credit:
        caption.append(("  " if figure.caption else "") + f"© {clean_line(figure.credit)}", "dim")
    if caption.plain:
        parts.append(caption)
    return parts
