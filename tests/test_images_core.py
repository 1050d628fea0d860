"""Article pictures below the interface: decoding with every hostile file, fetching from a
loopback server, the store's cache and its eviction."""

from __future__ import annotations

import asyncio
import io
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PIL import Image

from korantui.core.images.decode import MAX_BYTES, ImageRefused, check_header, shrink, sniff
from korantui.core.images.fetch import fetch_picture, load_pictures
from korantui.core.images.policy import worth_fetching
from korantui.core.models import Article, Block, Entry, FeedSpec, Figure
from korantui.core.net.errors import FetchRefused
from korantui.core.net.fetch import Fetcher, FetchError
from korantui.core.store.database import Store
from korantui.core.store.images import save_image, stored_image, total_size
from tests.images_site import (
    SVG,
    PictureSite,
    encoded,
    gzip_bomb,
    jpeg_with_exif,
    picture,
    png_header,
)


@pytest.fixture
def site() -> Iterator[PictureSite]:
    s = PictureSite().start()
    yield s
    s.stop()


def run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


async def _fetch(url: str, page: str) -> object:
    async with Fetcher() as fetcher:
        return await fetch_picture(fetcher, url, page)


# -- decoding --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF"])
def test_every_allowed_format_is_shrunk_and_re_encoded(fmt: str) -> None:
    data = encoded(picture(1600, 900), fmt)
    assert sniff(data) == fmt
    shown = shrink(data)
    assert (shown.width, shown.height) == (1280, 720)
    assert shown.mime == "image/jpeg"
    assert Image.open(io.BytesIO(shown.data)).size == (1280, 720)


def test_an_animated_gif_gives_its_first_frame() -> None:
    frames = [picture(120, 90, seed=0), Image.new("RGB", (120, 90), (255, 0, 0))]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100)
    shown = Image.open(io.BytesIO(shrink(out.getvalue()).data)).convert("RGB")
    assert shown.getpixel((5, 80)) != (255, 0, 0)  # the sea of the first frame, not red


def test_metadata_never_survives() -> None:
    data = jpeg_with_exif(640, 360)
    assert b"SecretCam" in data
    shown = shrink(data).data
    assert b"SecretCam" not in shown and b"pwned" not in shown
    assert not Image.open(io.BytesIO(shown)).getexif()


