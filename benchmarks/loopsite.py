"""A loopback news site for the benchmarks: N feeds × M items, latency, validators, articles.

Every feed answers after `latency` seconds (sleeping in its own handler thread, like a far-away
server), carries an ETag and a Last-Modified, and answers 304 to a request that presents either,
so a warm refresh can skip the body. Article pages sit behind every item link. Bound to 127.0.0.1
only; the server counts what it answered so the table can say how many 200s and 304s each side
got.
"""

from __future__ import annotations

import hashlib
import html
import random
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Indonesian news vocabulary, so titles and summaries look like the real thing to the parser,
# the store and FTS (word lengths, diacritics-free Latin script, repeated proper nouns).
_WORD_TEXT = (
    "pemerintah kota kabupaten provinsi warga pelabuhan kapal nelayan harga beras minyak "
    "presiden menteri gubernur bupati wali dewan rakyat daerah sekolah guru murid rumah sakit "
    "pasien dokter banjir gempa cuaca hujan angin jalan tol jembatan proyek anggaran dana "
    "pajak ekonomi inflasi bank rupiah dolar ekspor impor pasar pedagang petani panen pupuk "
    "polisi tersangka kasus sidang hakim jaksa korupsi pemilu partai calon kampanye suara "
    "festival budaya wisata pantai pulau laut hutan kebakaran asap kesehatan vaksin posyandu "
    "keluarga kampung desa lurah camat perbatasan bandara pesawat penerbangan ferry jadwal "
    "batam tanjungpinang natuna anambas bintan karimun lingga jakarta surabaya medan makassar "
    "mengatakan menyebutkan menjelaskan meminta berharap menargetkan membangun memperbaiki "
    "selasa rabu kamis jumat sabtu minggu senin tahun bulan pekan hari pagi malam baru besar "
    "kecil tinggi rendah cepat lambat utama penting resmi khusus umum "
)
WORDS = tuple(_WORD_TEXT.split())


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize()


def paragraph(rng: random.Random, n_words: int) -> str:
    out: list[str] = []
    left = n_words
    while left > 0:
        k = min(left, rng.randint(8, 18))
        out.append(sentence(rng, k) + ".")
        left -= k
    return " ".join(out)


# Item links and images name the outlet's public address, as real feeds do; the article pages
# are served here under the same paths (/berita/...). feedparser-rs blanks links to loopback and
# private addresses, so links on 127.0.0.1 would send every benchmark feed to feedparser.
LINK_BASE = "https://koran-uji.example"


