"""The files korantui writes are never written through a symbolic link, a new file is its owner's
alone, and a data dir that cannot hold the store says so in one line (issue 17, items 2 and 13).

The links are real ones in tmp dirs, pointing at a "victim" file that must come out unchanged.
The read-only cases run the command as the user nobody where the suite runs as root (root writes
through any permission), and are skipped with the reason where that cannot be done.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from korantui.cli import main
from korantui.core.errorlog import MAX_LOG_BYTES, log_exception
from korantui.core.models import Entry, FeedSpec
from korantui.core.store.database import Store, StoreError
from korantui.core.uistate import load_state, save_state

VICTIM_TEXT = "milik orang lain: jangan diubah\n"


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "victim.txt"
    path.parent.mkdir()
    path.write_text(VICTIM_TEXT, encoding="utf-8")
    return path


def _boom() -> ValueError:
    try:
        raise ValueError("rusak")
    except ValueError as e:
        return e


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


# -- the log ---------------------------------------------------------------------------------


def test_the_log_is_not_written_through_a_link(tmp_path: Path, victim: Path):
    log = tmp_path / "data" / "korantui.log"
    log.parent.mkdir()
    log.symlink_to(victim)
    log_exception(log, _boom(), "uji")
    assert victim.read_text(encoding="utf-8") == VICTIM_TEXT
    assert not log.is_symlink() and "ValueError: rusak" in log.read_text(encoding="utf-8")
    assert (tmp_path / "data" / "korantui.log.1").is_symlink()  # moved aside, not followed
    assert _mode(log) == 0o600


def test_a_big_file_behind_the_log_link_is_not_truncated(tmp_path: Path, victim: Path):
    victim.write_bytes(b"x" * (MAX_LOG_BYTES + 10))
    log = tmp_path / "korantui.log"
    log.symlink_to(victim)
    log_exception(log, _boom())
    assert victim.stat().st_size == MAX_LOG_BYTES + 10


def test_the_log_rotates_by_renaming(tmp_path: Path):
    log = tmp_path / "korantui.log"
    log.write_text("lama\n" * (MAX_LOG_BYTES // 4), encoding="utf-8")
    log_exception(log, _boom())
    old = tmp_path / "korantui.log.1"
    assert old.read_text(encoding="utf-8").startswith("lama\n")
    assert log.read_text(encoding="utf-8").startswith("--- ")
    assert log.stat().st_size < 10_000


def test_a_fifo_in_the_logs_place_does_not_hang(tmp_path: Path):
    log = tmp_path / "korantui.log"
    os.mkfifo(log)
    log_exception(log, _boom())  # would block for ever opening a FIFO with no reader
    assert log.is_file() and "rusak" in log.read_text(encoding="utf-8")


# -- the store -------------------------------------------------------------------------------


def test_the_store_is_not_opened_through_a_link(tmp_path: Path, victim: Path):
    db = tmp_path / "korantui.db"
    db.symlink_to(victim)
    with pytest.raises(StoreError, match="symbolic link"):
        Store(db)
    assert victim.read_text(encoding="utf-8") == VICTIM_TEXT


def test_a_linked_wal_file_is_refused(tmp_path: Path, victim: Path):
    db = tmp_path / "korantui.db"
    Store(db).close()
    Path(str(db) + "-wal").symlink_to(victim)
    with pytest.raises(StoreError, match=r"korantui\.db-wal is a symbolic link"):
        Store(db)
    assert victim.read_text(encoding="utf-8") == VICTIM_TEXT


def test_a_new_store_is_its_owners_alone(tmp_path: Path):
    db = tmp_path / "korantui.db"
    store = Store(db)
    store.sync_feeds([FeedSpec(url="http://127.0.0.1:1/f.xml", name="Uji")])
    assert _mode(db) == 0o600
    wal = Path(str(db) + "-wal")
    assert not wal.exists() or _mode(wal) == 0o600
    store.close()


def test_a_store_that_is_a_directory_is_one_line(tmp_path: Path, capsys):  # type: ignore[no-untyped-def]
    (tmp_path / "data" / "korantui.db").mkdir(parents=True)
    code = main(["--data-dir", str(tmp_path / "data"), "headlines"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "cannot open the store: " in err
    assert "korantui.db is a directory, not a store file" in err


# -- the UI state file -----------------------------------------------------------------------


def test_the_ui_state_is_not_written_through_a_link(tmp_path: Path, victim: Path):
    (tmp_path / "ui-state.json.tmp").symlink_to(victim)
    save_state(tmp_path, theme="nord")
    assert victim.read_text(encoding="utf-8") == VICTIM_TEXT
    save_state(tmp_path, theme="nord")  # a later save, the link still there, changes nothing
    assert victim.read_text(encoding="utf-8") == VICTIM_TEXT
    assert load_state(tmp_path) == {}


def test_the_ui_state_file_is_its_owners_alone(tmp_path: Path):
    save_state(tmp_path, theme="nord")
    assert load_state(tmp_path) == {"theme": "nord"}
    assert _mode(tmp_path / "ui-state.json") == 0o600


# -- data dirs that cannot hold the store ----------------------------------------------------


def test_a_data_dir_that_is_a_file_is_one_line(tmp_path: Path, capsys):  # type: ignore[no-untyped-def]
    plain = tmp_path / "berkas"
    plain.write_text("bukan folder", encoding="utf-8")
    for data_dir in (plain, plain / "di-bawah"):
        code = main(["--data-dir", str(data_dir), "headlines"])
        err = capsys.readouterr().err
        assert code == 2
        why = "not a directory (--data-dir must name a folder, or a new one)"
        assert err == f"korantui: {data_dir}: {why}\n"


def _without_write_powers(args: list[str]) -> subprocess.CompletedProcess[str]:
    """The command in a child process that permission bits bind: as root, with every
    capability dropped (root would otherwise write through any mode)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("runs as root and has no setpriv to drop root's powers")
        prefix = [setpriv, "--bounding-set=-all", "--inh-caps=-all", "--"]
    return subprocess.run(
        [*prefix, sys.executable, "-m", "korantui", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_read_only_data_dir_still_lists_and_searches(tmp_path: Path):
    data = tmp_path / "data"
    store = Store(data / "korantui.db")
    store.sync_feeds([FeedSpec(url="http://127.0.0.1:1/f.xml", name="Uji")])
    feed = store.feeds()[0]
    store.save_entries(feed.id, [Entry(title="Jembatan baru diresmikan", link="http://x/1")])
    store.close()
    config = tmp_path / "config.toml"
    config.write_text('[[feeds]]\nurl = "http://127.0.0.1:1/f.xml"\nname = "Uji"\n')
    common = ["--config", str(config), "--data-dir", str(data)]
    data.chmod(0o555)
    try:
        listed = _without_write_powers([*common, "headlines"])
        found = _without_write_powers([*common, "search", "jembatan"])
        refresh = _without_write_powers([*common, "refresh"])
    finally:
        data.chmod(0o755)
    assert listed.returncode == 0, listed.stderr
    assert "Jembatan baru diresmikan" in listed.stdout
    assert found.returncode == 0, found.stderr
    assert "Jembatan baru diresmikan" in found.stdout
    assert refresh.returncode == 1
    assert refresh.stderr.count("\n") == 1
    assert "cannot be written here" in refresh.stderr
    assert "Traceback" not in listed.stderr + found.stderr + refresh.stderr


def test_a_data_dir_under_a_read_only_parent_is_one_line(tmp_path: Path):
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        done = _without_write_powers(["--data-dir", str(parent / "data"), "headlines"])
    finally:
        parent.chmod(0o755)
    assert done.returncode == 2
    assert done.stderr == (
        f"korantui: {parent / 'data'}: cannot make the data directory (permission denied)\n"
    )


def test_a_read_only_store_file_still_lists(tmp_path: Path):
    data = tmp_path / "data"
    store = Store(data / "korantui.db")
    store.sync_feeds([FeedSpec(url="http://127.0.0.1:1/f.xml", name="Uji")])
    store.save_entries(store.feeds()[0].id, [Entry(title="Pasar apung", link="http://x/2")])
    store.close()
    (data / "korantui.db").chmod(0o444)
    config = tmp_path / "config.toml"
    config.write_text('[[feeds]]\nurl = "http://127.0.0.1:1/f.xml"\nname = "Uji"\n')
    common = ["--config", str(config), "--data-dir", str(data)]
    listed = _without_write_powers([*common, "headlines"])
    assert listed.returncode == 0, listed.stderr
    assert "Pasar apung" in listed.stdout
