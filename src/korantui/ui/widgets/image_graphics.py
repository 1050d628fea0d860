"""A picture in the terminal's own graphics, as the escape sequences that draw it: Kitty's
graphics protocol by direct placement, or Sixel.

Direct placement (the image sent once with an id, then placed at the cursor, moved by placing
it again, removed by id) is what every Kitty-protocol terminal draws, Kitty from 0.20 on
(Debian 12's 0.26.5 included, which lacks the Unicode placeholders textual-image places with),
Ghostty and WezTerm. Kitty also crops a placement to a rectangle of the picture, so a picture
half scrolled out of the reading pane stays the real picture. Sixel cannot be cropped by the
terminal: a Sixel picture is drawn while it is wholly in view, its cells show the rest of the
time (encoding it again at each scroll step would cost ~0.5 s a step).

Everything here is computed in a worker thread; the UI thread only places what is ready.
"""

from __future__ import annotations

import base64
import itertools
import random
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

KITTY = "kitty"  # direct placement
SIXEL = "sixel"

_CHUNK = 4096  # Kitty takes base64 in chunks of at most this
# Image ids: random start, then counted, as textual-image does (a terminal's ids are shared with
# whatever else ran in it; the answers that would tell a free one are off: q=2).
_ids = itertools.count(random.randint(1 << 20, 1 << 30))


@dataclass(frozen=True, slots=True)
class Graphic:
    """One picture at one size in cells (columns × rows), ready for the terminal."""

    kind: str  # KITTY or SIXEL
    columns: int
    rows: int
    payload: str  # Kitty: the sequences that send the image (once); Sixel: the picture itself
    image_id: int = 0  # Kitty's id of the sent image
    pixel_height: int = 0


def cell_pixels() -> tuple[int, int]:
    """(width, height) of a terminal cell in pixels, as textual-image measured it at start."""
    from textual_image._terminal import get_cell_size

    size = get_cell_size()
    return max(1, size.width), max(1, size.height)


def make_graphic(image: Image, columns: int, rows: int, kind: str) -> Graphic:
    """image as kind, scaled to fill columns × rows cells of this terminal."""
    from PIL import Image as PILImage

    cell_w, cell_h = cell_pixels()
    size = (max(1, columns * cell_w), max(1, rows * cell_h))
    scaled = image.convert("RGB").resize(size, PILImage.Resampling.LANCZOS)
    if kind == SIXEL:
        from textual_image._sixel import image_to_sixels

        sixels = image_to_sixels(scaled)
        # P2=1: a pixel the bands leave unset stays as it was (the cells under it), where
        # textual-image's P2=0 paints it in colour register 0 (xterm showed a band of it).
        if sixels.startswith("\x1bP0;0;0q"):
            sixels = "\x1bP0;1;0q" + sixels[len("\x1bP0;0;0q") :]
        return Graphic(SIXEL, columns, rows, sixels, 0, size[1])
    image_id = next(_ids) & 0xFFFFFFFF
    return Graphic(KITTY, columns, rows, kitty_send(image_id, scaled), image_id, size[1])


def _apc(keys: str, payload: str = "") -> str:
    return f"\x1b_G{keys};{payload}\x1b\\" if payload else f"\x1b_G{keys}\x1b\\"


def kitty_send(image_id: int, image: Image) -> str:
    """The sequences that give the terminal image (RGB, zlib) under image_id, drawing nothing.
    q=2: the terminal answers nothing (an answer would reach the app as keys)."""
    data = base64.b64encode(zlib.compress(image.tobytes(), 1)).decode("ascii")
    chunks = [data[i : i + _CHUNK] for i in range(0, len(data), _CHUNK)] or [""]
    out = []
    for n, chunk in enumerate(chunks):
        more = int(n < len(chunks) - 1)
        if n == 0:
            keys = f"a=t,t=d,f=24,o=z,s={image.width},v={image.height},i={image_id},q=2,m={more}"
        else:
            keys = f"m={more},q=2"
        out.append(_apc(keys, chunk))
    return "".join(out)


def kitty_place(graphic: Graphic, first_row: int, rows: int) -> str:
    """Place rows of graphic's rows, from first_row on, at the cursor (which stays: C=1). The
    same placement id each time: placing again moves it."""
    per_row = graphic.pixel_height / max(1, graphic.rows)
    top = round(first_row * per_row)
    height = max(1, round((first_row + rows) * per_row) - top)
    keys = f"a=p,i={graphic.image_id},p=1,y={top},h={height},c={graphic.columns},r={rows},C=1,q=2"
    return _apc(keys)


def kitty_unplace(image_id: int) -> str:
    """The image's placements off the screen; the terminal keeps the image for the next one."""
    return _apc(f"a=d,d=i,i={image_id},q=2")


def kitty_free(image_id: int) -> str:
    """The image off the screen and out of the terminal's memory. Kitty 0.26 frees with it
    every other image that has no placement at the time (seen under Xvfb: a picture scrolled
    away did not come back after `i`'s was freed), so each free is counted (frees()) and an
    image that was not placed at the last free is sent again before it is placed."""
    global _frees
    _frees += 1
    return _apc(f"a=d,d=I,i={image_id},q=2")


_frees = 0


def frees() -> int:
    """How many frees were made so far (see kitty_free)."""
    return _frees


def move_to(x: int, y: int) -> str:
    """The cursor to column x, row y of the screen (from 0)."""
    return f"\x1b[{y + 1};{x + 1}H"
