"""A child's watch on korantui (core/parent_watch.py): pool workers leave Ctrl-C to korantui and
end once korantui is gone."""

from __future__ import annotations

import subprocess
import sys

_WORKER = (
    "import os, signal, sys, time\n"
    "from korantui.core import parent_watch\n"
    "parent_watch.pool_worker(int(sys.argv[1]), 0.05)\n"
    "os.kill(os.getpid(), signal.SIGINT)  # what the terminal sends the whole group on Ctrl-C\n"
    "time.sleep(0.2)\n"
    "print('still here', flush=True)\n"
    "time.sleep(60)\n"
)


def test_a_pool_worker_ignores_ctrl_c_and_ends_when_korantui_is_gone() -> None:
    # Its "korantui" is a process of the test's, ended once the worker said it is still there.
    parent = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        worker = subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(parent.pid)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert worker.stdout is not None
        assert worker.stdout.readline() == "still here\n"  # no KeyboardInterrupt
        parent.kill()
        parent.wait(timeout=10)
        assert worker.wait(timeout=10) == 0  # followed its parent out
        assert worker.stderr is not None and "KeyboardInterrupt" not in worker.stderr.read()
    finally:
        for proc in (parent, worker):
            if proc.poll() is None:
                proc.kill()
                proc.wait()
