"""The built-in outlet list, read when there is no config file.

Each outlet has an ordered list of candidate sources, from the evidence gathered in
../shared/sources/indonesian-outlets.md (public feed lists, aggregators, audits; none checked
live): its feed addresses, most trusted first, then its site for discovery, then an HTML index
page to scrape. The outlet is stored under its first candidate's address; when a candidate
answers 404, 410 or "not a feed", the next is tried and the one that works is remembered
(core/outlet_candidates.py), so an outlet that moves its feed heals itself.
"""

from __future__ import annotations

from typing import NamedTuple

from korantui.core.models import FEED_KIND, HTML_KIND, FeedSpec

DISCOVER = "discover"  # a candidate that is a site: discovery finds its feed or its headlines


class Candidate(NamedTuple):
    url: str
    kind: str  # FEED_KIND, HTML_KIND or DISCOVER


class Outlet(NamedTuple):
    name: str
    category: str
    candidates: tuple[Candidate, ...]

    @property
    def spec(self) -> FeedSpec:
        """The config entry: the first candidate (a site to discover is kept as its page)."""
        first = self.candidates[0]
        kind = FEED_KIND if first.kind == FEED_KIND else HTML_KIND
        return FeedSpec(first.url, self.name, self.category, kind)


def _feed(url: str) -> Candidate:
    return Candidate(url, FEED_KIND)


def _site(url: str) -> Candidate:
    return Candidate(url, DISCOVER)


def _page(url: str) -> Candidate:
    return Candidate(url, HTML_KIND)


