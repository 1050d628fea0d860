"""Accounts end to end: the commands and the engine through the real clients (greader.py,
miniflux.py) against the strict loopback servers of tests/sync_servers.py.

Every address the servers hand out (feeds, articles) is on 127.0.0.1:9, where nothing listens:
`korantui sync` tries the teasers' full text there and fails fast, never leaving the machine.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from korantui.cli import main
from korantui.core.accounts.connect import connector, sync_configured
from korantui.core.accounts.engine import AccountResult, pull
from korantui.core.config import Config, load_config
from korantui.core.reading_service import ReadingService
from korantui.core.store.account_queue import queued
from korantui.core.store.database import Store
from tests.sync_servers import GReaderServer, MinifluxServer
from tests.test_accounts_crash import run_child_until

PASSWORD = "rahasia-sekali"
NOWHERE = "http://127.0.0.1:9"


def _greader_table(server: GReaderServer, name: str = "Rumah") -> str:
    return (
        f'[[account]]\nkind = "greader"\nurl = "{server.url}"\nusername = "budi"\n'
        f'password_env = "KORANTUI_TEST_GREADER"\nname = "{name}"\n'
    )


def _miniflux_table(server: MinifluxServer, name: str = "Kantor") -> str:
    return (
        f'[[account]]\nkind = "miniflux"\nurl = "{server.url}"\n'
        f'api_key_env = "KORANTUI_TEST_MINIFLUX"\nname = "{name}"\n'
    )


def _fill(server: GReaderServer | MinifluxServer, category: str) -> None:
    one = server.add_feed("Koran Satu", f"{NOWHERE}/satu.xml", category)
    two = server.add_feed("Koran Dua", f"{NOWHERE}/dua.xml")
    server.add_items(4, one.id)
    server.add_items(2, two.id)
    _nowhere(server)


def _nowhere(server: GReaderServer | MinifluxServer) -> None:
    for item in server.items.values():
        item.url = f"{NOWHERE}/{item.feed_id}/{item.id}"


def _offline(server: GReaderServer | MinifluxServer) -> None:
    """Every connection from now on is dropped without an answer: the server is gone."""
    for k in range(1, 400):
        server.fail(k, "drop")


def _online(server: GReaderServer | MinifluxServer) -> None:
    with server.lock:
        server.faults.clear()


@pytest.fixture
def greader(monkeypatch) -> Iterator[GReaderServer]:
    monkeypatch.setenv("KORANTUI_TEST_GREADER", PASSWORD)
    with GReaderServer(password=PASSWORD) as server:
        _fill(server, "Berita")
        yield server


@pytest.fixture
def miniflux(monkeypatch) -> Iterator[MinifluxServer]:
    with MinifluxServer(host="127.0.0.2") as server:
        monkeypatch.setenv("KORANTUI_TEST_MINIFLUX", server.api_key)
        _fill(server, "Kerja")
        yield server


def _args(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return ["--config", str(path), "--data-dir", str(tmp_path / "data")]


def _cfg(tmp_path: Path) -> Config:
    return load_config(tmp_path / "config.toml", tmp_path / "data")


def _sync(cfg: Config, store: Store) -> list[AccountResult]:
    return asyncio.run(sync_configured(store, cfg.accounts, cfg.fetch))


def _titles(store: Store, **kw: bool) -> set[str]:
    return {h.title for h in store.headlines(**kw)}


# -- the commands -----------------------------------------------------------------------------


def test_account_test_then_first_and_incremental_sync_through_the_cli(tmp_path, greader, capsys):
    args = _args(tmp_path, _greader_table(greader))
    assert main([*args, "account", "test", "rumah"]) == 0
    assert capsys.readouterr().out.strip() == "Rumah: ok, 2 feeds, 6 unread"

    assert main([*args, "sync"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Rumah: ok, 2 feeds, 6 new, 6 unread, 0 changes pushed"
    store = Store(tmp_path / "data" / "korantui.db")
    try:
        feeds = {f.display_name: f for f in store.feeds()}
        assert feeds["Koran Satu"].category == "Rumah / Berita"
        assert feeds["Koran Dua"].category == "Rumah / Uncategorized"
        assert len(store.headlines(unread_only=True)) == 6
    finally:
        store.close()

    # Incremental: two new items, one read and one starred elsewhere.
    new = greader.add_items(2, 2)
    _nowhere(greader)
    first = min(greader.items)
    greader.items[first].read = True
    greader.items[new[0]].starred = True
    contents = len(greader.calls("stream/contents/user/-/state/com.google/reading-list"))
    assert main([*args, "sync"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("Rumah: ok, 2 feeds, 2 new, 7 unread")
    calls = greader.calls("stream/contents/user/-/state/com.google/reading-list")[contents:]
    assert len(calls) == 1 and any(k == "ot" for k, _ in calls[0].query)  # since the cursor
    store = Store(tmp_path / "data" / "korantui.db")
    try:
        assert len(store.headlines()) == 8
        assert f"Berita {first}" not in _titles(store, unread_only=True)
        assert _titles(store, starred_only=True) == {f"Berita {new[0]}"}
    finally:
        store.close()


def test_wrong_password_is_one_line_and_reading_goes_on_offline(
    tmp_path, greader, capsys, monkeypatch
):
    args = _args(tmp_path, _greader_table(greader))
    assert main([*args, "sync"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("KORANTUI_TEST_GREADER", "salah-sandi-123")
    assert main([*args, "account", "test", "Rumah"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("Rumah: wrong user name or password")
    assert len(captured.out.splitlines()) == 1
    assert main([*args, "sync"]) == 1  # its only account failed: cron hears of it
    captured2 = capsys.readouterr()
    assert captured2.out.splitlines()[0].startswith("Rumah: wrong user name or password")
    for text in (captured.out, captured.err, captured2.out, captured2.err):
        assert "salah-sandi-123" not in text and PASSWORD not in text
    assert main([*args, "headlines"]) == 0  # the stored news reads as before
    assert "Berita" in capsys.readouterr().out
    db = (tmp_path / "data" / "korantui.db").read_bytes()
    assert b"salah-sandi-123" not in db and PASSWORD.encode() not in db


def test_add_through_the_account_s_server(tmp_path, greader, capsys):
    args = _args(tmp_path, _greader_table(greader))
    assert main([*args, "sync"]) == 0
    capsys.readouterr()
    url = f"{NOWHERE}/tiga.xml"
    assert main([*args, "add", "--account", "Rumah", url, "--name", "Koran Tiga"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Rumah: subscribed to Koran Tiga"
    assert [f.title for f in greader.feeds.values()][-1] == "Koran Tiga"
    store = Store(tmp_path / "data" / "korantui.db")
    try:
        assert "Koran Tiga" in {f.display_name for f in store.feeds()}
    finally:
        store.close()
    assert "tiga" not in (tmp_path / "config.toml").read_text()  # the server's, not the file's


def test_two_accounts_beside_local_feeds(tmp_path, greader, miniflux, news_site, capsys):
    local = f'[[feeds]]\nurl = "{news_site}/feed.xml"\nname = "Lokal"\n'
    args = _args(tmp_path, local + _greader_table(greader) + _miniflux_table(miniflux))
    assert main([*args, "sync"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Rumah: ok, 2 feeds, 6 new")
    assert out[1].startswith("Kantor: ok, 2 feeds, 6 new")
    assert any(line.startswith("Lokal:") and "new of" in line for line in out)
    store = Store(tmp_path / "data" / "korantui.db")
    try:
        feeds = store.feeds()
        assert feeds[0].display_name == "Lokal"
        headings = [f.category for f in feeds[1:]]
        assert headings == sorted(headings) and {h.split(" / ")[0] for h in headings} == {
            "Kantor",
            "Rumah",
        }
        service = ReadingService(store)
        kantor = next(f for f in feeds if f.category == "Kantor / Kerja")
        row = store.headlines(kantor.id)[0]
        service.set_read([row])
        lokal = store.headlines(feeds[0].id)[0]
        service.set_read([lokal])
        assert [q.kind for q in queued(store, "Kantor")] == ["read"]
        assert queued(store, "Rumah") == []
        results = _sync(_cfg(tmp_path), store)
        assert all(r.ok for r in results), results
        assert miniflux.items[int(row.guid)].read
        assert not any(i.read for i in greader.items.values())
    finally:
        store.close()


# -- the queue, offline, conflicts, failures --------------------------------------------------


@pytest.fixture
def synced(tmp_path, greader) -> Iterator[tuple[Config, Store]]:
    _args(tmp_path, _greader_table(greader))
    cfg = _cfg(tmp_path)
    store = Store(cfg.db_path)
    results = _sync(cfg, store)
    assert results[0].ok, results
    yield cfg, store
    store.close()


def _remote(greader: GReaderServer, title: str):  # type: ignore[no-untyped-def]
    return next(i for i in greader.items.values() if i.title == title)


def test_offline_changes_are_queued_and_pushed_when_the_server_is_back(synced, greader):
    cfg, store = synced
    service = ReadingService(store)
    rows = store.headlines()
    _offline(greader)
    service.set_read(rows[:3])
    service.set_starred(rows[3], True)
    service.mark_feed_read(rows[5].feed_id)  # supersedes the reads queued in its feed
    waiting = queued(store, "Rumah")
    assert {q.kind for q in waiting} == {"read", "star", "mark_all"}
    (result,) = _sync(cfg, store)
    assert result.error.startswith("the server cannot be reached"), result.error
    assert result.left_queued == len(waiting)
    # Nothing listening at all (the server stopped): the same, and still nothing lost.
    stopped = [dataclasses.replace(cfg.accounts[0], url=f"{NOWHERE}/api/greader.php")]
    (result,) = asyncio.run(sync_configured(store, stopped, cfg.fetch))
    assert result.error.startswith("the server cannot be reached"), result.error
    assert result.left_queued == len(waiting)
    assert not any(i.read or i.starred for i in greader.items.values())
    _online(greader)
    (result,) = _sync(cfg, store)
    assert result.ok and result.pushed == len(waiting)
    for row in rows[:3]:
        assert _remote(greader, row.title).read
    assert _remote(greader, rows[3].title).starred
    marked = {h.title for h in store.headlines(rows[5].feed_id)}
    feed_items = [i for i in greader.items.values() if i.title in marked]
    assert feed_items and all(i.read for i in feed_items)
    assert greader.calls("mark-all-as-read", "POST")
    assert queued(store, "Rumah") == []


def test_read_here_unread_there_local_wins_while_queued_then_the_server_has_it(synced, greader):
    cfg, store = synced
    row = store.headlines()[0]
    ReadingService(store).set_read([row])  # read here (queued)...
    greader.items[int(row.guid)].read = False  # ...still unread there

    async def pull_only() -> None:
        async with connector(cfg.fetch) as connect:
            client, _ = await connect.open(cfg.accounts[0])
            await client.login()
            await pull(store, client, "Rumah", AccountResult("Rumah"))
            await client.aclose()

    asyncio.run(pull_only())  # the server's state arrives before the push
    assert store.headline(row.id).read  # the local change, not yet pushed, won
    (result,) = _sync(cfg, store)
    assert result.ok and greader.items[int(row.guid)].read
    # And the reverse: unread elsewhere after the push comes in as unread.
    greader.items[int(row.guid)].read = False
    _sync(cfg, store)
    assert not store.headline(row.id).read


def test_a_server_failing_mid_sync_loses_nothing_and_the_next_sync_completes(synced, greader):
    cfg, store = synced
    service = ReadingService(store)
    rows = store.headlines()
    service.set_read(rows[:2])
    service.set_starred(rows[2], True)
    greader.add_items(3, 1)
    _nowhere(greader)
    # login, token, the read batch, then the star's edit-tag fails: half pushed.
    greader.fail(4, "500")
    (result,) = _sync(cfg, store)
    assert not result.ok and result.left_queued >= 1
    assert _remote(greader, rows[0].title).read
    assert len(store.headlines()) == 6  # the pull never began
    (result,) = _sync(cfg, store)
    assert result.ok, result.error
    assert _remote(greader, rows[2].title).starred and queued(store, "Rumah") == []
    assert len(store.headlines()) == 9
    # A failure half-way through the pull: the items pulled so far stay, the rest come next.
    greader.add_items(2, 2)
    _nowhere(greader)
    greader.fail(3, "drop")  # login, the subscriptions, then the items: gone
    (result,) = _sync(cfg, store)
    assert not result.ok and len(store.headlines()) == 9
    (result,) = _sync(cfg, store)
    assert result.ok and result.new == 2 and len(store.headlines()) == 11


def test_a_crash_after_the_server_accepted_but_before_the_queue_knew(tmp_path, synced, greader):
    cfg, _ = synced
    child = run_child_until(cfg.db_path, "push", "pushed", greader.url, "budi", PASSWORD)
    child.communicate(timeout=10)
    assert child.returncode == -9  # it SIGKILLed itself between the push and the unqueue
    store2 = Store(cfg.db_path)
    try:
        left = queued(store2, "Rumah")
        assert left  # the server has the reads, the queue does not know yet
        assert all(i.read for i in greader.items.values())
        (result,) = _sync(cfg, store2)
        assert result.ok and queued(store2, "Rumah") == []
        assert sum(i.starred for i in greader.items.values()) == 1
        assert all(h.read for h in store2.headlines())
    finally:
        store2.close()