class _Server(ThreadingHTTPServer):
    # The default listen backlog (5) drops SYNs when 8-16 clients connect at once, and a
    # dropped SYN costs a 1 s retransmit: that would measure the server, not the clients.
    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that goes away mid-answer (an app quitting while its refresh-on-start is
        # still downloading) is normal here, not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class NewsSite:
    """`with NewsSite(feeds=100, items=50, latency=0.1) as site: site.feed_urls`.

    hosts > 1 spreads the feeds over that many servers, on 127.0.0.1 … 127.0.0.<hosts> (all
    loopback), feed i on host i % hosts, as a reader's feeds are spread over sites: the
    per-host cap then binds no longer, the overall one does.
    """

    def __init__(
        self,
        feeds: int,
        items: int,
        latency: float = 0.0,
        seed: int = 7,
        loopback_links: bool = False,
        hosts: int = 1,
    ) -> None:
        if not 1 <= hosts <= 254:
            raise ValueError("hosts: 1 to 254 (127.0.0.1 … 127.0.0.254)")
        self.n_feeds = feeds
        self.n_items = items
        self.latency = latency
        self.counts: Counter[str] = Counter()
        # time.time() of the first request and of the last answer since take_counts(): what a
        # client spent before its first request and after its last answer is its own.
        self.first_request = 0.0
        self.last_answer = 0.0
        self._lock = threading.Lock()
        self._servers = [_Server((f"127.0.0.{k + 1}", 0), self._handler()) for k in range(hosts)]
        self._server = self._servers[0]
        self.port = self._server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.bases = [
            f"http://127.0.0.{k + 1}:{s.server_address[1]}" for k, s in enumerate(self._servers)
        ]
        # Loopback item links make feedparser-rs decline every feed: the feedparser path.
        self.link_base = self.base if loopback_links else LINK_BASE
        self._feeds = [self._make_feed(i, random.Random(seed * 1000 + i)) for i in range(feeds)]
        self._threads = [
            threading.Thread(target=server.serve_forever, daemon=True) for server in self._servers
        ]

    # -- content ---------------------------------------------------------------------------------

    @property
    def feed_urls(self) -> list[str]:
        hosts = self.bases
        return [f"{hosts[i % len(hosts)]}/feed/{i}.xml" for i in range(self.n_feeds)]

    def _link_base(self, i: int) -> str:
        # Loopback links lead to the feed's own host, as an outlet's articles are on its site.
        if self.link_base == LINK_BASE:
            return LINK_BASE
        return self.bases[i % len(self.bases)]

    def _make_feed(self, i: int, rng: random.Random) -> tuple[bytes, str, str]:
        start = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
        items = []
        for j in range(self.n_items):
            slug = "-".join(sentence(rng, 4).lower().split())
            link = f"{self._link_base(i)}/berita/{i}/{j}-{slug}"
            title = sentence(rng, rng.randint(7, 13))
            teaser = paragraph(rng, rng.randint(30, 60))
            when = format_datetime(start - timedelta(minutes=17 * j + i))
            img = f"{self._link_base(i)}/foto/{i}/{j}.jpg"
            desc = f'<img src="{img}" alt="foto" /><p>{html.escape(teaser)}</p>'
            items.append(
                f"<item><title>{html.escape(title)}</title><link>{link}</link>"
                f'<guid isPermaLink="true">{link}</guid><pubDate>{when}</pubDate>'
                f"<dc:creator>Redaksi {i}</dc:creator><category>Daerah</category>"
                f"<description>{html.escape(desc)}</description></item>"
            )
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
            f"<title>Koran Uji {i}</title><link>{self.base}/</link>"
            f"<description>Berita daerah {i}</description><language>id</language>"
            + "".join(items)
            + "</channel></rss>"
        ).encode()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        return body, etag, format_datetime(start, usegmt=True)

    def article_page(self, i: int, j: int) -> bytes:
        rng = random.Random(i * 100_000 + j)
        title = sentence(rng, 10)
        paras = "".join(f"<p>{html.escape(paragraph(rng, 60))}</p>" for _ in range(8))
        return (
            f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:title" content="{title}"></head><body><nav><a href="/">Beranda'
            f'</a></nav><article><h1>{title}</h1><div class="content">{paras}</div></article>'
            "<aside><h3>Berita Terkini</h3></aside><footer>Koran Uji</footer></body></html>"
        ).encode()

    # -- serving ---------------------------------------------------------------------------------

    def _arrived(self) -> None:
        now = time.time()
        with self._lock:
            if not self.first_request:
                self.first_request = now

    def _answered(self) -> None:
        now = time.time()
        with self._lock:
            self.last_answer = max(self.last_answer, now)

    def _count(self, what: str) -> None:
        with self._lock:
            self.counts[what] += 1

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
            # An answer leaves in one write, headers and body together, as real servers send
            # it. Written separately, Nagle's algorithm held the body's last segment until the
            # client's delayed ACK (40 ms on Linux): every answer with a body took ~144 ms
            # instead of the 100 ms the site means, on both sides of a comparison.
            wbufsize = 1 << 20
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                site._arrived()
                try:
                    self._answer()
                finally:
                    site._answered()

            def _answer(self) -> None:
                if site.latency:
                    time.sleep(site.latency)
                path = self.path.split("?")[0]
                parts = path.strip("/").split("/")
                if len(parts) == 2 and parts[0] == "feed" and parts[1].endswith(".xml"):
                    try:
                        body, etag, modified = site._feeds[int(parts[1][:-4])]
                    except (ValueError, IndexError):
                        return self._send(404, b"not found", "text/plain")
                    inm = self.headers.get("If-None-Match")
                    ims = self.headers.get("If-Modified-Since")
                    if (inm and inm == etag) or (not inm and ims and ims == modified):
                        site._count("304")
                        self.send_response(304)
                        self.send_header("ETag", etag)
                        self.send_header("Last-Modified", modified)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    site._count("200")
                    return self._send(
                        200, body, "application/rss+xml; charset=utf-8", etag, modified
                    )
                if len(parts) == 3 and parts[0] == "berita":
                    try:
                        i, j = int(parts[1]), int(parts[2].split("-")[0])
                    except ValueError:
                        return self._send(404, b"not found", "text/plain")
                    site._count("article")
                    return self._send(200, site.article_page(i, j), "text/html; charset=utf-8")
                self._send(404, b"not found", "text/plain")

            def _send(
                self, status: int, body: bytes, ctype: str, etag: str = "", modified: str = ""
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                if etag:
                    self.send_header("ETag", etag)
                if modified:
                    self.send_header("Last-Modified", modified)
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def take_counts(self) -> dict[str, int]:
        with self._lock:
            out = dict(self.counts)
            self.counts.clear()
            self.first_request = self.last_answer = 0.0
        return out

    def __enter__(self) -> NewsSite:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
