"""Reading what a Textual app shows: the screen's text lines, from its SVG export."""

from __future__ import annotations

import html
import re
from collections import defaultdict

from textual.app import App

_TEXT = re.compile(r'<text[^>]*\bx="([\d.]+)"[^>]*\by="([\d.]+)"[^>]*>(.*?)</text>', re.S)


def screen_lines(app: App) -> list[str]:
    svg = app.export_screenshot()
    rows: dict[float, list[tuple[float, str]]] = defaultdict(list)
    for x, y, content in _TEXT.findall(svg):
        rows[float(y)].append((float(x), html.unescape(re.sub(r"<[^>]+>", "", content))))
    return [
        "".join(t for _, t in sorted(parts)).replace("\xa0", " ")
        for _, parts in sorted(rows.items())
    ]


def screen_text(app: App) -> str:
    return "\n".join(screen_lines(app))
