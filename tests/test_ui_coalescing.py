"""The store's changes reach the screen coalesced (issue 15): however many changes come within
a frame, the headline list is read again and set once, and what a refresh stored is on screen."""

from __future__ import annotations

import threading

import pytest

from korantui.core.models import Entry
from korantui.core.store.database import Store
from tests.uikit import BASE, CONFIG, count_set_rows, fill, offline_app, settle


async def test_many_store_changes_in_a_frame_set_the_list_once(
    write_config, monkeypatch: pytest.MonkeyPatch
):  # type: ignore[no-untyped-def]
    cfg = write_config(CONFIG)
    fill(cfg)
    calls = count_set_rows(monkeypatch)
    app = offline_app(cfg)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        before = len(calls)
        # Another connection writes, as a refresh or a second process would.
        other = Store(cfg.db_path)
        feed = other.feeds()[0]
        other.save_entries(
            feed.id,
            [
                Entry(
                    title="Kabar terbaru dari pelabuhan", link="http://x.test/baru", published=BASE
                )
            ],
        )
        other.close()
        # Fifty changes said at once, from threads as a refresh says them.
        threads = [threading.Thread(target=app.main.store_changed) for _ in range(50)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        await settle(app, pilot)
        assert len(calls) - before == 1
        titles = [h.title for h in app.main.headline_list.rows]
        assert titles[0] == "Kabar terbaru dari pelabuhan"
        assert len(titles) == 7
