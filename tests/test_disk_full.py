"""A full disk is said in words and fails the sync (issue 17, item 12), on a real full disk: a
small tmpfs filled up (skipped where the suite may not mount one)."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from korantui.cli import main
from korantui.core.store.database import Store
from korantui.core.store.store_file import DISK_FULL
from tests.hostile_servers import Site, article_page, rss


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    with filler.open("wb") as f, contextlib.suppress(OSError):
        while True:
            f.write(b"\xff" * 65536)
            f.flush()
    return filler


def test_sync_on_a_full_disk_says_so_and_fails(small_disk: Path, tmp_path: Path, capsys):  # type: ignore[no-untyped-def]
    with Site() as site:
        links = []
        for i in range(6):
            words = [
                f"Paragraf {i}-{n} tentang banjir rob di pesisir utara " * 40 for n in range(40)
            ]
            links.append(site.page(f"/berita/{i}", article_page(f"Banjir {i}", words)))
        items = [{"title": f"Banjir {i}", "link": link} for i, link in enumerate(links)]
        site.page("/feed.xml", rss(items, base=site.base), "application/rss+xml")
        config = tmp_path / "config.toml"
        config.write_text(f'[[feeds]]\nurl = "{site.url("/feed.xml")}"\nname = "Pesisir"\n')
        common = ["--config", str(config), "--data-dir", str(small_disk / "data")]
        assert main([*common, "refresh"]) == 0
        filler = _fill(small_disk)
        capsys.readouterr()
        # No room at all: the store cannot even be opened.
        assert main([*common, "sync"]) == 1
        out, err = capsys.readouterr()
        assert err.endswith(f"korantui.db: {DISK_FULL}\n") and err.count("\n") == 1
        # Room for the headlines' bookkeeping, not for six long articles.
        with filler.open("r+b") as f:
            f.truncate(filler.stat().st_size - 256 * 1024)
        code = main([*common, "sync"])
        out, err = capsys.readouterr()
    assert code == 1
    assert err == f"korantui: {DISK_FULL}\n"
    assert out.splitlines()[-1].startswith("Sync failed: ")
    assert out.splitlines()[-1].endswith(f" — {DISK_FULL}")
    assert "unexpected error" not in out
    assert "OperationalError" not in out + err
    filler.unlink()
    store = Store(small_disk / "data" / "korantui.db")  # whole again once there is room
    assert len(store.headlines()) == 6
    store.close()