def test_a_50000_square_png_is_refused_from_its_header_without_allocating() -> None:
    data = png_header(50_000, 50_000)
    assert len(data) < 200
    tracemalloc.start()
    with pytest.raises(ImageRefused, match="too many pixels"):
        shrink(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 5 * 1024 * 1024  # 50,000² RGB would be 7.5 GB


def test_a_truncated_jpeg_fails_alone() -> None:
    data = encoded(picture(400, 300), "JPEG")
    with pytest.raises(ImageRefused, match="broken jpeg"):
        shrink(data[: len(data) // 2])
    assert shrink(data).width == 400  # the whole one is fine


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (SVG, "not a JPEG, PNG, WebP or GIF"),
        (b"<!DOCTYPE html><html><body>not a picture</body></html>", "not a JPEG"),
        (encoded(Image.new("RGB", (1, 1)), "PNG"), "pixel"),
        (encoded(Image.new("RGB", (2, 2)), "GIF"), "pixel"),
        (encoded(picture(64, 64), "BMP"), "not a JPEG"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "not a readable png"),
    ],
)
def test_what_is_no_picture_is_refused(data: bytes, why: str) -> None:
    with pytest.raises(ImageRefused, match=why):
        check_header(data)


def test_over_the_byte_cap_is_not_decoded() -> None:
    with pytest.raises(ImageRefused, match="over 8 MB"):
        check_header(encoded(picture(16, 16), "PNG") + b"\x00" * MAX_BYTES)


@pytest.mark.parametrize(
    "url",
    [
        "http://b.scorecardresearch.com/p?c1=2",
        "https://d5nxst8fruw4z.cloudfront.net/atrk.gif?account=x",
        "https://example.co.id/asset/logo.png",
        "https://example.co.id/foto/peta.svg",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:image/png;base64,AAAA",
    ],
)
def test_trackers_logos_svg_and_non_http_are_not_worth_a_request(url: str) -> None:
    assert not worth_fetching(url)


# -- fetching from a loopback server ---------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fmt", "ctype"),
    [("/a.png", "PNG", "image/png"), ("/a.jpg", "JPEG", "image/jpeg"), ("/a.webp", "WEBP", "")],
)
def test_real_files_are_fetched(site: PictureSite, path: str, fmt: str, ctype: str) -> None:
    site.add(path, encoded(picture(300, 200), fmt), ctype or "application/octet-stream")
    shown = run(_fetch(site.base + path, site.base + "/berita/x"))
    assert (shown.width, shown.height) == (300, 200)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "ctype", "why"),
    [
        (b"<html><body>Not found</body></html>" * 40, "image/png", "not a JPEG"),
        (encoded(picture(300, 200), "PNG"), "text/html", "sent text/html"),
        (SVG, "image/svg+xml", "SVG"),
        (encoded(Image.new("RGB", (1, 1)), "GIF"), "image/gif", "pixel"),
        (png_header(50_000, 50_000), "image/png", "too many pixels"),
    ],
)
def test_hostile_answers_are_refused(site: PictureSite, body: bytes, ctype: str, why: str) -> None:
    site.add("/x.png", body, ctype)
    with pytest.raises(ImageRefused, match=why):
        run(_fetch(site.base + "/x.png", site.base + "/berita/x"))


def test_a_gzip_bomb_stops_at_the_cap(site: PictureSite) -> None:
    bomb = gzip_bomb()
    assert len(bomb) < 1024 * 1024
    site.add("/bomb.png", bomb, "image/png", headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError) as e:
        run(_fetch(site.base + "/bomb.png", site.base + "/berita/x"))
    assert e.value.kind == "too_large"


def test_a_file_over_the_byte_cap_is_not_read(site: PictureSite) -> None:
    site.add("/big.jpg", b"\xff\xd8\xff" + b"\x00" * (MAX_BYTES + 10), "image/jpeg")
    with pytest.raises(FetchError) as e:
        run(_fetch(site.base + "/big.jpg", site.base + "/berita/x"))
    assert e.value.kind == "too_large"


def test_a_public_page_cannot_point_a_picture_at_this_computer(site: PictureSite) -> None:
    site.add("/secret.png", encoded(picture(300, 200), "PNG"), "image/png")

    async def public(host: str, port: int) -> list[str]:
        # The page's name resolves to a public address: nothing is ever sent there (the
        # answer only tells the page's zone).
        return ["93.184.216.34"]

    async def go() -> None:
        async with Fetcher(resolver=public) as fetcher:
            await fetch_picture(fetcher, site.base + "/secret.png", "https://berita.example/a")

    with pytest.raises(FetchRefused):
        run(go())
    assert site.requests == []


def test_a_tracker_is_never_asked(site: PictureSite) -> None:
    with pytest.raises(ImageRefused, match="tracker"):
        run(_fetch("http://b.scorecardresearch.com/p?c1=2", site.base + "/berita/x"))


# -- the store -------------------------------------------------------------------------------


def _store(tmp_path) -> tuple[Store, list[int]]:  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "k.db")
    store.sync_feeds([FeedSpec("http://127.0.0.1:9/f.xml", "F")])
    feed = store.feeds()[0]
    store.save_entries(
        feed.id,
        [
            Entry(f"judul {i}", f"http://127.0.0.1:9/{i}", published=datetime.now(UTC))
            for i in range(3)
        ],
    )
    return store, sorted(h.id for h in store.headlines(feed.id))


