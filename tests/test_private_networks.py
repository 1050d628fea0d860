"""What korantui fetches on its own never goes further into private networks than where it
started (issue 17, item 1): a public feed's links to this computer, the LAN or a cloud metadata
service are refused before any connection, in every spelling of the address.

No test sends traffic beyond loopback. The servers are on 127.0.0.x; a feed counts as public
because the test says so (the origin zone is an explicit argument of the real design); private
and metadata addresses are only ever decided on (a resolver stub answers loopback) or requested
through a logging proxy on loopback, so even broken code would send them nowhere else.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from korantui.core.article.article_fetch import fetch_article
from korantui.core.feed_reach import private_lead
from korantui.core.models import Entry, FeedSpec
from korantui.core.net.fetch import Fetcher, FetchError, FetchRefused, FetchSettings
from korantui.core.net.zones import (
    AddressRefused,
    Zone,
    allowed_addresses,
    host_zone,
    literal_zone,
    url_zone,
)
from korantui.core.prefetch import prefetch_articles
from korantui.core.store.database import Store
from korantui.core.sync import PlainReport, sync_all
from tests.hostile_servers import Site, article_page, rss

FAST = FetchSettings(connect_timeout=1.0, read_timeout=1.0, total_timeout=3.0)
TEXT = [
    "Pemerintah kota meresmikan jembatan penyeberangan baru di pusat kota pada Senin pagi, "
    "disaksikan ratusan warga yang sudah menunggu sejak subuh di kedua sisi jalan raya.",
    "Jembatan sepanjang delapan puluh meter itu dilengkapi lift untuk penyandang disabilitas "
    "dan lansia, serta atap yang melindungi pejalan kaki dari hujan dan terik matahari.",
]
# Private and metadata literals: refused by their spelling alone, with no lookup.
PRIVATE_LITERALS = {
    "http://169.254.169.254/latest/meta-data/iam/security-credentials/": Zone.SPECIAL,
    "http://10.0.0.1/admin": Zone.PRIVATE,
    "http://[fd00::1]/": Zone.PRIVATE,
    "http://192.168.1.1:443/": Zone.PRIVATE,
    "http://[::ffff:10.0.0.1]/": Zone.PRIVATE,
    "http://[::ffff:169.254.169.254]/": Zone.SPECIAL,
    "http://0xa9fea9fe/latest/": Zone.SPECIAL,  # 169.254.169.254 as one hex number
    "http://[fe80::1]/": Zone.SPECIAL,
    "http://100.64.0.1/": Zone.PRIVATE,
}


class Listener:
    """A TCP listener that only counts who connects (the proof that nobody did)."""

    def __init__(self, host: str, family: int = socket.AF_INET) -> None:
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.bind((host, 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() on Linux
        self.sock.close()
        self._thread.join(timeout=5)


class RecordingResolver:
    """Answers loopback for every name, and notes each question."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        return ["127.0.0.1"]


async def public(url: str) -> Zone:
    """The origin zone of a feed that is to be treated as on the public internet."""
    return Zone.PUBLIC


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as s:
        yield s


@pytest.fixture
def other_loopback() -> Iterator[Listener]:
    listener = Listener("127.0.0.2")
    yield listener
    listener.close()


@pytest.fixture
def ipv6_loopback() -> Iterator[Listener | None]:
    try:
        listener = Listener("::1", socket.AF_INET6)
    except OSError:
        yield None
        return
    yield listener
    listener.close()


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """A logging HTTP proxy on loopback, set in the environment: every request korantui sends
    through it is in proxy.hits, keyed by the absolute address asked for."""
    with Site() as s:
        s.route_prefix("http://", lambda h: h.answer(502, b"proxy: not forwarded", "text/plain"))
        for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "HTTPS_PROXY"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTP_PROXY", s.base)
        monkeypatch.setenv("http_proxy", s.base)
        yield s


def loopback_links(site: Site, other: Listener, v6: Listener | None) -> list[str]:
    """The addresses of this computer in the spellings of the issue, each to a live port."""
    port = site.port
    links = [
        f"http://localhost:{port}/admin?delete=1",
        f"http://0x7f000001:{port}/a",
        f"http://2130706433:{port}/b",
        f"http://127.1:{port}/c",
        f"http://017700000001:{port}/d",
        f"http://[::ffff:127.0.0.1]:{port}/e",
        f"http://127.0.0.2:{other.port}/f",
        f"http://rebind.example:{port}/g",  # a public-looking name the stub resolves to loopback
    ]
    if v6 is not None:
        links.append(f"http://[::1]:{v6.port}/h")
    return links


