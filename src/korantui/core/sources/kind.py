"""What a kind of source is: the one interface refresh, config, OPML and discovery talk to.

A source kind is what a [[feeds]] table's `kind` names ("feed", "html", ...). It says which
config keys of its own it takes and whether their values are usable, what it writes into and
reads from an OPML outline, and how one configured source becomes a ParsedSource. Kinds are
registered in core/sources/registry.py; nothing else branches on a kind's name.

A kind module must stay light to import (config and the app's start-up load the registry):
parsers, lxml and httpx are imported inside the methods that use them.

Most kinds read one document over HTTP per source: DocumentKind does the conditional GET and
leaves `parse` to the kind. A kind that is not one document (an account on a FreshRSS or
Miniflux server: credentials in its options, many feeds behind one source) implements `fetch`
itself and would hand back one Fetched per feed it found; that is the point where refresh would
grow "a source owns feeds", and nothing here assumes one document per source.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from korantui.core.models import FeedSpec, ParsedSource
from korantui.core.threads import parse_off_loop

if TYPE_CHECKING:
    from korantui.core.net.fetch import Fetcher, FetchResult

# The keys every [[feeds]] table may have, whatever its kind.
COMMON_KEYS = ("url", "name", "category", "kind")


class SourceError(Exception):
    """A source that gave no headlines; str() says why, for the per-source error line."""


class Batch:
    """What the sources of one refresh share: its size, and counters a kind keeps across them
    (the feed kind counts the feeds that needed feedparser, to decide when a process pool
    pays). Kinds run in several worker threads at once, hence the lock."""

    def __init__(self, size: int = 1) -> None:
        self.size = size
        self._counts: Counter[str] = Counter()
        self._lock = threading.Lock()

    def bump(self, counter: str) -> int:
        """Add one to counter; its new value."""
        with self._lock:
            self._counts[counter] += 1
            return self._counts[counter]


@dataclass(slots=True)
class SourceJob:
    """One configured source to read, with what the last refresh left."""

    fetcher: Fetcher
    url: str
    options: Mapping[str, str] = field(default_factory=dict)  # the kind's own config keys
    etag: str = ""
    last_modified: str = ""
    batch: Batch = field(default_factory=Batch)


@dataclass(slots=True)
class Fetched:
    """What reading a source gave: its parsed headlines, or None when the server said "not
    modified", and the validators for the next conditional request."""

    parsed: ParsedSource | None
    etag: str = ""
    last_modified: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)  # the answer's, for the scheduler


@runtime_checkable
class SourceKind(Protocol):
    """One kind of source. Instances are stateless and shared by every thread."""

    @property
    def name(self) -> str:
        """What `kind = "..."` in the config says; stored with each feed."""
        ...

    @property
    def label(self) -> str:
        """For people: "RSS, Atom, RDF or JSON Feed", "HTML index page"."""
        ...

    @property
    def keys(self) -> tuple[str, ...]:
        """Its own config keys, beyond COMMON_KEYS (an account's would hold its credentials;
        to_opml decides what of them leaves the machine)."""
        ...

    @property
    def page_order(self) -> bool:
        """Whether entries keep the source's order in the store (a page's, not by date)."""
        ...

    def check(self, options: Mapping[str, str]) -> tuple[str, str]:
        """("", "") when the options are usable, else (the key at fault, what is wrong)."""
        ...

    def to_opml(self, spec: FeedSpec) -> dict[str, str]:
        """The outline's standard attributes (type, xmlUrl or htmlUrl...) for spec; korantui's
        own options are written by opml.py in its namespace."""
        ...

    def address_in_opml(self, attrs: Mapping[str, str]) -> str:
        """The source's address among an outline's standard attributes ("" if none)."""
        ...

    async def fetch(self, job: SourceJob) -> Fetched:
        """Read the source. Raises SourceError (or FetchError) saying why it gave nothing."""
        ...


class DocumentKind:
    """A kind that reads one document per source with a conditional GET, then parses it off
    the event loop. Subclasses set the class attributes and write `parse`."""

    name: ClassVar[str]
    label: ClassVar[str]
    keys: ClassVar[tuple[str, ...]] = ()
    page_order: ClassVar[bool] = False
    accept: ClassVar[str] = ""  # the Accept header; "" for the fetcher's default

    def check(self, options: Mapping[str, str]) -> tuple[str, str]:
        return "", ""

    def to_opml(self, spec: FeedSpec) -> dict[str, str]:
        return {"type": "rss", "xmlUrl": spec.url}

    def address_in_opml(self, attrs: Mapping[str, str]) -> str:
        return attrs.get("xmlUrl") or attrs.get("xmlurl") or ""

    def parse(self, result: FetchResult, options: Mapping[str, str], batch: Batch) -> ParsedSource:
        """The fetched document's headlines (CPU-bound: runs in a worker thread)."""
        raise NotImplementedError

    async def fetch(self, job: SourceJob) -> Fetched:
        result = await job.fetcher.get(
            job.url, etag=job.etag, last_modified=job.last_modified, accept=self.accept
        )
        if result.not_modified:
            return Fetched(None, headers=result.headers)
        parsed = await parse_off_loop(self.parse, result, job.options, job.batch)
        return Fetched(parsed, result.etag, result.last_modified, result.headers)
