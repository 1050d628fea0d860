"""The per-feed settings of a [[feeds]] table: refresh_minutes (0: only when asked), user_agent,
full_text, images, retention_days, prefetch. They are not strings (the kind's keys are), so
they are taken out of the table before config.py checks the rest."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from korantui.core.models import FeedSettings

Fail = Callable[..., Exception]

# key -> (low, high) for the whole numbers; bool for the switches; str for the one line.
_WHOLE = {"refresh_minutes": (0, 7 * 24 * 60), "retention_days": (0, 36500), "prefetch": (0, 100)}
_SWITCHES = ("full_text", "images")
SETTING_KEYS = frozenset({*_WHOLE, *_SWITCHES, "user_agent"})


def feed_settings(entry: dict[str, Any], i: int, fail: Fail) -> FeedSettings:
    """The settings of the i-th [[feeds]] table; fail(what, *path) for a bad one."""
    settings = FeedSettings()
    where = f"[[feeds]] #{i + 1}"
    for key in SETTING_KEYS & set(entry):
        value = entry[key]
        if key in _WHOLE:
            low, high = _WHOLE[key]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise fail(
                    f"'{key}' of {where} must be a whole number from {low} to {high}",
                    "feeds",
                    i,
                    key,
                )
        elif key in _SWITCHES:
            if not isinstance(value, bool):
                raise fail(f"'{key}' of {where} must be true or false", "feeds", i, key)
        elif (
            not isinstance(value, str)
            or not value.strip()
            or not value.isascii()
            or any(c < " " or c == "\x7f" for c in value)
        ):
            raise fail(
                f"'user_agent' of {where} must be one line of printable ASCII", "feeds", i, key
            )
        setattr(settings, key, value.strip() if isinstance(value, str) else value)
    return settings


def without_settings(entry: dict[str, Any]) -> dict[str, Any]:
    """The table's other keys: what the kind and config.py check."""
    return {k: v for k, v in entry.items() if k not in SETTING_KEYS}