def _feed_store(tmp_path: Path, site: Site, links: list[str]) -> Store:
    items = [{"title": f"Berita {i}", "link": link} for i, link in enumerate(links)]
    feed = site.page("/feed.xml", rss(items, base=site.base), "application/rss+xml")
    store = Store(tmp_path / "k.db")
    store.sync_feeds([FeedSpec(url=feed, name="Publik")])
    return store


def _article_hits(site: Site) -> int:
    return sum(n for path, n in site.hits.items() if path != "/feed.xml")


# -- the decision, without the network -------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "zone"),
    [
        ("localhost", Zone.LOOPBACK),
        ("127.0.0.2", Zone.LOOPBACK),
        ("[::1]", Zone.LOOPBACK),
        ("0x7f000001", Zone.LOOPBACK),
        ("2130706433", Zone.LOOPBACK),
        ("127.1", Zone.LOOPBACK),
        ("0177.0.0.1", Zone.LOOPBACK),
        ("::ffff:127.0.0.1", Zone.LOOPBACK),
        ("0.0.0.0", Zone.LOOPBACK),
        ("169.254.169.254", Zone.SPECIAL),
        ("metadata.google.internal", Zone.SPECIAL),
        ("fd00:ec2::254", Zone.SPECIAL),
        ("10.0.0.1", Zone.PRIVATE),
        ("[fd00::1]", Zone.PRIVATE),
        ("192.168.1.1", Zone.PRIVATE),
        ("64:ff9b::a00:1", Zone.PRIVATE),  # NAT64 of 10.0.0.1
        ("router", Zone.PRIVATE),
        ("nas.local", Zone.PRIVATE),
        ("93.184.216.34", Zone.PUBLIC),
        ("2606:4700::1111", Zone.PUBLIC),
        ("news.example", None),  # only its addresses can tell
    ],
)
def test_every_spelling_of_an_address_has_its_zone(host: str, zone: Zone | None):
    assert host_zone(host) == zone


@pytest.mark.parametrize("url", sorted(PRIVATE_LITERALS))
async def test_private_and_metadata_literals_are_refused_without_a_lookup(url: str):
    resolver = RecordingResolver()
    host = urlsplit(url).hostname or ""
    with pytest.raises(AddressRefused) as info:
        await allowed_addresses(host, 80, Zone.PUBLIC, resolver)
    assert info.value.zone == PRIVATE_LITERALS[url]
    assert literal_zone(url) == PRIVATE_LITERALS[url]
    assert resolver.asked == []


