"""Issue 17 #7: importing an OPML list costs time linear in its size (every new feed was
compared with every earlier one: 1,000 feeds 4 s, 10,000 feeds 320 s), and the benchmark that
prints the figures runs."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from korantui.core.config import load_config
from korantui.core.config_edit import add_feeds
from korantui.core.models import FeedSpec
from korantui.core.opml import import_opml

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "linear_bounds.py"


def _opml(n: int) -> bytes:
    rows = "".join(
        f'<outline text="F{i}" type="rss" xmlUrl="https://s{i % 7}.example/f/{i}.xml"/>'
        for i in range(n)
    )
    return f'<opml version="2.0"><head/><body>{rows}</body></opml>'.encode()


def _import_seconds(n: int, tmp_path: Path) -> float:
    best = float("inf")
    for attempt in range(2):
        config = tmp_path / f"c-{n}-{attempt}.toml"
        config.write_text("[[feeds]]\nurl = 'https://first.example/f'\n", encoding="utf-8")
        start = time.process_time()
        added = add_feeds(config, import_opml(_opml(n)))
        best = min(best, time.process_time() - start)
        assert len(added) == n
    return best


def test_opml_import_time_grows_linearly(tmp_path):
    small, large = _import_seconds(200, tmp_path), _import_seconds(800, tmp_path)
    # Four times the feeds: about four times the time when linear, sixteen when quadratic.
    assert large < small * 8, f"200 feeds {small:.2f} s, 800 feeds {large:.2f} s"


def test_an_import_skips_feeds_already_there_under_another_spelling(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[[feeds]]\nurl = 'http://h.example/f/1.xml'\n", encoding="utf-8")
    specs = [
        FeedSpec("http://h.example/f/../f/1.xml"),
        FeedSpec("HTTP://H.example:80/f/1.xml"),
        FeedSpec("http://h.example/f/2.xml"),
        FeedSpec("http://h.example/f/./2.xml"),
    ]
    assert [s.url for s in add_feeds(config, specs)] == ["http://h.example/f/2.xml"]
    assert len(load_config(config, tmp_path / "data").feeds) == 2


def test_the_benchmark_prints_its_figures():
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--smoke"], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "µs/feed" in proc.stdout and "µs/category" in proc.stdout
    assert "300 feeds" in proc.stdout and "500 categories/item" in proc.stdout
