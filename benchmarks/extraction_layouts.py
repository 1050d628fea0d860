"""Extraction on layouts the corpus does not have: wcxb-dev's pages changed the way older or
other sites differ, korantui and plain trafilatura read in the same run.

    python benchmarks/extraction_layouts.py                  # every change, every page (~2 min)
    python benchmarks/extraction_layouts.py --only old --stride 3
    python benchmarks/extraction_layouts.py --host www.tempo.co   # as if on an outlet's domain

Changes (of the saved page, before either extractor sees it):
  none      the page as saved
  nojsonld  without its JSON-LD
  nometa    without JSON-LD and meta tags (charset, viewport and http-equiv kept)
  html4     HTML5 sectioning renamed to div (article, main, header, footer, nav, aside,
            section, figure, figcaption, time), as in pages of 2015-17
  old       nometa and html4 together
--host reads every page as if it were at that host (its address's host replaced): with an
outlet's domain, that outlet's shipped site rule meets layouts it was not written for.

Scored with ../shared/corpora/score.py's own metric functions (word F1 of the body, title,
author, day). Both extractors run in this process (no start-up counted); this measures what
they find, not their speed (benchmarks/read_speed.py does that). Pages live in ../shared; without
it, the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import multiprocessing
import re
import statistics
import sys
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCORE = ROOT.parent / "shared" / "corpora" / "score.py"
CHANGES = ("none", "nojsonld", "nometa", "html4", "old")
FIELDS = ("body", "title", "author", "date")

_JSON_LD = re.compile(rb"<script[^>]*application/ld\+json[^>]*>.*?</script>", re.S | re.I)
_META = re.compile(rb"<meta\b(?![^>]*(?:charset|viewport|http-equiv))[^>]*>", re.I)
_HTML5 = re.compile(
    rb"<(/?)(article|main|header|footer|nav|aside|section|figure|figcaption|time)\b", re.I
)


def changed(page: bytes, change: str) -> bytes:
    if change in ("nojsonld", "nometa", "old"):
        page = _JSON_LD.sub(b"", page)
    if change in ("nometa", "old"):
        page = _META.sub(b"", page)
    if change in ("html4", "old"):
        page = _HTML5.sub(lambda m: b"<" + m.group(1) + b"div", page)
    return page


def _score_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SCORE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_score: ModuleType | None = None


def _one(job: tuple[dict[str, Any], str, str]) -> dict[str, dict[str, Any]]:
    global _score
    case, change, host = job
    if _score is None:
        _score = _score_module()
    import trafilatura

    from korantui.core.article.extract import ExtractionError, Hints, explain_article
    from korantui.core.moments import to_stored

    url = case["url"] or "file:///page.html"
    if host and case["url"]:
        url = urllib.parse.urlsplit(url)._replace(netloc=host).geturl()
    page = changed(gzip.decompress(case["gz"].read_bytes()), change)
    found: dict[str, dict[str, Any]] = {}
    try:
        # As `korantui read FILE` reads a saved page: its time is only the latest it was fetched.
        hints = Hints(fetched=datetime.now(UTC), fetched_exactly=False)
        article = explain_article(page, url, hints=hints).article
        found["korantui"] = {
            "title": article.title,
            "author": article.author,
            "published": to_stored(article.published),
            "text": article.text,
        }
    except ExtractionError:
        found["korantui"] = {}
    read = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False)
    got = (read.as_dict() if hasattr(read, "as_dict") else read) if read is not None else {}
    found["trafilatura"] = {
        "title": got.get("title"),
        "author": got.get("author"),
        "published": got.get("date"),
        "text": got.get("text"),
    }
    s = _score
    return {
        name: {
            "body": s.word_f1(d.get("text") or "", case["body"]),
            "title": s.title_ok(d.get("title"), case["title"]) if case["title"] else None,
            "author": s.author_ok(d.get("author"), case["author"]) if case["author"] else None,
            "date": (s.day_of(d.get("published")) == case["date"]) if case["date"] else None,
        }
        for name, d in found.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=CHANGES, action="append", help="these changes only")
    parser.add_argument("--stride", type=int, default=1, help="every Nth page (default all)")
    parser.add_argument("--host", default="", help="read the pages as if at this host")
    args = parser.parse_args(argv)
    if not SCORE.is_file():
        print(f"skipped: {SCORE} is absent (the shared corpora sit beside the repository)")
        return 0
    cases = _score_module().cases("wcxb-dev")[:: max(1, args.stride)]
    host = f", read as if at {args.host}" if args.host else ""
    print(f"wcxb-dev, {len(cases)} pages{host}; korantui beside plain trafilatura, same run")
    print(f"{'change':9} {'extractor':12} " + " ".join(f"{f:>7}" for f in FIELDS))
    with multiprocessing.Pool(2) as pool:
        for change in args.only or CHANGES:
            rows = pool.map(_one, [(c, change, args.host) for c in cases], chunksize=4)
            for name in ("korantui", "trafilatura"):
                means = []
                for f in FIELDS:
                    values = [r[name][f] for r in rows if r[name].get(f) is not None]
                    means.append(f"{statistics.mean(values):7.4f}" if values else "      -")
                print(f"{change:9} {name:12} " + " ".join(means))
    return 0


if __name__ == "__main__":
    sys.exit(main())