async def test_a_name_is_judged_by_every_address_it_resolves_to():
    async def rebinding(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.7"]  # one public answer hides a private one

    with pytest.raises(AddressRefused) as info:
        await allowed_addresses("news.example", 443, Zone.PUBLIC, rebinding)
    assert info.value.zone == Zone.PRIVATE
    assert "10.0.0.7" in str(info.value)
    assert await url_zone("https://news.example/a", rebinding) == Zone.PRIVATE
    resolver = RecordingResolver()
    with pytest.raises(AddressRefused):
        await allowed_addresses("metadata.google.internal", 80, Zone.LOOPBACK, resolver)
    assert resolver.asked == []  # the name says it all


# -- the fetcher: refused before any connection ----------------------------------------------


async def test_a_public_reach_refuses_every_loopback_spelling_without_connecting(
    site: Site, other_loopback: Listener, ipv6_loopback: Listener | None
):
    resolver = RecordingResolver()
    async with Fetcher(FAST, resolver=resolver) as fetcher:
        automatic = fetcher.confined(Zone.PUBLIC)
        for link in loopback_links(site, other_loopback, ipv6_loopback):
            with pytest.raises(FetchRefused) as info:
                await automatic.get(link)
            assert info.value.zone == Zone.LOOPBACK, link
            assert "this computer" in str(info.value)
    assert site.hits == {}
    assert other_loopback.accepted == 0
    assert ipv6_loopback is None or ipv6_loopback.accepted == 0
    assert resolver.asked == ["rebind.example"]  # literals and "localhost" needed no lookup


async def test_private_literals_are_refused_before_reaching_the_proxy(proxy: Site):
    async with Fetcher(FAST, resolver=RecordingResolver()) as fetcher:
        for url in PRIVATE_LITERALS:
            with pytest.raises(FetchRefused):
                await fetcher.confined(Zone.PUBLIC).get(url)
        # A request the reader asked for goes out (to the proxy, which answers 502).
        with pytest.raises(FetchError) as info:
            await fetcher.get("http://10.0.0.1/admin")
    assert info.value.status == 502
    assert proxy.hits == {"http://10.0.0.1/admin": 1}


async def test_a_local_network_reach_still_refuses_this_computer(site: Site):
    async with Fetcher(FAST, resolver=RecordingResolver()) as fetcher:
        with pytest.raises(FetchRefused) as info:
            await fetcher.confined(Zone.PRIVATE).get(site.url("/x"))
    assert info.value.allowed == Zone.PRIVATE
    assert site.hits == {}


async def test_a_redirect_into_this_computer_is_refused(site: Site, other_loopback: Listener):
    target = f"http://127.0.0.2:{other_loopback.port}/admin"
    site.route("/r", lambda h: h.answer(302, b"", headers={"Location": target}))
    async with Fetcher(FAST) as fetcher:
        # The page counts as public: its redirect may lead to public addresses only.
        with pytest.raises(FetchRefused) as info:
            await fetcher.get(site.url("/r"), hops=Zone.PUBLIC)
        assert info.value.zone == Zone.LOOPBACK
        # A loopback page's redirect stays in its zone, as before.
        site.page("/ok", "<html><body>ok</body></html>")
        site.route("/r2", lambda h: h.answer(302, b"", headers={"Location": "/ok"}))
        assert (await fetcher.get(site.url("/r2"))).url == site.url("/ok")
    assert site.hits["/r"] == 1
    assert other_loopback.accepted == 0


async def test_a_redirect_to_the_metadata_service_goes_nowhere(proxy: Site):
    metadata = "http://169.254.169.254/latest/meta-data/"
    proxy.route(
        "http://news.example/story",
        lambda h: h.answer(302, b"", headers={"Location": metadata}),
    )
    async with Fetcher(FAST, resolver=RecordingResolver()) as fetcher:
        with pytest.raises(FetchRefused) as info:
            await fetcher.get("http://news.example/story", hops=Zone.PUBLIC)
    assert info.value.zone == Zone.SPECIAL
    assert list(proxy.hits) == ["http://news.example/story"]


# -- sync, prefetch, an article's own leads --------------------------------------------------


async def test_sync_of_a_public_feed_fetches_none_of_its_loopback_links(
    site: Site, other_loopback: Listener, ipv6_loopback: Listener | None, tmp_path: Path
):
    site.route_prefix("/", lambda h: h.answer(200, article_page("Rahasia", TEXT).encode()))
    links = loopback_links(site, other_loopback, ipv6_loopback)
    store = _feed_store(tmp_path, site, links)
    lines: list[str] = []
    async with Fetcher(FAST, resolver=RecordingResolver()) as fetcher:
        summary = await sync_all(store, fetcher, [], PlainReport(lines.append), origin_zone=public)
    assert summary.new == len(links)
    assert summary.stored == 0
    assert len(summary.failures) == len(links)
    assert all("not fetched:" in f and "this computer" in f for f in summary.failures)
    assert _article_hits(site) == 0
    assert other_loopback.accepted == 0
    assert ipv6_loopback is None or ipv6_loopback.accepted == 0
    assert store.search("jembatan") == []
    assert all(store.article(h.id) is None for h in store.headlines())
    store.close()


async def test_sync_of_a_public_feed_sends_nothing_to_private_addresses(
    proxy: Site, tmp_path: Path
):
    feed_url = "http://koran.example/feed.xml"
    items = [{"title": f"Berita {i}", "link": u} for i, u in enumerate(PRIVATE_LITERALS)]
    items.append({"title": "Metadata", "link": "http://metadata.google.internal/v1/"})
    feed = rss(items, base="http://koran.example").encode()
    proxy.route(feed_url, lambda h: h.answer(200, feed, "application/rss+xml"))
    store = Store(tmp_path / "k.db")
    store.sync_feeds([FeedSpec(url=feed_url, name="Publik")])
    async with Fetcher(FAST, resolver=RecordingResolver()) as fetcher:
        # The feed's own zone, by the default judgement: the stub says koran.example is on
        # loopback, so the seam is used here too (the feed is on the public internet).
        summary = await sync_all(
            store, fetcher, [], PlainReport(lambda _: None), origin_zone=public
        )
    assert summary.new == len(items)
    assert summary.stored == 0
    assert all("not fetched:" in f for f in summary.failures)
    assert list(proxy.hits) == [feed_url]
    store.close()


async def test_a_loopback_feed_keeps_its_zone(site: Site, tmp_path: Path):
    story = site.page("/berita/1", article_page("Jembatan baru", TEXT))
    store = _feed_store(tmp_path, site, [story])
    async with Fetcher(FAST) as fetcher:  # the default judgement: the feed is on loopback
        summary = await sync_all(store, fetcher, [], PlainReport(lambda _: None))
    assert summary.stored == 1
    store.close()


async def test_prefetch_of_a_public_feed_fetches_none_of_its_loopback_links(
    site: Site, other_loopback: Listener, tmp_path: Path
):
    site.route_prefix("/", lambda h: h.answer(200, article_page("Rahasia", TEXT).encode()))
    links = [f"http://localhost:{site.port}/admin", f"http://127.0.0.2:{other_loopback.port}/"]
    store = _feed_store(tmp_path, site, [])
    feed = store.feeds()[0]
    store.save_entries(feed.id, [Entry(title=f"B{i}", link=u) for i, u in enumerate(links)])
    async with Fetcher(FAST) as fetcher:
        stored = await prefetch_articles(store, fetcher, store.headlines(), origin_zone=public)
    assert stored == []
    assert site.hits == {}
    assert other_loopback.accepted == 0
    store.close()


async def test_an_amp_pages_canonical_and_next_page_into_this_computer_are_not_followed(
    site: Site, other_loopback: Listener
):
    elsewhere = f"http://127.0.0.2:{other_loopback.port}"
    amp = (
        f'<!doctype html><html amp><head><link rel="canonical" href="{elsewhere}/asli">'
        f"</head><body><article><h1>Jembatan baru</h1>"
        + "".join(f"<p>{p}</p>" for p in TEXT)
        + f'<a rel="next" href="{elsewhere}/amp/jembatan/2">Selanjutnya</a>'
        + "</article></body></html>"
    )
    url = site.page("/amp/jembatan", amp)
    async with Fetcher(FAST) as fetcher:
        article = await fetch_article(fetcher, url, origin=Zone.PUBLIC)
    assert TEXT[1] in article.text  # the AMP page in hand is the article
    assert article.pages == 1
    assert other_loopback.accepted == 0


async def test_the_reader_may_still_open_a_loopback_link_themselves(site: Site):
    url = site.page("/berita/2", article_page("Jembatan baru", TEXT))
    async with Fetcher(FAST) as fetcher:
        article = await fetch_article(fetcher, url)
        assert TEXT[0] in article.text
        assert await fetcher.zone_of(url) == Zone.LOOPBACK  # what the UI asks before going


def test_zone_words_are_for_people():
    assert [z.words for z in Zone] == [
        "the public internet",
        "the local network",
        "this computer",
        "a link-local or cloud-metadata address",
    ]


async def test_the_address_checked_is_the_address_connected_to(site: Site):
    # The name exists nowhere but in the stub: the page can only come from the address the
    # check was given, not from a second lookup (the DNS-rebinding gap is closed).
    site.page("/ok", article_page("Jembatan baru", TEXT))
    resolver = RecordingResolver()
    async with Fetcher(FAST, resolver=resolver) as fetcher:
        result = await fetcher.confined(Zone.LOOPBACK).get(f"http://pinned.example:{site.port}/ok")
    assert TEXT[0].encode() in result.content
    assert resolver.asked == ["pinned.example"]
    assert site.hits == {"/ok": 1}


async def test_a_host_counts_no_more_private_than_where_it_was_reached(site: Site):
    # news.example was reached on loopback; its name later answering the metadata address
    # (a rebinding trick against the feed's own judgement) does not widen what its links reach.
    answers = {"news.example": "127.0.0.1"}

    async def resolver(host: str, port: int) -> list[str]:
        return [answers[host]]

    site.page("/feed.xml", "<rss></rss>", "application/rss+xml")
    async with Fetcher(FAST, resolver=resolver) as fetcher:
        await fetcher.confined(Zone.LOOPBACK).get(f"http://news.example:{site.port}/feed.xml")
        answers["news.example"] = "169.254.169.254"  # only ever answered, never connected to
        assert await fetcher.zone_of("http://news.example/feed.xml") == Zone.LOOPBACK
    assert site.hits == {"/feed.xml": 1}


async def test_the_ui_can_ask_where_a_link_leads_before_opening_it():
    answers = {"koran.example": ["93.184.216.34"], "intranet.example": ["10.1.2.3"]}

    async def resolver(host: str, port: int) -> list[str]:
        return answers[host]

    async with Fetcher(FAST, resolver=resolver) as fetcher:
        feed = "https://koran.example/rss"
        assert await private_lead(fetcher, "http://localhost:8080/admin", feed) == Zone.LOOPBACK
        assert await private_lead(fetcher, "http://intranet.example/", feed) == Zone.PRIVATE
        assert await private_lead(fetcher, "http://169.254.169.254/", feed) == Zone.SPECIAL
        assert await private_lead(fetcher, "https://koran.example/berita/1", feed) is None
        assert await private_lead(fetcher, "http://10.0.0.1/", "http://192.168.1.5/f") is None
