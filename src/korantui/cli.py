"""The `korantui` command: the app by default, and headless subcommands sharing the same core."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from korantui import __version__
from korantui.core.config import Config, ConfigError, load_config
from korantui.core.i18n import format_date

if TYPE_CHECKING:
    from korantui.core.models import Article
    from korantui.core.store import Store

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input from the user: one line, exit status 2."""


def _out(line: str = "") -> None:
    print(line, flush=True)


def _err(line: str) -> None:
    print(f"korantui: {line}", file=sys.stderr, flush=True)


# -- commands --------------------------------------------------------------------------------


def cmd_app(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.ui.app import KoranApp

    app = KoranApp(cfg, demo=args.demo)
    app.run()
    return app.return_code or 0


def cmd_refresh(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.core.fetch import Fetcher
    from korantui.core.models import RefreshResult
    from korantui.core.refresh import refresh_feeds

    store = _open_store(cfg)

    def line(res: RefreshResult) -> None:
        name = res.feed.display_name
        if res.error:
            _out(f"{name}: error: {res.error}")
        elif res.not_modified:
            _out(f"{name}: not modified")
        else:
            _out(f"{name}: {res.new} new of {res.total} headlines")

    async def run() -> list[RefreshResult]:
        async with Fetcher(cfg.fetch) as fetcher:
            return await refresh_feeds(store, fetcher, store.feeds(), cfg.feeds, on_result=line)

    results = asyncio.run(run())
    store.close()
    if results and all(r.error for r in results):
        return EXIT_FAIL
    return EXIT_OK


def cmd_read(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.core.extract import ExtractionError
    from korantui.core.fetch import FetchError
    from korantui.core.markdown import article_markdown

    try:
        article = _read_article(args.target, args.url, cfg)
    except FetchError as e:
        _err(f"{args.target}: {e}")
        return EXIT_FAIL
    except ExtractionError as e:
        _err(f"{args.target}: no article found ({e})")
        return EXIT_FAIL
    if args.format == "json":
        out = {
            "url": article.url,
            "title": article.title,
            "author": article.author,
            "published": article.published.isoformat() if article.published else None,
            "site": article.site,
            "image": article.image,
            "caption": article.caption,
            "text": article.text,
            "markdown": article_markdown(article),
            "pages": article.pages,
            "method": article.method,
        }
        _out(json.dumps(out, ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        _out(article_markdown(article))
    else:
        _out(article.title)
        facts = (article.site, format_date(article.published), article.author)
        _out(" · ".join(x for x in facts if x))
        if article.caption:
            _out()
            _out(article.caption)
        _out()
        _out(article.text)
    return EXIT_OK


def _read_article(target: str, original_url: str | None, cfg: Config) -> Article:
    """One article from a web address (fetched, split pages joined) or a saved HTML file."""
    from korantui.core.extract import extract_article
    from korantui.core.sanitize import safe_url
    from korantui.core.site_rules import load_rules

    rules = load_rules(cfg.rules)
    path = Path(target)
    if safe_url(target) and not path.exists():
        from korantui.core.article_fetch import fetch_article
        from korantui.core.fetch import Fetcher

        async def fetch() -> Article:
            async with Fetcher(cfg.fetch) as fetcher:
                return await fetch_article(fetcher, target, rules=rules)

        return asyncio.run(fetch())
    if not path.is_file():
        raise UsageError(f"{target}: no such file, and not an http(s) address")
    data = path.read_bytes()
    if not _looks_like_html(data):
        raise UsageError(f"{target}: not an HTML file")
    return extract_article(data, original_url or path.resolve().as_uri(), rules=rules)


def _looks_like_html(data: bytes) -> bool:
    head = data[:200_000].lower()
    return b"\x00" not in data[:4096] and any(
        tag in head for tag in (b"<html", b"<body", b"<p", b"<div", b"<article")
    )


def _open_store(cfg: Config) -> Store:
    from korantui.core.store import Store

    store = Store(cfg.db_path)
    if store.notice:
        _err(store.notice)
    store.sync_feeds(cfg.feeds)
    return store


# -- parser ----------------------------------------------------------------------------------

Command = Callable[[argparse.Namespace, Config], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="korantui",
        description="A keyboard-first terminal news reader, tuned for Indonesian news.",
    )
    parser.add_argument("--version", action="version", version=f"korantui {__version__}")
    parser.add_argument("--config", type=Path, metavar="PATH", help="config file (TOML)")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="where the store lives")
    parser.add_argument("--demo", action="store_true", help="open the bundled demo edition")
    parser.set_defaults(func=cmd_app)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("refresh", help="fetch every configured feed, one line per feed")
    p.set_defaults(func=cmd_refresh)

    p = sub.add_parser("read", help="print one article extracted from an address or HTML file")
    p.add_argument("target", metavar="URL_OR_FILE")
    p.add_argument("--url", help="the original address of a saved file")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    p.set_defaults(func=cmd_read)

    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        cfg = load_config(args.config, args.data_dir)
        func: Command = args.func
        return func(args, cfg)
    except ConfigError as e:
        _err(str(e))
        return EXIT_USAGE
    except UsageError as e:
        _err(str(e))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