OUTLETS: tuple[Outlet, ...] = (
    # Batam / Kepulauan Riau
    # No public trace of a koranbatam.com feed; its CMS family (Lokomedia) prints a static,
    # often malformed /rss.xml without dates, so the front page's headlines come first.
    Outlet(
        "Koran Batam",
        "Kepri",
        (_page("https://koranbatam.com/"), _feed("https://koranbatam.com/rss.xml")),
    ),
    Outlet(
        "Antara Kepri",
        "Kepri",
        (
            _feed("https://kepri.antaranews.com/rss/terkini.xml"),
            _site("https://kepri.antaranews.com/"),
            _page("https://kepri.antaranews.com/terkini"),
        ),
    ),
    Outlet(
        "Batam Pos",
        "Kepri",
        (
            _feed("https://batampos.co.id/feed/"),
            _feed("https://batampos.co.id/?feed=rss2"),
            _site("https://batampos.co.id/"),
            _page("https://batampos.co.id/"),
        ),
    ),
    Outlet(
        "Tribun Batam",
        "Kepri",
        (
            _feed("https://batam.tribunnews.com/rss"),
            _feed("https://batam.tribunnews.com/feed"),  # the claims conflict: both are probed
            _site("https://batam.tribunnews.com/"),
            _page("https://batam.tribunnews.com/"),
        ),
    ),
    Outlet(
        "Batamnews",
        "Kepri",
        (
            _feed("https://batamnews.co.id/feed"),
            _site("https://batamnews.co.id/"),
            _page("https://batamnews.co.id/"),
        ),
    ),
    # National
    Outlet(
        "Antara",
        "Nasional",
        (
            _feed("https://www.antaranews.com/rss/terkini.xml"),
            _site("https://www.antaranews.com/"),
            _page("https://www.antaranews.com/terkini"),
        ),
    ),
    Outlet(
        "Detik",
        "Nasional",
        (
            _feed("https://news.detik.com/rss"),
            _feed("https://news.detik.com/berita/rss"),
            _site("https://news.detik.com/"),
            _page("https://news.detik.com/indeks"),
        ),
    ),
    # The current site's gateway (the shared tempo-free-* fixtures are its feeds); rss.tempo.co
    # is the old site's.
    Outlet(
        "Tempo",
        "Nasional",
        (
            _feed("https://www.tempo.co/api/gateway/rss/free/nasional"),
            _feed("https://rss.tempo.co/nasional"),
            _site("https://www.tempo.co/"),
            _page("https://www.tempo.co/indeks"),
        ),
    ),
    Outlet(
        "CNN Indonesia",
        "Nasional",
        (
            _feed("https://www.cnnindonesia.com/nasional/rss"),
            _feed("https://www.cnnindonesia.com/rss"),
            _site("https://www.cnnindonesia.com/"),
            _page("https://www.cnnindonesia.com/indeks"),
        ),
    ),
    Outlet(
        "Republika",
        "Nasional",
        (
            _feed("https://www.republika.co.id/rss"),
            _site("https://www.republika.co.id/"),
            _page("https://www.republika.co.id/"),
        ),
    ),
    # Its official RSS is reported unreliable: the index page is what works.
    Outlet(
        "Kompas",
        "Nasional",
        (_page("https://indeks.kompas.com/"), _site("https://www.kompas.com/")),
    ),
    Outlet(
        "Suara",
        "Nasional",
        (
            _feed("https://www.suara.com/rss"),
            _site("https://www.suara.com/"),
            _page("https://www.suara.com/indeks"),
        ),
    ),
    Outlet(
        "Liputan6",
        "Nasional",
        (
            _feed("https://feed.liputan6.com/rss/news"),
            _site("https://www.liputan6.com/"),
            _page("https://www.liputan6.com/indeks"),
        ),
    ),
    Outlet(
        "Merdeka",
        "Nasional",
        (
            _feed("https://www.merdeka.com/feed/"),
            _site("https://www.merdeka.com/"),
            _page("https://www.merdeka.com/"),
        ),
    ),
    Outlet(
        "Okezone",
        "Nasional",
        (
            _feed("https://sindikasi.okezone.com/index.php/rss/0/RSS2.0"),
            _site("https://www.okezone.com/"),
            _page("https://index.okezone.com/"),
        ),
    ),
    Outlet(
        "JPNN",
        "Nasional",
        (
            _feed("https://www.jpnn.com/index.php?mib=rss"),
            _site("https://www.jpnn.com/"),
            _page("https://www.jpnn.com/"),
        ),
    ),
    Outlet(
        "CNBC Indonesia",
        "Ekonomi",
        (
            _feed("https://www.cnbcindonesia.com/news/rss"),
            _feed("https://www.cnbcindonesia.com/rss"),
            _site("https://www.cnbcindonesia.com/"),
            _page("https://www.cnbcindonesia.com/indeks"),
        ),
    ),
    # World news in Indonesian
    Outlet(
        "BBC News Indonesia",
        "Dunia",
        (
            _feed("https://feeds.bbci.co.uk/indonesia/rss.xml"),
            _site("https://www.bbc.com/indonesia"),
            _page("https://www.bbc.com/indonesia"),
        ),
    ),
    # Its old `api/zmgqoe$moi` feed is only in old projects (newer lists name other /api ids,
    # none twice): the site itself says where its feed is now.
    Outlet(
        "VOA Indonesia",
        "Dunia",
        (_site("https://www.voaindonesia.com/"), _page("https://www.voaindonesia.com/")),
    ),
)

DEFAULT_FEEDS: list[FeedSpec] = [outlet.spec for outlet in OUTLETS]

# Addresses earlier versions had built in (and wrote into configs): they heal too.
_LEGACY = {
    "https://rss.tempo.co/nasional": "Tempo",
    "https://www.voaindonesia.com/api/zmgqoe$moi": "VOA Indonesia",
}

# Each built-in outlet's candidates, by every address it may be stored under: its own, any of
# its feed addresses a config names, and the legacy ones.
CANDIDATES: dict[str, tuple[Candidate, ...]] = {
    **{url: o.candidates for o in OUTLETS for url, name in _LEGACY.items() if o.name == name},
    **{c.url: o.candidates for o in OUTLETS for c in o.candidates if c.kind == FEED_KIND},
    **{o.spec.url: o.candidates for o in OUTLETS},
}
