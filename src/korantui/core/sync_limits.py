"""How much one `korantui sync` fetches: at most so many articles per site, and in all.

A source's headlines are capped per refresh already (sources/limits.py MAX_ITEMS), but a sync
fetches every unread article of every source, and a page of 50,000 article-looking links once
made a sync of 50,046 requests to whatever hosts it named (issue 17, item 6). The newest
unread articles are fetched first; those past a cap stay unread without full text, for the next
sync, and the summary says how many. Settings, in the config file:

    [sync]
    max_articles = 2000   # articles one sync fetches, over all sites
    max_per_host = 300    # of one site (host and port), as the per-host connection cap is
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlsplit

from korantui.core.config_names import did_you_mean
from korantui.core.models import Headline

_MAX = 1_000_000  # a larger "cap" is a typo


@dataclass(slots=True)
class SyncLimits:
    max_articles: int = 2000
    max_per_host: int = 300


def sync_limits(raw: dict[str, Any], fail: Callable[..., Exception]) -> SyncLimits:
    """The [sync] table of a config file; fail(what, *where) makes the file:line error."""
    table = raw.get("sync", {})
    if not isinstance(table, dict):
        raise fail("[sync] must be a table", "sync")
    limits = SyncLimits()
    names = {f.name for f in fields(SyncLimits)}
    for key, value in table.items():
        if key not in names:
            raise fail(f"unknown key '{key}' in [sync]" + did_you_mean(key, names), "sync", key)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= _MAX:
            raise fail(f"'{key}' must be a whole number from 1 to {_MAX}", "sync", key)
        setattr(limits, key, value)
    return limits


def host_of(link: str) -> str:
    """The site an article is fetched from, as the fetcher's per-host cap counts it."""
    try:
        return urlsplit(link).netloc.lower()
    except ValueError:
        return ""


def within_limits(
    targets: Sequence[Headline], limits: SyncLimits
) -> tuple[list[Headline], list[Headline]]:
    """(what to fetch, what is left for the next sync), in targets' order (newest first)."""
    taken: dict[str, int] = {}
    kept: list[Headline] = []
    left: list[Headline] = []
    for h in targets:
        host = host_of(h.link)
        if len(kept) >= limits.max_articles or taken.get(host, 0) >= limits.max_per_host:
            left.append(h)
            continue
        taken[host] = taken.get(host, 0) + 1
        kept.append(h)
    return kept, left
