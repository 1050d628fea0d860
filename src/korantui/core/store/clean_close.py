"""Whether the store's file can be trusted without reading it all for damage.

The damage check (PRAGMA quick_check) reads the whole file: ~10 ms for 15 MB, growing with the
store, on every open before a refresh's first request. It finds what a crash, a full disk or
another program left behind, so it is skipped only when neither can have happened since korantui
last closed the store:

- the last korantui to close it (the last connection: SQLite then checkpoints, syncs the file
  and deletes the -wal) writes a token beside it, `<store>.clean`, naming the file as it left
  it (device, inode, size, modification and change times in ns);
- opening the store takes the token away, so a session that ends without closing (killed,
  crashed, power lost) leaves none;
- the token counts only when the file is as it names it, and no -wal or -journal is there (a
  korantui still running, or one that died mid-write).

A missing, unreadable or odd token only means the check runs, as it always did. The change time
cannot be set by a program, and a write to the file changes it (on Linux 6.13+ filesystems with
fine-grained stamps, even within the same clock tick as our own last write).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

_SUFFIX = ".clean"
_FORMAT = "korantui-clean 1"


def token_path(path: Path) -> Path:
    return path.with_name(path.name + _SUFFIX)


def _signature(path: Path) -> str | None:
    """The file as it stands, or None when a -wal or -journal says it is open or was left
    mid-write (or it cannot be looked at)."""
    try:
        st = os.lstat(path)
        for suffix in ("-wal", "-journal"):
            if os.path.lexists(str(path) + suffix):
                return None
    except OSError:
        return None
    return f"{_FORMAT} {st.st_dev} {st.st_ino} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns}"


def take(path: Path) -> bool:
    """Whether the store at path was closed cleanly and has not changed since; the token is
    removed either way, so only a clean close of this session can leave one again."""
    token = token_path(path)
    try:
        fd = os.open(token, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        text = os.read(fd, 256).decode("ascii", "replace").strip()
    except OSError:
        text = ""
    finally:
        os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(token)
    now = _signature(path)
    return now is not None and text == now


def leave(path: Path) -> None:
    """After the store's connection is closed: a token, when this was the last connection (no
    -wal left behind). A token that cannot be written costs the next open its check, no more."""
    signature = _signature(path)
    if signature is None:
        return
    token = token_path(path)
    with contextlib.suppress(OSError):
        os.unlink(token)  # never written through a link or into another process's file
    try:
        fd = os.open(token, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except OSError:
        return
    try:
        os.write(fd, (signature + "\n").encode("ascii"))
    except OSError:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(token)
        return
    os.close(fd)
    # The file may have changed between the look and the write (another korantui opened it
    # and wrote): then the token must not stand.
    if _signature(path) != signature:
        with contextlib.suppress(OSError):
            os.unlink(token)


def forget(path: Path) -> None:
    """No token: the file is being replaced or was found damaged."""
    with contextlib.suppress(OSError):
        os.unlink(token_path(path))
