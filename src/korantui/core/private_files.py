"""Files korantui writes in its data dir, opened so that a symbolic link or a FIFO planted in
their place is refused rather than written through, and created readable by their owner only."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TextIO


def open_private(path: Path, *, append: bool = False) -> TextIO:
    """path opened for writing text without following a symbolic link (OSError for a link
    or anything but a regular file), created readable by its owner only."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    flags |= os.O_APPEND if append else os.O_TRUNC
    if hasattr(os, "O_NONBLOCK"):
        flags |= os.O_NONBLOCK  # a FIFO planted in its place must not hang the writer
    fd = os.open(path, flags, 0o600)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path} is not a regular file")
        return open(fd, "a" if append else "w", encoding="utf-8", errors="replace")
    except BaseException:
        os.close(fd)
        raise
