"""Pictures as coloured half-block cells: each cell is "▀" with the upper pixel as its
foreground and the lower as its background, so a terminal of W columns shows W×2H pixels.
Works wherever 24-bit (or 256, which Rich maps to) colour does: tmux, xterm, the Linux console.

Written on Pillow rather than taken from textual-image's half-cell renderable: the reading pane
is a Line-API view that wraps the article into lines itself, and needs a picture as lines of
segments of a known height (for the placeholder before the bytes come), not as a widget.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rich.color import Color
from rich.segment import Segment
from rich.style import Style

if TYPE_CHECKING:
    from PIL.Image import Image

MAX_COLUMNS = 72  # wider than this a photo only costs scrolling
MAX_ROWS = 24
UPPER_HALF = "▀"


def picture_size(width: int, height: int, columns: int) -> tuple[int, int]:
    """(columns, rows) a width×height picture takes in a pane of columns: aspect kept (a cell
    is two pixels tall), no wider than MAX_COLUMNS nor taller than MAX_ROWS."""
    cols = max(1, min(columns, MAX_COLUMNS))
    if width <= 0 or height <= 0:
        width, height = 16, 9  # not known yet: the shape of most news photos
    rows = max(1, round(cols * height / width / 2))
    if rows > MAX_ROWS:
        rows = MAX_ROWS
        cols = max(1, min(cols, round(rows * 2 * width / height)))
    return cols, rows


@lru_cache(maxsize=65536)
def _color(rgb: bytes) -> Color:
    return Color.from_rgb(rgb[0], rgb[1], rgb[2])


@lru_cache(maxsize=65536)
def _style(top: bytes, bottom: bytes) -> Style:
    return Style(color=_color(top), bgcolor=_color(bottom))


def half_cell_lines(image: Image, columns: int, rows: int) -> list[list[Segment]]:
    """image drawn in columns×rows cells."""
    from PIL import Image as PILImage

    small = image.convert("RGB").resize((columns, rows * 2), PILImage.Resampling.BILINEAR)
    # 64 levels a channel: no eye tells them apart in a cell, and far fewer styles are made.
    raw = small.point(lambda v: v & 0xFC).tobytes()
    stride = columns * 3
    lines: list[list[Segment]] = []
    for row in range(rows):
        top_at = row * 2 * stride
        bottom_at = top_at + stride
        segments: list[Segment] = []
        run_style: Style | None = None
        run = 0
        for x in range(0, stride, 3):
            style = _style(raw[top_at + x : top_at + x + 3], raw[bottom_at + x : bottom_at + x + 3])
            if style is run_style:
                run += 1
                continue
            if run_style is not None:
                segments.append(Segment(UPPER_HALF * run, run_style))
            run_style, run = style, 1
        if run_style is not None:
            segments.append(Segment(UPPER_HALF * run, run_style))
        lines.append(segments)
    return lines


def placeholder_lines(columns: int, rows: int, label: str, style: Style) -> list[list[Segment]]:
    """A frame of the picture's size with label in its middle, while the bytes come (or when
    they never will)."""
    if rows <= 1:
        return [[Segment(label[:columns].ljust(columns), style)]]
    lines: list[list[Segment]] = []
    middle = rows // 2
    inner = max(0, columns - 2)
    for row in range(rows):
        if row == 0:
            text = "┌" + "─" * inner + "┐"
        elif row == rows - 1:
            text = "└" + "─" * inner + "┘"
        elif row == middle:
            text = "│" + label[:inner].center(inner) + "│"
        else:
            text = "│" + " " * inner + "│"
        lines.append([Segment(text[:columns], style)])
    return lines
