"""The UI thread first: the interpreter's settings that decide how long a key waits for it.

The GIL: a refresh's threads (the network loop, the store's writer, the snapshots) run Python
too, and a thread that wants the GIL waits up to the switch interval (5 ms) for each hand-over;
answering a key takes several (the key, the action, the frame). At 1 ms they cost a fifth.

The collector: a refresh brings 15,000 rows (and their ages, cells, stories) that live as long
as the list: left to the collector, each of its full passes walks them all again, 150-500 ms
with the GIL held (measured under load while a refresh lands, benchmarks/ui_latency.py), and
every key pressed meanwhile waits. Set apart (gc.freeze) once on show, they are skipped; rows
replaced later are still freed (they hold no cycles: reference counting frees them). Larger
thresholds (5,000 young objects, 100 middle passes) were tried: fewer passes, longer ones,
worse keys.
"""

from __future__ import annotations

import gc
import sys

SWITCH_INTERVAL = 0.001  # seconds a thread holds the GIL while another waits for it


def favour_ui_thread() -> None:
    """A waiting thread (the UI's, at a key) gets the GIL after SWITCH_INTERVAL, not 5 ms."""
    sys.setswitchinterval(SWITCH_INTERVAL)


# Only a long list is worth it: what is set apart is never walked again, and cyclic garbage
# caught in it with the rows (a closed dialog not yet collected) stays for the session.
SET_APART_ROWS = 2_000


def set_apart(rows: int) -> None:
    """What lives now lives long (the rows just shown, rows of them): the collector's passes
    skip it from now on."""
    # Off and not held: the start is being made (cli.py), the first frame sets all apart.
    if rows >= SET_APART_ROWS and (gc.isenabled() or _held):
        gc.freeze()


# While a refresh runs in its child process (core/refresh_process.py) this process makes
# little garbage, but its snapshots bring 15,000 rows at a time, and the collector walked each
# batch (a full pass: 90 ms under load, every key waiting) before set_apart took it out of
# its reach. Held off until the refresh has landed, the rows go set apart unwalked.
_held = False


def hold_collector() -> None:
    """No collector passes until release_collector() (a refresh lands from its child)."""
    global _held
    if not _held and gc.isenabled():
        gc.disable()
        _held = True


def release_collector() -> None:
    global _held
    if _held:
        _held = False
        gc.enable()
