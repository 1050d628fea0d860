"""A child process's watch on the korantui process it works for: it exits once that is gone.

An orphaned worker (the parse pool's, a refresh's child) would hold the terminal's or a
caller's pipes open, and its own parent is a forkserver, which does not end it; so each child
watches korantui itself.
"""

from __future__ import annotations

import os
import threading
import time


def follow(pid: int, every: float) -> None:
    """From inside the child: exit at once (os._exit) when process pid is gone."""

    def watch() -> None:
        while alive(pid):
            time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="korantui-parent-watch", daemon=True).start()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):  # gone, or the pid reused by another user
        return False
    try:
        # A killed korantui stays a zombie until its parent reaps it, and a parent reading its
        # pipes (subprocess.run) reaps it only once those pipes close: a zombie counts as gone.
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def pool_worker(pid: int, every: float) -> None:
    """A process pool worker's initializer: it follows korantui (above), and leaves Ctrl-C to
    it. The terminal sends SIGINT to the whole foreground group, workers included, and each
    worker waiting for its next task printed a KeyboardInterrupt traceback over the terminal,
    while korantui itself ends its pool."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    follow(pid, every)
