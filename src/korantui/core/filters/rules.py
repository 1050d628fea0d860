"""[[filter]] rules: hide, mark read or highlight the headlines whose title, summary, author or
feed category match words, phrases or a regular expression, everywhere or in some feeds; and the
top-level settings of staying fresh and of alerts.

    [[filter]]
    match = "sepak bola|liga 1"      # a regular expression (case-blind), or
    words = ["sepak bola", "liga 1"] # words and phrases, matched as whole words
    fields = ["title", "summary"]    # also "author", "category" (the feed's)
    action = "hide"                  # or "read", "highlight"
    feeds = ["Detik"]                # by name or address; none: every feed
    notify = true                    # highlight only: new matches alert

A pattern is the user's own but is run over text from strangers: it is compiled with the `regex`
module (already dateparser's dependency) so that a match that backtracks for too long is stopped
(MATCH_TIMEOUT) instead of freezing the app, and it only ever sees bounded text (FIELD_CAP).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from korantui.core.sanitize import clean_line

if TYPE_CHECKING:
    import regex

Fail = Callable[..., Exception]

ACTIONS = ("hide", "read", "highlight")
FIELDS = ("title", "summary", "author", "category")
DEFAULT_FIELDS = ("title", "summary")
MAX_PATTERN = 1000  # characters of a match = "..." (or of the words, joined)
MAX_WORDS = 200
FIELD_CAP = 2000  # characters of each field a pattern sees
MATCH_TIMEOUT = 0.05  # seconds one search may take before the rule counts as not matching
MAX_RULES = 200
_RULE_KEYS = frozenset({"name", "match", "words", "fields", "action", "feeds", "notify"})
_RULE_KEYS |= {"case_sensitive"}
NOTIFY_TIMEOUT = 10.0  # seconds a notify_command may run


@dataclass(frozen=True, slots=True)
class FilterRule:
    name: str  # for people: the name given, else the pattern
    pattern: regex.Pattern[str]
    action: str
    fields: tuple[str, ...] = DEFAULT_FIELDS
    feeds: tuple[str, ...] = ()  # names or addresses (casefolded); () is every feed
    notify: bool = False
    line: int = 0

    def matches(self, texts: Mapping[str, str]) -> bool | None:
        """Whether the pattern is found in one of the rule's fields; None when a search ran
        too long (the pattern backtracks badly: the caller stops using the rule, since one
        stranger's text must not stall the reader, nor thousands of them one by one)."""
        for name in self.fields:
            text = texts.get(name, "")[:FIELD_CAP]
            if not text:
                continue
            try:
                if self.pattern.search(text, timeout=MATCH_TIMEOUT):
                    return True
            except TimeoutError:
                return None
        return False

    def applies_to(self, feed_names: Sequence[str]) -> bool:
        """Whether the rule covers a feed known by these names (its name, title, address)."""
        if not self.feeds:
            return True
        return any(n.casefold().rstrip("/") in self.feeds for n in feed_names if n)

    @property
    def fingerprint(self) -> str:
        return "\x1f".join(
            (
                self.pattern.pattern,
                str(self.pattern.flags),
                self.action,
                ",".join(self.fields),
                ",".join(self.feeds),
                str(self.notify),
            )
        )


@dataclass(slots=True)
class FilterConfig:
    """Everything of issue 18 the config holds (one field of Config)."""

    filters: list[FilterRule] = field(default_factory=list)
    queries: list[Any] = field(default_factory=list)  # core.queries.SavedQuery
    refresh_minutes: int = 30  # the app refreshes each feed this often; 0: never on its own
    dead_after_days: int = 7  # a feed without a success this long is flagged dead
    notify_command: list[str] = field(default_factory=list)  # `sync --notify` runs it

    @property
    def fingerprint(self) -> str:
        return "\x1e".join(r.fingerprint for r in self.filters)


def filter_config(raw: dict[str, Any], text: str, fail: Fail) -> FilterConfig:
    """The [[filter]] and [[query]] tables and the top-level settings of issue 18."""
    from korantui.core.queries import saved_queries

    lines = _Lines(text, fail)
    cfg = FilterConfig()
    tables = raw.get("filter", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise fail("'filter' must be a list of [[filter]] tables", "filter")
    if len(tables) > MAX_RULES:
        raise lines.fail(f"more than {MAX_RULES} [[filter]] tables", "[[filter]]", MAX_RULES, "")
    cfg.filters = [_rule(t, i, lines) for i, t in enumerate(tables)]
    cfg.queries = saved_queries(raw, lines)
    for key, low, high in (("refresh_minutes", 0, 7 * 24 * 60), ("dead_after_days", 1, 3650)):
        if key in raw:
            value = raw[key]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise fail(f"'{key}' must be a whole number from {low} to {high}", key)
            setattr(cfg, key, value)
    if "notify_command" in raw:
        command = raw["notify_command"]
        if (
            not isinstance(command, list)
            or not command
            or not all(isinstance(a, str) and a and "\x00" not in a for a in command)
        ):
            raise fail(
                'notify_command must be a list of strings, e.g. ["notify-send", "{title}"]',
                "notify_command",
            )
        cfg.notify_command = list(command)
    return cfg


class _Lines:
    """Errors that name the line of a key inside the n-th [[table]] of the file (through
    config.py's fail, which finds a line by its path)."""

    def __init__(self, text: str, fail: Fail) -> None:
        self._text = text
        self._fail = fail

    def line_of(self, header: str, n: int, key: str) -> int:
        from korantui.core.config_lines import line_of

        name = header.strip("[] ")
        return line_of(self._text, name, n, key) if key else line_of(self._text, name, n)

    def fail(self, what: str, header: str, n: int, key: str) -> Exception:
        name = header.strip("[] ")
        return self._fail(what, name, n, key) if key else self._fail(what, name, n)


def _rule(table: dict[str, Any], i: int, lines: _Lines) -> FilterRule:
    import regex  # here: a config without [[filter]] tables (and the app's start) does without

    where = f"[[filter]] #{i + 1}"

    def bad(what: str, key: str = "") -> Exception:
        return lines.fail(f"{where}: {what}", "[[filter]]", i, key)

    unknown = sorted(set(table) - _RULE_KEYS)
    if unknown:
        raise bad(f"unknown key '{clean_line(unknown[0])[:60]}'", unknown[0])
    if ("match" in table) == ("words" in table):
        raise bad('give either match = "a regular expression" or words = ["..."]')
    case = table.get("case_sensitive", False)
    if not isinstance(case, bool):
        raise bad("case_sensitive must be true or false", "case_sensitive")
    flags = regex.VERSION0 | (0 if case else regex.IGNORECASE)
    if "match" in table:
        source = table["match"]
        if not isinstance(source, str) or not source.strip():
            raise bad("match must be a regular expression in a string", "match")
        key = "match"
    else:
        words = table["words"]
        if (
            not isinstance(words, list)
            or not words
            or len(words) > MAX_WORDS
            or not all(isinstance(w, str) and w.strip() for w in words)
        ):
            raise bad(f"words must be a list of 1 to {MAX_WORDS} words or phrases", "words")
        # Whole words: "rob" is not in "robot"; a phrase's spaces match any run of spaces.
        alternatives = "|".join(r"\s+".join(map(regex.escape, w.split())) for w in words)
        source = rf"(?<!\w)(?:{alternatives})(?!\w)"
        key = "words"
    if len(source) > MAX_PATTERN:
        raise bad(f"the pattern is over {MAX_PATTERN} characters", key)
    try:
        pattern = regex.compile(source, flags)
    except (regex.error, RecursionError, OverflowError) as e:
        why = clean_line(str(e))[:200]
        raise bad(f"the regular expression does not compile: {why}", key) from None
    action = table.get("action", "hide")
    if action not in ACTIONS:
        raise bad('action must be "hide", "read" or "highlight"', "action")
    fields = table.get("fields", list(DEFAULT_FIELDS))
    if not isinstance(fields, list) or not fields or not all(f in FIELDS for f in fields):
        raise bad('fields must list some of "title", "summary", "author", "category"', "fields")
    feeds = table.get("feeds", [])
    if not isinstance(feeds, list) or not all(isinstance(f, str) and f.strip() for f in feeds):
        raise bad("feeds must be a list of feed names or addresses", "feeds")
    notify = table.get("notify", False)
    if not isinstance(notify, bool):
        raise bad("notify must be true or false", "notify")
    if notify and action != "highlight":
        raise bad('notify = true needs action = "highlight"', "notify")
    name = table.get("name", "")
    if not isinstance(name, str):
        raise bad("name must be a string", "name")
    label = clean_line(name or (table["match"] if key == "match" else ", ".join(table["words"])))
    return FilterRule(
        name=label[:80],
        pattern=pattern,
        action=action,
        fields=tuple(dict.fromkeys(fields)),
        feeds=tuple(clean_line(f).casefold().rstrip("/") for f in feeds),
        notify=notify,
        line=lines.line_of("[[filter]]", i, ""),
    )
