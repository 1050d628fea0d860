"""A small Indonesian news site written for the tests: an RSS feed with teasers and the article
pages behind it, in the shape of a regional portal (navigation, "Berita Terkini" sidebar, share
links, caption, closing byline).

Served by pytest-httpserver in tests, or by `python tests/newssite.py PORT` for trying korantui by
hand in tmux (`korantui --config` with a config pointing at it).
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    published: str  # RFC 822
    teaser: str
    paragraphs: tuple[str, ...]
    caption: str = ""
    byline: str = "(red)"


STORIES: tuple[Story, ...] = (
    Story(
        "pelabuhan-batu-ampar-diperluas",
        "Pelabuhan Batu Ampar Diperluas, Antrean Kapal Diharapkan Berkurang",
        "Tue, 20 Sep 2022 09:30:00 +0700",
        "Perluasan dermaga utara Pelabuhan Batu Ampar ditargetkan rampung akhir tahun.",
        (
            "BATAM, KORAN UJI - Perluasan dermaga utara Pelabuhan Batu Ampar ditargetkan "
            "rampung pada akhir tahun ini, sehingga antrean kapal kargo diharapkan berkurang.",
            "Kepala pelabuhan mengatakan dermaga baru sepanjang 350 meter itu mampu melayani "
            "dua kapal kontainer sekaligus.",
            "\u201cSelama ini kapal harus menunggu hingga tiga hari. Dengan dermaga baru, waktu "
            "tunggu bisa dipangkas menjadi satu hari,\u201d katanya, Selasa (20/9/2022).",
            "Pekerjaan fisik saat ini telah mencapai 70 persen dan sisanya berupa pemasangan "
            "fender serta pengerasan lapangan penumpukan.",
        ),
        caption="Keterangan Gambar : Dermaga utara Pelabuhan Batu Ampar yang sedang diperluas.",
        byline="(Rina /Doni)",
    ),
    Story(
        "festival-kuliner-tanjungpinang",
        "Festival Kuliner Melayu Ramaikan Tepi Laut Tanjungpinang",
        "Mon, 19 Sep 2022 19:05:00 +0700",
        "Ratusan pengunjung memadati festival kuliner di kawasan Tepi Laut.",
        (
            "TANJUNGPINANG, KORAN UJI - Ratusan pengunjung memadati Festival Kuliner Melayu di "
            "kawasan Tepi Laut, Senin malam.",
            "Festival yang berlangsung tiga hari itu menghadirkan 60 stan makanan khas, mulai "
            "dari otak-otak, gonggong rebus hingga lakse kuah.",
            "Panitia berharap festival menjadi agenda tahunan untuk menarik wisatawan dari "
            "Singapura dan Malaysia.",
        ),
    ),
    Story(
        "jadwal-kapal-ferry-natuna",
        "Cuaca Buruk, Jadwal Kapal Ferry ke Natuna Ditunda",
        "Mon, 19 Sep 2022 07:45:00 +0700",
        "Gelombang setinggi tiga meter membuat pelayaran ke Natuna ditunda.",
        (
            "NATUNA, KORAN UJI - Gelombang setinggi tiga meter membuat jadwal kapal ferry dari "
            "Tanjungpinang ke Natuna ditunda hingga cuaca membaik.",
            "Syahbandar meminta calon penumpang memantau pengumuman resmi sebelum berangkat ke "
            "pelabuhan.",
            "Penumpang yang telah membeli tiket dapat menukar jadwal tanpa biaya tambahan.",
        ),
    ),
)


def feed_xml(base: str) -> str:
    items = []
    for story in STORIES:
        link = f"{base}/berita/{story.slug}"
        items.append(
            f"<item><title>{html.escape(story.title)}</title><link>{link}</link>"
            f"<guid>{link}</guid><pubDate>{story.published}</pubDate>"
            f"<description>{html.escape(story.teaser)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>Koran Uji</title><link>{base}/</link><description>Berita uji</description>"
        + "".join(items)
        + "</channel></rss>"
    )


def article_html(story: Story) -> str:
    sidebar = "".join(
        f'<li><a href="/berita/{s.slug}">{html.escape(s.title)}</a></li>' for s in STORIES
    )
    body = "".join(f"<p>{html.escape(p)}</p>" for p in story.paragraphs)
    caption = f'<div class="caption">{html.escape(story.caption)}</div>' if story.caption else ""
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>{html.escape(story.title)} - Koran Uji</title>
<meta property="og:title" content="{html.escape(story.title)}">
<meta property="og:site_name" content="Koran Uji">
<meta property="article:published_time" content="{_iso(story.published)}">
</head><body>
<nav><a href="/">Beranda</a> <a href="/kategori/kepri">Kepri</a> <a href="/indeks">Indeks</a></nav>
<div class="container">
<article>
<h1>{html.escape(story.title)}</h1>
<div class="meta">Selasa, 20 September 2022 - 09:30 WIB</div>
<img src="/foto/{story.slug}.jpg" alt="foto">{caption}
<div class="content">{body}<p>{html.escape(story.byline)}</p></div>
<div class="share"><a href="https://wa.me/?text=x">Bagikan ke WhatsApp</a></div>
</article>
<aside><h3>Berita Terkini</h3><ul>{sidebar}</ul></aside>
</div>
<footer>Hak cipta Koran Uji</footer>
</body></html>"""


def _iso(rfc822: str) -> str:
    from email.utils import parsedate_to_datetime

    return parsedate_to_datetime(rfc822).isoformat()


def routes(base: str) -> dict[str, tuple[str, str]]:
    """path -> (content type, body)."""
    pages = {"/feed.xml": ("application/rss+xml; charset=utf-8", feed_xml(base))}
    for story in STORIES:
        pages[f"/berita/{story.slug}"] = ("text/html; charset=utf-8", article_html(story))
    return pages


def serve(port: int) -> None:
    base = f"http://127.0.0.1:{port}"
    pages = routes(base)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            page = pages.get(self.path.split("?")[0])
            if page is None:
                self.send_error(404)
                return
            data = page[1].encode()
            self.send_response(200)
            self.send_header("Content-Type", page[0])
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    print(f"serving {base}/feed.xml", flush=True)
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    serve(int(sys.argv[1]) if len(sys.argv) > 1 else 8765)
