"""The `images` and `image_cache_mb` keys of config.toml: how the reading pane shows pictures,
and how much of the store they may take."""

from __future__ import annotations

from typing import Any

MODES = ("auto", "cells", "off")  # auto: the terminal's graphics where detected, else cells


def images_setting(raw: dict[str, Any], fail: Any) -> str:
    """raw's `images` ("auto" when absent); fail(what, needle) makes the file:line error."""
    value = raw.get("images", "auto")
    if value not in MODES:
        raise fail('images must be "auto", "cells" or "off"', "images")
    return str(value)


IMAGE_CACHE_MB = 150  # the default: some 1,500 shrunk news photos
_MAX_CACHE_MB = 100_000


def image_cache_setting(raw: dict[str, Any], fail: Any) -> int:
    """raw's `image_cache_mb`, megabytes of stored pictures (IMAGE_CACHE_MB when absent; 0 keeps
    none); fail(what, needle) makes the file:line error."""
    value = raw.get("image_cache_mb", IMAGE_CACHE_MB)
    # bool is an int to Python; 1.5, inf and "150" are not whole numbers of megabytes.
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _MAX_CACHE_MB:
        what = f"image_cache_mb must be a whole number from 0 to {_MAX_CACHE_MB}"
        raise fail(what, "image_cache_mb")
    return value
