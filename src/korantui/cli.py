"""The `korantui` command: the app by default, and headless subcommands sharing the same core."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import json
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from korantui import __version__
from korantui.core.config import Config, ConfigError, load_config
from korantui.core.moments import to_stored

# The store, sqlite3 and the network stack are imported by the commands that use them:
# `korantui read FILE` is started once a page (by scripts, by score.py) and needs none of them.
if TYPE_CHECKING:
    from korantui.core.models import Feed
    from korantui.core.store.database import Store
    from korantui.core.store.filter_flags import Alert

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input from the user: one line, exit status 2."""


def _out(line: str = "") -> None:
    print(line, flush=True)


def _err(line: str) -> None:
    print(f"korantui: {line}", file=sys.stderr, flush=True)


# -- commands --------------------------------------------------------------------------------


def cmd_app(args: argparse.Namespace, cfg: Config) -> int:
    # Until the first frame, no garbage worth collecting is made, but the collector's passes
    # over the objects of the fresh imports cost ~25 ms of it; the app turns it back on (and
    # sets those objects apart for good) once that frame is painted.
    _usable_data_dir(cfg)
    for stream, name in ((sys.stdout, "output"), (sys.stdin, "input")):
        if not stream.isatty():
            raise UsageError(
                f"the app needs a terminal, and its {name} is not one;"
                " the commands (korantui --help) work without"
            )
    gc.disable()
    from korantui.ui.app import KoranApp
    from korantui.ui.widgets.image_terminal import probe_terminal

    app = KoranApp(cfg, demo=args.demo)
    probe_terminal(cfg.images)  # before Textual reads the keyboard: it would eat the answers
    app.run()
    return app.return_code or 0


def cmd_refresh(args: argparse.Namespace, cfg: Config) -> int:
    import asyncio  # lazy: `read FILE` and the app's start do without its ~0.1 s

    from korantui.core.models import RefreshResult
    from korantui.core.net.fetch import Fetcher
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
    _filter_pass(store, cfg)
    store.close()
    if results and all(r.error for r in results):
        return EXIT_FAIL
    return EXIT_OK


# -- sources: add, feeds, remove, headlines, OPML (issue 4) ------------------------------------