def test_pictures_load_from_the_store_then_the_server_each_failing_alone(
    site: PictureSite, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    store, ids = _store(tmp_path)
    site.add("/ok.jpg", encoded(picture(400, 300), "JPEG"), "image/jpeg")
    site.add("/cut.jpg", encoded(picture(400, 300), "JPEG")[:500], "image/jpeg")
    site.add("/lie.png", b"<html>" + b"x" * 2000, "image/png")
    urls = [site.base + p for p in ("/ok.jpg", "/cut.jpg", "/lie.png", "/none.png")]
    got: dict[str, str] = {}

    async def go() -> None:
        async with Fetcher() as fetcher:
            await load_pictures(
                store,
                fetcher,
                ids[0],
                site.base + "/berita/x",
                urls,
                lambda s: got.__setitem__(s.url, s.error or f"{s.width}x{s.height}"),
            )

    run(go())
    assert got[urls[0]] == "400x300"
    assert "jpeg" in got[urls[1]] and "not a JPEG" in got[urls[2]]
    assert "404" in got[urls[3]] or "not found" in got[urls[3]].lower()
    asked = len(site.requests)
    got.clear()
    run(go())  # stored, refusals too: nothing is asked again
    assert len(site.requests) == asked and got[urls[0]] == "400x300"
    stored = stored_image(store, urls[0])
    assert stored is not None and Image.open(io.BytesIO(stored.data)).size == (400, 300)


def test_the_cache_evicts_the_oldest_and_keeps_starred_articles_pictures(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store, ids = _store(tmp_path)
    store.set_starred(ids[0], True)
    blob = b"x" * 1000
    save_image(store, "http://a/starred.jpg", ids[0], data=blob, width=4, height=3, cap=2500)
    save_image(store, "http://a/old.jpg", ids[1], data=blob, width=4, height=3, cap=2500)
    save_image(store, "http://a/mid.jpg", ids[2], data=blob, width=4, height=3, cap=2500)
    save_image(store, "http://a/new.jpg", ids[2], data=blob, width=4, height=3, cap=2500)
    assert stored_image(store, "http://a/starred.jpg") is not None  # the oldest, but starred
    assert stored_image(store, "http://a/old.jpg") is None
    assert stored_image(store, "http://a/new.jpg") is not None
    assert total_size(store) <= 2500


def test_pruned_headlines_take_their_pictures_with_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store, ids = _store(tmp_path)
    save_image(store, "http://a/p.jpg", ids[1], data=b"x" * 10, width=4, height=3)
    store.remove_feed(store.feeds()[0].id)
    assert stored_image(store, "http://a/p.jpg") is None


def test_articles_keep_their_figures_and_old_ones_still_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store, ids = _store(tmp_path)
    fig = Figure("http://a/f.jpg", "Suasana pantai", "ANTARA/Rina", "pantai")
    article = Article(
        url="http://a/x",
        title="T",
        image="http://a/lead.jpg",
        caption="Warga",
        credit="ANTARA/Budi",
        blocks=[
            Block("p", "Satu dua tiga."),
            Block("figure", "", figure=fig),
            Block("p", "Empat."),
        ],
    )
    store.save_article(ids[0], article)
    back = store.article(ids[0])
    assert back is not None and back.blocks[1].figure == fig and back.credit == "ANTARA/Budi"
    assert back.text == "Satu dua tiga.\n\nEmpat."
    assert [f.url for f in back.figures] == ["http://a/lead.jpg", "http://a/f.jpg"]
    # An article stored before pictures: no figure keys at all.
    old = Article.from_dict({"url": "u", "blocks": [{"kind": "p", "text": "a", "links": []}]})
    assert old.blocks[0].figure is None and old.credit == ""


def test_a_picture_of_no_page_reaches_only_the_public_internet(site: PictureSite) -> None:
    site.add("/secret.png", encoded(picture(300, 200), "PNG"), "image/png")
    with pytest.raises(FetchRefused):
        run(_fetch(site.base + "/secret.png", ""))
    assert site.requests == []
