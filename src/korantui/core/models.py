"""The data model shared by every layer: plain dataclasses, no behaviour beyond conversions."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from korantui.core.moments import from_stored, to_stored

FEED_KIND = "feed"
HTML_KIND = "html"
ACCOUNT_KIND = "account"  # an account's feed: its headlines come from the account's sync


@dataclass(slots=True)
class FeedSettings:
    """A [[feeds]] table's own settings (core/filters/feed_settings.py); None: the global one."""

    refresh_minutes: int | None = None
    user_agent: str = ""  # "": the [network] one
    full_text: bool = False  # the feed carries whole articles: no page is fetched for them
    images: bool = True
    retention_days: int | None = None
    prefetch: int | None = None


@dataclass(slots=True)
class FeedSpec:
    """One source as the user configured it (config file or built-in list)."""

    url: str
    name: str = ""
    category: str = ""
    kind: str = (
        FEED_KIND  # "feed" (RSS/Atom/RDF/JSON Feed) or "html" (headlines scraped from a page)
    )
    # HTML-source rule keys (CSS selectors): item, title, link, date, summary.
    rules: dict[str, str] = field(default_factory=dict)
    settings: FeedSettings = field(default_factory=FeedSettings)


@dataclass(slots=True)
class Feed:
    """A source as stored, with what the last refresh learned."""

    id: int
    url: str
    name: str
    category: str = ""
    kind: str = FEED_KIND
    title: str = ""  # the feed's own title
    position: int = 0  # order in the config
    last_refresh: datetime | None = None
    last_error: str = ""
    unread: int = 0
    total: int = 0

    @property
    def display_name(self) -> str:
        return self.name or self.title or self.url


@dataclass(frozen=True, slots=True)
class Enclosure:
    """A file a feed item carries (a podcast's audio, a video, a PDF): shown as such, never
    read as an article."""

    url: str
    type: str = ""  # the feed's word for it ("audio/mpeg"); not trusted for anything
    length: int = 0  # bytes, as the feed says; 0 when it does not


@dataclass(slots=True)
class Entry:
    """A headline as parsed from a source, before it is stored."""

    title: str
    link: str
    guid: str = ""
    summary: str = ""  # plain text, paragraphs separated by blank lines
    # Aware; a day printed without a time is moments.day_only (stored as "2022-09-20").
    published: datetime | None = None
    author: str = ""
    image: str = ""
    enclosures: tuple[Enclosure, ...] = ()


@dataclass(slots=True)
class ParsedSource:
    """What parsing one fetched source gave: its title and headlines, in source order."""

    title: str
    entries: list[Entry]
    link: str = ""  # the site's own address, when the source names it
    warning: str = ""  # why the document was irregular, when entries still came out


@dataclass(slots=True)
class Headline:
    """A stored headline."""

    id: int
    feed_id: int
    title: str
    link: str
    guid: str = ""
    summary: str = ""
    published: datetime | None = None
    author: str = ""
    image: str = ""
    feed_name: str = ""
    read: bool = False
    starred: bool = False
    has_article: bool = False
    first_seen: datetime | None = None
    position: int = 0  # page order for HTML sources
    highlight: bool = False  # a [[filter]] with action = "highlight" matches it


@dataclass(slots=True)
class Link:
    """A link inside a block: characters [start, end) of the block's text point at url."""

    start: int
    end: int
    url: str


@dataclass(slots=True)
class Figure:
    """A picture of the article: its address, the caption printed under it (label removed),
    the photographer's or agency's credit, and its alt text."""

    url: str
    caption: str = ""
    credit: str = ""
    alt: str = ""


@dataclass(slots=True)
class Block:
    """One piece of article body.

    kind: "p" paragraph, "h" heading, "quote", "li" list item (unordered), "oli" ordered
    item, "pre" preformatted, "figure" a picture (text empty, figure set).
    """

    kind: str
    text: str
    links: list[Link] = field(default_factory=list)
    figure: Figure | None = None


@dataclass(slots=True)
class Article:
    """An extracted article, as stored and rendered."""

    url: str
    title: str = ""
    author: str = ""
    published: datetime | None = None
    site: str = ""
    image: str = ""
    caption: str = ""
    blocks: list[Block] = field(default_factory=list)
    pages: int = 1
    method: str = "generic"  # "rule:<name>", "generic", "summary", "demo"
    credit: str = ""  # of the lead image

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks if b.text)

    @property
    def figures(self) -> list[Figure]:
        """Every picture in reading order: the lead image first, then the body's."""
        lead = [Figure(self.image, self.caption, self.credit)] if self.image else []
        return lead + [b.figure for b in self.blocks if b.figure is not None]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = to_stored(self.published)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        blocks = [
            Block(
                b["kind"],
                b["text"],
                [Link(**lk) for lk in b.get("links", [])],
                _figure(b.get("figure")),
            )
            for b in d.get("blocks", [])
        ]
        pub = d.get("published")
        return cls(
            url=d.get("url", ""),
            title=d.get("title", ""),
            author=d.get("author", ""),
            published=from_stored(pub),
            site=d.get("site", ""),
            image=d.get("image", ""),
            caption=d.get("caption", ""),
            blocks=blocks,
            pages=d.get("pages", 1),
            method=d.get("method", "generic"),
            credit=d.get("credit", ""),
        )


@dataclass(slots=True)
class RefreshResult:
    """What one source's refresh did, for the CLI line and the UI."""

    feed: Feed
    new: int = 0
    total: int = 0
    not_modified: bool = False
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def _figure(d: Any) -> Figure | None:
    if not isinstance(d, dict) or not d.get("url"):
        return None
    return Figure(*(str(d.get(k) or "") for k in ("url", "caption", "credit", "alt")))
