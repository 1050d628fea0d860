"""Unexpected errors go to a log file, never to the user's screen as a traceback."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

MAX_LOG_BYTES = 1_000_000


def log_exception(log_path: Path, exc: BaseException, context: str = "") -> None:
    """Append exc with its traceback to log_path (the log restarts when it grows past 1 MB)."""
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        mode = "w" if log_path.exists() and log_path.stat().st_size > MAX_LOG_BYTES else "a"
        with log_path.open(mode, encoding="utf-8") as f:
            f.write(f"--- {datetime.now().isoformat(timespec='seconds')} {context}\n")
            f.write("".join(traceback.format_exception(exc)))
    except OSError:
        pass  # a log that cannot be written must not become a second error
