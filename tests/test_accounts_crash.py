"""A crash between a change and its push loses nothing: a child process changes read and star
state of an account's headlines and is SIGKILLed before the push (tests/accounts_kill_child.py);
the next sync pushes what the queue kept."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from korantui.core.accounts.engine import sync_account
from korantui.core.store.account_queue import queued
from korantui.core.store.database import Store
from tests.accounts_fake import FakeServer

CHILD = Path(__file__).with_name("accounts_kill_child.py")
ROOT = Path(__file__).resolve().parents[1]


def run_child_until(db: Path, mode: str, word: str, *extra: str) -> subprocess.Popen[str]:
    """Start the child; return once it said word (it is then killed or kills itself)."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(db), mode, *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith(word):
            return child
    child.kill()
    _, err = child.communicate(timeout=10)
    raise AssertionError(f"the child never said {word!r}: {err[-2000:]}")


def test_changes_queued_by_a_process_killed_before_the_push_reach_the_server(tmp_path):
    server = FakeServer()
    server.add_feed("feed/1", "Kompas")
    for n in range(1, 5):
        server.add_item(str(n), "feed/1")
    db = tmp_path / "k.db"
    store = Store(db)
    asyncio.run(sync_account(store, server.client(), "Rumah"))
    store.close()

    child = run_child_until(db, "queue", "queued")
    child.kill()  # SIGKILL: no clean-up of any kind
    child.communicate(timeout=10)
    assert child.returncode == -9

    store = Store(db)
    try:
        assert len(queued(store, "Rumah")) == 5  # four reads and a star, all kept
        assert not any(i.read for i in server.items.values())
        result = asyncio.run(sync_account(store, server.client(), "Rumah"))
        assert result.ok and result.pushed == 5
        assert all(i.read for i in server.items.values())
        starred_here = [h.title for h in store.headlines(starred_only=True)]
        assert [i.title for i in server.items.values() if i.starred] == starred_here
        assert len(starred_here) == 1
        assert queued(store, "Rumah") == []
        assert all(h.read for h in store.headlines())
    finally:
        store.close()
