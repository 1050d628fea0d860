"""Do hostile sizes cost linear time? OPML import (issue 17 #7) and a feed full of categories
(#5), timed at growing sizes: each row prints the time per unit, which stays flat when the cost
is linear (it grew with n when OPML import compared every new feed with every earlier one).

    python benchmarks/linear_bounds.py [--smoke]

OPML import is timed as `korantui import` does it: parse the OPML (core/opml), append the new
feeds to config.toml (core/config_edit), read the config back (core/config) and add the feeds
to the store (Store.sync_feeds).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src")]

from korantui.core.config import load_config  # noqa: E402
from korantui.core.config_edit import add_feeds  # noqa: E402
from korantui.core.opml import import_opml  # noqa: E402
from korantui.core.sources.feed_kind import parse_feed_document  # noqa: E402
from korantui.core.store.database import Store  # noqa: E402


def opml(n: int) -> bytes:
    rows = "".join(
        f'<outline text="Feed {i}" type="rss" xmlUrl="https://site{i % 97}.example/f/{i}.xml"/>'
        for i in range(n)
    )
    return (
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        f'<outline text="Kepri">{rows}</outline></body></opml>'
    ).encode()


def categories_feed(items: int, per_item: int) -> bytes:
    cats = "".join(f"<category>k{j}</category>" for j in range(per_item))
    body = "".join(
        f"<item><title>Berita {i}</title><link>https://koran.example/{i}</link>{cats}</item>"
        for i in range(items)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title>'
        f"<link>https://koran.example/</link>{body}</channel></rss>"
    ).encode()


def time_import(n: int, work: Path) -> dict[str, float]:
    data = opml(n)
    cfg = work / f"config-{n}.toml"
    cfg.write_text("[[feeds]]\nurl = 'https://first.example/feed'\n", encoding="utf-8")
    t: dict[str, float] = {}
    a = time.perf_counter()
    specs = import_opml(data)
    t["parse OPML"] = time.perf_counter() - a
    a = time.perf_counter()
    added = add_feeds(cfg, specs)
    t["write config"] = time.perf_counter() - a
    assert len(added) == n
    a = time.perf_counter()
    config = load_config(cfg, work / f"data-{n}")
    t["read config"] = time.perf_counter() - a
    a = time.perf_counter()
    store = Store(work / f"data-{n}" / "korantui.db")
    store.sync_feeds(config.feeds)
    store.close()
    t["store"] = time.perf_counter() - a
    return t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true", help="small sizes, for the tests")
    args = parser.parse_args()
    print(
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()},"
        f" {platform.system()} {platform.release()}"
    )
    sizes = (100, 300) if args.smoke else (1000, 3000, 10000)
    with tempfile.TemporaryDirectory(prefix="korantui-linear-") as tmp:
        print("OPML import (korantui import): seconds, and µs per feed")
        for n in sizes:
            t = time_import(n, Path(tmp))
            total = sum(t.values())
            parts = ", ".join(f"{k} {v:.2f} s" for k, v in t.items())
            print(f"  {n:>6} feeds: {total:6.2f} s  {total / n * 1e6:7.0f} µs/feed  ({parts})")
    print("Feed of 70 items with n <category> each (parse, CPU): seconds, and µs per category")
    for per_item in (50, 500) if args.smoke else (500, 5000, 20000):
        data = categories_feed(70, per_item)
        a = time.process_time()
        parsed = parse_feed_document(data, "https://koran.example/rss")
        cpu = time.process_time() - a
        assert len(parsed.entries) == 70
        print(
            f"  {per_item:>6} categories/item ({len(data) / 1e6:.1f} MB): {cpu:6.3f} s CPU"
            f"  {cpu / (70 * per_item) * 1e6:7.2f} µs/category"
        )


if __name__ == "__main__":
    main()
