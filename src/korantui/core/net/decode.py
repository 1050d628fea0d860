"""A response body's gzip/deflate decoded in bounded steps, so a bomb stops at the cap."""

from __future__ import annotations

import zlib

from korantui.core.net.errors import FetchError
from korantui.core.sanitize import clean_line

MB = 1024 * 1024


class BoundedDecoder:
    """gzip/deflate decoding in bounded steps, so a bomb cannot blow past the cap."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit = limit
        self.size = 0
        enc = encoding.lower().strip()
        if enc in ("gzip", "x-gzip"):
            self._z: zlib._Decompress | None = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            self._z = zlib.decompressobj()
        elif enc in ("", "identity"):
            self._z = None
        else:
            # We only ever ask for gzip and deflate; anything else would be read as garbage.
            raise FetchError("invalid", f"unsupported compression: {clean_line(enc)[:40]}")
        self._raw_deflate_tried = False

    def feed(self, chunk: bytes) -> bytes:
        if self._z is None:
            return self._count(chunk)
        out = bytearray()
        data = chunk
        while data:
            try:
                piece = self._z.decompress(data, 256 * 1024)
            except zlib.error:
                if not self._raw_deflate_tried and self.size == 0 and not out:
                    # Some servers send raw deflate without the zlib header.
                    self._raw_deflate_tried = True
                    self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise FetchError("invalid", "the server sent a corrupt compressed body") from None
            out += self._count(piece)
            data = self._z.unconsumed_tail
            if not piece and not data:
                break
        return bytes(out)

    def _count(self, piece: bytes) -> bytes:
        self.size += len(piece)
        if self.size > self.limit:
            raise FetchError("too_large", f"decompressed body over {self.limit // MB} MB")
        return piece
