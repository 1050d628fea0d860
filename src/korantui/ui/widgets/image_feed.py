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
    from korantui.ui.widgets.image_graphics import Graphic

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
        graphic: Graphic | None = None,
    ) -> None:
        super().__init__()
        self.generation = generation
        self.url = url
        self.image = image
        self.error = error
        self.cells = cells  # (columns, rows, lines) drawn in the worker for the pane's width
        self.graphic = graphic  # the same size in the terminal's own graphics, where it has them


@dataclass(slots=True)
class Wanted:
    generation: int
    headline_id: int | None
    page_url: str
    urls: list[str]


def decoded(stored: StoredImage) -> Image | None:
    """The stored picture, decoded (None when it cannot be)."""
    from korantui.core.images.decode import ImageRefused, open_stored

    try:
        return open_stored(stored.data)
    except ImageRefused:
        return None


def thumbnail(image: Image) -> Image:
    """image shrunk, in place, small enough to be scaled to cells in no time; in RGB."""
    image.thumbnail((THUMB_WIDTH, THUMB_WIDTH * 4))
    return image.convert("RGB")


class PictureFeed:
    """Held by an ArticleView; its worker runs on the view (group "pictures")."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.kind = ""  # "kitty", "sixel" or "": what the pictures are drawn in besides cells

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

    def redraw(self, generation: int, urls: list[str], width: int) -> None:
        """The stored pictures drawn again at a new width, in the worker as the first time
        (a photo's cells cost the UI thread up to ~100 ms, its Sixel ~0.5 s)."""
        app = self._app()
        if app is None or not urls:
            return
        store = app.store

        def work() -> None:
            from korantui.core.store.images import stored_image

            for url in urls:
                stored = stored_image(store, url)
                if stored is not None and stored.data:
                    self._hand(generation, stored, width)

        self.view.run_worker(
            work, thread=True, exclusive=True, group="picture-redraw", exit_on_error=False
        )

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

    def _hand(self, generation: int, stored: StoredImage, width: int | None = None) -> None:
        """stored drawn for width columns (the pane's width as it is now when None) and handed
        to the pane."""
        from korantui.ui.widgets.image_cells import half_cell_lines, picture_size
        from korantui.ui.widgets.image_graphics import make_graphic

        full = decoded(stored) if stored.data else None
        # Shrunk in place unless the terminal's own graphics want the full picture too: a
        # copy of each photo decoded in a worker grew the app's memory by a fifth.
        image = None if full is None else thumbnail(full.copy() if self.kind else full)
        error = stored.error or ("" if image is not None else "unreadable")
        cells = graphic = None
        if full is not None and image is not None:
            # Drawn here, not on the UI thread: a photo's 1,500 cells of their own colours
            # cost up to ~100 ms on a slow machine, its Sixel ~0.5 s.
            if width is None:
                width = self.view.scrollable_content_region.width
            cols, rows = picture_size(*image.size, width)
            cells = (cols, rows, half_cell_lines(image, cols, rows))
            if self.kind:
                graphic = make_graphic(full, cols, rows, self.kind)
        message = PictureArrived(generation, stored.url, image, error, cells, graphic)
        self.view.post_message(message)
