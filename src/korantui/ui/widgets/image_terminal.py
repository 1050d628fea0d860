"""What the terminal can draw pictures with: the Kitty graphics protocol, Sixel, or nothing but
coloured cells. Detected, not guessed from $TERM: textual-image sends the terminal the Kitty
graphics query and the device-attributes query and reads its answers. That must happen before
Textual starts reading the keyboard (it would eat the answers), so `korantui` calls
probe_terminal() before the app runs; until then, and wherever the answer was no (tmux, xterm
without Sixel, the Linux console, a pipe), pictures are cells.
"""

from __future__ import annotations

import os
import re
import sys

TGP = "tgp"  # Kitty's terminal graphics protocol
SIXEL = "sixel"
CELLS = "cells"

_found = CELLS


def probe_terminal(mode: str = "auto") -> str:
    """Ask the terminal, once, when pictures are "auto" and both ends are a terminal."""
    global _found
    if mode != "auto":
        return _found
    streams = (sys.__stdin__, sys.__stdout__)
    if not all(s is not None and s.isatty() for s in streams):
        return _found
    try:
        from textual_image import renderable  # importing it asks the terminal
    except Exception:  # an odd terminal answer must never stop the app from starting
        return _found
    if renderable.Image is renderable.TGPImage:
        _found = TGP
    elif renderable.Image is renderable.SixelImage:
        _found = SIXEL
    try:
        from textual_image import widget as _widget  # noqa: F401  (asks the cell size now)
    except Exception:
        _found = CELLS  # no cell size, no way to scale the terminal's own picture
    _drain()
    return _found


def _drain(timeout: float = 1.0) -> None:
    """Read away answers that came after textual-image stopped waiting (a slow terminal): one
    more device-attributes query, answered after everything asked before it, and all read up
    to its answer. Left there, a late "\x1b[?62;4c" would reach the app as keys ("?": help)."""
    import select
    import termios
    import time
    import tty

    fd = sys.__stdin__.fileno()  # type: ignore[union-attr]
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd, termios.TCSANOW)
        sys.__stdout__.write("\x1b[c")  # type: ignore[union-attr]
        sys.__stdout__.flush()  # type: ignore[union-attr]
        seen = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            # Once a DA1 answer is in, a little quiet says it was the last one (a late answer
            # to textual-image's own DA1 may come first).
            wait = 0.05 if re.search(rb"\x1b\[\?[\d;]*c$", seen) else deadline - time.monotonic()
            ready, _, _ = select.select([fd], [], [], max(0.0, wait))
            if not ready:
                break
            seen += os.read(fd, 1024)
    except (OSError, termios.error):
        pass
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, saved)


def graphics() -> str:
    """What probe_terminal found: TGP, SIXEL or CELLS."""
    return _found


def assume(found: str) -> None:
    """Take found as the answer (a test, or a terminal known by other means)."""
    global _found
    _found = found
