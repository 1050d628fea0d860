"""The bytes a terminal gets: korantui runs in a pseudo-terminal whose other end answers like
Debian's Kitty 0.26.5 (the graphics query OK, XTVERSION kitty(0.26.5), DA1 without Sixel) or
like a Sixel terminal (DA1 with 4), on a loopback picture site. Opening an article sends each
picture once and places it where its cells are; scrolled away, a Kitty picture is taken off;
another article frees the old ones. Seen drawing in the real Kitty 0.26.5 and xterm -ti vt340
under Xvfb too (README, Images)."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.images_site import PictureSite, two_articles_site

COLUMNS, ROWS = 130, 40
_QUERY = re.compile(rb"\x1b_G(i=\d+)[^;\x1b]*a=q[^\x1b]*\x1b\\")
_PLACE = re.compile(
    rb"\x1b\[(\d+);(\d+)H\x1b_Ga=p,i=(\d+),p=1,y=\d+,h=\d+,c=(\d+),r=(\d+),C=1,q=2\x1b\\"
)
_SIXEL = re.compile(rb"\x1b\[(\d+);(\d+)H\x1bP0;1;0q\"1;1;(\d+);(\d+)")


@pytest.fixture
def site() -> Iterator[PictureSite]:
    s = PictureSite().start()
    yield s
    s.stop()


class Terminal:
    """The other end of the pseudo-terminal korantui runs in."""

    def __init__(self, kind: str, config: Path) -> None:
        self.kind = kind
        self.seen = b""
        self._answered = 0
        pid, fd = pty.fork()
        if pid == 0:  # the child: korantui, its terminal the pseudo-terminal
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 1300, 800))
            # The environment as os.environ holds it: pytest's COLUMNS=80 and LINES=24, set
            # beside it (putenv), would win over the pty's size.
            env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
            argv = [sys.executable, "-m", "korantui", "--config", str(config)]
            os.execve(sys.executable, argv, env)
        self.pid, self.fd = pid, fd

    def _answer(self) -> None:
        new = self.seen[self._answered :]
        self._answered = len(self.seen)
        out = b""
        kitty = self.kind == "kitty"
        for m in _QUERY.finditer(new):
            if kitty:
                out += b"\x1b_G" + m.group(1) + b";OK\x1b\\"
        if b"\x1b[>0q" in new and kitty:
            out += b"\x1bP>|kitty(0.26.5)\x1b\\"
        if b"\x1b[c" in new:
            out += b"\x1b[?62;4;22c" if self.kind == "sixel" else b"\x1b[?62;c"
        if out:
            os.write(self.fd, out)

    def until(self, done: Callable[[bytes], object], timeout: float = 60) -> bytes:
        """Read (answering queries) until done(what was written since) holds."""
        start = len(self.seen)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.02)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.seen += chunk
                self._answer()
            if done(self.seen[start:]):
                return self.seen[start:]
        raise AssertionError(f"never came; the last bytes: {self.seen[-400:]!r}")

    def quiet(self, gap: float = 0.5, timeout: float = 15) -> bytes:
        """Read until the app writes nothing for gap seconds: it has settled."""
        start = len(self.seen)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], gap)
            if not ready:
                break
            chunk = os.read(self.fd, 65536)
            if not chunk:
                break
            self.seen += chunk
            self._answer()
        return self.seen[start:]

    def press(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def close(self) -> None:
        os.kill(self.pid, signal.SIGTERM)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def _terminal(kind: str, site: PictureSite, tmp_path: Path) -> Terminal:
    feed = two_articles_site(site)
    config = tmp_path / "loopback.toml"
    config.write_text(f'prefetch = 0\n[[feeds]]\nurl = "{feed}"\nname = "Koran Uji"\n')
    return Terminal(kind, config)


def _row_has_cells(frame: bytes, row: int) -> bool:
    """Whether the frame writes picture cells on row (1-based): Textual starts each line of a
    full frame with the cursor at its first column."""
    parts = re.split(rb"(\x1b\[\d+;1H)", frame)
    return any(
        mark == b"\x1b[%d;1H" % row and "▀".encode() in text
        for mark, text in zip(parts[1::2], parts[2::2], strict=False)
    )


def test_kitty_0_26_gets_each_picture_placed_where_its_cells_are(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = _terminal("kitty", site, tmp_path)
    try:
        term.until(lambda out: b"Ribuan Warga" in out)
        term.press(b"\r")
        out = term.until(lambda out: len({m.group(3) for m in _PLACE.finditer(out)}) >= 2)
        out += term.quiet()
        sends = re.findall(rb"\x1b_Ga=t,t=d,f=24,o=z,s=\d+,v=\d+,i=(\d+),q=2,m=\d", out)
        placed = {m.group(3): m for m in _PLACE.finditer(out)}
        assert set(placed) <= set(sends) and len(sends) == len(set(sends))  # each sent once
        for m in placed.values():
            row, col, _, cols, rows = map(int, m.groups())
            assert col > COLUMNS // 2 and int(cols) > 10  # in the reading pane, on the right
            assert _row_has_cells(out, row) and _row_has_cells(out, row + rows - 1)
        lead = min(placed.values(), key=lambda m: int(m.group(1))).group(3)

        term.press(b"\t")  # the reading pane
        term.quiet()
        term.press(b" ")  # a page down: the lead photo leaves the screen
        term.until(lambda out: b"\x1b_Ga=d,d=i,i=%s,q=2\x1b\\" % lead in out)

        term.quiet()
        term.press(b"\x1b[Z")  # back to the headlines, the next article
        term.quiet()
        term.press(b"j")
        term.press(b"\r")
        out = term.until(lambda out: b"Pasar Ikan" in out and _PLACE.search(out))
        for old in placed:
            assert b"\x1b_Ga=d,d=I,i=%s,q=2\x1b\\" % old in out
        assert {m.group(3) for m in _PLACE.finditer(out)}.isdisjoint(placed)
    finally:
        term.close()


def test_a_sixel_terminal_gets_the_picture_at_its_cells(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    term = _terminal("sixel", site, tmp_path)
    try:
        term.until(lambda out: b"Ribuan Warga" in out)
        term.press(b"\r")
        out = term.until(lambda out: _SIXEL.search(out))
        m = _SIXEL.search(out)
        assert m is not None
        row, col, width, height = map(int, m.groups())
        assert col > COLUMNS // 2 and width % 10 == 0 and height % 20 == 0  # 10×20-px cells
        assert _row_has_cells(out, row) and _row_has_cells(out, row + height // 20 - 1)
        assert b"\x1b_Ga=" not in out  # no Kitty sequences for a Sixel terminal
    finally:
        term.close()
