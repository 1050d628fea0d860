"""Do the fast feed parsers agree with feedparser on our feeds, and how fast are they?

    python benchmarks/parsers.py

For each document (the real feeds in ../shared/fixtures/feeds, feedparser's hostile corpus in
../shared/fixtures/feedparser, and the benchmark site's feeds) it compares what korantui stores
(the sanitised ParsedSource) from feedparser with what the fast path gives, field by field, and
times both. "fallback" means the fast path declined and feedparser's answer was used: that is
agreement by construction. Only feedparser-rs is wired as korantui's fast path (core/fastparse);
fastfeedparser is timed for the comparison when it is installed.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "fixtures"
sys.path[:0] = [str(HERE), str(ROOT / "src")]

from loopsite import NewsSite  # noqa: E402

from korantui.core.sources.fastparse import parse_fast  # noqa: E402
from korantui.core.sources.feeds import FeedParseError, parse_feed  # noqa: E402


def documents() -> list[tuple[str, bytes]]:
    docs = []
    for path in sorted((SHARED / "feeds").glob("*.xml")):
        docs.append((f"feeds/{path.name}", path.read_bytes()))
    for path in sorted((SHARED / "feedparser").rglob("*.xml")):
        docs.append((f"feedparser/{path.relative_to(SHARED / 'feedparser')}", path.read_bytes()))
    site = NewsSite(5, 50)
    for i, (body, _etag, _mod) in enumerate(site._feeds):
        docs.append((f"bench/feed-{i}.xml", body))
    return docs


def timed(fn, runs: int = 5) -> tuple[object, float]:  # type: ignore[no-untyped-def]
    out: object = None
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        try:
            out = fn()
        except Exception as e:  # the table reports it
            out = e
        times.append(time.perf_counter() - t)
    return out, statistics.median(times) * 1000


def diff(a: object, b: object) -> str:
    if a == b:
        return ""
    for field in ("title", "link"):
        if getattr(a, field) != getattr(b, field):
            return f"{field}: {getattr(a, field)!r} vs {getattr(b, field)!r}"
    ea, eb = a.entries, b.entries  # type: ignore[attr-defined]
    if len(ea) != len(eb):
        return f"{len(ea)} vs {len(eb)} entries"
    for n, (x, y) in enumerate(zip(ea, eb, strict=True)):
        for field in ("title", "link", "guid", "summary", "published", "author", "image"):
            if getattr(x, field) != getattr(y, field):
                return f"entry {n} {field}: {getattr(x, field)!r:.80} vs {getattr(y, field)!r:.80}"
    return "warning differs"


def main() -> int:
    try:
        import fastfeedparser
    except ImportError:
        fastfeedparser = None
    url = "https://example.org/rss"
    print(f"{'document':52} {'feedparser':>10} {'fast':>8} {'ffp':>8}  agreement")
    agree = fallback = disagree = 0
    fp_ms, rs_ms, ffp_ms = [], [], []
    for name, data in documents():
        ref, t_ref = timed(lambda d=data: parse_feed(d, url))
        fast, t_fast = timed(lambda d=data: parse_fast(d, url))
        t_ffp = float("nan")
        if fastfeedparser is not None:
            _, t_ffp = timed(lambda d=data: fastfeedparser.parse(d))
            ffp_ms.append(t_ffp)
        fp_ms.append(t_ref)
        rs_ms.append(t_fast)
        if fast is None:
            verdict = "fallback" + (
                f" (feedparser: {type(ref).__name__})" if isinstance(ref, Exception) else ""
            )
            fallback += 1
        elif isinstance(ref, FeedParseError | Exception):
            verdict = f"DISAGREE: feedparser failed ({ref}), fast path gave entries"
            disagree += 1
        else:
            d = diff(ref, fast)
            verdict = "same" if not d else f"DISAGREE: {d}"
            agree += not d
            disagree += bool(d)
        print(f"{name[:52]:52} {t_ref:8.2f}ms {t_fast:6.2f}ms {t_ffp:6.2f}ms  {verdict}")
    print(
        f"\n{agree} same, {fallback} fallback to feedparser, {disagree} disagreeing;"
        f" median feedparser {statistics.median(fp_ms):.2f} ms, fast path"
        f" {statistics.median(rs_ms):.2f} ms"
        + (f", fastfeedparser {statistics.median(ffp_ms):.2f} ms" if ffp_ms else "")
    )
    return 1 if disagree else 0


if __name__ == "__main__":
    sys.exit(main())
