"""What run.py starts in a subprocess, so imports and memory belong to the measured process.

    probe.py startup bare OUT                # a bare Textual app painting one label
    probe.py startup korantui OUT ARGV...    # `korantui ARGV...`, exits at its first headlines
    probe.py pilot OUT CONFIG DATA KEYS IDS  # first paint, key presses, stored articles (pilot)
    probe.py extract OUT RUNS                # extraction time per fixture page

Start-up probes write time.time() at the moment the first frame holding the content was handed
to the terminal; run.py subtracts the time it started the process, so interpreter start-up and
every import count. Both sides use the same hook (App._display), so the ratio is like for like.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import json
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any


def _hard_exit_later(seconds: float) -> None:
    # The app's background threads (refresh worker, network loop) must not keep a finished
    # probe alive; the result is already written.
    timer = threading.Timer(seconds, os._exit, (0,))
    timer.daemon = True
    timer.start()


def _write(out: str, data: dict[str, Any]) -> None:
    Path(out).write_text(json.dumps(data), encoding="utf-8")


class _AfterImport(importlib.abc.MetaPathFinder):
    """Calls patch(module) right after the module is first imported, wherever that happens.

    The probes must not import Textual themselves to patch it: `korantui` imports its own
    modules first and Textual only for the app, with the collector off (cli.py), and the
    measured process must do exactly that."""

    def __init__(self, patches: dict[str, Callable[[ModuleType], None]]) -> None:
        self.patches = patches

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        patch = self.patches.pop(fullname, None)
        if patch is None:
            return None
        if not self.patches:
            sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        assert spec is not None and spec.loader is not None
        exec_module = spec.loader.exec_module

        def exec_then_patch(module: ModuleType) -> None:
            exec_module(module)
            patch(module)

        spec.loader.exec_module = exec_then_patch  # type: ignore[method-assign]
        return spec


def startup(kind: str, out: str, argv: list[str]) -> int:
    state = {"content": False, "done": False}

    def patch_app(module: ModuleType) -> None:
        original = module.App._display

        def display(self: Any, screen: Any, renderable: Any) -> None:
            original(self, screen, renderable)
            if renderable is not None and state["content"] and not state["done"]:
                state["done"] = True
                _write(out, {"painted": time.time()})
                self.exit()
                _hard_exit_later(3.0)

        module.App._display = display

    def patch_list(module: ModuleType) -> None:
        render_line = module.HeadlineList.render_line

        def probe_render_line(self: Any, y: int) -> Any:
            strip = render_line(self, y)
            if self.rows:
                state["content"] = True
            return strip

        module.HeadlineList.render_line = probe_render_line

    patches: dict[str, Callable[[ModuleType], None]] = {"textual.app": patch_app}
    if kind != "bare":
        patches["korantui.ui.widgets.headline_list"] = patch_list
    sys.meta_path.insert(0, _AfterImport(patches))

    if kind == "bare":
        from textual.app import App
        from textual.widgets import Label

        class ProbeLabel(Label):
            def render(self) -> Any:
                state["content"] = True
                return super().render()

        class Bare(App[None]):
            def compose(self) -> Any:
                yield ProbeLabel("Berita hari ini")

        Bare().run()
        return 0

    from korantui.cli import main  # as the `korantui` script starts

    return main(argv)


async def _pilot(config: str, data: str, keys: int, ids: list[int]) -> dict[str, Any]:
    import asyncio

    from textual import events
    from textual.app import App

    from korantui.core.config import load_config
    from korantui.ui.app import KoranApp
    from korantui.ui.widgets.headline_list import HeadlineList

    state: dict[str, Any] = {"rows": False, "first": None}
    render_line = HeadlineList.render_line

    def probe_render_line(self: HeadlineList, y: int) -> Any:
        strip = render_line(self, y)
        if self.rows:
            state["rows"] = True
        return strip

    original = App._display

    def display(self: App[Any], screen: Any, renderable: Any) -> None:
        original(self, screen, renderable)
        if renderable is not None and state["rows"] and state["first"] is None:
            state["first"] = time.perf_counter()

    HeadlineList.render_line = probe_render_line  # type: ignore[method-assign]
    App._display = display  # type: ignore[method-assign]

    cfg = load_config(Path(config), Path(data))
    result: dict[str, Any] = {}
    t0 = time.perf_counter()
    app = KoranApp(cfg, refresh_on_start=False)
    async with app.run_test(size=(160, 48)) as pilot:
        while state["first"] is None and time.perf_counter() - t0 < 60:
            await asyncio.sleep(0.001)
        result["first_paint"] = (state["first"] or time.perf_counter()) - t0
        # A long list may still be arriving from a worker: the keys are timed on the full one.
        while any(not w.is_finished for w in app.workers) and time.perf_counter() - t0 < 60:
            await asyncio.sleep(0.01)
        await pilot.pause()
        hl = app.query_one(HeadlineList)
        result["rows"] = len(hl.rows)
        walls: list[float] = []
        cpus: list[float] = []
        await pilot.pause()
        for _ in range(keys):
            # The key goes in as the terminal driver would send it; then every message it
            # caused is handled and the frame painted. pilot.press() is not used: it sleeps
            # until the process looks idle (~40 ms a key), which would time pilot, not the app.
            w, c = time.perf_counter(), time.process_time()
            app._driver.send_message(events.Key("down", None))
            await pilot._wait_for_screen()
            app.screen._on_timer_update()  # paint now, not at the next frame tick
            walls.append(time.perf_counter() - w)
            cpus.append(time.process_time() - c)
        result["key_wall"] = walls
        result["key_cpu"] = cpus
        result["cursor"] = hl.cursor
        opens: list[float] = []
        view = app.query_one("#article")
        for hid in ids:
            w = time.perf_counter()
            app.main.open_headline(hid)
            await pilot._wait_for_screen()
            app.screen._on_timer_update()
            opens.append(time.perf_counter() - w)
            # The pane must really hold the long text, laid out, for the time to mean anything.
            assert view.virtual_size.height > 100, view.virtual_size
        result["article"] = opens
    return result


def pilot(out: str, config: str, data: str, keys: int, ids: list[int]) -> int:
    import asyncio
    import resource

    result = asyncio.run(_pilot(config, data, keys, ids))
    result["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _write(out, result)
    return 0


def extract(out: str, runs: int) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import extraction  # benchmarks/extraction.py

    if not (extraction.SHARED / "fixtures" / "html" / "expected.json").exists():
        _write(out, {"skipped": f"{extraction.SHARED} (fixtures) is absent"})
        return 0
    # The first call pays for importing trafilatura; keep that out of the timings.
    extraction.extract_article(
        b"<html><body><p>" + b"kata " * 60 + b"</p></body></html>", "http://x/berita/1"
    )
    pages = {}
    for case in extraction.cases():
        if case["content"] is None:
            continue  # an index page, turned away in a few ms: no article's time
        _article, _error, ms = extraction.run(case, runs)
        pages[case["name"]] = ms
    _write(out, {"pages": pages})
    return 0


def main() -> int:
    # A probe whose parent was killed (an interrupted run) must not spin on alone for hours.
    _hard_exit_later(600.0)
    mode, *rest = sys.argv[1:]
    if mode == "startup":
        return startup(rest[0], rest[1], rest[2:])
    out, rest = rest[0], rest[1:]
    if mode == "pilot":
        return pilot(out, rest[0], rest[1], int(rest[2]), json.loads(rest[3]))
    if mode == "extract":
        return extract(out, int(rest[0]))
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    raise SystemExit(main())
