"""Where a refresh's CPU goes: one cold and one warm `korantui refresh` profiled in-process.

The loopback site of refresh_floor.py (25 hosts, 127.0.0.1 … 127.0.0.25, 100 feeds × 50 items,
100 ms latency) runs in a child process, so its threads do not share the profiled process's
GIL. `python benchmarks/refresh_profile.py [--top 25] [--feeds 100]`; prints cProfile's top
functions by own time and by cumulative time for each temperature. A refresh of 8 feeds or more
groups its stories in a child process (core/stories/process.py), which this profile does not
see: `--feeds 7`, or core/stories/grouping.py's group_new, for that part.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "src")]

from compiled import compile_korantui  # noqa: E402

_SITE = """
import sys
sys.path.insert(0, {here!r})
from loopsite import NewsSite
with NewsSite({feeds}, {items}, {latency}, hosts={hosts}) as site:
    print("\\n".join(site.feed_urls), flush=True)
    print("", flush=True)
    sys.stdin.read()
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--hosts", type=int, default=25)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    print(compile_korantui(), flush=True)  # as an install leaves it (compiled.py)
    code = _SITE.format(
        here=str(HERE), feeds=args.feeds, items=args.items, latency=args.latency, hosts=args.hosts
    )
    site = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert site.stdout is not None
        urls = []
        for line in site.stdout:
            if not line.strip():
                break
            urls.append(line.strip())
        from refresh_floor import korantui_config

        work = Path(tempfile.mkdtemp(prefix="korantui-profile-"))
        config = korantui_config(work / "korantui.toml", urls)
        from korantui.cli import main as korantui_main

        argv_ = ["--config", str(config), "--data-dir", str(work / "data"), "refresh"]
        for temp in ("cold", "warm"):
            prof = cProfile.Profile()
            # Every thread's profile, not the main one's alone: parsing and storing run in
            # worker threads (core/threads.py), and the main thread mostly waits for the GIL.
            others: list[cProfile.Profile] = []

            def in_thread(*_: object, others: list[cProfile.Profile] = others) -> None:
                own = cProfile.Profile()
                others.append(own)
                own.enable()

            threading.setprofile(in_thread)
            t0, c0 = time.perf_counter(), time.process_time()
            out = io.StringIO()
            stdout, sys.stdout = sys.stdout, out
            try:
                prof.enable()
                korantui_main(argv_)
                prof.disable()
            finally:
                sys.stdout = stdout
                threading.setprofile(None)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            lines = out.getvalue().splitlines()
            print(
                f"== {temp}: wall {wall:.2f} s, CPU {cpu:.2f} s, {len(lines)} lines,"
                f" {len(others)} threads besides the main one"
            )
            for sort in ("tottime", "cumulative"):
                text = io.StringIO()
                stats = pstats.Stats(prof, stream=text)
                for own in others:
                    stats.add(own)
                stats.sort_stats(sort).print_stats(args.top)
                body = text.getvalue()
                print(body[body.find("   ncalls") :])
    finally:
        if site.stdin is not None:
            site.stdin.close()
        site.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
