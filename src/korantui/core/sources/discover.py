"""What a site offers to read, from its address: a feed, or else its headlines scraped.

Order (issue 4): the address is itself a feed; the page's <link rel="alternate"> feeds (then
its own "RSS" links, which small sites show in the footer instead); the places feeds usually
live; an HTML source made of the page's own headlines. A candidate feed counts only once it was
fetched and parsed into headlines: sites advertise dead feeds.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import lxml.etree
import lxml.html

from korantui.core.htmlwork import on_html_thread
from korantui.core.models import FeedSpec, ParsedSource
from korantui.core.net.charset import decode_html
from korantui.core.net.doctype import looks_like_feed
from korantui.core.net.fetch import Fetcher, FetchError, FetchResult
from korantui.core.net.zones import Zone
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line, safe_url
from korantui.core.sources.feed_kind import FEED_ACCEPT, FeedKind, format_of, parse_feed_document
from korantui.core.sources.feeds import FeedParseError
from korantui.core.sources.html_kind import HtmlKind
from korantui.core.threads import off_loop

COMMON_PATHS = (
    "/feed/",
    "/rss/",
    "/rss.xml",
    "/feed.xml",
    "/atom.xml",
    "/index.xml",
    "/rss/terkini.xml",
    "/?feed=rss2",
)
_FEED_TYPES = {
    "application/rss+xml": "RSS",
    "application/atom+xml": "Atom",
    "application/rdf+xml": "RDF",
    "application/feed+json": "JSON Feed",
    "application/json": "JSON Feed",
    "application/xml": "",
    "text/xml": "",
}
_MAX_ALTERNATES = 8
_MAX_ANCHORS = 4
_FEED_PATH = compiled(
    r"(?:^|/)(?:rss|feeds?|atom)(?:/|\.xml$|\.php$|$)|\.(?:rss|atom)$|(?:rss|feed|atom)[^/]*\.xml$"
)
# Comment feeds and per-post feeds are advertised beside the site's feed: never the best choice.
_SECONDARY = compiled(r"comment|komentar|replies", re.I)


class DiscoveryError(Exception):
    """Nothing readable at the address; str() says what was tried, for one line."""


@dataclass(slots=True)
class Discovery:
    kind: str  # the registered kind's name (sources/registry.py): a feed, or an HTML page
    url: str  # the feed's address, or the page's for an HTML source
    title: str  # the feed's or the site's own title
    count: int  # headlines found
    format: str  # "RSS", "Atom", "RDF", "JSON Feed" or "HTML"
    alternatives: list[str] = field(default_factory=list)  # other working feeds
    summary: str = ""  # one line for users
    warning: str = ""  # the chosen feed parsed, but irregular
    # What discovery already fetched and parsed, so adding the source stores it at once
    # instead of fetching it a second time.
    parsed: ParsedSource | None = None
    etag: str = ""
    last_modified: str = ""

    def spec(self, name: str = "", category: str = "") -> FeedSpec:
        """The config entry for what was found (name falls back to the source's title)."""
        return FeedSpec(
            url=self.url,
            name=clean_line(name) or self.title,
            category=clean_line(category),
            kind=self.kind,
        )


def normalise_address(address: str) -> str:
    """The http(s) address a user meant ("koranbatam.com" → "https://koranbatam.com/")."""
    text = clean_line(address)
    if not text:
        raise DiscoveryError("no address given")
    if text.startswith("//"):
        text = "https:" + text
    elif not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:(?!\d)", text):
        # No scheme ("koranbatam.com", "localhost:8080/x"): the user means the web.
        text = "https://" + text
    url = safe_url(text)
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        url = ""
    if not url:
        raise DiscoveryError(f"not an http(s) address: {text[:200]}")
    return urlunsplit(parts._replace(path=parts.path or "/"))


async def discover(
    fetcher: Fetcher,
    url: str,
    progress: Callable[[str], None] = lambda s: None,
    origin_zone: Callable[[str], Awaitable[Zone]] | None = None,
) -> Discovery:
    """Find the best way to read the site at url. Raises DiscoveryError when there is none.

    The reader asked for url itself; the feed links its page names and the usual feed
    addresses are korantui's own fetches, so they reach no further into private networks than
    the page (origin_zone judges its address; by default the fetcher looks it up)."""
    address = normalise_address(url)
    tried: set[str] = set()
    progress(f"fetching {address}")
    page: FetchResult | None = None
    page_error = ""
    html = ""
    try:
        page = await fetcher.get(address, accept=FEED_ACCEPT + ", text/html;q=0.8")
    except FetchError as e:
        page_error = str(e)
        progress(f"  {page_error}")
    tried.add(address)
    where = page.url if page is not None else address
    fetcher = fetcher.confined(await (origin_zone or fetcher.zone_of)(where))

    if page is not None:
        tried.add(page.url)
        if _looks_like_feed(page):
            found, _ = await _as_feed(page)
            if found is not None:
                progress(f"  the address is a feed: {found.summary}")
                return found
        html = decode_html(page.content, page.declared_charset)
        alternates, anchors = await off_loop(_feed_links, html, page.url)
        if not alternates:
            progress("the page names no feed")
        # Many small sites have no <link> but an "RSS" link in the footer.
        for urls, what in (
            (alternates, "feed link(s) the page names"),
            (anchors, "RSS link(s) on the page"),
        ):
            urls = [u for u in urls if u not in tried]
            if urls:
                progress(f"checking {len(urls)} {what}")
                found = await _best_of(fetcher, urls, progress)
                if found is not None:
                    return found
                tried.update(urls)

    if page is not None or _worth_probing(page_error):
        root = page.url if page is not None else address
        progress("trying the usual feed addresses")
        for path in COMMON_PATHS:
            candidate = safe_url(path, root)
            if candidate in tried:
                continue
            tried.add(candidate)
            found = await _try_feed(fetcher, candidate, progress)
            if found is not None:
                return found

    if page is None:
        raise DiscoveryError(f"cannot read {address}: {page_error}")
    progress("no feed; looking for headlines on the page")
    from korantui.core.sources.htmlsource import parse_html_source

    try:
        parsed = await off_loop(parse_html_source, html, page.url)
    except FeedParseError as e:
        raise DiscoveryError(f"no feed, and {e}") from None
    n = len(parsed.entries)
    found = Discovery(
        kind=HtmlKind.name,
        url=page.url,
        title=parsed.title,
        count=n,
        format="HTML",
        summary=f"no feed; {n} headline{'s' if n != 1 else ''} from the page",
        parsed=parsed,
        etag=page.etag,
        last_modified=page.last_modified,
    )
    progress(f"  {found.summary}")
    return found


def _worth_probing(error: str) -> bool:
    # When the host cannot be reached at all, probing eight more paths only repeats the error.
    return bool(error) and not error.startswith(("cannot connect", "no complete answer"))


def _looks_like_feed(result: FetchResult) -> bool:
    ctype = result.content_type
    if any(t in ctype for t in ("rss", "atom", "rdf", "xml", "json")):
        return True
    # Any XML document is worth parsing as a feed (a DOCTYPE with declarations hides the root
    # from looks_like_feed).
    return looks_like_feed(result.content) or result.content[:64].lstrip(
        b"\xef\xbb\xbf \t\r\n"
    ).startswith(b"<?xml")


def _format_of(result: FetchResult) -> str:
    return format_of(result.content).variant(result.content)


async def _as_feed(result: FetchResult) -> tuple[Discovery | None, str]:
    """The feed result holds, or None and why not (parse_feed's words, for the progress line)."""
    try:
        parsed = await off_loop(
            parse_feed_document, result.content, result.url, result.headers.get("content-type", "")
        )
    except FeedParseError as e:
        return None, str(e) or "not a feed"
    return _feed_discovery(result, parsed), ""


def _feed_discovery(result: FetchResult, parsed: ParsedSource) -> Discovery:
    fmt = _format_of(result)
    n = len(parsed.entries)
    name = parsed.title or result.url
    label = fmt if "feed" in fmt.lower() else f"{fmt} feed"
    return Discovery(
        kind=FeedKind.name,
        url=result.url,
        title=parsed.title,
        count=n,
        format=fmt,
        summary=f"{label}: {name} ({n} headline{'s' if n != 1 else ''})",
        warning=parsed.warning,
        parsed=parsed,
        etag=result.etag,
        last_modified=result.last_modified,
    )


async def _try_feed(
    fetcher: Fetcher, url: str, progress: Callable[[str], None]
) -> Discovery | None:
    found, why = await _try_quiet(fetcher, url)
    progress(f"  {url}: {found.summary if found else why}")
    return found


async def _best_of(
    fetcher: Fetcher, urls: list[str], progress: Callable[[str], None]
) -> Discovery | None:
    """The first working feed of urls (already ranked), the other working ones as alternatives."""
    results = await asyncio.gather(*(_try_quiet(fetcher, u) for u in urls))
    working: list[Discovery] = []
    for url, (found, error) in zip(urls, results, strict=True):
        progress(f"  {url}: {found.summary if found else error}")
        if found is not None:
            working.append(found)
    if not working:
        return None
    best = working[0]
    best.alternatives = [d.url for d in working[1:] if d.url != best.url]
    return best


async def _try_quiet(fetcher: Fetcher, url: str) -> tuple[Discovery | None, str]:
    try:
        result = await fetcher.get(url, accept=FEED_ACCEPT)
    except FetchError as e:
        return None, str(e)
    return await _as_feed(result)


def _feed_links(html: str, base: str) -> tuple[list[str], list[str]]:
    """Feeds the page names: its <link rel="alternate"> ones, best first (the site's own main
    feed before comment feeds and other sites'), then same-site links that look like feeds."""
    return on_html_thread(_find_feed_links, html, base)


def _find_feed_links(html: str, base: str) -> tuple[list[str], list[str]]:
    try:
        doc = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", html) or "<html/>")
    except (ValueError, lxml.etree.ParserError):
        return [], []
    for el in doc.iter("base"):
        base = safe_url(el.get("href"), base) or base
        break
    site = (urlsplit(base).hostname or "").removeprefix("www.")
    found: list[tuple[int, int, str]] = []
    for i, link in enumerate(doc.iter("link")):
        rel = (link.get("rel") or "").lower().split()
        ctype = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" not in rel or ctype not in _FEED_TYPES:
            continue
        url = safe_url(link.get("href"), base)
        if not url or any(url == u for _, _, u in found):
            continue
        secondary = bool(_SECONDARY.search(url) or _SECONDARY.search(link.get("title") or ""))
        elsewhere = (urlsplit(url).hostname or "").removeprefix("www.") != site
        found.append((int(secondary) * 2 + int(elsewhere), i, url))
    alternates = [u for _, _, u in sorted(found)][:_MAX_ALTERNATES]
    anchors: list[str] = []
    for a in doc.iter("a"):
        url = safe_url(a.get("href"), base)
        parts = urlsplit(url)
        if not url or (parts.hostname or "").removeprefix("www.") != site:
            continue
        text = clean_line(a.text_content()).casefold()
        looks = _FEED_PATH.search(parts.path.lower()) or text in ("rss", "rss feed", "feed rss")
        if looks and not (_SECONDARY.search(url) or url in alternates or url in anchors):
            anchors.append(url)
    return alternates, anchors[:_MAX_ANCHORS]
