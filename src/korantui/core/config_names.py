"""The names a config file may use, one table per section, and the closest one to a typo.

A module that reads settings of its own adds its names here with one line
(`KNOWN_KEYS["feeds"].add("refresh_minutes")`, `KNOWN_KEYS["filter"] = {"match", "hide"}`)
and parses their values itself; config.py warns about any name no table knows. The names of
features being built beside this one are listed in advance, so a config written for them does
not warn on a build that has them not yet. A section that has no table here is not checked.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

TOP_LEVEL = ""

KNOWN_KEYS: dict[str, set[str]] = {
    TOP_LEVEL: {
        *("feeds", "language", "theme", "retention_days", "prefetch", "keys", "site_rule"),
        "network",
        # The other features' settings; their modules read them (accounts, filters and saved
        # searches, pictures, auto-refresh and feed health, alerts, story grouping).
        *("account", "filter", "query", "images", "image_cache_mb"),
        *("refresh_minutes", "dead_after_days", "notify_command", "group_stories"),
        "sync",  # core/sync_limits.py
    },
    # COMMON_KEYS of sources/kind.py, and the keys of other features a feed may carry; each
    # kind's own keys (item, title, ... of "html") are the kind's to say.
    "feeds": {
        *("url", "name", "category", "kind"),
        *("refresh_minutes", "user_agent", "full_text", "images", "retention_days", "prefetch"),
    },
    # The fields of core/article/site_rules.py's SiteRule (a test holds the two together: the
    # config is read at start-up, before anything imports lxml).
    "site_rule": {
        *("name", "domains", "detect", "detect_text", "content", "title", "date", "author"),
        *("caption", "remove", "whole_param", "next_page"),
    },
    # [network] is FetchSettings' fields: config.py fills it in.
    "network": set(),
    "sync": {"max_articles", "max_per_host"},  # core/sync_limits.py SyncLimits
}

# The keys of [[site_rule]] that take a list of strings.
SITE_RULE_LISTS = frozenset(KNOWN_KEYS["site_rule"] - {"name", "whole_param"})

# The themes of the app (Textual 8.2's own): the core cannot import Textual to ask it, and a
# test compares this with the app's available_themes.
THEMES = frozenset(
    {
        *("ansi-dark", "ansi-light", "atom-one-dark", "atom-one-light", "catppuccin-frappe"),
        *("catppuccin-latte", "catppuccin-macchiato", "catppuccin-mocha", "dracula", "flexoki"),
        *("gruvbox", "monokai", "nord", "rose-pine", "rose-pine-dawn", "rose-pine-moon"),
        *("solarized-dark", "solarized-light", "textual-dark", "textual-light", "tokyo-night"),
    }
)


def closest(name: str, names: Iterable[str]) -> str:
    """The valid name nearest to name, or "" when none is near enough to be what was meant."""
    found = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.6)
    return found[0] if found else ""


def did_you_mean(name: str, names: Iterable[str]) -> str:
    """ " (did you mean 'theme'?)" after a message about name, or ""."""
    near = closest(name, names)
    return f" (did you mean '{near}'?)" if near else ""
