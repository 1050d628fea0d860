"""The benchmarks run end to end at a tiny size (issue 7): a crash fails, timings never do."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"

ROWS = (
    "1. refresh cold: wall",
    "refresh cold: CPU",
    "refresh cold: peak RSS",
    "1. refresh warm: wall",
    "refresh warm: CPU",
    "refresh warm: peak RSS",
    "8. 25 hosts, cold: wall",
    "25 hosts, warm: wall",
    "9. one host, cold: wall",
    "10. sync, 5 feeds × 5 articles",
    "11. key during a refresh: p50",
    "key, nothing running: p99",
    "2. start-up to first headlines",
    "3. 200 headlines: first paint",
    "200 headlines: per key press",
    "4. stored 5000-word article",
    "5. extraction per page",
    "6. search over 200 headlines",
    "7. memory, app with 200 headlines",
)


def test_benchmarks_smoke_run_prints_every_row() -> None:
    proc = subprocess.run(
        [sys.executable, str(RUN), "--smoke"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    out = proc.stdout
    assert "machine:" in out and "cores" in out
    for row in ROWS:
        assert row in out, f"missing row {row!r} in:\n{out}"
    if shutil.which("newsboat") is None:
        assert "newsboat not installed" in out
