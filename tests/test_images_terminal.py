"""How the terminal's graphics are detected: korantui asks (through textual-image) before the
app starts, and a terminal that answers Kitty's graphics query "OK" gets Kitty's protocol. The
terminal here is a pseudo-terminal whose other end answers like Kitty (0.35, and 0.26, which
says OK but cannot draw textual-image's Unicode placeholders: it gets direct placement), like
a Sixel terminal (DA1 with 4), or like tmux/xterm (DA1 without 4, no graphics answer)."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import sys
import termios
import time

import pytest

from korantui.ui.widgets.image_terminal import CELLS, SIXEL, TGP, TGP_PLACE, probe_terminal

_PROBE = (
    "from korantui.ui.widgets.image_terminal import probe_terminal;"
    "import sys; print('FOUND=' + probe_terminal(sys.argv[1]), flush=True)"
)
_KITTY_QUERY = re.compile(rb"\x1b_G([^;\x1b]*);[^\x1b]*\x1b\\")


def _answers(kind: str, seen: bytes) -> bytes:
    out = b""
    m = _KITTY_QUERY.search(seen)
    if m and kind.startswith("kitty"):  # answered in order: the graphics query came first
        ident = next((p for p in m.group(1).split(b",") if p.startswith(b"i=")), b"i=1")
        out += b"\x1b_G" + ident + b";OK\x1b\\"
    if b"\x1b[>0q" in seen and kind.startswith("kitty"):
        version = b"0.26.5" if kind == "kitty-0.26" else b"0.35.2"
        out += b"\x1bP>|kitty(" + version + b")\x1b\\"
    if b"\x1b[c" in seen:
        out += b"\x1b[?62;4;22c" if kind == "sixel" else b"\x1b[?62;22c"
    if b"\x1b[16t" in seen:
        out += b"\x1b[6;20;10t"
    return out


def _probe_in(kind: str, mode: str = "auto") -> str:
    pid, fd = pty.fork()
    if pid == 0:  # the child: korantui's probe, its stdin and stdout the pseudo-terminal
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 800, 480))
        os.execv(sys.executable, [sys.executable, "-c", _PROBE, mode])
    seen = b""
    answered = 0
    deadline = time.monotonic() + 20
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.01)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            reply = _answers(kind, seen[answered:])
            if reply:
                answered = len(seen)
                os.write(fd, reply)
            m = re.search(rb"FOUND=([\w-]+)", seen)
            if m:
                return m.group(1).decode()
    finally:
        os.waitpid(pid, 0)
        os.close(fd)
    raise AssertionError(f"no answer from the probe: {seen[-300:]!r}")


@pytest.mark.parametrize(
    ("terminal", "found"),
    [("kitty", TGP), ("kitty-0.26", TGP_PLACE), ("sixel", SIXEL), ("tmux", CELLS)],
)
def test_the_terminal_is_asked_what_it_draws(terminal: str, found: str) -> None:
    assert _probe_in(terminal) == found


def test_cells_mode_asks_nothing() -> None:
    assert _probe_in("kitty", "cells") == CELLS


def test_no_terminal_no_question() -> None:
    assert probe_terminal("auto") == CELLS  # pytest's stdout is no terminal
