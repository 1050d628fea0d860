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

if TYPE_CHECKING:
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
    from korantui.core.extract import ExtractionError, extract_article
    from korantui.core.markdown import article_markdown
    from korantui.core.fetch import FetchError, FetchSettings
    from korantui.core.sanitize import safe_url
    from korantui.core.site_rules import load_rules

    rules = load_rules(cfg.rules)
    target: str = args.target
    try:
        if safe_url(target) and not Path(target).exists():
            from korantui.core.article_fetch import fetch_article
            from korantui.core.fetch import Fetcher

            async def run() -> object:
                settings: FetchSettings = cfg.fetch
                async with Fetcher(settings) as fetcher:
                    return await fetch_article(fetcher, target, rules=rules)

            article = asyncio.run(run())
        else:
            path = Path(target)
            if not path.is_file():
                raise UsageError(f"{target}: no such file, and not an http(s) address")
            data = path.read_bytes()
            head = data[:4096].lower()
            if b"<" not in head or not any(
                t in data[:200_000].lower()
                for t in (b"<html", b"<body", b"<p", b"<div", b"<article")
            ):
                raise UsageError(f"{target}: not an HTML file")
            article = extract_article(data, args.url or path.resolve().as_uri(), rules=rules)
    except FetchError as e:
        _err(f"{target}: {e}")
        return EXIT_FAIL
    except ExtractionError as e:
        _err(f"{target}: no article found ({e})")
        return EXIT_FAIL
    from korantui.core.models import Article

    assert isinstance(article, Article)
    if args.format == "json":
        d = article.to_dict()
        out = {
            "url": article.url,
            "title": article.title,
            "author": article.author,
            "published": d["published"],
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
        _print_article_text(article)
    return EXIT_OK


def _print_article_text(article: object) -> None:
    from korantui.core.i18n import format_date
    from korantui.core.models import Article

    assert isinstance(article, Article)
    _out(article.title)
    meta = " · ".join(
        x for x in (article.site, format_date(article.published), article.author) if x
    )
    if meta:
        _out(meta)
    if article.caption:
        _out()
        _out(article.caption)
    _out()
    _out(article.text)


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
