"""Issue 15: the store's damage check (a read of the whole file) runs only when there is reason:
the last session did not close the store, or something else changed the file since. A damaged
file is still found and moved aside before use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from korantui.core.models import Entry, FeedSpec
from korantui.core.store.database import Store

PAGE = 4096


def _filled(db: Path) -> None:
    store = Store(db)
    store.sync_feeds([FeedSpec(url="http://127.0.0.1:1/a.xml", name="A")])
    feed = store.feeds()[0]
    entries = [
        Entry(title=f"Berita {i}", link=f"http://127.0.0.1:1/{i}", summary="kapal " * 80)
        for i in range(200)
    ]
    store.save_entries(feed.id, entries)
    store.close()


def _damage_in_place(db: Path, first_page: int = 3) -> None:
    """Two pages overwritten, the size kept and the modification time put back as it was: only
    the change time (which no program can set) tells."""
    before = os.stat(db)
    with db.open("r+b") as f:
        f.seek(first_page * PAGE)
        f.write(b"\xde\xad\xbe\xef" * (2 * PAGE // 4))
    os.utime(db, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(db).st_size == before.st_size


def test_a_cleanly_closed_store_opens_without_the_check(tmp_path: Path) -> None:
    db = tmp_path / "korantui.db"
    _filled(db)
    store = Store(db)
    assert store.closed_clean
    assert not store.damaged()
    assert len(store.headlines()) == 200
    store.close()


def test_a_new_store_is_not_taken_as_closed_clean(tmp_path: Path) -> None:
    store = Store(tmp_path / "korantui.db")
    assert not store.closed_clean
    store.close()


def test_damage_after_a_clean_close_is_found_and_moved_aside(tmp_path: Path) -> None:
    db = tmp_path / "korantui.db"
    _filled(db)
    _damage_in_place(db)
    store = Store(db)
    assert not store.closed_clean
    assert "is damaged" in store.notice
    assert store.headlines() == []
    assert list(tmp_path.glob("korantui.db.corrupt-*"))
    store.close()


def test_the_app_s_later_check_finds_damage_after_a_clean_close(tmp_path: Path) -> None:
    db = tmp_path / "korantui.db"
    _filled(db)
    _damage_in_place(db)
    store = Store(db, check=False)  # as the app opens it, checking after its first frame
    assert not store.closed_clean
    assert store.damaged()
    store.close()


def test_a_session_that_never_closed_leaves_the_next_one_checking(tmp_path: Path) -> None:
    db = tmp_path / "korantui.db"
    _filled(db)
    # A process that opens the store, writes, and dies without closing it (as a kill would).
    code = (
        "import os, sys\n"
        "from korantui.core.store.database import Store\n"
        "s = Store(sys.argv[1])\n"
        "s.set_read([1])\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, timeout=60)
    store = Store(db)
    assert not store.closed_clean
    assert store.notice == ""  # checked and whole
    assert any(h.read for h in store.headlines())  # its write was kept
    store.close()
    again = Store(db)
    assert again.closed_clean  # that session closed it
    again.close()


def test_only_the_last_of_two_open_stores_vouches_for_the_file(tmp_path: Path) -> None:
    db = tmp_path / "korantui.db"
    _filled(db)
    first, second = Store(db), Store(db)
    first.close()
    # second still has it open: a crash of it now must leave the next open checking.
    third = Store(db)
    assert not third.closed_clean
    third.close()
    second.close()
    assert Store(db).closed_clean


def test_a_token_that_names_another_state_is_not_believed(tmp_path: Path) -> None:
    db = tmp_path / "korantui.db"
    _filled(db)
    token = db.with_name(db.name + ".clean")
    assert token.is_file()
    token.write_text("korantui-clean 1 1 2 3 4 5\n")
    store = Store(db)
    assert not store.closed_clean
    store.close()


def test_a_token_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    db = tmp_path / "korantui.db"
    _filled(db)
    token = db.with_name(db.name + ".clean")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text(token.read_text())
    token.unlink()
    token.symlink_to(elsewhere)
    store = Store(db)
    assert not store.closed_clean
    store.close()
    assert elsewhere.read_text().startswith("korantui-clean")  # not written through
    assert not token.is_symlink()
