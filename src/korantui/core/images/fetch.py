"""Fetching an article's pictures: only http(s), only what may be a photo, no further into
private networks than the article page itself, a byte cap on the wire and after decompression,
the bytes judged by what they are (never by the Content-Type), each picture failing alone."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Sequence

from korantui.core.images.decode import MAX_BYTES, ImageRefused, Picture, shrink
from korantui.core.images.policy import worth_fetching
from korantui.core.models import Article
from korantui.core.net.fetch import Fetcher, FetchError
from korantui.core.net.zones import Zone
from korantui.core.sanitize import clean_line, safe_url
from korantui.core.store.database import Store
from korantui.core.store.images import StoredImage, save_image, stored_image

ACCEPT = "image/webp,image/png,image/jpeg,image/gif;q=0.9"
CONCURRENCY = 3
# Failures that say the picture will never be shown: remembered, not asked again. A network
# failure (offline, a timeout) is not: the next open tries again.
_LASTING = frozenset({"content_type", "too_large", "http", "scheme", "invalid", "blocked"})


async def fetch_picture(fetcher: Fetcher, url: str, page_url: str) -> Picture:
    """url's picture, shrunk and re-encoded; ImageRefused or FetchError when it is not one."""
    if not worth_fetching(url):
        raise ImageRefused("a tracker, a logo or not a photo")
    # No further into private networks than the page (a page of no address: public only).
    reach = (await fetcher.following(page_url)).reach if safe_url(page_url) else Zone.PUBLIC
    view = fetcher.confined(reach)
    # A gzip-encoded "image" is inflated no further than a picture may be big.
    view.settings = dataclasses.replace(view.settings, max_decoded_bytes=MAX_BYTES)
    result = await view.get(url, accept=ACCEPT, max_bytes=MAX_BYTES)
    ctype = result.content_type
    if ctype and not (ctype.startswith("image/") or ctype.endswith("octet-stream")):
        raise ImageRefused(f"the server sent {clean_line(ctype)[:40]}, not an image")
    if "svg" in ctype:
        raise ImageRefused("SVG is not shown")
    return await asyncio.to_thread(shrink, result.content)


async def load_pictures(
    store: Store,
    fetcher: Fetcher,
    headline_id: int | None,
    page_url: str,
    urls: Sequence[str],
    on_image: Callable[[StoredImage], None],
    concurrency: int = CONCURRENCY,
) -> None:
    """Each picture of urls from the store, else fetched and stored, handed to on_image as it
    comes (in the network thread), nearest first: urls are in the order they are wanted."""
    gate = asyncio.Semaphore(max(1, concurrency))

    async def one(url: str) -> None:
        async with gate:
            stored = await asyncio.to_thread(stored_image, store, url)
            if stored is None:
                stored = await _fetch_and_store(store, fetcher, headline_id, page_url, url)
        on_image(stored)

    await asyncio.gather(*(one(u) for u in dict.fromkeys(urls)))


async def _fetch_and_store(
    store: Store, fetcher: Fetcher, headline_id: int | None, page_url: str, url: str
) -> StoredImage:
    try:
        picture = await fetch_picture(fetcher, url, page_url)
    except ImageRefused as e:
        await asyncio.to_thread(save_image, store, url, headline_id, error=str(e))
        return StoredImage(url, b"", 0, 0, str(e))
    except FetchError as e:
        if e.kind in _LASTING:
            await asyncio.to_thread(save_image, store, url, headline_id, error=str(e))
        return StoredImage(url, b"", 0, 0, str(e))
    await asyncio.to_thread(
        save_image,
        store,
        url,
        headline_id,
        data=picture.data,
        width=picture.width,
        height=picture.height,
        mime=picture.mime,
    )
    return StoredImage(url, picture.data, picture.width, picture.height)


PREFETCHED = 8  # pictures of an article fetched ahead of the reader: a gallery waits for the open


async def store_pictures(
    store: Store, fetcher: Fetcher, headline_id: int, article: Article
) -> None:
    """The article's first pictures into the store, for reading offline; failures stay quiet."""
    urls = [f.url for f in article.figures][:PREFETCHED]
    if urls:
        await load_pictures(store, fetcher, headline_id, article.url, urls, lambda _: None, 1)
