"""A loopback news site with pictures for the image tests: real PNG/JPEG/WebP/GIF files made
with Pillow, hostile ones (a 50,000² PNG header, a truncated JPEG, HTML served as PNG, SVG, a
1×1 pixel, a gzip bomb), and a gate that holds a response until the test lets it go.

`python tests/images_site.py PORT` serves it by hand (for trying korantui in tmux).
"""

from __future__ import annotations

import contextlib
import gzip
import html
import io
import struct
import sys
import threading
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image


def picture(width: int, height: int, *, seed: int = 0) -> Image.Image:
    """A photo-like picture: a sky and sea gradient with a sun, the same every run."""
    im = Image.new("RGB", (width, height))
    px = im.load()
    assert px is not None
    for y in range(height):
        for x in range(width):
            if y < height * 0.55:
                px[x, y] = (60 + (x * 80 // width + seed) % 255, 120 + y * 60 // height, 220)
            else:
                px[x, y] = (20, 90 + (y * 40 // height), 110 + (x * 60 // width))
    cx, cy, r = width * 0.7, height * 0.3, max(2, height // 8)
    for y in range(max(0, int(cy - r)), min(height, int(cy + r))):
        for x in range(max(0, int(cx - r)), min(width, int(cx + r))):
            if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                px[x, y] = (250, 210, 60)
    return im


def encoded(im: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    im.save(out, fmt, **options)
    return out.getvalue()


def jpeg_with_exif(width: int, height: int) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x9286] = "GPS 1.0,104.0 \x1b]0;pwned\x07"  # UserComment, with a terminal escape
    return encoded(picture(width, height), "JPEG", quality=85, exif=exif.tobytes())


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims width×height: a valid IHDR, a tiny IDAT, IEND, and nothing more."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def gzip_bomb(size: int = 200 * 1024 * 1024) -> bytes:
    """size bytes of PNG-looking data, gzipped to a few hundred kilobytes."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as z:
        z.write(b"\x89PNG\r\n\x1a\n")
        block = b"\x00" * (1024 * 1024)
        for _ in range(size // len(block)):
            z.write(block)
    return out.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect/></svg>'
PARAGRAPHS = (
    "BATAM, KORAN UJI - Ribuan warga memadati pantai Ocarina pada Minggu pagi untuk menyaksikan "
    "matahari terbit pertama setelah musim hujan yang panjang.",
    "Pengelola pantai mengatakan jumlah pengunjung naik dua kali lipat dibanding pekan lalu, "
    "sebagian besar datang dari Batam Center dan Nongsa.",
    "Nelayan setempat juga ikut merasakan ramainya pantai. Mereka menjual ikan bakar dan "
    "kelapa muda di sepanjang bibir pantai sejak subuh.",
    "Pemerintah kota berencana menambah lampu jalan dan tempat sampah di kawasan itu sebelum "
    "libur akhir tahun tiba.",
)


def article_page(title: str, lead: str, body: list[tuple[str, str]]) -> str:
    """An article with a lead photo above the text and one figure after each paragraph of
    body's length: body is (src, caption) for the pictures after paragraphs 1, 2, …"""
    parts = []
    for i, p in enumerate(PARAGRAPHS):
        parts.append(f"<p>{html.escape(p)}</p>")
        if i < len(body):
            src, caption = body[i]
            parts.append(
                f'<figure><img src="{src}" alt="gambar {i + 1}">'
                f"<figcaption>{html.escape(caption)}</figcaption></figure>"
            )
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>{html.escape(title)} - Koran Uji</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="Koran Uji">
<meta property="og:image" content="{lead}">
<meta property="article:published_time" content="2026-11-29T07:00:00+07:00">
</head><body>
<nav><a href="/"><img src="/logo.png" alt="Koran Uji"></a></nav>
<article><h1>{html.escape(title)}</h1>
<div class="foto"><img src="{lead}" alt="Pantai Ocarina"></div>
<div class="caption">Keterangan Gambar : Warga menyaksikan matahari terbit. (ANTARA/Rina)</div>
<div class="content">{"".join(parts)}<p>(red)</p></div>
</article>
<img src="http://b.scorecardresearch.com/p?c1=2" width="1" height="1">
</body></html>"""


def feed(base: str, slugs: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<item><title>{html.escape(t)}</title><link>{base}/berita/{s}</link>"
        f"<guid>{base}/berita/{s}</guid><pubDate>Sun, 29 Nov 2026 07:00:00 +0700</pubDate>"
        f"<description>Ringkasan {html.escape(t)}</description></item>"
        for s, t in slugs
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Koran Uji</title><link>{base}/</link>{items}</channel></rss>"
    )


@dataclass
class Route:
    body: bytes
    ctype: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    gate: threading.Event | None = None  # the answer waits until it is set


class PictureSite:
    """A threaded loopback server of routes; requests are logged by path."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                site.requests.append(path)
                route = site.routes.get(path)
                if route is None:
                    self.send_error(404)
                    return
                if route.gate is not None:
                    route.gate.wait(20)
                self.send_response(route.status)
                self.send_header("Content-Type", route.ctype)
                self.send_header("Content-Length", str(len(route.body)))
                for k, v in route.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                with contextlib.suppress(OSError):  # the client stopped reading at a cap
                    self.wfile.write(route.body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> PictureSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        for route in self.routes.values():
            if route.gate is not None:
                route.gate.set()
        self.server.shutdown()
        self.server.server_close()

    def add(self, path: str, body: bytes | str, ctype: str, **kw: object) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(data, ctype, **kw)  # type: ignore[arg-type]


def pantai_site(site: PictureSite, body_pictures: int = 1) -> str:
    """The article "pantai" with a lead photo and body_pictures figures; its feed's address."""
    lead = f"{site.base}/foto/pantai-lead.jpg"
    site.add("/foto/pantai-lead.jpg", encoded(picture(320, 180), "JPEG", quality=85), "image/jpeg")
    body = []
    for i in range(body_pictures):
        path = f"/foto/pantai-{i}.png"
        site.add(path, encoded(picture(200, 150, seed=40 * i), "PNG"), "image/png")
        body.append((path, f"FOTO: Suasana pantai nomor {i + 1} (ANTARA/Fotografer {i + 1})"))
    title = "Ribuan Warga Sambut Matahari Terbit di Pantai Ocarina"
    site.add("/berita/pantai", article_page(title, lead, body), "text/html; charset=utf-8")
    site.add("/feed.xml", feed(site.base, [("pantai", title)]), "application/rss+xml")
    return f"{site.base}/feed.xml"


def two_articles_site(site: PictureSite) -> str:
    """pantai_site (with one figure) and, older, "pasar" with a lead photo of its own."""
    pantai_site(site, body_pictures=1)
    lead = f"{site.base}/foto/pasar-lead.jpg"
    site.add("/foto/pasar-lead.jpg", encoded(picture(320, 180, seed=90), "JPEG"), "image/jpeg")
    title = "Pasar Ikan Tanjung Uma Ramai Jelang Akhir Pekan"
    site.add("/berita/pasar", article_page(title, lead, []), "text/html; charset=utf-8")
    pantai = "Ribuan Warga Sambut Matahari Terbit di Pantai Ocarina"
    rss = feed(site.base, [("pantai", pantai), ("pasar", title)])
    older = rss.rsplit("Sun, 29 Nov 2026 07:00:00", 1)  # the second item a day older
    site.add("/feed.xml", "Sat, 28 Nov 2026 07:00:00".join(older), "application/rss+xml")
    return f"{site.base}/feed.xml"


if __name__ == "__main__":
    import time

    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8766
    s = PictureSite()
    s.server.server_close()
    s.server = ThreadingHTTPServer(("127.0.0.1", port), s.server.RequestHandlerClass)
    s.base = f"http://127.0.0.1:{port}"
    s._thread = threading.Thread(target=s.server.serve_forever, daemon=True)
    print(f"serving {pantai_site(s, 2)}", flush=True)
    s.start()
    while True:
        time.sleep(3600)
