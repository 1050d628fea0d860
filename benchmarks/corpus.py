"""Synthetic stores and configs for the benchmarks: N feeds of headlines, long stored articles.

Built through the real Store API (sync_feeds, save_entries, save_article), so the rows, indexes
and FTS entries are exactly what a refresh would have left behind.
"""

from __future__ import annotations

import random
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from loopsite import paragraph, sentence  # benchmarks/loopsite.py, beside this file

from korantui.core.models import Article, Block, Entry, FeedSpec, Link
from korantui.core.store.database import Store


def write_config(path: Path, urls: list[str], concurrency: int = 8) -> Path:
    """A config with these feeds and `concurrency` connections in all (and per host: the
    loopback site is one host, and newsboat's reload-threads does not cap per host)."""
    lines = [
        'language = "en"',
        "[network]",
        f"max_connections = {concurrency}",
        f"max_per_host = {concurrency}",
        "",
    ]
    for i, url in enumerate(urls):
        lines += ["[[feeds]]", f'url = "{url}"', f'name = "Koran Uji {i}"', ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def build_store(db: Path, urls: list[str], total: int, seed: int = 11) -> None:
    """`total` headlines spread over the feeds, newest first, with 40-word summaries."""
    rng = random.Random(seed)
    store = Store(db)
    store.sync_feeds([FeedSpec(url=u, name=f"Koran Uji {i}") for i, u in enumerate(urls)])
    feeds = store.feeds()
    per_feed = max(1, total // len(feeds))
    start = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    made = 0
    for f_index, feed in enumerate(feeds):
        n = per_feed if f_index < len(feeds) - 1 else total - made
        entries = []
        for j in range(n):
            link = f"{feed.url.rsplit('/feed/', 1)[0]}/berita/{f_index}/{j}-x"
            entries.append(
                Entry(
                    title=sentence(rng, rng.randint(7, 13)),
                    link=link,
                    guid=link,
                    summary=paragraph(rng, 40),
                    published=start - timedelta(minutes=7 * j + f_index),
                    author=f"Redaksi {f_index}",
                )
            )
        store.save_entries(feed.id, entries, title=f"Koran Uji {f_index}")
        made += n
    store.close()


def long_article(url: str, words: int, seed: int) -> Article:
    """An article of `words` words in ~100-word paragraphs, with a link every few paragraphs."""
    rng = random.Random(seed)
    blocks: list[Block] = []
    left = words
    while left > 0:
        n = min(left, 100)
        text = paragraph(rng, n)
        links = []
        if len(blocks) % 4 == 1:
            links.append(Link(0, min(20, len(text)), f"https://example.org/tautan/{len(blocks)}"))
        kind = "h" if len(blocks) % 12 == 11 else "p"
        blocks.append(Block(kind, text if kind == "p" else sentence(rng, 6), links))
        left -= n if kind == "p" else 0
    return Article(
        url=url,
        title=sentence(rng, 10),
        author="Redaksi",
        published=datetime(2026, 11, 27, 9, 30, tzinfo=UTC),
        site="Koran Uji",
        blocks=blocks,
        method="rule:bench",
    )


def add_articles(db: Path, count: int, words: int) -> list[int]:
    """Store a `words`-word article for the `count` newest headlines; returns their ids."""
    store = Store(db)
    ids = [h.id for h in store.headlines(limit=count)]
    for n, hid in enumerate(ids):
        h = store.headline(hid)
        assert h is not None
        store.save_article(hid, long_article(h.link, words, seed=n))
    store.close()
    return ids


def copy_store(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        s = Path(str(src) + suffix)
        if s.exists():
            shutil.copyfile(s, Path(str(dst) + suffix))
