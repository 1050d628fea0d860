"""korantui's speed, side by side with newsboat and a bare Textual app (issue 7).

    python benchmarks/run.py           # 20 feeds × 50 items, 100 ms latency, 3 rounds
    python benchmarks/run.py --full    # the issue's sizes: 100 feeds × 50 items, 100 ms, 5 rounds
    python benchmarks/run.py --smoke   # everything once at a tiny size (CI): not timed against
                                       # the goals; exits 0 unless something crashes

Starts its own news site on 127.0.0.1 (feeds with ETag/Last-Modified, 304s, article pages),
builds stores in a temporary folder, and runs each benchmark in subprocesses so imports and
memory belong to the measured process. Every comparison runs both sides in the same invocation,
alternating, and reports medians. newsboat comes from Debian: `apt-get install newsboat`
(without it, its comparison is skipped and the row says so).
"""

from __future__ import annotations

import argparse
import fcntl
import importlib.util
import json
import os
import platform
import shutil
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT / "src")]

from compiled import compile_korantui, uncompile_korantui  # noqa: E402
from corpus import add_articles, build_store, copy_store, write_config  # noqa: E402
from loopsite import NewsSite  # noqa: E402

from korantui.core.store.database import Store  # noqa: E402

PROBE = HERE / "probe.py"
# korantui's connections (overall and per host: the loopback site is one host) = newsboat's
# reload-threads. The newsboat figures are with 8; --concurrency changes both sides.
CONCURRENCY = 8


@dataclass
class Sizes:
    feeds: int
    items: int
    latency: float
    rounds: int
    startup_headlines: int
    list_headlines: int
    keys: int
    articles: int
    article_words: int
    extraction_runs: int
    searches: int


SMOKE = Sizes(5, 5, 0.0, 1, 200, 200, 5, 1, 5000, 1, 5)
DEFAULT = Sizes(20, 50, 0.1, 3, 10_000, 20_000, 60, 5, 5000, 7, 30)
FULL = Sizes(100, 50, 0.1, 5, 10_000, 20_000, 100, 7, 5000, 7, 40)


@dataclass
class Row:
    name: str
    ours: str
    reference: str = ""
    ratio: str = ""
    goal: str = ""
    met: str = ""
    notes: list[str] = field(default_factory=list)


# -- running processes ---------------------------------------------------------------------------


@dataclass
class ProcStats:
    wall: float
    cpu: float
    rss_mb: float
    started: float  # time.time() just before the process was started


def run_measured(
    cmd: list[str], *, env: dict[str, str] | None = None, timeout: float = 600, pty: bool = False
) -> ProcStats:
    """Run cmd; wall time, the process's own rusage (CPU, peak RSS) from wait4."""
    err = tempfile.TemporaryFile()  # noqa: SIM115  (closed at the end, below)
    master = slave = -1
    if pty:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 48, 160, 0, 0))
        io: dict = {"stdin": slave, "stdout": slave, "stderr": err}
    else:
        io = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL, "stderr": err}
    started = time.time()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, start_new_session=True, **io)
    drain = None
    if pty:
        os.close(slave)

        def read_all() -> None:
            # The terminal's output must be read, or a full pty buffer blocks the app. And
            # answered where every terminal answers: the device attributes query (DA1), which
            # korantui's picture probe asks and waits for (1 s, unanswered); as a VT220 with
            # colour, no graphics.
            tail = b""
            while True:
                try:
                    data = os.read(master, 65536)
                    if not data:
                        return
                    tail = tail[-8:] + data
                    for _ in range(tail.count(b"\x1b[c")):
                        os.write(master, b"\x1b[?62;22c")
                    tail = tail.replace(b"\x1b[c", b"")
                except OSError:
                    return

        drain = threading.Thread(target=read_all, daemon=True)
        drain.start()
    killer = threading.Timer(timeout, lambda: proc.kill())
    killer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    killer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if pty:
        os.close(master)
        assert drain is not None
        drain.join(timeout=2)
    err.seek(0)
    tail = err.read().decode("utf-8", "replace")[-2000:]
    err.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[0]} … exited {proc.returncode}:\n{tail}")
    return ProcStats(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, started)


