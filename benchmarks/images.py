"""Pictures in the reading pane (issue 14): opening a stored article with 8 stored pictures.

- first paint: the UI thread's time to open the article (store read, render, the first screen
  wrapped), with pictures on and off — the pictures must not hold the text up (≤ 50 ms);
- each stored picture drawn: the UI thread's time to put one arrived picture in the pane (cells
  and the wrap around it, ≤ 30 ms), and how long after the open the last one was on screen;
- memory: the app's resident size after opening 200 articles one after another, each with 8
  pictures, against the same 200 without (≤ 1.5×). Each side runs in a process of its own;
- resize: the UI thread's time to follow a resize of the terminal (140 → 120 columns and back,
  on the first 20 articles): the pane wraps again and its pictures change size;
- the same with a Kitty terminal assumed (direct placement, as Debian's Kitty 0.26.5): the
  pictures' Kitty images made in the worker too, placed by the spots.

Run from the repository: `python benchmarks/images.py` (`--articles N` for a quick run).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PICTURES = 8


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def build(data: Path, articles: int, pictures: bool) -> Path:
    from tests.images_site import PARAGRAPHS, encoded, picture

    from korantui.core.images.decode import shrink
    from korantui.core.models import Article, Block, Entry, FeedSpec, Figure
    from korantui.core.store.database import Store
    from korantui.core.store.images import save_image

    config = data / "config.toml"
    config.write_text(
        'prefetch = 0\n[[feeds]]\nurl = "http://127.0.0.1:9/feed.xml"\nname = "Koran Uji"\n'
    )
    store = Store(data / "data" / "korantui.db")
    store.sync_feeds([FeedSpec("http://127.0.0.1:9/feed.xml", "Koran Uji")])
    feed = store.feeds()[0]
    now = datetime.now(UTC)
    store.save_entries(
        feed.id,
        [Entry(f"Berita {i}", f"http://127.0.0.1:9/b/{i}", published=now) for i in range(articles)],
    )
    photos = [
        shrink(encoded(picture(1600, 900, seed=30 * k), "JPEG", quality=85)) for k in range(4)
    ]
    for n, headline in enumerate(store.headlines(feed.id)):
        blocks: list[Block] = []
        for k in range(PICTURES):
            blocks.append(Block("p", PARAGRAPHS[k % len(PARAGRAPHS)]))
            if pictures:
                url = f"http://127.0.0.1:9/foto/{n}-{k}.jpg"
                blocks.append(Block("figure", "", figure=Figure(url, f"Foto {k}", "ANTARA/Uji")))
                photo = photos[k % len(photos)]
                save_image(
                    store,
                    url,
                    headline.id,
                    data=photo.data,
                    width=photo.width,
                    height=photo.height,
                    cap=10**12,
                )
        store.save_article(
            headline.id, Article(url=headline.link, title=headline.title, blocks=blocks)
        )
    store.close()
    return config


async def measure(
    config: Path, articles: int, images: str, kitty: bool = False
) -> dict[str, object]:
    from tests.uikit import settle

    from korantui.core.config import load_config
    from korantui.ui.app import KoranApp
    from korantui.ui.widgets.article_view import ArticleView
    from korantui.ui.widgets.image_pane import PanePictures

    if kitty:
        from korantui.ui.widgets.image_terminal import TGP_PLACE, assume

        assume(TGP_PLACE)

    cfg = load_config(config, config.parent / "data")
    cfg.images = images
    drawn: list[float] = []
    arrived_at: list[float] = []
    arrived = PanePictures.arrived

    def timed(self: PanePictures, message: object) -> None:
        t0 = time.perf_counter()
        arrived(self, message)  # type: ignore[arg-type]
        drawn.append(time.perf_counter() - t0)
        arrived_at.append(time.perf_counter())

    PanePictures.arrived = timed  # type: ignore[method-assign]
    resized: list[float] = []
    on_resize = ArticleView.on_resize

    def timed_resize(self: ArticleView, event: object) -> None:
        t0 = time.perf_counter()
        on_resize(self, event)  # type: ignore[arg-type]
        resized.append(time.perf_counter() - t0)

    ArticleView.on_resize = timed_resize  # type: ignore[method-assign]
    app = KoranApp(cfg, refresh_on_start=False)
    first: list[float] = []
    last: list[float] = []
    async with app.run_test(size=(140, 50)) as pilot:
        await settle(app, pilot)
        ids = [h.id for h in app.main.headline_list.rows]
        for i, hid in enumerate(ids[:articles]):
            before = len(arrived_at)
            t0 = time.perf_counter()
            app.main.reader.open(hid)
            first.append(time.perf_counter() - t0)
            await settle(app, pilot)
            if i < 20 and len(arrived_at) > before:
                last.append(arrived_at[-1] - t0)
            if i < 20:
                if i == 0:
                    resized.clear()  # not the first layout's
                await pilot.resize_terminal(120, 50)
                await settle(app, pilot)
                await pilot.resize_terminal(140, 50)
                await settle(app, pilot)
        rss = _rss_kb()
    return {
        "images": images,
        "first_paint_ms_median": statistics.median(first) * 1000,
        "first_paint_ms_max": max(first) * 1000,
        "pictures_drawn": len(drawn),
        "draw_ms_median": statistics.median(drawn) * 1000 if drawn else 0.0,
        "draw_ms_max": max(drawn) * 1000 if drawn else 0.0,
        "all_8_on_screen_ms_median": statistics.median(last) * 1000 if last else 0.0,
        "rss_mb": rss / 1024,
        "resize_ms_median": statistics.median(resized) * 1000 if resized else 0.0,
        "resize_ms_max": max(resized) * 1000 if resized else 0.0,
    }


def child(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = build(Path(tmp), args.articles, args.with_pictures)
        result = asyncio.run(measure(config, args.articles, args.mode, args.kitty))
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--with-pictures", action="store_true")
    parser.add_argument("--mode", default="cells")
    parser.add_argument("--kitty", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    rows = []
    # The same 8-picture articles drawn in cells and with pictures off (the text's first paint
    # compared), and articles without pictures (the memory compared).
    runs = (
        ["--with-pictures"],
        ["--with-pictures", "--mode", "off"],
        ["--mode", "off"],
        ["--with-pictures", "--mode", "auto", "--kitty"],
    )
    for extra in runs:
        cmd = [sys.executable, __file__, "--child", "--articles", str(args.articles), *extra]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    heads = ("8 pictures, cells", "8 pictures, off", "no pictures", "8 pictures, Kitty")
    print(f"{'':30}" + "".join(f"{h:>20}" for h in heads))
    keys = (
        "first_paint_ms_median",
        "first_paint_ms_max",
        "pictures_drawn",
        "draw_ms_median",
        "draw_ms_max",
        "all_8_on_screen_ms_median",
        "rss_mb",
        "resize_ms_median",
        "resize_ms_max",
    )
    for key in keys:
        cells = [r[key] for r in rows]
        print(
            f"{key:30}"
            + "".join(f"{c:>20.1f}" if isinstance(c, float) else f"{c:>20}" for c in cells)
        )
    print(f"{'memory: pictures / none':30}{rows[0]['rss_mb'] / rows[2]['rss_mb']:>20.2f}")


if __name__ == "__main__":
    main()
