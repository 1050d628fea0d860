"""The `korantui` command: the app by default, and headless subcommands sharing the same core.

This module is the dispatcher: the command line, the commands' conventions (output, errors,
exit status) and which module does each command (app_command.py, read_command.py,
headlines_command.py, sync_command.py, feed_list_command.py, account_command.py). A command's
module, and only that one, is imported when it runs, and only its own part of the command line
is built: `korantui read FILE` is started once a page (by scripts, by score.py), and needs none
of the store, the network stack or the other commands' options.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path

from korantui import __version__
from korantui.core.config import Config, ConfigError, load_config

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input from the user: one line, exit status 2."""


def _out(line: str = "") -> None:
    print(line, flush=True)


def _err(line: str) -> None:
    print(f"korantui: {line}", file=sys.stderr, flush=True)


Command = Callable[[argparse.Namespace, Config], int]

# A command's name -> the module (under korantui) and function that do it.
COMMANDS: dict[str, tuple[str, str]] = {
    "app": ("app_command", "app"),
    "refresh": ("sync_command", "refresh"),
    "add": ("feed_list_command", "add"),
    "feeds": ("headlines_command", "feeds"),
    "remove": ("feed_list_command", "remove"),
    "headlines": ("headlines_command", "headlines"),
    "import-opml": ("feed_list_command", "import_opml"),
    "export-opml": ("feed_list_command", "export_opml"),
    "read": ("read_command", "read"),
    "search": ("headlines_command", "search"),
    "sync": ("sync_command", "sync"),
    "account": ("account_command", "account"),
}
_DEMO_COMMANDS = ("app", "feeds", "headlines", "search")


def command(name: str) -> Command:
    module, function = COMMANDS[name]
    func: Command = getattr(importlib.import_module(f"korantui.{module}"), function)
    return func


# -- parser ----------------------------------------------------------------------------------


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


def build_parser(commands: bool = True, only: str | None = None) -> argparse.ArgumentParser:
    """The command line; commands=False leaves out the subcommands (see _opens_the_app), only
    keeps that one subcommand (see main: what it parses, it parses the same)."""
    parser = argparse.ArgumentParser(
        prog="korantui",
        description="A keyboard-first terminal news reader, tuned for Indonesian news.",
    )
    parser.add_argument("--version", action="version", version=f"korantui {__version__}")
    _add_common(parser, argparse.SUPPRESS)
    parser.set_defaults(command="app", config=None, data_dir=None, demo=False)
    if not commands:
        return parser
    # --config and --data-dir work before or after the command's name.
    common = argparse.ArgumentParser(add_help=False)
    _add_common(common, argparse.SUPPRESS)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def wanted(name: str, help: str) -> argparse.ArgumentParser | None:
        if only is not None and name != only:
            return None
        p = sub.add_parser(name, help=help, parents=[common])
        p.set_defaults(command=name)
        return p

    wanted("refresh", help="fetch every configured feed, one line per feed")

    if p := wanted("add", help="find a site's feed (or its headlines) and add it"):
        p.add_argument("url", metavar="URL")
        p.add_argument("--name", help="the name to show (default: the feed's title)")
        p.add_argument("--category", help="the folder to show it in")
        p.add_argument("--account", metavar="NAME", help="subscribe on this account's server")

    wanted("feeds", help="list the feeds with kind, category, last refresh, error")

    if p := wanted("remove", help="remove a feed from the list"):
        p.add_argument("target", metavar="NAME_OR_URL")

    if p := wanted("headlines", help="print stored headlines, newest first"):
        p.add_argument("feed", nargs="?", metavar="FEED", help="one feed's name, address or number")
        p.add_argument("-n", "--limit", type=_how_many, default=30, help="how many (30)")
        p.add_argument("--format", choices=("text", "json"), default="text")
        p.add_argument(
            "--query", metavar="NAME", help="the headlines of a saved search ([[query]])"
        )

    if p := wanted("import-opml", help="add the feeds of an OPML file"):
        p.add_argument("file", metavar="FILE")

    if p := wanted("export-opml", help="write the feed list as OPML (stdout without FILE)"):
        p.add_argument("file", nargs="?", metavar="FILE")

    if p := wanted("read", help="print one article extracted from an address or HTML file"):
        p.add_argument("target", metavar="URL_OR_FILE")
        p.add_argument("--url", help="the original address of a saved file")
        p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
        p.add_argument(
            "--explain",
            action="store_true",
            help="say which candidate won the title, date and author and why (JSON, or stderr)",
        )

    if p := wanted("search", help="print the stored headlines that best match a query"):
        p.add_argument("query", nargs="+", metavar="QUERY")
        p.add_argument("-n", "--limit", type=_how_many, default=20, help="how many results (20)")

    if p := wanted(
        "sync", help="refresh every feed, then store the full text of every unread article"
    ):
        p.add_argument(
            "--notify", action="store_true", help="run notify_command for new alert-rule matches"
        )

    if p := wanted("account", help="check an account's login: `account test NAME`"):
        p.add_argument("action", choices=("test",))
        p.add_argument("name", metavar="NAME")

    return parser


_VALUE_OPTIONS = ("--config", "--data-dir")


def _first_word(argv: list[str]) -> str | None:
    """What comes after the app's own options (the command's name, --help, a typo); None
    where argv holds nothing else."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--demo" or arg.startswith(tuple(o + "=" for o in _VALUE_OPTIONS)):
            i += 1
        elif arg in _VALUE_OPTIONS and i + 1 < len(argv):
            i += 2
        else:
            return arg
    return None


def _opens_the_app(argv: list[str]) -> bool:
    """Whether argv holds only the app's own options: no command, no --help. Building every
    command's parser costs ~3 ms of the app's start-up, for nothing then."""
    return _first_word(argv) is None


def _parser_for(argv: list[str]) -> argparse.ArgumentParser:
    """The app's options alone, or one command's parser (what follows its name is that
    subparser's to read; before it, only the app's options can be), or the whole command line
    (--help, --version, a name that is no command: argparse lists them all)."""
    word = _first_word(argv)
    if word is None:
        return build_parser(commands=False)
    if word in COMMANDS and word != "app":
        return build_parser(only=word)
    return build_parser()


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # the process's own command line: it ends when the command is done
        # At exit, Python collects garbage once more over every object still alive (~25 ms
        # after a `read FILE`, a tenth of its run), freeing nothing the exit would not free.
        # Set apart for good, they are skipped; this runs after the command and its threads.
        atexit.register(gc.freeze)
    argv = sys.argv[1:] if argv is None else argv
    args = _parser_for(argv).parse_args(argv)
    try:
        cfg = load_config(args.config, args.data_dir)
        name: str = args.command
        if name != "app":  # the app shows them on its screen
            for warning in cfg.warnings:
                _err(f"warning: {warning}")
        if args.demo and name not in _DEMO_COMMANDS:
            raise UsageError("--demo goes with the app, feeds, headlines and search only")
        return command(name)(args, cfg)
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