def cmd_add(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.feed_list_command import add

    return add(args, cfg)


def cmd_remove(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.feed_list_command import remove

    return remove(args, cfg)


def cmd_import_opml(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.feed_list_command import import_opml

    return import_opml(args, cfg)


def cmd_export_opml(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.feed_list_command import export_opml

    return export_opml(args, cfg)


def cmd_feeds(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.core.filters.feed_status import feed_status_lines, saved_search_lines
    from korantui.core.i18n import format_date

    store = _open_store(cfg, reading=True, demo=args.demo)
    try:
        feeds = store.feeds()
        status = feed_status_lines(store, cfg)
        saved = saved_search_lines(store, cfg)
    finally:
        store.close()
    for f in feeds:
        when = format_date(f.last_refresh, cfg.ui_language) or "never refreshed"
        _out(" · ".join((f.display_name, f.kind, f.category or "-", when)))
        _out(f"    {f.url}")
        for line in status.get(f.id, []):
            _out(f"    {line}")
        if f.last_error:
            _out(f"    last error: {f.last_error}")
    for line in saved:
        _out(line)
    return EXIT_OK


def cmd_headlines(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.core.i18n import format_date

    store = _open_store(cfg, reading=True, demo=args.demo)
    try:
        feed_id = None
        if args.query:
            from korantui.core.queries import query_named

            try:
                rows = query_named(store, cfg.filters.queries, args.query)[: max(0, args.limit)]
            except LookupError as e:
                raise UsageError(str(e)) from None
        elif args.feed:
            feed = _find_feed(store, args.feed)
            if feed is None:
                raise UsageError(f"no feed {args.feed!r}; `korantui feeds` lists them")
            feed_id = feed.id
        if not args.query:
            rows = store.headlines(feed_id, limit=args.limit)
    finally:
        store.close()
    if args.format == "json":
        out = [
            {
                "title": h.title,
                "link": h.link,
                "published": to_stored(h.published),  # "2022-09-20" for a day alone
                "feed": h.feed_name,
                "read": h.read,
            }
            for h in rows
        ]
        _out(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    for h in rows:
        when = format_date(h.published or h.first_seen, cfg.ui_language)
        mark = " " if h.read else "*"
        _out(f"{mark} " + " · ".join(x for x in (when, h.feed_name, h.title) if x))
        if h.link:
            _out(f"    {h.link}")
    return EXIT_OK


def _find_feed(store: Store, wanted: str) -> Feed | None:
    """A stored feed by its number, address, or the name shown for it (case-blind)."""
    feeds = store.feeds()
    key = wanted.strip().casefold()
    for f in feeds:
        if str(f.id) == key or f.url.casefold().rstrip("/") == key.rstrip("/"):
            return f
    for f in feeds:
        if key in (f.display_name.casefold(), f.name.casefold()):
            return f
    return None


def cmd_read(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.read_command import read

    return read(args, cfg)


def cmd_search(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.core.i18n import format_date

    query = " ".join(args.query).strip()
    if not query:
        raise UsageError("search: give the words to look for")
    store = _open_store(cfg, reading=True, demo=args.demo)
    try:
        results = store.search(query, limit=args.limit)
    finally:
        store.close()
    if not results:
        _err("no stored headline matches")
        return EXIT_FAIL
    for h in results:
        when = format_date(h.published or h.first_seen, cfg.ui_language)
        _out(" · ".join(x for x in (when, h.feed_name, h.title) if x))
        if h.link:
            _out(f"    {h.link}")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace, cfg: Config) -> int:
    import asyncio  # lazy: `read FILE` and the app's start do without its ~0.1 s

    from korantui.core.accounts.engine import AccountResult
    from korantui.core.article.site_rules import load_rules
    from korantui.core.i18n import count
    from korantui.core.net.fetch import Fetcher
    from korantui.core.sync import PlainReport, ProgressReport, SyncReport, SyncSummary, sync_all

    store = _open_store(cfg)
    rules = load_rules(cfg.rules)
    # A progress bar only where someone watches; cron and pipes get plain lines.
    report: SyncReport = ProgressReport() if sys.stdout.isatty() else PlainReport(_out)

    async def run() -> SyncSummary:
        from korantui.account_command import sync_lines

        accounts.extend(await sync_lines(store, cfg, _out))  # first: their teasers then fetched
        async with Fetcher(cfg.fetch) as fetcher:
            return await sync_all(store, fetcher, cfg.feeds, report, rules, limits=cfg.sync)

    accounts: list[AccountResult] = []
    try:
        summary = asyncio.run(run())
        alerts = _filter_pass(store, cfg)
    finally:
        store.close()
    if args.notify and alerts:
        from korantui.core.filters.notify_command import notify_all

        if cfg.filters.notify_command:
            sent = notify_all(cfg.filters.notify_command, alerts, _err)
            _out(f"{count(len(alerts), 'new alert')}, {sent} notified")
        else:
            _err("sync --notify: no notify_command in the config")
    if accounts and not any(a.ok for a in accounts):
        return EXIT_FAIL
    if summary.store_problem:
        _err(summary.store_problem)
        return EXIT_FAIL
    if summary.feeds and summary.feed_errors == summary.feeds:
        return EXIT_FAIL
    return EXIT_OK


def cmd_account(args: argparse.Namespace, cfg: Config) -> int:
    from korantui.account_command import account_test

    return account_test(cfg, args.name, _out, _err)


def _usable_data_dir(cfg: Config) -> None:
    """The data dir, made if need be; one line (exit 2) where it is a file or cannot be made,
    before the app names a log file inside it."""
    from korantui.core.store.store_file import data_dir_problem

    try:
        cfg.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UsageError(data_dir_problem(cfg.data_dir, e)) from None


def _open_store(
    cfg: Config, *, reread: bool = False, reading: bool = False, demo: bool = False
) -> Store:
    """The store, its feeds following the config (read again from its file after an edit).
    reading: the command only reads, so a store that cannot be written is opened read-only.
    demo: the demo edition's own store (the app's, under the data dir), loaded."""
    import sqlite3

    from korantui.core.reading_service import ReadingService
    from korantui.core.store.database import Store, StoreError
    from korantui.core.store.store_file import data_dir_problem

    if demo:
        from korantui.core.demo import demo_feed_specs

        cfg = replace(cfg, data_dir=cfg.data_dir / "demo", feeds=demo_feed_specs())
        store = _open_store(cfg)
        ReadingService(store).load_demo()
        return store
    if reread:
        cfg = load_config(cfg.path, cfg.data_dir)
    try:
        store = Store(cfg.db_path)
    except OSError as e:  # the data dir: a file, under a file, under a read-only parent
        raise UsageError(data_dir_problem(cfg.data_dir, e)) from None
    except StoreError as e:
        if not reading or e.busy or not cfg.db_path.is_file():
            raise
        return _read_only_store(cfg)
    if store.notice:
        _err(store.notice)
    try:
        ReadingService(store).sync_feeds(cfg.feeds)
        _filter_pass(store, cfg)
    except sqlite3.OperationalError:
        store.close()
        if not reading:
            raise
        return _read_only_store(cfg)
    return store


def _filter_pass(store: Store, cfg: Config) -> list[Alert]:
    """The [[filter]] rules and the feeds' own settings brought to the store; the alerts of
    the new headlines."""
    from korantui.core.store.feed_settings import follow_settings
    from korantui.core.store.filter_flags import apply_filters

    follow_settings(store, cfg.feeds)
    done = apply_filters(store, cfg.filters)
    for name in done.slow:
        _err(f"filter {name!r} was skipped: its pattern takes too long on some headlines")
    return done.alerts


def _read_only_store(cfg: Config) -> Store:
    from korantui.core.store.database import Store

    store = Store(cfg.db_path, read_only=True)
    _err(f"{cfg.db_path}: cannot be written here; showing what it holds")
    return store


# -- parser ----------------------------------------------------------------------------------

Command = Callable[[argparse.Namespace, Config], int]


def _add_common(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--config", type=Path, metavar="PATH", default=default, help="config file (TOML)"
    )
    parser.add_argument(
        "--data-dir", type=Path, metavar="DIR", default=default, help="where the store lives"
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        default=default,
        help="the bundled demo edition (the app, feeds, headlines, search)",
    )


def _how_many(text: str) -> int:
    """A --limit: a whole number from 1 (argparse says the rest in one line, exit 2)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a count (1 or more)")
    return n


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The command line; commands=False leaves out the subcommands (see _opens_the_app)."""
    parser = argparse.ArgumentParser(
        prog="korantui",
        description="A keyboard-first terminal news reader, tuned for Indonesian news.",
    )
    parser.add_argument("--version", action="version", version=f"korantui {__version__}")
    _add_common(parser, argparse.SUPPRESS)
    parser.set_defaults(func=cmd_app, config=None, data_dir=None, demo=False)
    if not commands:
        return parser
    # --config and --data-dir work before or after the command's name.
    common = argparse.ArgumentParser(add_help=False)
    _add_common(common, argparse.SUPPRESS)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, parents=[common])

    p = command("refresh", help="fetch every configured feed, one line per feed")
    p.set_defaults(func=cmd_refresh)

    p = command("add", help="find a site's feed (or its headlines) and add it")
    p.add_argument("url", metavar="URL")
    p.add_argument("--name", help="the name to show (default: the feed's title)")
    p.add_argument("--category", help="the folder to show it in")
    p.add_argument("--account", metavar="NAME", help="subscribe on this account's server")
    p.set_defaults(func=cmd_add)

    p = command("feeds", help="list the feeds with kind, category, last refresh, error")
    p.set_defaults(func=cmd_feeds)

    p = command("remove", help="remove a feed from the list")
    p.add_argument("target", metavar="NAME_OR_URL")
    p.set_defaults(func=cmd_remove)

    p = command("headlines", help="print stored headlines, newest first")
    p.add_argument("feed", nargs="?", metavar="FEED", help="one feed's name, address or number")
    p.add_argument("-n", "--limit", type=_how_many, default=30, help="how many (30)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--query", metavar="NAME", help="the headlines of a saved search ([[query]])")
    p.set_defaults(func=cmd_headlines)

    p = command("import-opml", help="add the feeds of an OPML file")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_import_opml)

    p = command("export-opml", help="write the feed list as OPML (stdout without FILE)")
    p.add_argument("file", nargs="?", metavar="FILE")
    p.set_defaults(func=cmd_export_opml)

    p = command("read", help="print one article extracted from an address or HTML file")
    p.add_argument("target", metavar="URL_OR_FILE")
    p.add_argument("--url", help="the original address of a saved file")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    p.add_argument(
        "--explain",
        action="store_true",
        help="say which candidate won the title, date and author and why (JSON, or stderr)",
    )
    p.set_defaults(func=cmd_read)

    p = command("search", help="print the stored headlines that best match a query")
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("-n", "--limit", type=_how_many, default=20, help="how many results (20)")
    p.set_defaults(func=cmd_search)

    p = command("sync", help="refresh every feed, then store the full text of every unread article")
    p.add_argument(
        "--notify", action="store_true", help="run notify_command for new alert-rule matches"
    )
    p.set_defaults(func=cmd_sync)

    p = command("account", help="check an account's login: `account test NAME`")
    p.add_argument("action", choices=("test",))
    p.add_argument("name", metavar="NAME")
    p.set_defaults(func=cmd_account)

    return parser


_VALUE_OPTIONS = ("--config", "--data-dir")
_DEMO_COMMANDS: tuple[Command, ...] = (cmd_app, cmd_feeds, cmd_headlines, cmd_search)


def _opens_the_app(argv: list[str]) -> bool:
    """Whether argv holds only the app's own options: no command, no --help. Building every
    command's parser costs ~3 ms of the app's start-up, for nothing then."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--demo" or arg.startswith(tuple(o + "=" for o in _VALUE_OPTIONS)):
            i += 1
        elif arg in _VALUE_OPTIONS and i + 1 < len(argv):
            i += 2
        else:
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # the process's own command line: it ends when the command is done
        # At exit, Python collects garbage once more over every object still alive (~25 ms
        # after a `read FILE`, a tenth of its run), freeing nothing the exit would not free.
        # Set apart for good, they are skipped; this runs after the command and its threads.
        atexit.register(gc.freeze)
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(commands=not _opens_the_app(argv))
    args = parser.parse_args(argv)
    try:
        cfg = load_config(args.config, args.data_dir)
        func: Command = args.func
        if func is not cmd_app:  # the app shows them on its screen
            for warning in cfg.warnings:
                _err(f"warning: {warning}")
        if args.demo and func not in _DEMO_COMMANDS:
            raise UsageError("--demo goes with the app, feeds, headlines and search only")
        return func(args, cfg)
    except (ConfigError, UsageError) as e:
        _err(str(e))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `korantui read … | head`: the reader stopped reading; no traceback for that. Python
        # would complain again when flushing stdout at exit, so point it at /dev/null.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAIL
    except Exception as e:
        problem = _store_problem(e)
        if problem is None:
            raise
        _err(problem)
        return EXIT_FAIL


def _store_problem(e: Exception) -> str | None:
    """The line to show for a store that failed (its own error, or sqlite3's: a full disk, a
    store made read-only meanwhile); None for any other error. Only a command that imported
    the store can have such an error, so it is looked for only where it was imported."""
    database = sys.modules.get("korantui.core.store.database")
    if database is not None and isinstance(e, database.StoreError):
        return str(e)
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is not None and isinstance(e, sqlite3.OperationalError):
        from korantui.core.store.store_file import sqlite_problem

        return sqlite_problem(e)
    return None


if __name__ == "__main__":
    raise SystemExit(main())
