"""Styles looked up once per paint, not once per line, for the Line-API widgets."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip


class FrameStyles:
    """Mixin for a Line-API widget (before the Textual base class).

    A widget's rich_style walks its ancestors for their backgrounds, and a component style
    resolves its CSS, on every call: ~60 µs each, 3 ms for a 46-line pane that asks per line,
    a tenth of the time to the first frame. While a paint runs (render_lines) they are asked
    once; any other time they are looked up fresh.
    """

    _frame: dict[tuple[str, bool], Style] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame = {}
        try:
            return super().render_lines(crop)  # type: ignore[misc]
        finally:
            self._frame = None

    def frame_style(self, component: str = "", partial: bool = False) -> Style:
        """rich_style (component ""), or get_component_rich_style(component, partial=...)."""
        frame = self._frame
        key = (component, partial)
        if frame is not None and key in frame:
            return frame[key]
        me: Any = self
        style: Style = (
            me.get_component_rich_style(component, partial=partial) if component else me.rich_style
        )
        if frame is not None:
            frame[key] = style
        return style
