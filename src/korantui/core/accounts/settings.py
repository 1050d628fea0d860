"""`[[account]]` tables of the config: which servers korantui syncs with, and how it gets
their passwords (a command or an environment variable: never the password itself, so the
config file can be shared and backed up).

    [[account]]
    kind = "greader"                 # FreshRSS, The Old Reader, Inoreader…; or "miniflux"
    url = "https://rss.example.id/api/greader.php"
    username = "budi"
    password_command = "pass show freshrss"   # or password_env = "KORANTUI_FRESHRSS"
    name = "Rumah"                   # optional: the host by default

A Miniflux account may give an API key instead (api_key_command / api_key_env). The password
is read when a sync needs it, never stored, logged or shown; an error says which command or
variable failed, never what it printed.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from korantui.core.accounts.remote import AccountError, Failure
from korantui.core.sanitize import clean_line, safe_url

KINDS = ("greader", "miniflux")
_KEYS = (
    *("kind", "url", "username", "name", "password_command", "password_env"),
    *("api_key_command", "api_key_env"),
)
SECRET_TIMEOUT = 20.0  # seconds: `pass` may ask gpg-agent, which may ask for a passphrase
_SECRET_LIMIT = 64 * 1024


@dataclass(frozen=True, slots=True)
class AccountSettings:
    name: str
    kind: str
    url: str
    username: str = ""
    password_command: str = ""
    password_env: str = ""
    api_key_command: str = ""
    api_key_env: str = ""
    # Where the table is, for messages: "config.toml:line 12".
    where: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Credentials:
    password: str = ""
    api_key: str = ""

    def __repr__(self) -> str:  # never the secrets, whoever prints it
        return "Credentials(…)"

    @property
    def secrets(self) -> list[str]:
        return [s for s in (self.password, self.api_key) if s]


class SecretError(AccountError):
    """The password (or key) could not be read: the command failed, the variable is unset."""

    def __init__(self, text: str) -> None:
        Exception.__init__(self, text)
        self.failure = Failure.AUTH
        self.detail = text


def parse_accounts(tables: object, text: str, path: Path) -> list[AccountSettings]:
    """The config's [[account]] tables; a ConfigError naming file:line for any mistake."""
    from korantui.core.config import ConfigError

    def fail(what: str, i: int, key: str = "") -> ConfigError:
        return ConfigError(f"{path}:line {_line(text, i, key)}: {what}")

    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise fail("'account' must be a list of [[account]] tables", 0)
    accounts: list[AccountSettings] = []
    for i, table in enumerate(tables):
        accounts.append(_account(table, i, fail, f"{path}:line {_line(text, i, '')}"))
    names = [a.name.casefold() for a in accounts]
    for i, name in enumerate(names):
        if name in names[:i]:
            raise fail(f"two accounts are named {accounts[i].name!r}: give one a name", i, "name")
    return accounts


def _account(table: dict[str, Any], i: int, fail: Any, where: str) -> AccountSettings:
    what = f"[[account]] #{i + 1}"
    for key, value in table.items():
        if key not in _KEYS:
            raise fail(f"unknown key '{clean_line(key)[:60]}' in {what}", i, key)
        if not isinstance(value, str):
            raise fail(f"'{key}' of {what} must be a string", i, key)
    kind = table.get("kind", "")
    if kind not in KINDS:
        raise fail(f'{what}: kind must be "greader" or "miniflux"', i, "kind")
    url = table.get("url", "").strip()
    if not url:
        raise fail(f"{what} has no url", i)
    if not safe_url(url):
        raise fail(f"{what}: url '{clean_line(url)[:200]}' is not an http(s) address", i, "url")
    username = clean_line(table.get("username", ""))
    has_password = bool(table.get("password_command") or table.get("password_env"))
    has_key = bool(table.get("api_key_command") or table.get("api_key_env"))
    if kind == "greader" and not (username and has_password):
        raise fail(f"{what} needs username and password_command (or password_env)", i)
    if kind == "miniflux" and not (has_key or (username and has_password)):
        raise fail(
            f"{what} needs api_key_command (or api_key_env), or username and password_command", i
        )
    for key in ("password_command", "api_key_command"):
        if table.get(key):
            try:
                argv = shlex.split(table[key])
            except ValueError as e:
                raise fail(f"{key} of {what}: {e}", i, key) from None
            if not argv:
                raise fail(f"{key} of {what} is empty", i, key)
    name = clean_line(table.get("name", "")) or (urlsplit(url).hostname or url)
    return AccountSettings(
        name=name[:100],
        kind=kind,
        url=url,
        username=username,
        password_command=table.get("password_command", ""),
        password_env=table.get("password_env", ""),
        api_key_command=table.get("api_key_command", ""),
        api_key_env=table.get("api_key_env", ""),
        where=where,
    )


def _line(text: str, i: int, key: str) -> int:
    """The line of the i-th [[account]] header, or of key within that table."""
    lines = text.splitlines()
    headers = [n for n, line in enumerate(lines) if line.strip().startswith("[[account]]")]
    if i >= len(headers):
        return 1
    start = headers[i]
    if key:
        for n in range(start + 1, len(lines)):
            stripped = lines[n].strip()
            if stripped.startswith("["):
                break
            if stripped.split("=", 1)[0].strip().strip("\"'") == key:
                return n + 1
    return start + 1


# -- the secrets, read when a sync needs them ----------------------------------------------------


def credentials(account: AccountSettings) -> Credentials:
    """The account's password and API key, from its command or variable. Raises SecretError."""
    return Credentials(
        password=_secret(account, "password", account.password_command, account.password_env),
        api_key=_secret(account, "api key", account.api_key_command, account.api_key_env),
    )


def _secret(account: AccountSettings, what: str, command: str, env: str) -> str:
    if command:
        return _run(account, what, command)
    if env:
        value = os.environ.get(env, "")
        if not value:
            raise SecretError(f"the {what} variable {env} is not set")
        return value.splitlines()[0].strip() if value.strip() else ""
    return ""


def _run(account: AccountSettings, what: str, command: str) -> str:
    """The first line the command prints. No shell: the command line is split as a shell would,
    but nothing in it is expanded or run beside the program."""
    argv = shlex.split(command)
    program = argv[0] if argv else ""
    try:
        done = subprocess.run(
            argv,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=SECRET_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise SecretError(f"the {what} command {program!r} was not found") from None
    except PermissionError:
        raise SecretError(f"the {what} command {program!r} cannot be run") from None
    except subprocess.TimeoutExpired:
        raise SecretError(
            f"the {what} command {program!r} gave no answer in {SECRET_TIMEOUT:.0f} s"
        ) from None
    except OSError as e:
        raise SecretError(f"the {what} command {program!r} failed: {e.strerror}") from None
    if done.returncode != 0:
        # Its output is not quoted: it may hold the secret, or part of it.
        raise SecretError(f"the {what} command {program!r} failed (exit status {done.returncode})")
    out = done.stdout[:_SECRET_LIMIT].decode("utf-8", "replace")
    first = out.splitlines()[0].strip() if out.strip() else ""
    if not first:
        raise SecretError(f"the {what} command {program!r} printed nothing")
    return first
