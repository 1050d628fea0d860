"""`korantui read URL_OR_FILE`: one article extracted and printed, its choices explained on
request. Apart from cli.py because it is the one command that extracts; it uses the command
line's output and error conventions."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from korantui.cli import EXIT_FAIL, EXIT_OK, UsageError, _err, _out
from korantui.core.config import Config
from korantui.core.moments import to_stored

if TYPE_CHECKING:
    from korantui.core.article.extract import Extraction


class _NotFetched(Exception):
    """An address that could not be fetched; str() is the line to show."""


def read(args: argparse.Namespace, cfg: Config) -> int:
    """`korantui read`: one article from an address or a saved file, as text, Markdown or JSON."""
    # One page, then the process ends: the collector's passes over the objects of the imports
    # (trafilatura's, lxml's: ~50 ms of a ~0.7 s run) would free nothing worth it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(args, cfg)
    finally:
        if collecting:  # main() called in a longer process (the tests)
            gc.enable()


def _read(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.core.article.extract import ExtractionError
    from korantui.core.article.markdown import article_markdown

    try:
        extraction = _read_article(args.target, args.url, cfg)
    except _NotFetched as e:
        _err(str(e))
        return EXIT_FAIL
    except ExtractionError as e:
        _err(f"{args.target}: no article found ({e})")
        return EXIT_FAIL
    article = extraction.article
    if extraction.notice:
        if not (article.title or article.text):
            _err(f"{args.target}: no article found ({extraction.notice})")
            return EXIT_FAIL
        # Asked for by name, the page is read for what it holds; the line says what to expect.
        _err(f"{args.target}: {extraction.notice}")
    if args.explain and args.format != "json":
        # The choices go to stderr so that the article itself can still be piped.
        print(json.dumps(extraction.explain(), ensure_ascii=False, indent=2), file=sys.stderr)
    if args.format == "json":
        out: dict[str, object] = {
            "url": article.url,
            "title": article.title,
            "author": article.author,
            "published": to_stored(article.published),  # "2022-09-20" for a day alone
            "site": article.site,
            "image": article.image,
            "caption": article.caption,
            "credit": article.credit,
            "images": [
                {"url": f.url, "caption": f.caption, "credit": f.credit, "alt": f.alt}
                for f in article.figures
            ],
            "text": article.text,
            "markdown": article_markdown(article),
            "pages": article.pages,
            "method": article.method,
        }
        if args.explain:
            out["explain"] = extraction.explain()
        _out(json.dumps(out, ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        _out(article_markdown(article))
    else:
        from korantui.core.i18n import format_date

        _out(article.title)
        facts = (article.site, format_date(article.published, cfg.ui_language), article.author)
        _out(" · ".join(x for x in facts if x))
        if article.caption:
            _out()
            _out(article.caption)
        _out()
        _out(article.text)
    return EXIT_OK


def _read_article(target: str, original_url: str | None, cfg: Config) -> Extraction:
    """One article from a web address (fetched, split pages joined) or a saved HTML file."""
    from korantui.core.article.extract import Hints, explain_article
    from korantui.core.article.site_rules import load_rules
    from korantui.core.sanitize import safe_url

    rules = load_rules(cfg.rules)
    path = Path(target)
    if safe_url(target) and not path.exists():
        # The network stack (asyncio, httpx) only for an address: `read FILE` does without.
        import asyncio

        from korantui.core.article.article_fetch import fetch_reading
        from korantui.core.net.fetch import Fetcher, FetchError

        async def fetch() -> Extraction:
            async with Fetcher(cfg.fetch) as fetcher:
                return await fetch_reading(fetcher, target, rules=rules)

        try:
            return asyncio.run(fetch())
        except FetchError as e:
            raise _NotFetched(f"{target}: {e}") from None
    if not path.is_file():
        raise UsageError(f"{target}: no such file, and not an http(s) address")
    data = path.read_bytes()
    if not _looks_like_html(data):
        raise UsageError(f"{target}: not an HTML file")
    # A saved page was fetched no later than the file was written: no publication date may be
    # after it, and relative dates count from then, as guesses (the file may be older news).
    saved = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    hints = Hints(fetched=saved, fetched_exactly=False)
    return explain_article(data, original_url or path.resolve().as_uri(), rules=rules, hints=hints)


def _looks_like_html(data: bytes) -> bool:
    head = data[:200_000].lower()
    return b"\x00" not in data[:4096] and any(
        tag in head for tag in (b"<html", b"<body", b"<p", b"<div", b"<article")
    )
