"""Bringing the reading pane its pictures: the stored ones first (offline too), then the rest
fetched through the app's network runner, nearest first, each decoded in a worker thread and
handed to the pane as it comes. Nothing here runs on the UI thread but the message handler.
"""

from __future__ import annotations

import contextlib
import queue
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from textual.message import Message

if TYPE_CHECKING:
    from PIL.Image import Image
    from rich.segment import Segment

    from korantui.core.store.images import StoredImage
    from korantui.ui.app import KoranApp
    from korantui.ui.widgets.article_view import ArticleView

THUMB_WIDTH = 160  # pixels: two and more per column of the widest picture in the pane


class PictureArrived(Message):
    """A picture of the article on show came (image set) or will not (error set)."""

    def __init__(
        self,
        generation: int,
        url: str,
        image: Image | None,
        error: str = "",
        cells: tuple[int, int, list[list[Segment]]] | None = None,
    ) -> None:
        super().__init__()
        self.generation = generation
        self.url = url
        self.image = image
        self.error = error
        self.cells = cells  # (columns, rows, lines) drawn in the worker for the pane's width


@dataclass(slots=True)
class Wanted:
    generation: int
    headline_id: int | None
    page_url: str
    urls: list[str]


def thumbnail(stored: StoredImage) -> Image | None:
    """The stored picture, small enough to be scaled to cells in no time on the UI thread."""
    from korantui.core.images.decode import ImageRefused, open_stored

    try:
        image = open_stored(stored.data)
    except ImageRefused:
        return None
    image.thumbnail((THUMB_WIDTH, THUMB_WIDTH * 4))
    return image.convert("RGB")


class PictureFeed:
    """Held by an ArticleView; its worker runs on the view (group "pictures")."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view

    def _app(self) -> KoranApp | None:
        app = cast("Any", self.view.app)
        return app if getattr(app, "has_store", False) else None

    def follow_cap(self) -> None:
        """The store's picture cache kept to the config's image_cache_mb, for every save of the
        app's (the reading pane's and the prefetch's)."""
        from korantui.core.store.images import set_cache_cap

        app = self._app()
        if app is not None:
            set_cache_cap(app.store, int(getattr(app.config, "image_cache_mb", 150)))

    def sizes(self, urls: list[str]) -> dict[str, tuple[int, int]]:
        """Known (width, height) of stored pictures: their placeholders get the true height."""
        from korantui.core.store.images import sizes

        app = self._app()
        return sizes(app.store, urls) if app is not None and urls else {}

    def want(self, wanted: Wanted) -> None:
        app = self._app()
        if app is None or not wanted.urls:
            self.view.workers.cancel_group(self.view, "pictures")
            return
        self.follow_cap()  # the config may have been read again since
        view = self.view
        store, demo = app.store, app.demo

        def work() -> None:
            from korantui.core.store.images import stored_image

            missing: list[str] = []
            for url in wanted.urls:
                stored = stored_image(store, url)
                if stored is None:
                    missing.append(url)
                else:
                    self._hand(wanted.generation, stored)
            if missing and not demo:
                self._fetch(app, wanted, missing)

        view.run_worker(work, thread=True, exclusive=True, group="pictures", exit_on_error=False)

    def _fetch(self, app: KoranApp, wanted: Wanted, missing: list[str]) -> None:
        import concurrent.futures

        from korantui.core.images.fetch import load_pictures

        arrived: queue.Queue[StoredImage] = queue.Queue()
        store = app.store
        try:
            future = app.runner.submit(
                lambda fetcher: load_pictures(
                    store, fetcher, wanted.headline_id, wanted.page_url, missing, arrived.put
                )
            )
        except RuntimeError:  # the runner closed (quit)
            return
        from textual.worker import get_current_worker

        worker = get_current_worker()
        left = len(dict.fromkeys(missing))
        while left:
            if worker.is_cancelled:  # another article opened: its pictures come first
                future.cancel()
                return
            try:
                stored = arrived.get(timeout=0.5)
            except queue.Empty:
                if future.done():
                    break
                continue
            left -= 1
            self._hand(wanted.generation, stored)
        # A bug in the loader is the worker's error (the app logs it); a cancel is nobody's.
        with contextlib.suppress(concurrent.futures.CancelledError, TimeoutError):
            future.result(timeout=0)

    def _hand(self, generation: int, stored: StoredImage) -> None:
        from korantui.ui.widgets.image_cells import half_cell_lines, picture_size

        image = thumbnail(stored) if stored.data else None
        error = stored.error or ("" if image is not None else "unreadable")
        cells = None
        if image is not None:
            # Drawn here, not on the UI thread: a photo's 1,500 cells of their own colours
            # cost up to ~100 ms on a slow machine. A resize later draws again there.
            cols, rows = picture_size(*image.size, self.view.scrollable_content_region.width)
            cells = (cols, rows, half_cell_lines(image, cols, rows))
        self.view.post_message(PictureArrived(generation, stored.url, image, error, cells))
