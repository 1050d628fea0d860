"""[[filter]] rules: their config and errors, and what they make of the stored headlines (at
once, reversibly), bounded against patterns that backtrack."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from korantui.core.config import Config, ConfigError
from korantui.core.models import Entry
from korantui.core.store.database import Store
from korantui.core.store.filter_flags import apply_filters

FEEDS = """
[[feeds]]
url = "http://127.0.0.1:9/detik.xml"
name = "Detik"
category = "Nasional"
[[feeds]]
url = "http://127.0.0.1:9/kepri.xml"
name = "Kepri"
category = "Kepri"
"""
BASE = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)

TITLES = {
    "Detik": [
        "Hasil Liga 1: Persib menang",
        "Jadwal sepak bola malam ini",
        "Harga cabai naik di Jakarta",
    ],
    "Kepri": [
        "Banjir rob rendam pesisir Batam",
        "Liga 1 tiba di Batam",
        "Kapal roro berangkat pagi",
    ],
}


def _store(cfg: Config) -> Store:
    store = Store(cfg.db_path)
    store.sync_feeds(cfg.feeds)
    for feed in store.feeds():
        entries = [
            Entry(
                title=t,
                link=f"http://127.0.0.1:9/{feed.name}/{i}",
                summary=f"Ringkasan: {t}",
                author="Rina" if i == 0 else "",
                published=BASE - timedelta(hours=i),
            )
            for i, t in enumerate(TITLES[feed.name])
        ]
        store.save_entries(feed.id, entries)
    return store


def _titles(store: Store, **kw: object) -> set[str]:
    return {h.title for h in store.headlines(**kw)}  # type: ignore[arg-type]


def test_a_hide_rule_hides_stored_headlines_at_once_and_removing_it_brings_them_back(
    write_config,
):
    plain = write_config(FEEDS)
    store = _store(plain)
    unread_before = store.counts()[0]
    cfg = write_config(FEEDS + '[[filter]]\nmatch = "sepak bola|liga 1"\naction = "hide"\n')
    apply_filters(store, cfg.filters)
    assert _titles(store) == {
        "Harga cabai naik di Jakarta",
        "Banjir rob rendam pesisir Batam",
        "Kapal roro berangkat pagi",
    }
    assert store.counts()[0] == unread_before - 3  # hidden news is not waiting to be read
    assert [f.unread for f in store.feeds()] == [1, 2]
    assert store.search("liga") == []
    apply_filters(store, plain.filters)  # the rule removed from the config
    assert len(_titles(store)) == 6 and store.counts()[0] == unread_before


def test_a_rule_for_some_feeds_leaves_the_others_alone(write_config):
    cfg = write_config(FEEDS + '[[filter]]\nwords = ["liga 1"]\nfeeds = ["Detik"]\n')
    store = _store(cfg)
    apply_filters(store, cfg.filters)
    assert "Liga 1 tiba di Batam" in _titles(store)
    assert "Hasil Liga 1: Persib menang" not in _titles(store)


def test_words_are_whole_words_and_phrases_take_any_spacing(write_config):
    cfg = write_config(FEEDS + '[[filter]]\nwords = ["rob", "harga  cabai"]\n')
    store = _store(cfg)
    apply_filters(store, cfg.filters)
    hidden = {"Banjir rob rendam pesisir Batam", "Harga cabai naik di Jakarta"}
    assert "Kapal roro berangkat pagi" in _titles(store)  # "roro" is not "rob"
    assert not hidden & _titles(store)


def test_author_and_category_fields(write_config):
    cfg = write_config(
        FEEDS
        + '[[filter]]\nmatch = "^rina$"\nfields = ["author"]\n'
        + '[[filter]]\nmatch = "kepri"\nfields = ["category"]\naction = "highlight"\n'
    )
    store = _store(cfg)
    apply_filters(store, cfg.filters)
    rows = store.headlines()
    assert {h.title for h in rows} == set(TITLES["Detik"][1:]) | set(TITLES["Kepri"][1:])
    assert {h.title for h in rows if h.highlight} == set(TITLES["Kepri"][1:])


def test_highlight_is_on_the_headline_and_its_reading(write_config):
    cfg = write_config(FEEDS + '[[filter]]\nmatch = "banjir"\naction = "highlight"\n')
    store = _store(cfg)
    apply_filters(store, cfg.filters)
    flood = next(h for h in store.headlines() if h.title.startswith("Banjir"))
    assert flood.highlight
    one = store.headline(flood.id)
    assert one is not None and one.highlight and one.summary.startswith("Ringkasan")
    assert sum(h.highlight for h in store.headlines()) == 1


def test_a_read_rule_reads_and_removing_it_unreads_only_what_it_read(write_config):
    plain = write_config(FEEDS)
    store = _store(plain)
    by_title = {h.title: h for h in store.headlines()}
    store.set_read([by_title["Jadwal sepak bola malam ini"].id])  # read by the reader
    cfg = write_config(FEEDS + '[[filter]]\nmatch = "liga|sepak"\naction = "read"\n')
    apply_filters(store, cfg.filters)
    read = {h.title for h in store.headlines() if h.read}
    assert read == {
        "Hasil Liga 1: Persib menang",
        "Jadwal sepak bola malam ini",
        "Liga 1 tiba di Batam",
    }
    # The reader marks one of the rule's unread again: a later pass does not read it again.
    store.set_read([by_title["Liga 1 tiba di Batam"].id], read=False)
    apply_filters(store, cfg.filters)
    assert not store.headline(by_title["Liga 1 tiba di Batam"].id).read  # type: ignore[union-attr]
    apply_filters(store, plain.filters)
    read = {h.title for h in store.headlines() if h.read}
    assert read == {"Jadwal sepak bola malam ini"}  # the reader's own stays read


def test_new_headlines_are_judged_and_a_notify_rule_alerts_for_them_only(write_config):
    cfg = write_config(
        FEEDS + '[[filter]]\nname = "Banjir"\nwords = ["banjir"]\naction = "highlight"\n'
        "notify = true\n"
    )
    store = _store(cfg)
    first = apply_filters(store, cfg.filters)
    assert first.alerts == []  # what was stored before the rule is not news
    feed = store.feeds()[1]
    store.save_entries(
        feed.id,
        [
            Entry("Banjir lagi di Tanjungpinang", "http://127.0.0.1:9/k/new", summary="air"),
            Entry("Pasar murah", "http://127.0.0.1:9/k/new2"),
        ],
    )
    second = apply_filters(store, cfg.filters)
    assert [(a.title, a.feed, a.rule) for a in second.alerts] == [
        ("Banjir lagi di Tanjungpinang", "Kepri", "Banjir")
    ]
    assert apply_filters(store, cfg.filters).alerts == []  # once


def test_a_pattern_that_backtracks_is_given_up_not_run_on_every_headline(write_config):
    cfg = write_config(FEEDS + '[[filter]]\nname = "slow"\nmatch = "(x+x+)+y"\n')
    store = _store(cfg)
    feed = store.feeds()[0]
    store.save_entries(
        feed.id,
        [Entry("x" * 3000, f"http://127.0.0.1:9/x/{i}", summary="x" * 3000) for i in range(50)],
    )
    started = time.monotonic()
    done = apply_filters(store, cfg.filters)
    assert time.monotonic() - started < 5  # 100 searches of 0.2 s would take 20
    assert done.slow == ["slow"]
    assert len(store.headlines()) == 56  # nothing hidden by a rule that never finished


@pytest.mark.parametrize(
    ("rule", "line", "what"),
    [
        ('match = "(liga"', 8, "does not compile"),
        ('words = "liga"', 8, "words must be a list"),
        ('match = "x"\naction = "delete"', 9, "action must be"),
        ('match = "x"\nfields = ["body"]', 9, "fields must list"),
        ('match = "x"\nnotify = true', 9, 'notify = true needs action = "highlight"'),
        ('match = "x"\ncolour = "red"', 9, "unknown key 'colour'"),
        ("", 7, "give either match"),
        ('match = "' + "a" * 1001 + '"', 8, "over 1000 characters"),
    ],
)
def test_a_bad_rule_is_an_error_with_its_line(write_config, tmp_path, rule, line, what):
    text = '[[feeds]]\nurl = "http://127.0.0.1:9/a.xml"\n\n' + '[[filter]]\nmatch = "ok"\n\n'
    text += "[[filter]]\n" + rule + "\n"
    with pytest.raises(ConfigError) as caught:
        write_config(text)
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'config.toml'}:line {line}: [[filter]] #2"), message
    assert what in message


def test_top_level_settings_have_defaults_and_are_checked(write_config):
    cfg = write_config(FEEDS)
    assert (cfg.filters.refresh_minutes, cfg.filters.dead_after_days) == (30, 7)
    assert cfg.filters.notify_command == []
    cfg = write_config('refresh_minutes = 0\nnotify_command = ["notify-send", "{title}"]\n' + FEEDS)
    assert cfg.filters.refresh_minutes == 0
    assert cfg.filters.notify_command == ["notify-send", "{title}"]
    with pytest.raises(ConfigError, match="notify_command must be a list"):
        write_config('notify_command = "notify-send {title}"\n' + FEEDS)


@pytest.mark.parametrize(
    ("search", "match"),
    [
        ("banjir OR rob", '("banjir"*) OR ("rob"*)'),
        ("banjir rob -bola", '(("banjir"* AND "rob"*)) NOT "bola"*'),
        ('"kapal ferry" natuna', '("kapal ferry" AND "natuna"*)'),
        ("-bola", ""),
        ('NEAR( x" OR', '("NEAR("* AND "x"*)'),
    ],
)
def test_a_search_is_words_never_fts_syntax(search, match):
    from korantui.core.queries import check_match, fts_match

    assert fts_match(search) == match
    assert match == "" or check_match(match) == ""


def test_a_saved_search_that_finds_nothing_to_look_for_is_an_error(write_config, tmp_path):
    with pytest.raises(ConfigError) as caught:
        write_config(FEEDS + '[[query]]\nname = "x"\nsearch = "-bola"\n')
    assert f"{tmp_path / 'config.toml'}:line 12: [[query]] #1: search" in str(caught.value)


def test_headlines_command_hides_filtered_and_lists_a_saved_search(write_config, capsys):
    from korantui.cli import main

    cfg = write_config(
        FEEDS
        + '[[filter]]\nwords = ["liga 1"]\n'
        + '[[filter]]\nwords = ["banjir"]\naction = "highlight"\n'
        + '[[query]]\nname = "Batam"\nsearch = "batam"\n'
    )
    _store(cfg).close()
    common = ["--config", str(cfg.path), "--data-dir", str(cfg.data_dir)]
    assert main([*common, "headlines"]) == 0
    out = capsys.readouterr().out
    assert "Liga 1" not in out and "Harga cabai" in out
    assert main([*common, "headlines", "--query", "batam"]) == 0
    out = capsys.readouterr().out
    assert "Banjir rob rendam pesisir Batam" in out and "Harga cabai" not in out
    assert "Liga 1 tiba di Batam" not in out  # hidden stays hidden in a saved search
    assert main([*common, "feeds"]) == 0
    assert "⌕ Batam · 1 unread · search: batam" in capsys.readouterr().out  # Liga 1 is hidden
    assert main([*common, "headlines", "--query", "Nope"]) == 2
    assert "no saved search 'Nope' (saved searches: 'Batam')" in capsys.readouterr().err
