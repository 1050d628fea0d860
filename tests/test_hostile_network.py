"""Issue 6, the network: every request bounded, every failure one readable per-feed line.

All servers are local (tests/hostile_servers.py); no test sleeps: stalling servers wait on an
event that the fixture sets, and the client's own timeouts end each case.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from korantui.core.models import Entry, FeedSpec, Headline
from korantui.core.net.fetch import MB, Fetcher, FetchError, FetchSettings
from korantui.core.reading import FAILED, FULL_TEXT, fetch_reading
from korantui.core.refresh import refresh_feeds
from korantui.core.store.database import Store
from tests.hostile_servers import (
    CAPTCHA_WALL,
    CLOUDFLARE_WALL,
    Site,
    article_page,
    gzipped,
    rss,
    simple_rss,
)

FAST = FetchSettings(connect_timeout=1.0, read_timeout=0.5, total_timeout=1.5)
PARAGRAPHS = [
    "BATAM, KORAN UJI - Perluasan dermaga utara Pelabuhan Batu Ampar ditargetkan rampung pada "
    "akhir tahun ini, sehingga antrean kapal kargo diharapkan berkurang drastis.",
    "Kepala pelabuhan mengatakan dermaga baru sepanjang 350 meter itu mampu melayani dua kapal "
    "kontainer sekaligus, dan pekerjaan fisik telah mencapai tujuh puluh persen.",
    "“Selama ini kapal harus menunggu hingga tiga hari,” katanya kepada wartawan di Batam.",
]


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as s:
        yield s


def _headline(store: Store, url: str, title: str = "Judul") -> Headline:
    """A stored headline pointing at url (articles are saved against a real row)."""
    store.sync_feeds([FeedSpec(url="http://127.0.0.1:1/feed.xml", name="Uji")])
    feed = store.feeds()[0]
    store.save_entries(feed.id, [Entry(title=title, link=url, summary="Ringkasan.")])
    headline = store.headline(store.headlines()[0].id)
    assert headline is not None
    return headline


async def _get(url: str, settings: FetchSettings = FAST) -> FetchError:
    async with Fetcher(settings) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.get(url)
    return info.value


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- time ------------------------------------------------------------------------------------


async def test_server_that_hangs_after_headers_hits_the_read_timeout(site: Site):
    def hang(h):  # type: ignore[no-untyped-def]
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Content-Length", "5000")
        h.end_headers()
        h.wfile.write(b"<?xml")
        h.wfile.flush()
        h.stall()

    url = site.route("/hang.xml", hang)
    err = await _get(url)
    # The read timeout's words, not the total's ("no complete answer within 1.5 s").
    assert (err.kind, str(err)) == ("timeout", "the server stopped sending (nothing for 0.5 s)")


async def test_server_that_never_answers_hits_the_read_timeout(site: Site):
    url = site.route("/silent", lambda h: h.stall())
    err = await _get(url)
    assert (err.kind, str(err)) == ("timeout", "the server stopped sending (nothing for 0.5 s)")


async def test_trickle_one_byte_a_second_stops_at_the_total_time(site: Site):
    def trickle(h):  # type: ignore[no-untyped-def]
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        for _ in range(100000):
            h.wfile.write(b"<")
            h.wfile.flush()
            if h.server.site.stopping.wait(1.0):  # one byte a second, until the test ends
                return

    url = site.route("/trickle.xml", trickle)
    # The read timeout (1.5 s) is never hit: a byte comes every second. Only the total ends it.
    settings = FetchSettings(connect_timeout=1.0, read_timeout=1.5, total_timeout=1.2)
    err = await _get(url, settings)
    assert (err.kind, str(err)) == ("timeout", "no complete answer within 1.2 s")


async def test_refused_connection_is_one_line():
    err = await _get(f"http://127.0.0.1:{_free_port()}/feed.xml")
    assert err.kind == "connect"
    assert str(err) == "cannot connect: connection refused"


async def test_a_server_that_never_accepts_hits_the_connect_timeout():
    # listen(0) with the queue filled by other connections: the SYN is never answered.
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        port = server.getsockname()[1]
        fillers = []
        for _ in range(4):
            c = socket.socket()
            c.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                c.connect(("127.0.0.1", port))
            fillers.append(c)
        try:
            err = await _get(f"http://127.0.0.1:{port}/feed.xml")
        finally:
            for c in fillers:
                c.close()
    assert (err.kind, str(err)) == ("timeout", "cannot connect: no answer from the server")


async def test_a_server_that_does_not_speak_http():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(5)

        def babble() -> None:
            conn, _ = server.accept()
            with conn:
                conn.recv(4096)
                conn.sendall(b"HELLO \x1b]0;pwned\x07 THERE\r\n\r\n")

        thread = threading.Thread(target=babble, daemon=True)
        thread.start()
        err = await _get(f"http://127.0.0.1:{server.getsockname()[1]}/feed.xml")
        thread.join(timeout=5)
    assert (err.kind, str(err)) == ("network", "network error: the server's answer is not HTTP")


# -- statuses --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, "HTTP 404 (not found)"),
        (410, "HTTP 410 (gone)"),
        (500, "HTTP 500 (server error)"),
        (502, "HTTP 502 (bad gateway)"),
        (403, "HTTP 403 (forbidden)"),  # a plain 403 is not a bot wall
    ],
)
async def test_http_errors_say_what_they_are(site: Site, status: int, message: str):
    url = site.page("/x", b"<html><body><h1>Error</h1></body></html>", status=status)
    err = await _get(url)
    assert (err.kind, err.status, str(err)) == ("http", status, message)


@pytest.mark.parametrize(
    ("status", "page"),
    [
        (403, CLOUDFLARE_WALL),
        (503, CLOUDFLARE_WALL.replace("Just a moment...", "Just a moment…")),
        (429, CAPTCHA_WALL),
        (403, "<html><title>Attention Required! | Cloudflare</title><p>Sorry</p></html>"),
    ],
)
async def test_bot_walls_are_reported_as_blocked(site: Site, status: int, page: str):
    url = site.page("/wall", page, status=status)
    err = await _get(url)
    assert err.kind == "blocked"
    assert "blocked — open in browser" in str(err)


async def test_a_200_challenge_page_is_blocked_but_an_article_quoting_the_words_is_not(
    site: Site,
):
    wall = site.page("/wall", CLOUDFLARE_WALL)
    story = article_page(
        "Warga Diminta Menunggu",
        [*PARAGRAPHS, "Petugas berkata “just a moment” sambil memeriksa dokumen kapal."],
    )
    story = story.replace("</body>", "<div class='g-recaptcha'></div></body>")
    ok = site.page("/berita/ok", story)
    assert (await _get(wall)).kind == "blocked"
    async with Fetcher(FAST) as fetcher:
        assert (await fetcher.get(ok)).status == 200


async def test_429_with_retry_after(site: Site):
    url = site.page("/busy", b"slow down", "text/plain", status=429, headers={"Retry-After": "120"})
    err = await _get(url)
    assert str(err) == "HTTP 429 (too many requests; retry after 120 s)"
    url = site.page(
        "/busy2",
        b"slow down",
        "text/plain",
        status=429,
        headers={"Retry-After": "Wed, 21 Oct 2026 07:28:00 GMT"},
    )
    assert "retry after 2026-10-21T07:28:00" in str(await _get(url))


async def test_bot_wall_on_an_article_is_not_extracted(site: Site, tmp_path: Path):
    url = site.page("/berita/dijaga", CLOUDFLARE_WALL, status=403)
    store = Store(tmp_path / "k.db")
    headline = _headline(store, url)
    async with Fetcher(FAST) as fetcher:
        reading = await fetch_reading(store, fetcher, headline)
    assert reading.status == FAILED
    assert "blocked — open in browser" in reading.reason
    assert store.article(headline.id) is None
    store.close()


# -- redirects -------------------------------------------------------------------------------


def _redirect(to: str, status: int = 302):  # type: ignore[no-untyped-def]
    return lambda h: h.answer(status, b"", "text/plain", {"Location": to})


async def test_redirect_loop_is_detected(site: Site):
    site.route("/a", _redirect("/b"))
    site.route("/b", _redirect("/a", 301))
    err = await _get(site.url("/a"))
    assert (err.kind, str(err)) == ("redirects", "redirect loop")
    assert site.hits == {"/a": 1, "/b": 1}  # detected on the way back, not after the limit


async def test_endless_redirect_chain_stops_at_the_limit(site: Site):
    for i in range(30):
        site.route(f"/r{i}", _redirect(f"/r{i + 1}", 307))
    err = await _get(site.url("/r0"))
    assert (err.kind, str(err)) == ("redirects", "more than 8 redirects")
    assert sum(site.hits.values()) == 9


async def test_redirect_to_another_scheme_is_refused(site: Site):
    url = site.route("/go", _redirect("file:///etc/passwd"))
    err = await _get(url)
    assert err.kind == "scheme"
    assert "file:///etc/passwd" in str(err)
    url = site.route("/js", _redirect("javascript:alert(1)"))
    assert (await _get(url)).kind == "scheme"


async def test_redirect_then_content_is_followed(site: Site):
    site.route("/old.xml", _redirect("/new.xml", 301))
    site.page("/new.xml", simple_rss(site.base), "application/rss+xml")
    async with Fetcher(FAST) as fetcher:
        result = await fetcher.get(site.url("/old.xml"))
    assert result.url == site.url("/new.xml")
    assert b"Berita nomor 1" in result.content


# -- size ------------------------------------------------------------------------------------


def _zeros(total: int, chunk: int = 256 * 1024) -> Iterator[bytes]:
    block = b"<" * chunk
    for _ in range(total // chunk):
        yield block


async def test_fifty_megabytes_streamed_stop_at_the_cap(site: Site):
    sent = [0]

    def counted() -> Iterator[bytes]:
        for block in _zeros(50 * MB):
            sent[0] += len(block)
            yield block

    url = site.route(
        "/huge.xml", lambda h: h.chunked(200, counted(), {"Content-Type": "application/rss+xml"})
    )
    err = await _get(url, FetchSettings(read_timeout=5, total_timeout=10))
    assert err.kind == "too_large"
    assert "10 MB" in str(err)
    # The client stopped reading at 10 MB: the server could not push the other 40 through.
    assert sent[0] < 20 * MB


async def test_declared_fifty_megabytes_are_refused_before_reading(site: Site):
    def declared(h):  # type: ignore[no-untyped-def]
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(50 * MB))
        h.end_headers()
        h.wfile.write(b"<html>")
        h.stall()

    err = await _get(site.route("/big.html", declared))
    assert err.kind == "too_large"
    assert str(err) == "response of 50 MB is over the 10 MB cap"


def _text_bomb_chunks(total: int, chunk: int = MB) -> Iterator[bytes]:
    """A gzip stream of an RSS start and then `total` spaces: text, so only the cap stops it."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    yield comp.compress(b"<rss><channel>")
    spaces = b" " * chunk
    for _ in range(total // chunk):
        out = comp.compress(spaces)
        if out:
            yield out
    yield comp.flush()


async def test_gzip_bomb_stops_at_the_decompressed_cap(site: Site):
    sent = [0]

    def bomb() -> Iterator[bytes]:
        for block in _text_bomb_chunks(1024 * MB):  # 1 GB of spaces, about 1 MB compressed
            sent[0] += len(block)
            yield block

    url = site.route(
        "/bomb.xml",
        lambda h: h.chunked(
            200, bomb(), {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"}
        ),
    )
    err = await _get(url, FetchSettings(read_timeout=5, total_timeout=10))
    assert err.kind == "too_large"
    assert "decompressed body over 30 MB" in str(err)
    assert sent[0] < 2 * MB  # stopped at the cap, not after reading the whole gigabyte


async def test_gzip_body_is_decoded_and_a_corrupt_one_is_an_error(site: Site):
    good = site.page(
        "/z.xml",
        gzipped(simple_rss("http://x").encode()),
        "application/rss+xml",
        headers={"Content-Encoding": "gzip"},
    )
    bad = site.page(
        "/bad.xml", b"\x1f\x8b\x08\x00garbage-garbage", headers={"Content-Encoding": "gzip"}
    )
    odd = site.page("/br.xml", b"???", headers={"Content-Encoding": "br"})
    async with Fetcher(FAST) as fetcher:
        assert b"Berita nomor 2" in (await fetcher.get(good)).content
    assert str(await _get(bad)) == "the server sent a corrupt compressed body"
    assert str(await _get(odd)) == "unsupported compression: br"


# -- content types and charsets --------------------------------------------------------------


def _store(tmp_path: Path, site: Site, feeds: dict[str, str]) -> Store:
    store = Store(tmp_path / "k.db")
    store.sync_feeds(FeedSpec(url=site.url(path), name=name) for name, path in feeds.items())
    return store


async def _refresh(store: Store, settings: FetchSettings = FAST) -> dict[str, str]:
    async with Fetcher(settings) as fetcher:
        results = await refresh_feeds(store, fetcher, store.feeds())
    return {r.feed.name: r.error or f"{r.new} new" for r in results}


async def test_html_served_as_a_feed_and_a_feed_served_as_html(site: Site, tmp_path: Path):
    page = article_page("Beranda", PARAGRAPHS)
    site.page("/html-as-rss.xml", page, "application/rss+xml")
    site.page("/html.html", page, "text/html")
    site.page("/rss-as-html", simple_rss(site.base), "text/html; charset=utf-8")
    site.page("/rss-as-text", simple_rss(site.base), "text/plain")
    site.page("/png.xml", b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
    site.page("/empty.xml", b"", "application/rss+xml")
    site.page("/json.xml", b'{"items": []}', "application/json")
    store = _store(
        tmp_path,
        site,
        {
            "a": "/html-as-rss.xml",
            "b": "/html.html",
            "c": "/rss-as-html",
            "d": "/rss-as-text",
            "e": "/png.xml",
            "f": "/empty.xml",
            "g": "/json.xml",
        },
    )
    got = await _refresh(store)
    assert got == {
        "a": "not a feed: the page is HTML (a web page, not RSS or Atom)",
        "b": "not a feed: the page is HTML (a web page, not RSS or Atom)",
        "c": "3 new",
        "d": "3 new",
        "e": "not a web page or feed: the server sent image/png",
        "f": "not a feed: the document is empty",
        "g": "not a feed: the document is JSON but not a JSON Feed",
    }
    feeds = {f.name: f for f in store.feeds()}
    assert feeds["a"].last_error.startswith("not a feed: the page is HTML")
    store.close()


async def test_a_feed_served_as_an_article_page_is_not_an_article(site: Site, tmp_path: Path):
    url = site.page("/berita/feed", simple_rss(site.base), "text/html")
    store = Store(tmp_path / "k.db")
    headline = _headline(store, url)
    async with Fetcher(FAST) as fetcher:
        reading = await fetch_reading(store, fetcher, headline)
    assert reading.status == FAILED
    assert "feed" in reading.reason
    store.close()


async def test_lying_charset_on_a_feed(site: Site, tmp_path: Path):
    title = "Gurindam Dua Belas — ‘pusaka’ Pulau Penyengat"
    utf8 = rss([{"title": title, "link": f"{site.base}/berita/g"}]).encode("utf-8")
    # UTF-8 bytes sent as latin-1 (the header lies).
    site.page("/lies.xml", utf8, "application/rss+xml; charset=iso-8859-1")
    # windows-1252 bytes whose header and prolog both claim UTF-8.
    cp = rss([{"title": "Caf\u00e9 \u201cKopi\u201d", "link": f"{site.base}/berita/c"}])
    site.page("/cp1252.xml", cp.encode("cp1252"), "text/xml; charset=utf-8")
    store = _store(tmp_path, site, {"lies": "/lies.xml", "cp": "/cp1252.xml"})
    assert await _refresh(store) == {"lies": "1 new", "cp": "1 new"}
    titles = sorted(h.title for h in store.headlines())
    assert title in titles  # read as what the bytes are, not what the header said
    assert any(t.startswith("Caf") and "Kopi" in t for t in titles)  # no crash, still read
    store.close()


async def test_lying_charset_on_an_article_page(site: Site, tmp_path: Path):
    page = article_page("Gurindam — ‘Pusaka’ Penyengat", PARAGRAPHS)
    url = site.page("/berita/g", page.encode("utf-8"), "text/html; charset=iso-8859-1")
    store = Store(tmp_path / "k.db")
    headline = _headline(store, url)
    async with Fetcher(FAST) as fetcher:
        reading = await fetch_reading(store, fetcher, headline)
    assert reading.status == FULL_TEXT
    assert "“Selama ini kapal harus menunggu hingga tiga hari,”" in reading.article.text
    store.close()


async def test_odd_validators_do_not_break_the_next_refresh(site: Site, tmp_path: Path):
    body = simple_rss(site.base).encode()
    # An ETag with a byte outside ASCII: sent back, httpx would refuse the request.
    site.route(
        "/etag.xml",
        lambda h: h.answer(200, body, "application/rss+xml", {"ETag": '"caf\xe9"'}),
    )
    store = _store(tmp_path, site, {"e": "/etag.xml"})
    assert await _refresh(store) == {"e": "3 new"}
    assert await _refresh(store) == {"e": "0 new"}
    store.close()


# -- all at once -----------------------------------------------------------------------------


async def test_every_hostile_server_at_once_stops_no_other_feed(site: Site, tmp_path: Path):
    site.page("/good.xml", simple_rss(site.base, 3, "Baik"), "application/rss+xml")
    site.route("/hang.xml", lambda h: h.stall())
    site.page("/404.xml", b"no", status=404)
    site.page("/wall.xml", CLOUDFLARE_WALL, status=503)
    site.route("/loop.xml", _redirect("/loop.xml"))
    site.route(
        "/bomb.xml",
        lambda h: h.chunked(
            200,
            _text_bomb_chunks(256 * MB),
            {"Content-Type": "text/xml", "Content-Encoding": "gzip"},
        ),
    )
    site.page("/html.xml", article_page("Beranda", PARAGRAPHS))
    feeds = {n: f"/{n}.xml" for n in ("good", "hang", "404", "wall", "loop", "bomb", "html")}
    feeds["refused"] = f"http://127.0.0.1:{_free_port()}/x.xml"
    store = Store(tmp_path / "k.db")
    store.sync_feeds(
        FeedSpec(url=p if p.startswith("http") else site.url(p), name=n) for n, p in feeds.items()
    )
    got = await _refresh(store)
    assert got["good"] == "3 new"
    assert all(got[n] for n in feeds)
    assert got["404"] == "HTTP 404 (not found)"
    assert got["wall"].startswith("blocked — open in browser")
    assert got["loop"] == "redirect loop"
    assert got["hang"].startswith("the server stopped sending")
    assert got["bomb"].startswith("decompressed body over")
    assert got["html"].startswith("not a feed: the page is HTML")
    assert got["refused"] == "cannot connect: connection refused"
    errors = {f.name: f.last_error for f in store.feeds()}
    assert errors["good"] == ""
    assert all(errors[n] == got[n] for n in feeds if n != "good")
    assert len(store.headlines()) == 3
    store.close()


def test_a_client_that_cannot_be_made_is_an_error_not_a_hang(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A malformed proxy variable makes httpx refuse to build the client: the network runner
    says so to whoever starts it, instead of waiting for ever on a thread that died."""
    import threading

    from korantui.core.net.runner import NetworkRunner

    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.test:notaport")
    outcome: list[BaseException | None] = []

    def start() -> None:
        try:
            NetworkRunner().close()
            outcome.append(None)
        except Exception as e:
            outcome.append(e)

    starter = threading.Thread(target=start, daemon=True)
    starter.start()
    starter.join(timeout=10)
    assert len(outcome) == 1 and outcome[0] is not None
    assert "port" in str(outcome[0]).lower()
