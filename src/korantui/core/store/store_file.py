"""Opening the store's SQLite file: WAL, a busy timeout, the versioned schema, and a file that
is damaged or from a newer korantui moved aside (never silently overwritten).

SQLite follows symbolic links, so the store and its -wal/-shm/-journal files are looked at first
(without following them): a link, a directory or anything but a regular file in their place is
refused with one line. A new store is created readable by its owner only (SQLite gives its -wal
and -shm files the store's own permissions).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import time
from pathlib import Path
from urllib.parse import quote

from korantui.core.store import clean_close
from korantui.core.store.schema import SCHEMA_VERSION, STEPS, statements

OPEN_PATIENCE = 15.0  # seconds a new store waits for another process setting it up


class StoreError(Exception):
    """A store that cannot be used; busy when another process held it locked too long."""

    def __init__(self, message: str, *, busy: bool = False) -> None:
        super().__init__(message)
        self.busy = busy


def _is_busy(e: sqlite3.DatabaseError) -> bool:
    name = getattr(e, "sqlite_errorname", "")
    if name:
        return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
    return "locked" in str(e) or "busy" in str(e)


def _is_corrupt(e: sqlite3.DatabaseError) -> bool:
    name = getattr(e, "sqlite_errorname", "")
    if name:
        return name in ("SQLITE_NOTADB", "SQLITE_CORRUPT")
    return any(w in str(e) for w in ("not a database", "malformed", "corrupt"))


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=10, check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA busy_timeout = 10000")
    return db


_COMPANIONS = ("-wal", "-shm", "-journal")


def check_store_path(path: Path) -> None:
    """StoreError, in words, when path or a companion file of SQLite's is anything but a
    regular file (a symbolic link, a directory, a FIFO)."""
    for name in (str(path), *(str(path) + suffix for suffix in _COMPANIONS)):
        try:
            mode = os.lstat(name).st_mode
        except FileNotFoundError:
            continue
        except OSError as e:
            raise StoreError(f"{path}: cannot open the store ({e.strerror or e})") from None
        if stat.S_ISREG(mode):
            continue
        if stat.S_ISLNK(mode):
            what = "is a symbolic link: korantui does not write its store through one"
        elif stat.S_ISDIR(mode):
            what = "is a directory, not a store file"
        else:
            what = "is not a regular file"
        raise StoreError(
            f"cannot open the store: {name} {what} (move it away, or choose another --data-dir)"
        )


def _create_private(path: Path) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        return  # another korantui made it meanwhile; check_store_path has judged it
    except OSError as e:
        raise StoreError(f"{path}: cannot create the store ({_os_words(e)})") from None
    os.close(fd)


def _writable(path: Path) -> bool:
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return False
    try:
        return not os.statvfs(path.parent).f_flag & os.ST_RDONLY
    except OSError:
        return True


DISK_FULL = "disk full: the store cannot grow (free some space, then run again)"


def _no_space(path: Path) -> bool:
    try:
        return os.statvfs(path.parent).f_bavail == 0
    except OSError:
        return False


def _os_words(e: OSError) -> str:
    if e.errno == errno.EROFS:
        return "the disk is read-only"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if e.errno == errno.ENOSPC:
        return "the disk is full"
    return e.strerror or str(e)


def data_dir_problem(data_dir: Path, e: OSError) -> str:
    """One line for a data dir that cannot hold the store."""
    if isinstance(e, (FileExistsError, NotADirectoryError)):
        return f"{data_dir}: not a directory (--data-dir must name a folder, or a new one)"
    return f"{data_dir}: cannot make the data directory ({_os_words(e)})"


def sqlite_problem(e: sqlite3.Error) -> str:
    """One line for a store error met while working (not while opening)."""
    name = getattr(e, "sqlite_errorname", "")
    if name == "SQLITE_FULL" or "disk is full" in str(e):
        return DISK_FULL
    if name.startswith("SQLITE_READONLY") or "readonly" in str(e):
        return "the store cannot be written (read-only file, folder or disk)"
    return f"store error: {e}"


def open_store_file(
    path: Path, *, check: bool = True, read_only: bool = False
) -> tuple[sqlite3.Connection, str, bool]:
    """A connection to the store at path, set up; a notice when a bad file was moved aside;
    and whether the file was closed cleanly last time and is unchanged since (clean_close.py).

    check: read the whole file for damage first (PRAGMA quick_check: ~10 ms for 15 MB, and
    growing with the store) unless it was closed cleanly. The app opens without it and checks
    after its first frame. read_only: an existing store, for reading alone (a read-only data
    dir or disk); it is always taken as it is.
    """
    check_store_path(path)
    if read_only:
        return _open_read_only(path), "", False
    # Before connecting: a connection makes the -wal that says the file is in use.
    clean = clean_close.take(path)
    if not os.path.lexists(path):
        _create_private(path)
    # A second korantui creating or converting the same new file holds locks that some
    # pragmas do not wait for (the busy timeout is not consulted): try again for a while.
    deadline = time.monotonic() + OPEN_PATIENCE
    while True:
        try:
            db, notice = _open_once(path, check and not clean)
            return db, notice, clean and not notice
        except StoreError as e:
            if not e.busy or time.monotonic() > deadline:
                raise
        time.sleep(0.05)


def _open_once(path: Path, check: bool) -> tuple[sqlite3.Connection, str]:
    db: sqlite3.Connection | None = None
    notice = ""
    try:
        db = _connect(path)
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            db.close()
            notice = _move_aside(path, "newer", f"is from a newer korantui (schema {version})")
            db = _connect(path)
        elif version and check and is_damaged(db):
            db.close()
            notice = move_aside_damaged(path)
            db = _connect(path)
        _setup(db)
        return db, notice
    except sqlite3.DatabaseError as e:
        # Only a damaged file is moved aside; a locked, unreadable or read-only one is the
        # user's to fix, and moving it would hide their reading behind a fresh store.
        if not _is_corrupt(e):
            if db is not None:
                db.close()
            if not _is_busy(e) and not _writable(path):
                raise StoreError(
                    f"{path}: the store cannot be written here (read-only file, folder or disk)"
                ) from None
            if not _is_busy(e) and _no_space(path):
                raise StoreError(f"{path}: {DISK_FULL}") from None
            raise StoreError(f"{path}: cannot open the store ({e})", busy=_is_busy(e)) from None
        notice = _move_aside(path, "corrupt", f"is not a readable store ({e})")
        db = _connect(path)
        _setup(db)
        return db, notice


def _open_read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise StoreError(f"{path}: no store yet (run `korantui refresh` first)")
    uri = f"file:{quote(str(path.resolve()))}"
    failure: sqlite3.DatabaseError | None = None
    # mode=ro still needs to make the -shm file of a WAL store; where the directory cannot be
    # written, immutable=1 reads the file as it stands (nobody can be writing it there).
    for params in ("?mode=ro", "?mode=ro&immutable=1"):
        db: sqlite3.Connection | None = None
        try:
            db = sqlite3.connect(
                uri + params, uri=True, timeout=10, check_same_thread=False, isolation_level=None
            )
            db.execute("PRAGMA busy_timeout = 10000")
            version = db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as e:
            if db is not None:
                db.close()
            failure = e
            continue
        if version != SCHEMA_VERSION:
            db.close()
            raise StoreError(
                f"{path}: the store is read-only and from another korantui version (schema "
                f"{version}): it cannot be read until it can be written once"
            )
        return db
    raise StoreError(f"{path}: cannot read the store ({failure})") from None


def close_store_file(db: sqlite3.Connection, path: Path | None) -> None:
    """Close the connection; path (a writable store's): leave the clean-close token when this
    was the file's last connection."""
    db.close()
    if path is not None:
        clean_close.leave(path)


def file_is_damaged(path: Path) -> bool:
    """The damage check on a connection of its own: with WAL, the store's other users go on
    meanwhile (the check reads the whole file)."""
    db = _connect(path)
    try:
        return is_damaged(db)
    finally:
        db.close()


def is_damaged(db: sqlite3.Connection) -> bool:
    try:
        return bool(db.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok")
    except sqlite3.DatabaseError as e:
        if _is_corrupt(e):
            return True
        raise


def is_corrupt_error(e: BaseException) -> bool:
    """Whether an error from a query says the store's file is damaged."""
    return isinstance(e, sqlite3.DatabaseError) and _is_corrupt(e)


def move_aside_damaged(path: Path) -> str:
    return _move_aside(path, "corrupt", "is damaged")


def _move_aside(path: Path, why: str, what: str) -> str:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{why}-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(path) + suffix)
        if src.exists():
            src.rename(Path(str(target) + suffix))
    return f"The store {path} {what}; it was moved to {target} and a new one made."


def _setup(db: sqlite3.Connection) -> None:
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION:
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have made the schema while this one waited for the lock.
            current = db.execute("PRAGMA user_version").fetchone()[0]
            for step in range(current + 1, SCHEMA_VERSION + 1):
                for statement in statements(STEPS[step]):
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
