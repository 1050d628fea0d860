"""Extraction quality and speed on the shared fixture pages, printed as a table.

    python benchmarks/extraction.py          # 7 timed runs per page, median reported
    python benchmarks/extraction.py --smoke  # one run each (CI): exits 0 unless a page crashes
    python benchmarks/extraction.py --corpus # then ../shared/corpora/score.py on wcxb-dev:
                                             # `korantui read` beside plain trafilatura
    python benchmarks/extraction.py --corpus --limit 100 --pages /tmp/pages.csv

Columns: title exact, published on the golden's calendar day (WIB), caption (seed only),
body F1 over word tokens against the golden text, median extraction time (decode + parse +
extraction + cleanup). Pages live in ../shared (beside the repo); without it, the script says
so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from korantui.core.article.dates import WIB  # noqa: E402
from korantui.core.article.extract import ExtractionError, extract_article  # noqa: E402
from korantui.core.models import Article  # noqa: E402

SEED_URL = (
    "https://koranbatam.com/berita/detail/"
    "pemkab-anambas-perkuat-optimalisasi-kampung-keluarga-berkualitas"
)


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def f1(got: str, gold: str) -> float:
    a, b = Counter(tokens(got)), Counter(tokens(gold))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def cases() -> list[dict]:
    seed_txt = (SHARED / "seed" / "koranbatam-article.txt").read_text("utf-8")
    # The seed's text file starts with the sidebar headlines and the title; the body starts
    # at the dateline and ends at the closing byline.
    body = seed_txt[seed_txt.index("KORANBATAM.COM -") : seed_txt.index("(Tony /Jhon)") + 12]
    out = [
        {
            "name": "seed/koranbatam-article",
            "path": SHARED / "seed" / "koranbatam-article.html",
            "url": SEED_URL,
            "title": "Pemkab Anambas Perkuat Optimalisasi Kampung Keluarga Berkualitas",
            "day": "2022-09-20",
            "caption": "Rapat bersama",  # the label "Keterangan Gambar :" is not caption (issue 14)
            "content": body,
        }
    ]
    data = json.loads((SHARED / "fixtures" / "html" / "expected.json").read_text("utf-8"))
    for item in data["articles"]:
        moment = datetime.fromtimestamp(int(item["published_utc_ms"]) / 1000, UTC)
        out.append(
            {
                "name": item["file"].removesuffix(".html"),
                "path": SHARED / "fixtures" / item["file"],
                "url": item["url"],
                "title": item["title"],
                "day": moment.astimezone(WIB).date().isoformat(),
                "caption": None,
                "content": item["content"],
            }
        )
    for item in data.get("index_pages", []):
        out.append(
            {
                "name": item["file"].removesuffix(".html") + " (index)",
                "path": SHARED / "fixtures" / item["file"],
                "url": "https://www.kompas.com/",
                "title": None,
                "day": None,
                "caption": None,
                "content": None,
            }
        )
    return out


def run(case: dict, runs: int) -> tuple[Article | None, str, float]:
    data = case["path"].read_bytes()
    times: list[float] = []
    article: Article | None = None
    error = ""
    for _ in range(runs):
        start = time.perf_counter()
        try:
            article = extract_article(data, case["url"])
        except ExtractionError as e:  # the table reports failures; --smoke fails on crashes only
            error = str(e)
        times.append(time.perf_counter() - start)
    return article, error, statistics.median(times) * 1000


def mark(ok: bool | None) -> str:
    return "-" if ok is None else ("yes" if ok else "NO")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="one run per page, for CI")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--corpus",
        nargs="?",
        const="wcxb-dev",
        help="also score a corpus of ../shared/corpora (default wcxb-dev) beside trafilatura",
    )
    parser.add_argument("--limit", type=int, help="with --corpus: only the first N pages")
    parser.add_argument("--pages", help="with --corpus: one CSV row per page and extractor")
    args = parser.parse_args(argv)
    if not (SHARED / "fixtures" / "html" / "expected.json").exists():
        print(f"benchmark skipped: {SHARED} (fixtures) is absent")
        return 0
    runs = 1 if args.smoke else args.runs
    # The first call pays for importing trafilatura; keep that out of the timings.
    extract_article(
        b"<html><body><p>" + b"warm up " * 40 + b"</p></body></html>", "http://x/berita/1"
    )
    header = f"{'page':34} {'title':5} {'date':5} {'capt':5} {'F1':>6} {'ms':>7}  method"
    print(header)
    print("-" * len(header))
    all_ms: list[float] = []
    f1s: list[float] = []
    for case in cases():
        article, error, ms = run(case, runs)
        if case["content"] is not None:
            all_ms.append(ms)  # the median is the articles': an index page is turned away
        if article is None:
            verdict = "turned away" if case["content"] is None else "failed"
            blank = f"{'':5} {'':5} {'':5} {'':>6}"
            print(f"{case['name'][:34]:34} {blank} {ms:7.1f}  {verdict}: {error}")
            continue
        title_ok = None if case["title"] is None else article.title == case["title"]
        date_ok = None
        if case["day"] is not None:
            date_ok = bool(article.published) and (
                article.published.astimezone(WIB).date().isoformat() == case["day"]
            )
        cap_ok = None if case["caption"] is None else article.caption.startswith(case["caption"])
        score = ""
        if case["content"] is not None:
            value = f1(article.text, case["content"])
            f1s.append(value)
            score = f"{value:.3f}"
        print(
            f"{case['name'][:34]:34} {mark(title_ok):5} {mark(date_ok):5} {mark(cap_ok):5}"
            f" {score:>6} {ms:7.1f}  {article.method}"
        )
    print("-" * len(header))
    print(
        f"median time {statistics.median(all_ms):.1f} ms over {len(all_ms)} article pages"
        f" ({runs} run{'s' if runs > 1 else ''} each); mean F1 {statistics.mean(f1s):.3f},"
        f" min F1 {min(f1s):.3f}"
    )
    return score_corpus(args.corpus, args.limit, args.pages) if args.corpus else 0


def score_corpus(name: str, limit: int | None, pages: str | None) -> int:
    """score.py's two rows, korantui and plain trafilatura, measured in the same run."""
    script = SHARED / "corpora" / "score.py"
    if not (SHARED / "corpora" / name).is_dir():
        print(f"corpus skipped: {SHARED / 'corpora' / name} is absent")
        return 0
    # This interpreter's korantui, whatever is first on PATH.
    command = f"{sys.executable} -m korantui read {{file}} --url {{url}} --format json"
    argv = [sys.executable, str(script), "--corpus", name, "--cmd", command]
    argv += ["--limit", str(limit)] if limit else []
    argv += ["--pages", pages] if pages else []
    print(f"\n{name}: korantui read beside plain trafilatura (score.py, ~10 min for all pages)")
    return subprocess.run(argv, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
