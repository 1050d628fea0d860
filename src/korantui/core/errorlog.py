"""Unexpected errors go to a log file, never to the user's screen as a traceback.

The log lives in the data dir, where another user or a page saved by mistake may have left a
symbolic link: it is opened without following links, only as a regular file, created 0600, and
rotated by renaming (a link in its place is moved, never written through or truncated).
"""

from __future__ import annotations

import os
import stat
import traceback
from datetime import datetime
from pathlib import Path

from korantui.core.private_files import open_private
from korantui.core.sanitize import clean_text

MAX_LOG_BYTES = 1_000_000


def log_exception(log_path: Path, exc: BaseException, context: str = "") -> None:
    """Append exc with its traceback to log_path (past 1 MB the log is renamed to
    korantui.log.1 and a new one begun).

    The text is cleaned like feed text: an exception message may quote a feed or a page, and
    whoever reads the log with `cat` must not get its escape sequences in their terminal.
    """
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        _rotate(log_path)
        text = "".join(traceback.format_exception(exc))
        with open_private(log_path, append=True) as f:
            f.write(clean_text(f"--- {datetime.now().isoformat(timespec='seconds')} {context}\n"))
            f.write(clean_text(text))
    except OSError:
        pass  # a log that cannot be written must not become a second error


def _rotate(log_path: Path) -> None:
    try:
        found = os.lstat(log_path)
    except FileNotFoundError:
        return
    # A link (or anything but a file) in the log's place is moved aside, not written through.
    if found.st_size > MAX_LOG_BYTES or not stat.S_ISREG(found.st_mode):
        os.replace(log_path, log_path.with_name(log_path.name + ".1"))
