"""Unexpected errors go to a log file, never to the user's screen as a traceback."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from korantui.core.sanitize import clean_text

MAX_LOG_BYTES = 1_000_000


def log_exception(log_path: Path, exc: BaseException, context: str = "") -> None:
    """Append exc with its traceback to log_path (the log restarts when it grows past 1 MB).

    The text is cleaned like feed text: an exception message may quote a feed or a page, and
    whoever reads the log with `cat` must not get its escape sequences in their terminal.
    """
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        mode = "w" if log_path.exists() and log_path.stat().st_size > MAX_LOG_BYTES else "a"
        text = "".join(traceback.format_exception(exc))
        with log_path.open(mode, encoding="utf-8", errors="replace") as f:
            f.write(clean_text(f"--- {datetime.now().isoformat(timespec='seconds')} {context}\n"))
            f.write(clean_text(text))
    except OSError:
        pass  # a log that cannot be written must not become a second error
