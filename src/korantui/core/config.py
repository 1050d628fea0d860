"""Configuration: TOML in the XDG config dir, every setting with a default.

A config file replaces the built-in feed list. Any error in it becomes a ConfigError whose text
names the file, the line and what is wrong, for a one-line message and exit status 2.
"""

from __future__ import annotations

import math
import os
import posixpath
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from korantui.core.config_names import (
    KNOWN_KEYS,
    SITE_RULE_LISTS,
    THEMES,
    TOP_LEVEL,
    did_you_mean,
)
from korantui.core.defaults import DEFAULT_FEEDS
from korantui.core.filters.rules import FilterConfig, filter_config
from korantui.core.images.settings import IMAGE_CACHE_MB, image_cache_setting, images_setting
from korantui.core.models import FeedSpec
from korantui.core.net.fetch_settings import FetchSettings
from korantui.core.sanitize import clean_line, safe_url
from korantui.core.stories.settings import group_stories
from korantui.core.sync_limits import SyncLimits, sync_limits

KNOWN_KEYS["network"] = {f.name for f in fields(FetchSettings)}
APP_NAME = "korantui"
# Upper bounds of the whole-number settings: beyond them a value is a typo, and would overflow
# the date arithmetic (retention_days = 999999) or the scheduler.
_LIMITS = {"retention_days": 36500, "prefetch": 100}
_MAX_WHOLE = 2**40  # any byte count or count of [network] is far below it

# What only a config file needs is imported where the file is read: every command (`korantui
# read FILE` too) builds a Config, and the accounts, the source kinds and the network stack
# are far heavier than the defaults.
if TYPE_CHECKING:
    from korantui.core.accounts.settings import AccountSettings


class ConfigError(Exception):
    """A config file that cannot be used; str() is the one line to show."""


@dataclass(slots=True)
class Config:
    feeds: list[FeedSpec]
    path: Path  # the config file in use, or where one would be
    data_dir: Path
    from_file: bool = False
    fetch: FetchSettings = field(default_factory=FetchSettings)
    language: str = "auto"  # "id", "en" or "auto" (from LANG)
    theme: str = ""
    retention_days: int = 60
    prefetch: int = 3  # articles fetched ahead of the cursor
    keys: dict[str, str] = field(default_factory=dict)  # action -> key
    rules: list[dict[str, Any]] = field(default_factory=list)  # [[site_rule]]: extraction rules
    # What in the file is likely a typo but does not stop korantui: "file:line N: what" each.
    warnings: list[str] = field(default_factory=list)
    accounts: list[AccountSettings] = field(default_factory=list)  # [[account]]: synced servers
    filters: FilterConfig = field(default_factory=FilterConfig)  # [[filter]], [[query]] (#18)
    images: str = "auto"  # "auto" | "cells" | "off": pictures in the reading pane (core/images)
    image_cache_mb: int = IMAGE_CACHE_MB  # stored pictures in all, oldest unstarred evicted
    group_stories: bool = True  # one row for a story many feeds tell (core/stories)
    sync: SyncLimits = field(default_factory=SyncLimits)  # [sync]: what one sync fetches

    @property
    def db_path(self) -> Path:
        return self.data_dir / "korantui.db"

    @property
    def ui_language(self) -> str:
        if self.language in ("id", "en"):
            return self.language
        lang = (
            os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG", "")
        )
        return "id" if lang.lower().startswith(("id", "in_")) else "en"


def default_config_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "config.toml"


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def load_config(path: Path | None = None, data_dir: Path | None = None) -> Config:
    """Read the config file (an explicit path must exist; the default one may not)."""
    explicit = path is not None
    path = Path(path) if path is not None else default_config_path()
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    if not path.exists():
        if explicit:
            raise ConfigError(f"{path}: no such config file")
        return Config(feeds=list(DEFAULT_FEEDS), path=path, data_dir=data_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read: {e}") from None
    import tomllib  # only for a file: ~3 ms of a `read FILE` started without one

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        what = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(e))
        where = f"line {m.group(1)}" if m else "?"
        raise ConfigError(f"{path}:{where}: {what}") from None
    return _build(raw, text, path, data_dir)


