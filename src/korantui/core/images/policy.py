"""Which image addresses are worth a request: pictures of the news, not tracking pixels,
counters, logos or the site's own chrome. Judged from the address and the tag alone, before
anything is fetched."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from korantui.core.regex_cache import compiled

# Hosts whose "images" are counters and beacons: a request to them tells someone the article
# was read, and they never hold a photograph.
TRACKER_HOSTS = frozenset(
    {
        "b.scorecardresearch.com",
        "sb.scorecardresearch.com",
        "id.effectivemeasure.net",
        "d5nxst8fruw4z.cloudfront.net",  # Alexa's atrk.gif
        "www.facebook.com",
        "facebook.com",
        "pixel.facebook.com",
        "www.google-analytics.com",
        "google-analytics.com",
        "stats.g.doubleclick.net",
        "ad.doubleclick.net",
        "googleads.g.doubleclick.net",
        "pixel.wp.com",
        "stats.wp.com",
        "pixel.quantserve.com",
        "secure-id.imrworldwide.com",
        "analytics.twitter.com",
        "t.co",
        "bat.bing.com",
        "ping.chartbeat.net",
        "px.ads.linkedin.com",
        "trc.taboola.com",
        "cdn.taboola.com",
        "widgets.outbrain.com",
    }
)
# Path words of the site's own chrome and of spacers: never the news.
_CHROME = compiled(
    r"(?:^|[/_.-])(?:logo\w*|icons?|sprites?|favicon|avatar|emoji|spacer|blank|pixel|1px\w*"
    r"|loading|loader|placeholder|lazy|btn|button|arrow\w*|sosmed\w*|badge|banner)(?:[/_.-]|$)",
    re.I,
)
_NOT_PHOTO = compiled(r"\.(?:svgz?|ico)(?:$|[?#])", re.I)


def is_tracker_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return host in TRACKER_HOSTS or any(host.endswith("." + t) for t in TRACKER_HOSTS)


def worth_fetching(url: str) -> bool:
    """An http(s) address that may hold a news photo (no tracker host, no logo, no SVG)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if is_tracker_host(parts.hostname):
        return False
    return not (_NOT_PHOTO.search(parts.path) or _CHROME.search(parts.path))


def declared_tiny(width: str | None, height: str | None) -> bool:
    """The tag's own width/height say it is a pixel or an icon (under 48 px either way)."""
    for value in (width, height):
        m = re.match(r"\s*(\d+)\s*(?:px)?\s*$", value or "")
        if m and int(m.group(1)) < 48:
            return True
    return False
