"""What the terminal can draw pictures with: the Kitty graphics protocol, Sixel, or nothing but
coloured cells. Detected, not guessed from $TERM: the terminal is sent Kitty's graphics query
and the device-attributes query, and its answers read. That must happen before Textual starts
reading the keyboard (it would eat the answers), so `korantui` calls probe_terminal() before the
app runs; until then, and wherever the answer was no (tmux, xterm without Sixel, the Linux
console, a pipe), pictures are cells. textual-image, whose widgets draw the picture full-screen,
is imported only where the answer was yes (its import asks the terminal again, and the cell
size).
"""

from __future__ import annotations

import os
import re
import sys

from korantui.core.regex_cache import compiled

TGP = "tgp"  # Kitty's terminal graphics protocol, Unicode placeholders too (Kitty 0.28+, Ghostty)
TGP_PLACE = "tgp-place"  # Kitty's protocol by direct placement only (Kitty 0.20-0.27)
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
    answer = _ask(quiet=0.0)  # nothing was asked before: the first DA1 answer is ours
    da1 = _DA1.search(answer)
    sixel = da1 is not None and b"4" in da1.group(1).split(b";")
    if _KITTY_OK.search(answer) and _places_unicode(answer):
        found = TGP
    elif sixel:  # Konsole and WezTerm say OK to the query too, and draw Sixel well
        found = SIXEL
    elif _KITTY_OK.search(answer):
        found = TGP_PLACE
    else:
        found = CELLS
    if found != CELLS:
        try:
            # textual-image's widgets draw it; importing them asks the cell size now.
            from textual_image import widget as _widget  # noqa: F401
        except Exception:  # no cell size, no way to scale the terminal's own picture
            found = CELLS
        _ask(quiet=0.05)  # read away whatever textual-image's own questions left unread
    _found = found
    return _found


# Kitty's graphics query (a 1×1 image, "a=q": query only, nothing is stored or drawn), then the
# device attributes (DA1), which every terminal answers at once and after anything asked before
# it: a graphics answer before the DA1 one means Kitty's protocol, "4" among DA1's means Sixel.
# One round trip; no waiting for an answer that a terminal without graphics never sends.
_QUERY = "\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\\x1b[>0q\x1b[c"
_KITTY_OK = compiled(rb"\x1b_Gi=31;OK\x1b\\")
_DA1 = compiled(rb"\x1b\[\?([\d;]*)c")
# XTVERSION's answer: textual-image places a picture with Kitty's Unicode placeholders, which
# Kitty draws from 0.28 on (and Ghostty): an older Kitty says OK to the query and then shows
# a screen of boxes (Debian 12's 0.26.5 does), so it gets korantui's own direct placement
# (image_graphics.py), which every Kitty-protocol terminal draws.
_XTVERSION = compiled(rb"\x1bP>\|([^\x1b]*)\x1b\\")
_KITTY_VERSION = compiled(rb"kitty\((\d+)\.(\d+)")


def _places_unicode(answer: bytes) -> bool:
    m = _XTVERSION.search(answer)
    name = m.group(1).lower() if m else b""
    version = _KITTY_VERSION.search(name)
    if version is not None:
        return (int(version.group(1)), int(version.group(2))) >= (0, 28)
    return name.startswith(b"ghostty")


def _ask(*, quiet: float, timeout: float = 1.0) -> bytes:
    """Send _QUERY and read the answers up to the last DA1 (a late answer to an earlier
    question may come first): left unread, "\x1b[?62;4c" would reach the app as keys."""
    import select
    import termios
    import time
    import tty

    fd = sys.__stdin__.fileno()  # type: ignore[union-attr]
    seen = b""
    try:
        saved = termios.tcgetattr(fd)
    except termios.error:
        return seen
    try:
        tty.setcbreak(fd, termios.TCSANOW)
        sys.__stdout__.write(_QUERY)  # type: ignore[union-attr]
        sys.__stdout__.flush()  # type: ignore[union-attr]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            # Once a DA1 answer is in, a little quiet says it was the last one.
            if re.search(rb"\x1b\[\?[\d;]*c$", seen):
                if not quiet:
                    break
                wait = quiet
            else:
                wait = deadline - time.monotonic()
            ready, _, _ = select.select([fd], [], [], max(0.0, wait))
            if not ready:
                break
            seen += os.read(fd, 1024)
    except (OSError, termios.error):
        pass
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, saved)
    return seen


def graphics() -> str:
    """What probe_terminal found: TGP, TGP_PLACE, SIXEL or CELLS."""
    return _found


def inline_kind() -> str:
    """What the reading pane draws its pictures with over their cells: "kitty" (direct
    placement, in any Kitty-protocol terminal), "sixel", or "" (cells only)."""
    from korantui.ui.widgets.image_graphics import KITTY
    from korantui.ui.widgets.image_graphics import SIXEL as SIXEL_KIND

    return {TGP: KITTY, TGP_PLACE: KITTY, SIXEL: SIXEL_KIND}.get(_found, "")


def assume(found: str) -> None:
    """Take found as the answer (a test, or a terminal known by other means)."""
    global _found
    _found = found
