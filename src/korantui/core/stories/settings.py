"""The grouping's setting in config.toml: `group_stories = true|false` (default true)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from korantui.core.config_names import KNOWN_KEYS, TOP_LEVEL

KNOWN_KEYS[TOP_LEVEL].add("group_stories")


def group_stories(raw: dict[str, Any], fail: Callable[[str, str], Exception]) -> bool:
    value = raw.get("group_stories", True)
    if not isinstance(value, bool):
        raise fail("'group_stories' must be true or false", "group_stories")
    return value