def _build(raw: dict[str, Any], text: str, path: Path, data_dir: Path) -> Config:
    from korantui.core.config_lines import line_of

    def fail(what: str, *where: str | int) -> ConfigError:
        return ConfigError(f"{path}:line {line_of(text, *where)}: {what}")

    feeds_raw = raw.get("feeds", [])
    if not isinstance(feeds_raw, list):
        raise fail("'feeds' must be a list of [[feeds]] tables", "feeds")
    feeds: list[FeedSpec] = []
    seen: dict[str, int] = {}  # url key -> the [[feeds]] number that has it
    for i, entry in enumerate(feeds_raw):
        if not isinstance(entry, dict):
            raise fail("each feed must be a [[feeds]] table", "feeds", i)
        spec = _feed_spec(entry, i, fail)
        key = feed_url_key(spec.url)
        if key in seen:
            raise fail(
                f"[[feeds]] #{i + 1} repeats the url of [[feeds]] #{seen[key] + 1}"
                f" ({clean_line(spec.url)[:200]}): remove one",
                "feeds",
                i,
                "url",
            )
        seen[key] = i
        feeds.append(spec)
    cfg = Config(feeds=feeds, path=path, data_dir=data_dir, from_file=True)

    def warn(what: str, *where: str | int) -> None:
        cfg.warnings.append(f"{path}:line {line_of(text, *where)}: {what}")

    for key in raw:
        if key not in KNOWN_KEYS[TOP_LEVEL]:
            warn(f"unknown key '{clean_line(key)[:60]}'" + _near(key, TOP_LEVEL), key)
    for key in ("language", "theme"):
        if key in raw:
            if not isinstance(raw[key], str):
                raise fail(f"'{key}' must be a string", key)
            setattr(cfg, key, raw[key])
    if cfg.language not in ("auto", "id", "en"):
        raise fail('language must be "id", "en" or "auto"', "language")
    if cfg.theme and cfg.theme not in THEMES:
        near = did_you_mean(cfg.theme, THEMES)
        warn(f"no theme '{clean_line(cfg.theme)[:60]}'{near}; the default is used", "theme")
    for key in ("retention_days", "prefetch"):
        if key in raw:
            setattr(cfg, key, _whole(raw[key], key, fail, 0, _LIMITS[key]))
    _keys(raw, cfg, fail)
    cfg.images = images_setting(raw, fail)
    cfg.image_cache_mb = image_cache_setting(raw, fail)
    rules = raw.get("site_rule", [])
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        raise fail("'site_rule' must be a list of [[site_rule]] tables", "site_rule")
    for i, rule in enumerate(rules):
        _site_rule_warnings(rule, i, warn)
    cfg.rules = rules
    if "account" in raw:  # the accounts' module (subprocess, their clients' errors) only then
        from korantui.core.accounts.settings import parse_accounts

        cfg.accounts = parse_accounts(raw["account"], text, path)
    cfg.group_stories = group_stories(raw, fail)
    cfg.sync = sync_limits(raw, fail)
    net = raw.get("network", {})
    if not isinstance(net, dict):
        raise fail("[network] must be a table", "network")
    for key, value in net.items():
        if key not in KNOWN_KEYS["network"]:
            raise fail(f"unknown key '{key}' in [network]" + _near(key, "network"), "network", key)
        default = getattr(cfg.fetch, key)
        if isinstance(default, str):
            # What a string may hold (user_agent: one printable line) is FetchSettings.problems'.
            if not isinstance(value, str):
                raise fail(f"'{key}' must be a string", "network", key)
        elif isinstance(default, bool):
            if not isinstance(value, bool):
                raise fail(f"'{key}' must be true or false", "network", key)
        elif isinstance(default, int):
            value = _whole(value, key, fail, 1, _MAX_WHOLE, "network")
        elif isinstance(default, float):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise fail(f"'{key}' must be a positive number", "network", key)
            if not math.isfinite(value) or not 0 < value <= 86400:
                what = f"'{key}' must be a positive number of seconds (at most 86400)"
                raise fail(what, "network", key)
            value = float(value)
        setattr(cfg.fetch, key, value)
    for key, what in cfg.fetch.problems():
        raise fail(what, "network", key)
    cfg.filters = filter_config(raw, text, fail)
    return cfg


def _near(key: str, section: str) -> str:
    return did_you_mean(key, KNOWN_KEYS[section])


def _site_rule_warnings(rule: dict[str, Any], i: int, warn: Any) -> None:
    """Typos in a [[site_rule]]: keys it does not have, and a list key written as one string
    (taken as a list of one: "a.com, b.com" would be one domain that matches no page)."""
    for key, value in rule.items():
        if key not in KNOWN_KEYS["site_rule"]:
            what = f"unknown key '{clean_line(key)[:60]}' in [[site_rule]] #{i + 1}"
            warn(what + _near(key, "site_rule") + "; it is ignored", "site_rule", i, key)
        elif key in SITE_RULE_LISTS and isinstance(value, str):
            shown = clean_line(value)[:60]
            warn(
                f"[[site_rule]] #{i + 1}: {key} is a list: write {key} = [{shown!r}]"
                f" (one string is taken as a list of one)",
                "site_rule",
                i,
                key,
            )


