"""Fitting text into a number of terminal cells, for the Line-API lists."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size


def cut(text: str, width: int) -> str:
    """text in at most width cells, cut with an ellipsis that shows the cut."""
    if cell_len(text) > width > 1:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width) if cell_len(text) > width else text


def fit(text: str, width: int) -> str:
    """text in exactly width cells: padded, or cut with an ellipsis that shows the cut."""
    return set_cell_size(cut(text, width), width)