def korantui_cmd() -> list[str]:
    script = Path(sys.executable).with_name("korantui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "korantui"]


# -- formatting ----------------------------------------------------------------------------------


def med(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def secs(v: float) -> str:
    return f"{v:.3f} s" if v >= 1 else f"{v * 1000:.1f} ms"


def ratio_row(
    name: str,
    ours: float,
    ref: float | None,
    unit: Callable[[float], str],
    ref_name: str,
    limit: float | None,
) -> Row:
    if ref is None:
        return Row(name, unit(ours), f"{ref_name} not installed", "-", _goal(limit), "-")
    r = ours / ref if ref else float("inf")
    met = "" if limit is None else ("yes" if r <= limit else "NO")
    return Row(name, unit(ours), f"{unit(ref)} {ref_name}", f"{r:.2f}×", _goal(limit), met)


def _goal(limit: float | None) -> str:
    return "" if limit is None else f"≤ {limit:g}×"


def abs_row(name: str, ours: float, limit: float | None, unit: Callable[[float], str]) -> Row:
    met = "" if limit is None else ("yes" if ours <= limit else "NO")
    return Row(name, unit(ours), "", "", "" if limit is None else f"≤ {unit(limit)}", met)


def mb(v: float) -> str:
    return f"{v:.0f} MB"


def print_table(rows: list[Row], smoke: bool) -> None:
    cols = ("benchmark", "korantui", "reference", "ratio", "goal", "met")
    data = [(r.name, r.ours, r.reference, r.ratio, r.goal, "-" if smoke else r.met) for r in rows]
    widths = [max(len(c), *(len(d[i]) for d in data)) for i, c in enumerate(cols)]
    line = "  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True))
    print(line)
    print("-" * len(line))
    for d in data:
        print("  ".join(v.ljust(w) for v, w in zip(d, widths, strict=True)).rstrip())
    print("-" * len(line))
    notes = [n for r in rows for n in r.notes]
    for n in notes:
        print(f"  · {n}")


def machine() -> str:
    model = ""
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                model = text.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores, {model or platform.processor() or '?'}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def newsboat_version() -> str:
    try:
        out = subprocess.run(["newsboat", "-v"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return out.stdout.splitlines()[0] if out.stdout else "newsboat"


# -- benchmarks ----------------------------------------------------------------------------------


def bench_refresh(
    site: NewsSite, work: Path, sizes: Sizes, have_newsboat: bool, loopback: bool = False
) -> list[Row]:
    cfg = write_config(work / "refresh.toml", site.feed_urls, CONCURRENCY)
    urls = work / "newsboat-urls"
    urls.write_text("\n".join(site.feed_urls) + "\n")
    nb_conf = work / "newsboat-config"
    nb_conf.write_text(
        f"reload-threads {CONCURRENCY}\ndownload-retries 1\ndownload-timeout 30\n"
        "show-read-feeds yes\n"
    )
    stats: dict[str, list[ProcStats]] = {k: [] for k in ("kc", "kw", "nc", "nw")}
    counts: dict[str, dict[str, int]] = {}
    stored: dict[str, int] = {}
    env = dict(os.environ)
    for n in range(sizes.rounds):
        sides = ["k", "n"] if n % 2 == 0 else ["n", "k"]
        for side in sides:
            if side == "n" and not have_newsboat:
                continue
            home = work / f"{side}-{n}"
            home.mkdir()
            if side == "k":
                cmd = [*korantui_cmd(), "--config", str(cfg), "--data-dir", str(home), "refresh"]
                run_env = env
            else:
                cmd = ["newsboat", "-u", str(urls), "-C", str(nb_conf)]
                cmd += ["-c", str(home / "cache.db"), "-x", "reload"]
                run_env = {**env, "HOME": str(home), "XDG_CONFIG_HOME": str(home)}
                run_env["XDG_DATA_HOME"] = str(home)
            site.take_counts()
            stats[side + "c"].append(run_measured(cmd, env=run_env))
            counts[side + "c"] = site.take_counts()
            stats[side + "w"].append(run_measured(cmd, env=run_env))
            counts[side + "w"] = site.take_counts()
            if n == 0:
                stored[side] = count_stored(side, home)
    rows: list[Row] = []
    expected = sizes.feeds * sizes.items
    for temp, label, limit in (("c", "cold", 0.5), ("w", "warm", 0.25)):
        k = stats["k" + temp]
        nb = stats["n" + temp] if have_newsboat else []

        def pick(xs: list[ProcStats], attr: str) -> float | None:
            return med([getattr(x, attr) for x in xs]) if xs else None

        kwall = pick(k, "wall")
        assert kwall is not None
        row = ratio_row(
            f"1. refresh {label}: wall", kwall, pick(nb, "wall"), secs, "newsboat", limit
        )
        rows.append(row)
        kcpu, krss = pick(k, "cpu"), pick(k, "rss_mb")
        assert kcpu is not None and krss is not None
        rows.append(
            ratio_row(f"   refresh {label}: CPU", kcpu, pick(nb, "cpu"), secs, "newsboat", None)
        )
        rows.append(
            ratio_row(
                f"   refresh {label}: peak RSS", krss, pick(nb, "rss_mb"), mb, "newsboat", None
            )
        )
        row.notes.append(
            f"refresh {label}: server answers korantui {counts.get('k' + temp, {})}"
            + (f", newsboat {counts.get('n' + temp, {})}" if have_newsboat else "")
        )
    rounds = -(-sizes.feeds // CONCURRENCY)  # requests in a row on each connection
    floor = rounds * sizes.latency
    rows[0].notes.append(
        f"refresh: {sizes.feeds} requests over {CONCURRENCY} connections wait at least"
        f" {rounds} × {sizes.latency * 1000:g} ms = {secs(floor)} for the server alone, on"
        " either side; CPU and peak RSS are the process's own (wait4), which leaves out"
        " korantui's parse pool workers when many feeds need feedparser"
        + (
            " (not the case here: feedparser-rs reads these feeds)"
            if importlib.util.find_spec("feedparser_rs") and not loopback
            else " (the case here: the pool's CPU is missing from the CPU row)"
        )
    )
    rows[0].notes.append(
        f"headlines stored after a cold refresh: korantui {stored.get('k')}"
        + (f", newsboat {stored.get('n')}" if have_newsboat else "")
        + f" (site has {expected}); concurrency {CONCURRENCY} on both sides;"
        f" {sizes.feeds} feeds × {sizes.items} items, {sizes.latency * 1000:g} ms latency,"
        f" {sizes.rounds} round(s)"
    )
    return rows


def bench_floor(sizes: Sizes) -> list[Row]:
    """Issue 15: korantui at its defaults beside curl's floor and newsboat, 25 hosts and one."""
    from refresh_floor import CURL_PARALLEL, HOSTS, NEWSBOAT_THREADS, measure_floor

    fl = measure_floor(
        sizes.feeds, sizes.items, sizes.latency, sizes.rounds, korantui_cmd(), run_measured
    )
    rows: list[Row] = []

    def wall(site: str, side: str, temp: str) -> float | None:
        runs = fl.get(site, side, temp)
        return runs.med() if runs else None

    def versus(name: str, site: str, temp: str, side: str, label: str, limit: float | None) -> None:
        ours = wall(site, "korantui", temp)
        assert ours is not None
        ref = wall(site, side, temp)
        row = ratio_row(name, ours, ref, secs, label, limit)
        if ref is None:
            row.reference = f"{label} not installed"
        rows.append(row)

    curl = f"curl --parallel-max {CURL_PARALLEL}"
    nb32 = f"newsboat-{NEWSBOAT_THREADS}"
    for temp, goal in (("cold", 1.3), ("warm", 1.15)):
        name = f"{'8.' if temp == 'cold' else '  '} {HOSTS} hosts, {temp}: wall"
        # curl has no validators to send: its one run is the floor of either temperature.
        ours = wall("hosts", "korantui", temp)
        assert ours is not None
        rows.append(ratio_row(name, ours, wall("hosts", "curl", "cold"), secs, curl, goal))
        versus(
            f"   {HOSTS} hosts, {temp}: vs {nb32}",
            "hosts",
            temp,
            nb32.replace(str(NEWSBOAT_THREADS), str(NEWSBOAT_THREADS)),
            nb32,
            0.5 if temp == "cold" else None,
        )
        versus(
            f"   {HOSTS} hosts, {temp}: vs newsboat-1",
            "hosts",
            temp,
            "newsboat-1",
            "newsboat-1",
            None,
        )
    versus("9. one host, cold: wall", "one", "cold", nb32, nb32, 1.0)
    versus("   one host, warm: wall", "one", "warm", nb32, nb32, None)
    ours_one = wall("one", "korantui", "cold")
    assert ours_one is not None
    rows.append(
        ratio_row(
            "   one host, cold: vs curl",
            ours_one,
            wall("one", "curl", "cold"),
            secs,
            f"{curl} (no per-host cap)",
            None,
        )
    )
    parts = []
    for site in ("hosts", "one"):
        for temp in ("cold", "warm"):
            k = fl.get(site, "korantui", temp)
            if k is None:
                continue
            parts.append(
                f"{'25 hosts' if site == 'hosts' else 'one host'} {temp}: CPU {secs(k.med('cpu'))},"
                f" start to first request {secs(k.med('start'))}, last answer to exit"
                f" {secs(k.med('tail'))}, answers {k.counts}"
            )
    rows[0].notes.append(
        f"floor: {sizes.feeds} feeds × {sizes.items} items, {sizes.latency * 1000:g} ms latency,"
        f" {HOSTS} hosts (127.0.0.1 … 127.0.0.{HOSTS}) or one; korantui at its defaults (16"
        f" connections, 4 per host); {fl.rounds} round(s), alternating, medians"
        + (
            f"; newsboat-1 {fl.nb1_rounds} round (it takes ~{sizes.feeds} × the latency)"
            if fl.newsboat
            else "; newsboat not installed"
        )
    )
    rows[0].notes.append("korantui in the floor runs: " + "; ".join(parts))
    return rows


def bench_sync(sizes: Sizes) -> list[Row]:
    """Issue 15: `korantui sync` of the feeds with 10 new articles each, over 25 hosts."""
    import sync_speed

    items = 10 if sizes.items >= 10 else sizes.items
    r = sync_speed.run(sizes.feeds, items, sizes.latency, korantui_cmd())
    row = Row(
        f"10. sync, {sizes.feeds} feeds × {items} articles",
        f"{r['per_second']:.1f} articles/s",
        f"{r['articles']} in {secs(r['wall'])}",
    )
    row.notes.append(
        f"sync: one `korantui sync` on an empty store, {sizes.feeds} feeds over"
        f" {min(25, sizes.feeds)} loopback"
        f" hosts, {items} article pages each on the feed's host ({sizes.latency * 1000:g} ms"
        f" latency); CPU {secs(r['cpu'])} ({r['cpu'] / r['wall'] * 100:.0f}% of one core);"
        f" served {r['served']}"
    )
    if r["cpu_all"] is not None:
        row.notes.append(
            f"sync: CPU of every process but the site's {secs(r['cpu_all'])} (the machine's"
            " busy time: the extraction workers are not the sync's own children)"
        )
    return [row]


def bench_ui_latency(sizes: Sizes, work: Path) -> list[Row]:
    """Issue 15: j/k answered while a refresh of every feed lands, and with nothing running."""
    out = work / "ui-latency.json"
    cmd = [sys.executable, str(HERE / "ui_latency.py"), "--feeds", str(sizes.feeds)]
    cmd += ["--items", str(sizes.items), "--latency", str(sizes.latency), "--json", str(out)]
    cmd += ["--stored", str(sizes.startup_headlines), "--keys", str(sizes.keys)]
    run_measured(cmd, timeout=600)
    r = json.loads(out.read_text())
    rows = [
        abs_row("11. key during a refresh: p50", r["refresh_p50"], 0.010, secs),
        abs_row("    key during a refresh: p99", r["refresh_p99"], 0.033, secs),
        abs_row("    key, nothing running: p50", r["idle_p50"], 0.010, secs),
        abs_row("    key, nothing running: p99", r["idle_p99"], 0.033, secs),
    ]
    rows[0].notes.append(
        f"keys: j/k every 25 ms, key to the first frame painted after the list moved (pilot,"
        f" 160×48, {sizes.startup_headlines} stored headlines); {r['refresh_keys']} keys while"
        f" {sizes.feeds} feeds"
        f" landed ({secs(r['refresh_seconds'])}, {r['headlines']} headlines after),"
        f" {r['idle_keys']} with nothing running"
    )
    return rows


def count_stored(side: str, home: Path) -> int:
    db = home / ("korantui.db" if side == "k" else "cache.db")
    with sqlite3.connect(db) as con:
        table = "headlines" if side == "k" else "rss_item"
        return int(con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def bench_startup(site: NewsSite, work: Path, sizes: Sizes) -> list[Row]:
    template = work / "startup-template" / "korantui.db"
    cfg = write_config(work / "startup.toml", site.feed_urls, CONCURRENCY)
    build_store(template, site.feed_urls, sizes.startup_headlines)
    ours: list[float] = []
    bare: list[float] = []
    env = {**os.environ, "TERM": "xterm-256color"}
    # A start is short and noisy (±20 ms from run to run here): three times the rounds.
    rounds = max(sizes.rounds, 1) * (3 if sizes.rounds > 1 else 1)
    for n in range(rounds):
        for side in ("k", "b") if n % 2 == 0 else ("b", "k"):
            out = work / f"startup-{side}-{n}.json"
            if side == "k":
                data = work / f"startup-data-{n}"
                copy_store(template, data / "korantui.db")
                cmd = [sys.executable, str(PROBE), "startup", "korantui", str(out)]
                cmd += ["--config", str(cfg), "--data-dir", str(data)]
            else:
                cmd = [sys.executable, str(PROBE), "startup", "bare", str(out)]
            st = run_measured(cmd, env=env, pty=True, timeout=120)
            painted = json.loads(out.read_text())["painted"]
            (ours if side == "k" else bare).append(painted - st.started)
    row = ratio_row(
        "2. start-up to first headlines", med(ours), med(bare), secs, "bare Textual", 1.25
    )
    row.notes.append(
        f"start-up: {sizes.startup_headlines} stored headlines; real terminal (pty 160×48);"
        f" from process start to the first frame holding the content; {rounds} round(s);"
        " korantui also starts its refresh-on-start as users get it"
    )
    return [row]


def bench_pilot(site: NewsSite, work: Path, sizes: Sizes) -> tuple[list[Row], list[Row]]:
    data = work / "list-data"
    db = data / "korantui.db"
    cfg = write_config(work / "list.toml", site.feed_urls, CONCURRENCY)
    build_store(db, site.feed_urls, sizes.list_headlines)
    ids = add_articles(db, sizes.articles, sizes.article_words)
    template = work / "list-template" / "korantui.db"
    copy_store(db, template)
    results = []
    rounds = min(sizes.rounds, 3)
    for n in range(rounds):
        copy_store(template, db)
        out = work / f"pilot-{n}.json"
        cmd = [sys.executable, str(PROBE), "pilot", str(out), str(cfg), str(data)]
        cmd += [str(sizes.keys), json.dumps(ids)]
        run_measured(cmd, timeout=300)
        results.append(json.loads(out.read_text()))
    rows_loaded = results[0]["rows"]
    first = med([r["first_paint"] for r in results])
    keys = med([x for r in results for x in r["key_wall"]])
    keys_cpu = med([x for r in results for x in r["key_cpu"]])
    opens = med([x for r in results for x in r["article"]])
    rss = med([r["maxrss_kb"] / 1024 for r in results])
    n = count(sizes.list_headlines)
    list_rows = [
        abs_row(f"3. {n} headlines: first paint", first, 0.3, secs),
        abs_row(f"   {n} headlines: per key press", keys, 0.010, secs),
        abs_row(f"4. stored {sizes.article_words}-word article", opens, 0.050, secs),
    ]
    list_rows[0].notes.append(
        f"headline list: {rows_loaded} rows loaded; pilot 160×48 in a subprocess, {rounds}"
        f" round(s); {sizes.keys} presses of ↓ each, key event to painted frame (median; CPU"
        f" {secs(keys_cpu)}); first paint"
        f" from App() to the first frame with rows; article: open_headline() to the frame"
        f" holding it, {sizes.articles} articles"
    )
    mem = [abs_row(f"7. memory, app with {n} headlines", rss, 150, mb)]
    mem[0].notes.append(
        "memory: peak RSS (ru_maxrss) of the pilot process above, after scrolling and opening"
        " the long articles"
    )
    return list_rows, mem


def bench_extraction(work: Path, sizes: Sizes) -> list[Row]:
    out = work / "extract.json"
    cmd = [sys.executable, str(PROBE), "extract", str(out), str(sizes.extraction_runs)]
    run_measured(cmd, timeout=600)
    data = json.loads(out.read_text())
    if "skipped" in data:
        return [Row("5. extraction per page", f"skipped: {data['skipped']}")]
    pages = data["pages"]
    row = abs_row("5. extraction per page (median)", med(list(pages.values())), 0.060 * 1000, ms)
    slowest = max(pages, key=pages.get)
    row.notes.append(
        f"extraction: {len(pages)} fixture pages, median of {sizes.extraction_runs} run(s) each;"
        f" slowest {slowest} {pages[slowest]:.1f} ms"
    )
    return [row]


def bench_read_speed(sizes: Sizes) -> list[Row]:
    """Issue 11: `korantui read FILE --url URL --format json` beside score.py's trafilatura."""
    import read_speed

    pages = 2 if sizes.rounds == 1 else 10 * sizes.rounds  # 30 pages; 50 with --full
    r = read_speed.run(pages)
    if "skipped" in r:
        return [Row("12. read FILE, a page (process)", f"skipped: {r['skipped']}")]
    k, t = r["korantui"], r["trafilatura"]
    assert isinstance(k, float) and isinstance(t, float)
    row = ratio_row("12. read FILE, a page (process)", k, t, secs, "trafilatura", 1.2)
    row.notes.append(
        f"read: {r['pages']} pages of ../shared/corpora/wcxb-dev, one process a page each side"
        " (start, imports, extraction, JSON), alternating; trafilatura as score.py runs it"
        " (bare_extraction with metadata)"
    )
    return [row]


def count(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def ms(v: float) -> str:
    return f"{v:.1f} ms"


def bench_search(site: NewsSite, work: Path, sizes: Sizes) -> list[Row]:
    from loopsite import WORDS

    db = work / "search" / "korantui.db"
    build_store(db, site.feed_urls, sizes.list_headlines, seed=5)
    store = Store(db)
    queries = []
    for i in range(sizes.searches):
        w = WORDS[(i * 7) % len(WORDS)]
        queries.append([w, w[:4], f"{w} {WORDS[(i * 13 + 5) % len(WORDS)]}"][i % 3])
    store.search("pelabuhan")  # the first query pays for loading the index pages
    per_query = []
    hits = []
    for q in queries:
        times = []
        for _ in range(5):
            t = time.perf_counter()
            found = store.search(q)
            times.append(time.perf_counter() - t)
        hits.append(len(found))
        per_query.append(med(times))
    store.close()
    row = abs_row(
        f"6. search over {count(sizes.list_headlines)} headlines", med(per_query), 0.020, secs
    )
    row.notes.append(
        f"search: {len(queries)} queries (words, prefixes, pairs), 5 runs each, Store.search"
        f" (limit 200); median hits {med(hits):.0f}, slowest query {secs(max(per_query))}"
    )
    return [row]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--smoke", action="store_true", help="tiny, once, for CI")
    size.add_argument("--full", action="store_true", help="the issue's sizes")
    parser.add_argument(
        "--only", help="comma-separated: refresh,floor,sync,ui,startup,list,extract,search,read"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--concurrency",
        type=int,
        default=CONCURRENCY,
        help="korantui's connections and newsboat's reload-threads (default %(default)s)",
    )
    parser.add_argument(
        "--loopback-links",
        action="store_true",
        help="item links on 127.0.0.1: every feed takes korantui's feedparser path",
    )
    parser.add_argument(
        "--uncompiled",
        action="store_true",
        help="korantui's __pycache__ removed first: what an editable checkout under"
        " PYTHONDONTWRITEBYTECODE=1 pays (by default korantui is byte-compiled, as installed)",
    )
    args = parser.parse_args(argv)
    globals()["CONCURRENCY"] = args.concurrency
    sizes = SMOKE if args.smoke else FULL if args.full else DEFAULT
    only = set(args.only.split(",")) if args.only else None

    def want(name: str) -> bool:
        return only is None or name in only

    nb = newsboat_version() if shutil.which("newsboat") else ""
    print(f"machine: {machine()}")
    print(f"newsboat: {nb or 'not installed (apt-get install newsboat)'}")
    print(
        f"sizes: {sizes.feeds} feeds × {sizes.items} items, latency {sizes.latency * 1000:g} ms,"
        f" {sizes.rounds} round(s){' (smoke: not timed against the goals)' if args.smoke else ''}"
        + (", item links on 127.0.0.1 (feedparser path)" if args.loopback_links else "")
    )
    # Byte-compiled first, as `pip install` leaves an installed package (compiled.py).
    print(uncompile_korantui() if args.uncompiled else compile_korantui())
    print(flush=True)
    work = Path(tempfile.mkdtemp(prefix="korantui-bench-"))
    rows: list[Row] = []
    try:
        with NewsSite(
            sizes.feeds, sizes.items, sizes.latency, loopback_links=args.loopback_links
        ) as site:
            if want("refresh"):
                rows += bench_refresh(site, work, sizes, bool(nb), args.loopback_links)
            if want("floor"):
                rows += bench_floor(sizes)
            if want("sync"):
                rows += bench_sync(sizes)
            if want("ui"):
                rows += bench_ui_latency(sizes, work)
            if want("startup"):
                rows += bench_startup(site, work, sizes)
            memory: list[Row] = []
            if want("list"):
                listing, memory = bench_pilot(site, work, sizes)
                rows += listing
            if want("extract"):
                rows += bench_extraction(work, sizes)
            if want("search"):
                rows += bench_search(site, work, sizes)
            if want("read"):
                rows += bench_read_speed(sizes)
            rows += memory
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print_table(rows, args.smoke)
    return 0


if __name__ == "__main__":
    sys.exit(main())
