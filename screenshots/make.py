"""Regenerate the README's screenshots from the real app, on the bundled demo edition.

    python screenshots/make.py   # screenshots/*.svg, and *.png where rsvg-convert exists

PNGs come from Debian's librsvg2-bin (`apt-get install librsvg2-bin`).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from korantui.core.config import load_config
from korantui.ui.app import KoranApp

HERE = Path(__file__).resolve().parent
SIZE = (132, 38)
# The demo edition's morning, in Batam's time zone: the screenshots do not change from run to run.
PINNED = {"KORANTUI_NOW": "2026-11-27T13:00:00+07:00", "TZ": "Asia/Jakarta"}


async def shoot(data_dir: Path) -> list[Path]:
    cfg = load_config(None, data_dir)
    cfg.language = "id"
    app = KoranApp(cfg, demo=True)
    shots = []
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        shots.append(_save(app, "main"))
        await pilot.press("down", "enter")
        await _settle(app, pilot)
        shots.append(_save(app, "article"))
    return shots


async def _settle(app: KoranApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the key bar is filled: it is mounted after the first frame, and fills itself a
    refresh later (one pause was too early: the README showed an empty key bar)."""
    for _ in range(20):
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)
        if app.screen.active_bindings and app.query("Footer FooterKey"):
            break
    await pilot.pause()


def _save(app: KoranApp, name: str) -> Path:
    path = HERE / f"{name}.svg"
    app.save_screenshot(filename=path.name, path=str(HERE))
    return path


def main() -> int:
    os.environ.update(PINNED)
    time.tzset()
    with tempfile.TemporaryDirectory() as tmp:
        shots = asyncio.run(shoot(Path(tmp)))
    converter = shutil.which("rsvg-convert")
    for svg in shots:
        print(svg.relative_to(HERE.parent))
        if converter:
            png = svg.with_suffix(".png")
            subprocess.run([converter, "-o", str(png), str(svg)], check=True)
            print(png.relative_to(HERE.parent))
    if not converter:
        print("rsvg-convert not found: SVG only (apt-get install librsvg2-bin)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
