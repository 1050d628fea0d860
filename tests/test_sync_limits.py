"""What one `korantui sync` fetches is capped per site and in all ([sync], issue 17 item 6)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from korantui.cli import main
from korantui.core.config import ConfigError, load_config
from korantui.core.store.database import Store
from tests.hostile_servers import Site, rss

WORDS = [
    "pemerintah",
    "kota",
    "warga",
    "pelabuhan",
    "kapal",
    "nelayan",
    "harga",
    "beras",
    "minyak",
    "presiden",
]


def _article(title: str) -> bytes:
    paragraph = " ".join(WORDS[(i * 7) % len(WORDS)] for i in range(60)) + "."
    body = "".join(f"<p>{paragraph} {title} bagian {k}.</p>" for k in range(6))
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def _serve(site: Site, name: str, n: int, newest: datetime) -> str:
    items = [
        {
            "title": f"{name} kabar {i}",
            "link": site.url(f"/berita/{i}"),
            "pubDate": format_datetime(newest - timedelta(minutes=i)),
        }
        for i in range(n)
    ]
    site.route_prefix(
        "/berita/",
        lambda h: h.answer(200, _article(h.path), "text/html; charset=utf-8", None),
    )
    return site.page("/feed.xml", rss(items, title=name), "application/rss+xml")


def test_a_sync_fetches_at_most_the_caps_newest_first(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC) - timedelta(hours=1)
    with Site() as a, Site() as b:
        feed_a = _serve(a, "Koran A", 12, now)  # the newest
        feed_b = _serve(b, "Koran B", 4, now - timedelta(hours=5))
        config = tmp_path / "config.toml"
        config.write_text(
            f'[sync]\nmax_per_host = 5\nmax_articles = 8\n\n[[feeds]]\nurl = "{feed_a}"\n'
            f'name = "A"\n\n[[feeds]]\nurl = "{feed_b}"\nname = "B"\n',
            encoding="utf-8",
        )
        data = tmp_path / "data"
        assert main(["--config", str(config), "--data-dir", str(data), "sync"]) == 0
        fetched_a = sum(n for path, n in a.hits.items() if path.startswith("/berita/"))
        fetched_b = sum(n for path, n in b.hits.items() if path.startswith("/berita/"))
    out = capsys.readouterr().out.splitlines()
    assert (fetched_a, fetched_b) == (5, 3)
    assert "Fetching 8 unread articles" in out
    assert out[-1].endswith(
        "8 articles stored (0 failed); 8 articles left for the next sync (the [sync] caps)"
    )
    store = Store(data / "korantui.db")
    stored = [h.title for h in store.headlines() if store.article(h.id) is not None]
    store.close()
    assert sorted(stored) == sorted(
        [f"Koran A kabar {i}" for i in range(5)] + [f"Koran B kabar {i}" for i in range(3)]
    )


def test_the_caps_have_defaults_and_must_be_whole_numbers(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('language = "en"\n', encoding="utf-8")
    limits = load_config(config, tmp_path).sync
    assert (limits.max_articles, limits.max_per_host) == (2000, 300)
    for text, words in (
        ("[sync]\nmax_per_host = 0.5\n", "line 2: 'max_per_host' must be a whole number"),
        ("[sync]\nmax_articles = 0\n", "line 2: 'max_articles' must be a whole number"),
        ("[sync]\nmax_per_hots = 3\n", "did you mean 'max_per_host'?"),
        ("sync = 3\n", "line 1: [sync] must be a table"),
    ):
        config.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError) as e:
            load_config(config, tmp_path)
        assert words in str(e.value)
    config.write_text("[sync]\nmax_per_host = 1\n", encoding="utf-8")
    assert load_config(config, tmp_path).sync.max_per_host == 1
