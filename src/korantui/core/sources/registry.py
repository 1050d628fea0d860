"""Every source kind and feed format korantui knows, registered here and nowhere else.

A new kind of source is one module with a SourceKind (see kind.py) and one line in _KINDS; a
new feed document format is one module with a reader function and one line in FEED_FORMATS.
Kinds' modules are light (config loads this at start-up); formats' readers load on first use.
"""

from __future__ import annotations

from korantui.core.models import FEED_KIND
from korantui.core.net.doctype import looks_like_json_feed
from korantui.core.sources.account_kind import AccountFeedKind
from korantui.core.sources.feed_kind import FeedFormat, FeedKind
from korantui.core.sources.html_kind import HtmlKind
from korantui.core.sources.kind import SourceKind

DEFAULT_KIND = FEED_KIND  # what a [[feeds]] table without `kind` is

_KINDS: dict[str, SourceKind] = {k.name: k for k in (FeedKind(), HtmlKind(), AccountFeedKind())}

# Tried in order on a feed document's bytes; the last takes whatever the others did not claim.
FEED_FORMATS: tuple[FeedFormat, ...] = (
    FeedFormat("JSON Feed", looks_like_json_feed, "korantui.core.sources.jsonfeed:read_format"),
    FeedFormat(
        "RSS/Atom/RDF",
        lambda data: True,
        "korantui.core.sources.xmlfeed:read_format",
        "korantui.core.sources.xmlfeed:variant",
    ),
)


class UnknownKind(KeyError):
    """A kind name no module registered (a config typo, or a store written by a newer build)."""

    def __str__(self) -> str:
        return f"unknown source kind {self.args[0]!r} (known: {', '.join(names())})"


def kind_of(name: str) -> SourceKind:
    """The kind registered under name. Raises UnknownKind."""
    try:
        return _KINDS[name or DEFAULT_KIND]
    except KeyError:
        raise UnknownKind(name) from None


def names() -> list[str]:
    return list(_KINDS)


def register(kind: SourceKind) -> None:
    """Add a kind (a plug-in's, or a test's toy one). Its name must be new."""
    if kind.name in _KINDS:
        raise ValueError(f"source kind {kind.name!r} is already registered")
    _KINDS[kind.name] = kind


def unregister(name: str) -> None:
    _KINDS.pop(name, None)
