"""A fetched image's bytes to a small, clean picture: sniffed, size-checked from its header
before any pixel is decoded, decoded, shrunk to what a terminal can show, and re-encoded, so
nothing of the original file (EXIF, ICC, comments, a polyglot's extra bytes) is kept.

Pillow is imported here, inside the functions: the app starts without it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

MAX_BYTES = 8 * 1024 * 1024  # a news photo is rarely over 2 MB; a bigger file is not read
MAX_PIXELS = 40_000_000  # 40 MP: an 8000×5000 photo; a 50,000² "image" is a bomb
MAX_SIDE = 20_000
STORED_WIDTH = 1280  # wider than any terminal shows in half-cells or a Kitty window
MIN_SIDE = 3  # 1×1 and 2×2 are tracking pixels and spacers, never a photo

# The formats read, by their first bytes: the Content-Type of a stranger's server says nothing.
_MAGIC = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)


class ImageRefused(Exception):
    """Why an image is not shown; str() is the reason, for the placeholder."""


@dataclass(frozen=True, slots=True)
class Picture:
    """An image as stored: re-encoded bytes (JPEG, or PNG where it has transparency)."""

    data: bytes
    width: int
    height: int
    mime: str


def sniff(data: bytes) -> str:
    """The format name data starts with ("JPEG", "PNG", "GIF", "WEBP"), "" for anything else."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return ""


def _opened(data: bytes, fmt: str) -> Image:
    from PIL import Image as PILImage

    try:
        # formats=: Pillow tries no other decoder (no EPS, no PSD) even if the sniff was fooled.
        im = PILImage.open(io.BytesIO(data), formats=[fmt])
    except PILImage.DecompressionBombError:
        raise ImageRefused("too many pixels") from None
    except (OSError, ValueError, SyntaxError) as e:
        raise ImageRefused(f"not a readable {fmt.lower()} ({type(e).__name__})") from None
    return im


def check_header(data: bytes) -> tuple[str, int, int]:
    """(format, width, height) read from the file's header alone; ImageRefused when the format
    is not allowed or the size is a bomb or a pixel. No pixel is decoded here."""
    if len(data) > MAX_BYTES:
        raise ImageRefused(f"over {MAX_BYTES // (1024 * 1024)} MB")
    fmt = sniff(data)
    if not fmt:
        raise ImageRefused("not a JPEG, PNG, WebP or GIF image")
    im = _opened(data, fmt)
    width, height = im.size
    im.close()
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise ImageRefused(f"too many pixels ({width}×{height})")
    if width < MIN_SIDE or height < MIN_SIDE:
        raise ImageRefused(f"a {width}×{height} pixel, not a picture")
    return fmt, width, height


def shrink(data: bytes, max_width: int = STORED_WIDTH) -> Picture:
    """data decoded (first frame only), at most max_width wide, re-encoded without metadata."""
    from PIL import Image as PILImage

    fmt, width, height = check_header(data)
    im = _opened(data, fmt)
    try:
        if fmt == "JPEG":
            # Decode at 1/2, 1/4 or 1/8 scale straight away when the photo is much wider.
            im.draft("RGB", (max_width, max(1, height * max_width // width)))
        im.seek(0)  # an animated GIF or WebP: the first frame
        im.load()
    except (OSError, ValueError, SyntaxError, EOFError) as e:
        raise ImageRefused(f"broken {fmt.lower()} data ({type(e).__name__})") from None
    alpha = im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info)
    im = im.convert("RGBA" if alpha else "RGB")
    if im.width > max_width:
        im = im.resize(
            (max_width, max(1, round(im.height * max_width / im.width))),
            PILImage.Resampling.LANCZOS,
        )
    out = io.BytesIO()
    if alpha:
        im.save(out, "PNG", optimize=False)
        mime = "image/png"
    else:
        im.save(out, "JPEG", quality=82, optimize=True)
        mime = "image/jpeg"
    return Picture(out.getvalue(), im.width, im.height, mime)


def open_stored(picture_data: bytes) -> Image:
    """A stored picture decoded for drawing (it was written by shrink, so it is trusted to be
    small; it is still opened with the same checks, the store being a file on disk)."""
    fmt, _, _ = check_header(picture_data)
    im = _opened(picture_data, fmt)
    im.load()
    return im
