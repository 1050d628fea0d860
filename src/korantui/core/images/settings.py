"""The `images` key of config.toml: how the reading pane shows pictures."""

from __future__ import annotations

from typing import Any

MODES = ("auto", "cells", "off")  # auto: the terminal's graphics where detected, else cells


def images_setting(raw: dict[str, Any], fail: Any) -> str:
    """raw's `images` ("auto" when absent); fail(what, needle) makes the file:line error."""
    value = raw.get("images", "auto")
    if value not in MODES:
        raise fail('images must be "auto", "cells" or "off"', "images")
    return str(value)
