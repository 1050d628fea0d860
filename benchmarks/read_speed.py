"""`korantui read FILE --url URL --format json` beside plain trafilatura, a process each (issue 11).

    python benchmarks/read_speed.py               # 20 corpus pages, each side once a page
    python benchmarks/read_speed.py --pages 60 --json out.json

What a user (and ../shared/corpora/score.py) pays for one page: process start, imports,
extraction, output. Both sides run as subprocesses on the same pages of
../shared/corpora/wcxb-dev, alternating page by page (which side goes first alternates too), so
both see the same machine load; the medians and their ratio are printed (goal ≤ 1.2×), with the
processes' CPU time beside (user + system: on a loaded machine wall time stretches for both, CPU
time much less).
trafilatura runs score.py's own TRAF script. Without ../shared the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
GOAL = 1.2

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compiled import compile_korantui  # noqa: E402


def _score_module(corpora: Path) -> object:
    spec = importlib.util.spec_from_file_location("score", corpora / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def korantui_cmd() -> list[str]:
    script = Path(sys.executable).with_name("korantui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "korantui"]


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _timed(argv: list[str], cpu: list[float] | None = None) -> tuple[float, bool]:
    """Wall seconds, whether it printed something; its CPU seconds appended to cpu."""
    c = _children_cpu()
    t = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, timeout=120, check=False)
    wall = time.perf_counter() - t
    if cpu is not None:
        cpu.append(_children_cpu() - c)
    return wall, done.returncode == 0 and bool(done.stdout.strip())


def run(pages: int, corpus: str = "wcxb-dev") -> dict[str, object]:
    """Both sides' seconds a page; {"skipped": why} without the corpus."""
    root = CORPORA / corpus
    if not (root / "ground-truth").is_dir() or not (CORPORA / "score.py").is_file():
        return {"skipped": f"no {root} (the shared corpus sits beside the repo)"}
    score = _score_module(CORPORA)
    cases = score.cases(corpus)  # type: ignore[attr-defined]
    # Spread over the corpus rather than its first pages: sites are in no particular order.
    step = max(1, len(cases) // max(1, pages))
    chosen = cases[::step][:pages]
    # As an install leaves it (compiled.py): trafilatura, installed by pip, is compiled too.
    print(compile_korantui(), flush=True)
    ours: list[float] = []
    theirs: list[float] = []
    cpu: dict[str, list[float]] = {"korantui": [], "trafilatura": []}
    failed = {"korantui": 0, "trafilatura": 0}
    with tempfile.TemporaryDirectory(prefix="korantui-read-") as tmp:
        files = []
        for c in chosen:
            path = Path(tmp) / f"{c['id']}.html"
            path.write_bytes(gzip.decompress(c["gz"].read_bytes()))
            files.append((str(path), c["url"]))
        traf = [sys.executable, "-c", score.TRAF]  # type: ignore[attr-defined]
        kor = korantui_cmd()
        # One unmeasured run each: the first start reads the installed files from disk.
        _timed([*kor, "read", files[0][0], "--url", files[0][1], "--format", "json"])
        _timed([*traf, *files[0]])
        for n, (f, url) in enumerate(files):
            sides = ("k", "t") if n % 2 == 0 else ("t", "k")
            for side in sides:
                if side == "k":
                    s, ok = _timed(
                        [*kor, "read", f, "--url", url, "--format", "json"], cpu["korantui"]
                    )
                    ours.append(s)
                    failed["korantui"] += not ok
                else:
                    s, ok = _timed([*traf, f, url], cpu["trafilatura"])
                    theirs.append(s)
                    failed["trafilatura"] += not ok
    k, t = statistics.median(ours), statistics.median(theirs)
    kc, tc = statistics.median(cpu["korantui"]), statistics.median(cpu["trafilatura"])
    return {
        "pages": len(files),
        "korantui": k,
        "trafilatura": t,
        "ratio": k / t,
        "korantui_cpu": kc,
        "trafilatura_cpu": tc,
        "cpu_ratio": kc / tc,
        "failed": failed,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pages", type=int, default=20, help="how many corpus pages (20)")
    parser.add_argument("--corpus", default="wcxb-dev")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    result = run(args.pages, args.corpus)
    if args.json:
        args.json.write_text(json.dumps(result))
    if "skipped" in result:
        print(f"skipped: {result['skipped']}")
        return 0
    k, t, r = result["korantui"], result["trafilatura"], result["ratio"]
    assert isinstance(k, float) and isinstance(t, float) and isinstance(r, float)
    print(f"pages: {result['pages']} of {args.corpus}, alternating; no output: {result['failed']}")
    print(f"korantui read, median a page:     {k:.3f} s")
    print(f"plain trafilatura, median a page: {t:.3f} s")
    print(f"ratio: {r:.2f}×  (goal ≤ {GOAL:g}×: {'met' if r <= GOAL else 'NOT met'})")
    kc, tc, rc = result["korantui_cpu"], result["trafilatura_cpu"], result["cpu_ratio"]
    assert isinstance(kc, float) and isinstance(tc, float) and isinstance(rc, float)
    print(f"CPU, median a page: korantui {kc:.3f} s, trafilatura {tc:.3f} s: {rc:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
