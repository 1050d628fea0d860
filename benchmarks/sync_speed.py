"""`korantui sync` of many feeds with new articles (issue 15): articles per second, and CPU.

    python benchmarks/sync_speed.py [--feeds 100] [--items 10] [--latency 0.1]

A loopback site spreads the feeds over 25 hosts; every item links to an article page on its
feed's host (http://127.0.0.k/berita/...), so a sync fetches feeds × items articles at the
per-host cap, and extracts each one. One `korantui sync` in a subprocess, on an empty store,
at korantui's defaults; the site counts what it served. PYTHONPATH=<other checkout>/src measures
another version the same way.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from compiled import compile_korantui  # noqa: E402
from loopsite import NewsSite  # noqa: E402
from refresh_floor import HOSTS, korantui_config  # noqa: E402

TIMEOUT = 900.0


def run(
    feeds: int = 100, items: int = 10, latency: float = 0.1, korantui: list[str] | None = None
) -> dict[str, Any]:
    cmd = korantui or [sys.executable, "-m", "korantui"]
    work = Path(tempfile.mkdtemp(prefix="korantui-sync-"))
    with NewsSite(feeds, items, latency, hosts=min(HOSTS, feeds), loopback_links=True) as site:
        cfg = korantui_config(work / "config.toml", site.feed_urls)
        data = work / "data"
        site.take_counts()
        err = tempfile.TemporaryFile()  # noqa: SIM115  (closed below)
        machine0, own0 = _machine_cpu(), _own_cpu()
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [*cmd, "--config", str(cfg), "--data-dir", str(data), "sync"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,
        )
        killer = threading.Timer(TIMEOUT, proc.kill)
        killer.start()
        _, status, usage = os.wait4(proc.pid, 0)  # the sync's CPU, and its reaped children's
        killer.cancel()
        wall = time.perf_counter() - t0
        machine1, own1 = _machine_cpu(), _own_cpu()
        counts = site.take_counts()
    err.seek(0)
    tail = err.read().decode("utf-8", "replace")[-2000:]
    err.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"korantui sync exited {code}: {tail}")
    with sqlite3.connect(data / "korantui.db") as con:
        stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        # Every process's, korantui's workers included (a forkserver's children are not the
        # sync's to reap): the machine's busy time less this process's (the site's threads).
        "cpu_all": None
        if machine0 is None or machine1 is None
        else (machine1 - machine0) - (own1 - own0),
        "articles": stored,
        "served": counts,
        "per_second": stored / wall if wall else 0.0,
        "feeds": feeds,
        "items": items,
    }


def _machine_cpu() -> float | None:
    """Seconds of CPU the whole machine has been busy (Linux's /proc/stat), else None."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.1)
    args = parser.parse_args()
    print(compile_korantui(), flush=True)  # as an install leaves it (compiled.py)
    r = run(args.feeds, args.items, args.latency)
    print(
        f"sync of {r['feeds']} feeds × {r['items']} articles: {r['articles']} stored in"
        f" {r['wall']:.2f} s = {r['per_second']:.1f} articles/s; CPU {r['cpu']:.2f} s"
        f" ({r['cpu'] / r['wall'] * 100:.0f}% of one core); served {r['served']}"
    )
    if r["cpu_all"] is not None:
        print(f"CPU of every process but the site's (extraction workers too): {r['cpu_all']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
