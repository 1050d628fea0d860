"""benchmarks/read_speed.py runs end to end at its smoke size (a crash fails, timings never do),
as row 12 of benchmarks/run.py; without ../shared it says why it skipped."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def test_the_read_speed_row_is_printed() -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--smoke", "--only", "read"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    row = next(line for line in proc.stdout.splitlines() if line.startswith("12. read FILE"))
    assert "skipped: no " in row or ("trafilatura" in row and "×" in row)
