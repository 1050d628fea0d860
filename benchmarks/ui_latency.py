"""Key presses while a refresh lands (issue 15): j/k answered, key to repainted frame.

    python benchmarks/ui_latency.py [--feeds 100] [--keys 120] [--json OUT] [--profile DIR]

A loopback site spreads the feeds over 25 hosts (100 ms latency, 50 items each, all new to the
store); the app (headless pilot, 160×48) starts on a store of 10,000 headlines (--stored), with
the collector off until its first frame as `korantui` starts it (cli.py). In one invocation:
first the keys with nothing running, then the same while a refresh of every feed lands (from R
until the refresh, the snapshots it brings and the long list's pages have all been shown).

The site serves from a process of its own, as a reader's feeds come from other machines: in
the app's process its server threads (HTTP parsing in Python, a thread per connection) took the
GIL the app's UI thread waits for, a load no reader's app has (--site-in-process: as before).

How a key is timed: it goes in as the terminal driver sends it (events.Key through the driver's
message queue, the start time taken just before); it is answered at the first frame painted
(App._display, the compositor's output handed to the driver) after the list moved its cursor
for it. So the time holds whatever the UI thread was doing when the key came, the key's own
work, and the wait for the next frame (Textual paints at most 60 a second: 0-17 ms). Keys come
every 25 ms (a fast typist), j and k in turn, from the list's second row (k never meets the
top); the figures are the median and the 99th percentile over all keys of a phase. Both loops
are bounded (a number of keys, a time limit).

The JSON also holds when each key went in, what each snapshot cost the UI thread ("shown") and
the collector's passes over 5 ms ("collections": a pass holds the GIL, every thread waits).
--profile writes a cProfile of the UI thread for each phase (slower: not the figures).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import json
import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # PYTHONPATH=<other checkout>/src measures another version

from compiled import compile_korantui  # noqa: E402
from corpus import build_store  # noqa: E402
from loopsite import NewsSite  # noqa: E402
from refresh_floor import HOSTS, korantui_config  # noqa: E402

GAP = 0.025  # between two keys
IDLE_KEYS = 120
MAX_REFRESH_KEYS = 4000
LIMIT = 120.0  # seconds: a refresh that takes longer ends the measurement


# Until these workers are done a refresh has not landed: the fetch and the store's writes
# (refresh), then what the screen reads of it (snapshot, headline-pages); the UI thread's share
# (the panes updated, the rows set) comes with their messages.
LANDING = {"refresh", "snapshot", "headline-pages"}


def landing(app: Any) -> bool:
    busy = bool(app.main.refresher.busy_feeds)
    return busy or any(w.group in LANDING and not w.is_finished for w in app.main.workers)


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def measure(
    cfg_path: Path, data: Path, idle_keys: int = IDLE_KEYS, profile: Path | None = None
) -> dict[str, Any]:
    from textual import events
    from textual.app import App

    from korantui.core.config import load_config
    from korantui.ui.app import KoranApp
    from korantui.ui.refreshing import Refresher
    from korantui.ui.widgets.headline_list import HeadlineList

    frames: list[float] = []  # when each frame was painted
    acted: list[float] = []  # when the list moved its cursor for a key
    original = App._display

    def display(self: App[Any], screen: Any, renderable: Any) -> None:
        original(self, screen, renderable)
        if renderable is not None:
            frames.append(time.perf_counter())

    def timed(move: Any) -> Any:
        def moved(self: HeadlineList) -> None:
            move(self)
            acted.append(time.perf_counter())

        return moved

    for name in ("action_cursor_down", "action_cursor_up"):
        setattr(HeadlineList, name, timed(getattr(HeadlineList, name)))
    shown: list[tuple[str, float, float]] = []  # what the refresh brought: (what, start, end)

    def logged(name: str, show: Any) -> Any:
        def logged_show(self: Refresher, message: Any) -> None:
            start = time.perf_counter()
            show(self, message)
            shown.append((name, start, time.perf_counter()))

        return logged_show

    for name in ("show_snapshot", "headlines_loaded"):
        setattr(Refresher, name, logged(name, getattr(Refresher, name)))
    App._display = display  # type: ignore[method-assign]
    collections: list[tuple[float, int, float]] = []  # the collector's passes: (when, gen, s)
    collecting: dict[str, float] = {}

    def collector(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collecting["at"] = time.perf_counter()
        elif "at" in collecting:  # a pass holds the GIL: every thread waits it out
            at = collecting.pop("at")
            collections.append((at, info["generation"], time.perf_counter() - at))

    gc.callbacks.append(collector)
    gc.disable()  # as `korantui` starts the app (cli.py): MainScreen sets it going again
    app = KoranApp(load_config(cfg_path, data), refresh_on_start=False)
    result: dict[str, Any] = {}
    async with app.run_test(size=(160, 48)) as pilot:
        t0 = time.perf_counter()
        while any(not w.is_finished for w in app.workers) and time.perf_counter() - t0 < 60:
            await asyncio.sleep(0.01)
        await pilot.pause()
        hl = app.query_one(HeadlineList)
        hl.focus()
        await pilot.press("j")
        await pilot.pause()

        async def key(n: int) -> float:
            """One key; the time until the first frame painted after the list moved for it.
            (Rows that land meanwhile may move the cursor's index: the move itself is what
            is waited for, then its frame.)"""
            name = "j" if n % 2 == 0 else "k"
            mark = len(acted)
            start = time.perf_counter()
            app._driver.send_message(events.Key(name, name))  # type: ignore[union-attr]
            while time.perf_counter() - start < 5:
                if len(acted) > mark:
                    done = acted[mark]
                    painted = [f for f in frames[-8:] if f >= done]
                    if painted:
                        return painted[0] - start
                await asyncio.sleep(0.0005)
            return 5.0

        profiler = Profiler(profile)
        idle = []
        profiler.start()
        for n in range(idle_keys):
            idle.append(await key(n))
            await asyncio.sleep(GAP)
        profiler.stop("idle")
        result["idle"] = idle
        started = time.perf_counter()
        app.main.action_refresh_all()
        result["r_ms"] = (time.perf_counter() - started) * 1000  # the UI thread's share of R
        busy = []
        at: list[float] = []  # when each key went in, from R
        n = 0
        profiler.start()
        while landing(app) and n < MAX_REFRESH_KEYS:
            if time.perf_counter() - started > LIMIT:
                break
            at.append(time.perf_counter() - started)
            busy.append(await key(n))
            n += 1
            await asyncio.sleep(GAP)
        profiler.stop("refresh")
        result["refresh_seconds"] = time.perf_counter() - started
        result["refresh"] = busy
        result["refresh_at"] = at
        # The UI thread's share of each snapshot and page of rows: (what, from R, ms).
        result["shown"] = [(w, a - started, (b - a) * 1000) for w, a, b in shown if a >= started]
        result["collections"] = [(a - started, g, d * 1000) for a, g, d in collections if d > 0.005]
        await pilot.pause()
        result["headlines"] = app.service.counts()[1]
    return result


class Profiler:
    """cProfile of the UI thread (the event loop's) over one phase, written to DIR/phase.prof;
    nothing without a directory. Its figures are not the benchmark's: profiling slows the
    thread it watches."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.profile: cProfile.Profile | None = None

    def start(self) -> None:
        if self.directory is not None:
            self.profile = cProfile.Profile()
            self.profile.enable()

    def stop(self, phase: str) -> None:
        if self.profile is not None and self.directory is not None:
            self.profile.disable()
            self.directory.mkdir(parents=True, exist_ok=True)
            self.profile.dump_stats(self.directory / f"{phase}.prof")
            self.profile = None


def _serve(feeds: int, items: int, latency: float, conn: Connection) -> None:
    """The site in its own process: its URLs sent, then its answer counts once asked."""
    with NewsSite(feeds, items, latency, hosts=min(HOSTS, feeds)) as site:
        conn.send(site.feed_urls)
        if conn.poll(LIMIT * 3):  # bounded: a parent gone leaves no server behind for long
            conn.recv()
        conn.send(site.take_counts())


class _Site:
    def __init__(self, urls: list[str], counts: Any) -> None:
        self.feed_urls = urls
        self.take_counts = counts


@contextmanager
def news_site(feeds: int, items: int, latency: float, in_process: bool) -> Iterator[_Site]:
    if in_process:
        with NewsSite(feeds, items, latency, hosts=min(HOSTS, feeds)) as site:
            yield _Site(site.feed_urls, site.take_counts)
        return
    parent, child = mp.Pipe()
    proc = mp.get_context("spawn").Process(
        target=_serve, args=(feeds, items, latency, child), daemon=True
    )
    proc.start()
    try:
        if not parent.poll(60):
            raise RuntimeError("the news site did not start")

        def counts() -> dict[str, int]:
            parent.send("counts")
            return dict(parent.recv()) if parent.poll(30) else {}

        yield _Site(parent.recv(), counts)
    finally:
        proc.terminate()
        proc.join(timeout=10)


def run(
    feeds: int = 100,
    items: int = 50,
    latency: float = 0.1,
    stored: int = 10_000,
    idle_keys: int = IDLE_KEYS,
    profile: Path | None = None,
    site_in_process: bool = False,
) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="korantui-ui-latency-"))
    with news_site(feeds, items, latency, site_in_process) as site:
        cfg = korantui_config(work / "config.toml", site.feed_urls)
        data = work / "data"
        build_store(data / "korantui.db", site.feed_urls, stored)
        result = asyncio.run(measure(cfg, data, idle_keys, profile))
        result["answers"] = site.take_counts()
    for phase in ("idle", "refresh"):
        values = result[phase]
        result[f"{phase}_p50"] = statistics.median(values) if values else float("nan")
        result[f"{phase}_p99"] = pct(values, 99)
        result[f"{phase}_keys"] = len(values)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--stored", type=int, default=10_000, help="headlines in the store")
    parser.add_argument("--keys", type=int, default=IDLE_KEYS, help="keys with nothing running")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument(
        "--profile", type=Path, help="cProfile the UI thread: DIR/idle.prof, DIR/refresh.prof"
    )
    parser.add_argument(
        "--site-in-process",
        action="store_true",
        help="the site's server threads in the app's process (the earlier figures' way)",
    )
    args = parser.parse_args()
    print(compile_korantui(), flush=True)  # as an install leaves it (compiled.py)
    result = run(
        args.feeds,
        args.items,
        args.latency,
        args.stored,
        args.keys,
        args.profile,
        args.site_in_process,
    )
    if args.json:
        Path(args.json).write_text(json.dumps(result), encoding="utf-8")
    for phase in ("idle", "refresh"):
        p50, p99 = result[f"{phase}_p50"] * 1000, result[f"{phase}_p99"] * 1000
        worst = max(result[phase], default=float("nan")) * 1000
        print(
            f"{phase:8} keys {result[f'{phase}_keys']:4}  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms"
            f"  max {worst:6.1f} ms"
        )
    print(
        f"R itself took the UI thread {result['r_ms']:.1f} ms;"
        f" refresh of {args.feeds} feeds landed in {result['refresh_seconds']:.2f} s;"
        f" answers {result['answers']}; headlines stored {result['headlines']}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