def feed_url_key(url: str) -> str:
    """What makes two feed addresses one feed: scheme and host are case-blind, the scheme's own
    port is no port, "." and ".." segments are resolved (http://h/f/../f/1.xml is
    http://h/f/1.xml) and a trailing slash is the same page."""
    try:
        parts = urlsplit(clean_line(url))
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    if port is not None and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    path = parts.path
    if path:
        # normpath keeps a leading "//"; an address's path has one root.
        path = posixpath.normpath("/" + path.lstrip("/"))
    path = path.rstrip("/")
    user = f"{parts.username}@" if parts.username else ""
    return f"{scheme}://{user}{host}{path}?{parts.query}"


def _feed_spec(entry: dict[str, Any], i: int, fail: Any) -> FeedSpec:
    """One [[feeds]] table as a FeedSpec, its kind's own keys checked by that kind."""
    from korantui.core.filters.feed_settings import feed_settings, without_settings
    from korantui.core.sources import registry
    from korantui.core.sources.kind import COMMON_KEYS

    # The other features' keys of a feed (KNOWN_KEYS["feeds"]) are their modules' to read.
    own = set(COMMON_KEYS)
    settings = feed_settings(entry, i, fail)
    entry = without_settings(entry)
    name = entry.get("kind", registry.DEFAULT_KIND)
    if not isinstance(name, str):
        raise fail(f"'kind' of [[feeds]] #{i + 1} must be a string", "feeds", i, "kind")
    try:
        kind = registry.kind_of(name)
    except registry.UnknownKind:
        known = " or ".join(f'"{k}"' for k in registry.names())
        raise fail(
            f'kind must be {known}, not "{clean_line(name)[:60]}"', "feeds", i, "kind"
        ) from None
    own |= set(kind.keys)
    for key, value in entry.items():
        if key in own and not isinstance(value, str):
            raise fail(f"'{key}' of [[feeds]] #{i + 1} must be a string", "feeds", i, key)
    unknown = sorted(set(entry) - own - KNOWN_KEYS["feeds"])
    if unknown:
        elsewhere = [
            k.name for k in map(registry.kind_of, registry.names()) if unknown[0] in k.keys
        ]
        why = (
            f' (a key of kind "{elsewhere[0]}")'
            if elsewhere
            else did_you_mean(unknown[0], own | KNOWN_KEYS["feeds"])
        )
        what = f"unknown key '{clean_line(unknown[0])[:60]}' in [[feeds]] #{i + 1}{why}"
        raise fail(what, "feeds", i, unknown[0])
    url = entry.get("url", "").strip()
    if not url:
        raise fail(f"[[feeds]] #{i + 1} has no url", "feeds", i)
    if not safe_url(url):
        raise fail(f"url '{clean_line(url)}' is not an http(s) address", "feeds", i, "url")
    options = {k: entry[k] for k in kind.keys if entry.get(k)}
    bad_key, why = kind.check(options)
    if why:
        raise fail(f"[[feeds]] #{i + 1}: {why}", "feeds", i, bad_key)
    return FeedSpec(
        url=url,
        name=clean_line(entry.get("name", "")),
        category=clean_line(entry.get("category", "")),
        kind=kind.name,
        rules=options,
        settings=settings,
    )


def _whole(value: Any, key: str, fail: Any, low: int, high: int, *section: str) -> int:
    """value as a whole number in [low, high]; 0.5, inf, nan and 1e400 are not."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(f"'{key}' must be a whole number from {low} to {high}", *section, key)
    if not low <= value <= high:
        raise fail(f"'{key}' must be a whole number from {low} to {high}", *section, key)
    return value


def _keys(raw: dict[str, Any], cfg: Config, fail: Any) -> None:
    from korantui.core.config_keys import clashes, key_problem, valid_action_name

    keys = raw.get("keys", {})
    usage = '[keys] must map action names to key names, e.g. refresh = "ctrl+r"'
    if not isinstance(keys, dict):
        raise fail(usage, "keys")
    for action, key in keys.items():
        if not isinstance(key, str):
            raise fail(usage, "keys", action)
        if not valid_action_name(action):
            raise fail(f"'{clean_line(action)[:60]}' is not an action name", "keys", action)
        why = key_problem(key)
        if why:
            raise fail(f"[keys] {action} = {clean_line(key)[:60]!r}: {why}", "keys", action)
    found = clashes(keys)
    if found:
        raise fail(f"[keys]: {found[0]}", "keys")
    cfg.keys = dict(keys)
