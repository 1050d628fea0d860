"""The [keys] table of the config: key names checked before the UI ever sees them.

Textual takes any string as a key and a binding to a name that no terminal sends simply never
fires (`ctrl+shift+alt+banana` showed in the footer and did nothing). The core must not import
Textual, so the names are checked here against what a terminal can send: a printable character,
ASCII punctuation by name (Textual's own spelling: "question_mark", "full_stop", "slash"), or a
named key, each optionally behind modifiers.
"""

from __future__ import annotations

import string
import unicodedata

from korantui.core.regex_cache import compiled

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NAMED_KEYS = frozenset(
    {"escape", "enter", "return", "tab", "backspace", "delete", "insert", "home", "end"}
    | {"pageup", "pagedown", "up", "down", "left", "right", "space"}
    | {f"f{n}" for n in range(1, 25)}
)
# Textual's shorter names for some characters (textual.keys.KEY_NAME_REPLACEMENTS).
_REPLACED = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
# The ASCII punctuation keys by Textual's names for them ("question_mark", "full_stop").
CHARACTER_NAMES = frozenset(
    _REPLACED.get(n, n)
    for n in (
        unicodedata.name(c).lower().replace("-", "_").replace(" ", "_") for c in string.punctuation
    )
)
_ACTION = compiled(r"^[a-z][a-z0-9_]{0,63}$")


def _split(one: str) -> tuple[list[str], str]:
    """("ctrl+shift+r") -> (["ctrl", "shift"], "r"); "ctrl++" is ctrl and the plus key."""
    if one.endswith("++"):
        return [m for m in one[:-2].split("+") if m], "+"
    if one == "+":
        return [], "+"
    *mods, base = one.split("+")
    return mods, base


def key_problem(key: str) -> str:
    """Why key (one binding: "ctrl+r", or several: "space,pagedown") is not a key; "" if it is."""
    if not key.strip():
        return "no key given"
    for one in key.split(","):
        mods, base = _split(one.strip())
        bad = [m for m in mods if m.lower() not in MODIFIERS]
        if bad:
            return f"'{bad[0]}' is not a modifier (ctrl, shift, alt, meta, super, hyper)"
        if len({m.lower() for m in mods}) != len(mods):
            return f"a modifier is repeated in '{one.strip()}'"
        if not _is_base_key(base):
            return f"'{base}' is not a key name"
    return ""


def _is_base_key(name: str) -> bool:
    if len(name) == 1:
        return name.isprintable()
    # Any character is a key, but only ASCII punctuation by name: a keyboard has no "banana".
    return name.lower() in NAMED_KEYS or name in CHARACTER_NAMES


def valid_action_name(name: str) -> bool:
    return bool(_ACTION.match(name))


def keys_of(binding: str) -> list[str]:
    """The single keys of a binding string, normalised for comparing ("Ctrl+R" is "ctrl+R")."""
    out = []
    for one in binding.split(","):
        mods, base = _split(one.strip())
        base = base if len(base) == 1 else base.lower()
        out.append("+".join([*sorted(m.lower() for m in mods), base]))
    return out


def clashes(keys: dict[str, str], defaults: dict[str, str] | None = None) -> list[str]:
    """Each key given to two actions, in words: "'q' is both star and quit". defaults (action ->
    key) are the bindings the config leaves in place (the UI's); an action the config rebinds
    gives its default key up."""
    holder: dict[str, str] = {}
    found: list[str] = []
    effective = {**(defaults or {}), **keys}
    for action, binding in effective.items():
        for key in keys_of(binding):
            other = holder.get(key)
            if other is not None and other != action:
                found.append(f"'{key}' is both {other} and {action}")
            holder.setdefault(key, action)
    return found
