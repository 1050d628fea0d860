"""benchmarks/extraction_layouts.py changes pages the way older layouts differ, and runs end to
end on a few corpus pages (skipping with its reason where ../shared is absent)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
PAGE = (
    b'<html><head><meta charset="utf-8"><meta property="og:title" content="T">'
    b'<script type="application/ld+json">{"headline": "T"}</script></head>'
    b"<body><header>h</header><article><time datetime='2017-03-09'>9 Maret</time>"
    b"<p>isi</p></article></body></html>"
)


def _changed(change: str) -> bytes:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from extraction_layouts import changed
    finally:
        sys.path.remove(str(BENCHMARKS))
    return changed(PAGE, change)


def test_the_changes_take_out_what_older_pages_lack() -> None:
    assert _changed("none") == PAGE
    assert b"ld+json" not in _changed("nojsonld") and b"og:title" in _changed("nojsonld")
    nometa = _changed("nometa")
    assert b"og:title" not in nometa and b'<meta charset="utf-8">' in nometa
    html4 = _changed("html4")
    assert b"<article" not in html4 and b"<time" not in html4 and b"</div></body>" in html4
    assert b"<p>isi</p>" in html4
    old = _changed("old")
    assert b"og:title" not in old and b"<header" not in old


def test_the_benchmark_runs_on_a_few_pages() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "extraction_layouts.py"),
            "--only",
            "old",
            "--stride",
            "240",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    if proc.stdout.startswith("skipped: "):
        return  # ../shared is absent: the line says so
    rows = [line.split() for line in proc.stdout.splitlines() if line.startswith("old ")]
    assert [r[1] for r in rows] == ["korantui", "trafilatura"]
    assert all(0.0 <= float(v) <= 1.0 for r in rows for v in r[2:] if v != "-")
