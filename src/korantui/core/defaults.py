"""The built-in outlet list, read when there is no config file.

Feed addresses come from what is publicly known of each outlet (see the README's table). An
outlet whose feed is not known is read as an HTML source: its headlines scraped from its front
or index page.
"""

from __future__ import annotations

from korantui.core.models import FEED_KIND, HTML_KIND, FeedSpec

DEFAULT_FEEDS: list[FeedSpec] = [
    # Batam / Kepulauan Riau
    FeedSpec("https://koranbatam.com/", "Koran Batam", "Kepri", HTML_KIND),
    FeedSpec("https://kepri.antaranews.com/rss/terkini.xml", "Antara Kepri", "Kepri", FEED_KIND),
    FeedSpec("https://batampos.co.id/feed/", "Batam Pos", "Kepri", FEED_KIND),
    # National
    FeedSpec("https://www.antaranews.com/rss/terkini.xml", "Antara", "Nasional", FEED_KIND),
    FeedSpec("https://news.detik.com/rss", "Detik", "Nasional", FEED_KIND),
    FeedSpec("https://rss.tempo.co/nasional", "Tempo", "Nasional", FEED_KIND),
    FeedSpec("https://www.cnnindonesia.com/nasional/rss", "CNN Indonesia", "Nasional", FEED_KIND),
    FeedSpec("https://www.republika.co.id/rss", "Republika", "Nasional", FEED_KIND),
    FeedSpec("https://indeks.kompas.com/", "Kompas", "Nasional", HTML_KIND),
    FeedSpec("https://www.cnbcindonesia.com/news/rss", "CNBC Indonesia", "Ekonomi", FEED_KIND),
    # World news in Indonesian
    FeedSpec(
        "https://feeds.bbci.co.uk/indonesia/rss.xml", "BBC News Indonesia", "Dunia", FEED_KIND
    ),
    FeedSpec("https://www.voaindonesia.com/api/zmgqoe$moi", "VOA Indonesia", "Dunia", FEED_KIND),
]
