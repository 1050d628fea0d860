"""Configuration: TOML in the XDG config dir, every setting with a default.

A config file replaces the built-in feed list. Any error in it becomes a ConfigError whose text
names the file, the line and what is wrong, for a one-line message and exit status 2.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from korantui.core.defaults import DEFAULT_FEEDS
from korantui.core.models import FEED_KIND, HTML_KIND, FeedSpec
from korantui.core.net.fetch import FetchSettings
from korantui.core.sanitize import clean_line, safe_url

APP_NAME = "korantui"
HTML_RULE_KEYS = ("item", "title", "link", "date", "summary")
_FEED_KEYS = {"url", "name", "category", "kind", *HTML_RULE_KEYS}


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
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        what = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(e))
        where = f"line {m.group(1)}" if m else "?"
        raise ConfigError(f"{path}:{where}: {what}") from None
    return _build(raw, text, path, data_dir)


def _build(raw: dict[str, Any], text: str, path: Path, data_dir: Path) -> Config:
    def fail(what: str, needle: str = "", occurrence: int = 0) -> ConfigError:
        return ConfigError(f"{path}:line {_line_of(text, needle, occurrence)}: {what}")

    feeds_raw = raw.get("feeds", [])
    if not isinstance(feeds_raw, list):
        raise fail("'feeds' must be a list of [[feeds]] tables", "feeds")
    feeds: list[FeedSpec] = []
    seen: set[str] = set()
    for i, entry in enumerate(feeds_raw):
        if not isinstance(entry, dict):
            raise fail("each feed must be a [[feeds]] table", "[[feeds]]", i)
        unknown = sorted(set(entry) - _FEED_KEYS)
        if unknown:
            raise fail(f"unknown key '{unknown[0]}' in [[feeds]] #{i + 1}", "[[feeds]]", i)
        for key, value in entry.items():
            if not isinstance(value, str):
                raise fail(f"'{key}' of [[feeds]] #{i + 1} must be a string", "[[feeds]]", i)
        url = entry.get("url", "").strip()
        if not url:
            raise fail(f"[[feeds]] #{i + 1} has no url", "[[feeds]]", i)
        if not safe_url(url):
            raise fail(f"url '{clean_line(url)}' is not an http(s) address", url)
        kind = entry.get("kind", FEED_KIND)
        if kind not in (FEED_KIND, HTML_KIND):
            raise fail(f'kind must be "feed" or "html", not "{clean_line(kind)}"', kind)
        if feed_url_key(url) in seen:
            continue
        seen.add(feed_url_key(url))
        feeds.append(
            FeedSpec(
                url=url,
                name=clean_line(entry.get("name", "")),
                category=clean_line(entry.get("category", "")),
                kind=kind,
                rules={k: entry[k] for k in HTML_RULE_KEYS if entry.get(k)},
            )
        )
    cfg = Config(feeds=feeds, path=path, data_dir=data_dir, from_file=True)

    for key in ("language", "theme"):
        if key in raw:
            if not isinstance(raw[key], str):
                raise fail(f"'{key}' must be a string", key)
            setattr(cfg, key, raw[key])
    if cfg.language not in ("auto", "id", "en"):
        raise fail('language must be "id", "en" or "auto"', "language")
    for key in ("retention_days", "prefetch"):
        if key in raw:
            if not isinstance(raw[key], int) or isinstance(raw[key], bool) or raw[key] < 0:
                raise fail(f"'{key}' must be a whole number ≥ 0", key)
            setattr(cfg, key, raw[key])
    keys = raw.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise fail('[keys] must map action names to key names, e.g. refresh = "ctrl+r"', "[keys]")
    cfg.keys = dict(keys)
    rules = raw.get("site_rule", [])
    if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
        raise fail("'site_rule' must be a list of [[site_rule]] tables", "site_rule")
    cfg.rules = rules
    net = raw.get("network", {})
    if not isinstance(net, dict):
        raise fail("[network] must be a table", "network")
    valid = {f.name: f for f in fields(FetchSettings)}
    for key, value in net.items():
        if key not in valid:
            raise fail(f"unknown key '{key}' in [network]", key)
        default = getattr(cfg.fetch, key)
        if isinstance(default, str) and not isinstance(value, str):
            raise fail(f"'{key}' must be a string", key)
        if isinstance(default, (int, float)) and (
            isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0
        ):
            raise fail(f"'{key}' must be a positive number", key)
        setattr(cfg.fetch, key, type(default)(value))
    for key, what in cfg.fetch.problems():
        raise fail(what, key)
    return cfg


def feed_url_key(url: str) -> str:
    """What makes two feed addresses one feed: scheme and host are case-blind, and a trailing
    slash is the same page."""
    try:
        parts = urlsplit(clean_line(url))
    except ValueError:
        return url
    path = parts.path.rstrip("/")
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}?{parts.query}"


def _line_of(text: str, needle: str, occurrence: int = 0) -> int:
    """The 1-based line of the occurrence-th line containing needle (1 if not found)."""
    if not needle:
        return 1
    count = 0
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            if count == occurrence:
                return number
            count += 1
    return 1
