"""Interface words: plural endings in English, none in Indonesian."""

from __future__ import annotations


def test_english_counts_take_the_plural_ending_and_indonesian_none() -> None:
    from korantui.core.i18n import count, tr

    assert tr("refreshing", "en", n=1) == "Refreshing 1 feed…"
    assert tr("refreshing", "en", n=3) == "Refreshing 3 feeds…"
    assert tr("refreshed", "en", feeds=1, new=1, errors=0) == (
        "1 feed refreshed: 1 new headline, 0 errors"
    )
    assert tr("refreshed", "id", feeds=1, new=1, errors=0) == (
        "1 sumber dimuat: 1 berita baru, 0 galat"
    )
    assert count(1, "feed") == "1 feed" and count(0, "feed") == "0 feeds"
