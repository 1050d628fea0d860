"""Editing config.toml: comments, order and other settings survive; the built-in list is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from korantui.core.config import ConfigError, load_config
from korantui.core.config_edit import add_feed, add_feeds, feed_specs, remove_feed, update_feed
from korantui.core.defaults import DEFAULT_FEEDS
from korantui.core.models import HTML_KIND, FeedSpec

USER_CONFIG = """\
# Konfigurasi korantui milik saya
language = "id"  # antarmuka berbahasa Indonesia

# Sumber berita, urut sesuai selera
[[feeds]]
url = "https://batampos.example/feed/"
name = "Batam Pos"  # koran lokal
category = "Kepri"

[[feeds]]
# tanpa nama
url = "https://antara.example/rss/terkini.xml"

[network]
user_agent = "korantui-saya"  # jangan diubah
"""


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(USER_CONFIG, encoding="utf-8")
    return path


def test_add_keeps_comments_order_and_settings(config: Path, tmp_path: Path) -> None:
    assert add_feed(config, FeedSpec("https://warta.example/", "Warta", "Kepri"))
    text = config.read_text(encoding="utf-8")
    # Everything the user wrote is still there, byte for byte, in the same order.
    assert text.startswith(USER_CONFIG.split("[network]")[0])
    assert text.rstrip().endswith('user_agent = "korantui-saya"  # jangan diubah')
    cfg = load_config(config, tmp_path)
    assert [f.url for f in cfg.feeds] == [
        "https://batampos.example/feed/",
        "https://antara.example/rss/terkini.xml",
        "https://warta.example/",
    ]
    assert cfg.feeds[2].name == "Warta" and cfg.feeds[2].category == "Kepri"
    assert cfg.language == "id"
    assert cfg.fetch.user_agent == "korantui-saya"


def test_add_html_source_with_rules(config: Path, tmp_path: Path) -> None:
    rules = {"item": "ul.terkini li", "date": "span.date"}
    add_feed(config, FeedSpec("https://koranbatam.example/", "Koran Batam", "", HTML_KIND, rules))
    added = load_config(config, tmp_path).feeds[-1]
    assert (added.kind, added.rules, added.category) == (HTML_KIND, rules, "")


@pytest.mark.parametrize(
    "url",
    [
        "https://batampos.example/feed/",
        "https://BATAMPOS.example/feed",
        " https://batampos.example/feed/ ",
    ],
)
def test_add_duplicate_changes_nothing(config: Path, url: str) -> None:
    assert not add_feed(config, FeedSpec(url, "Lagi"))
    assert config.read_text(encoding="utf-8") == USER_CONFIG


def test_add_without_a_file_writes_the_builtin_list_first(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "config.toml"
    assert add_feed(path, FeedSpec("https://warta.example/feed/", "Warta"))
    cfg = load_config(path, tmp_path)
    assert cfg.feeds == [*DEFAULT_FEEDS, FeedSpec("https://warta.example/feed/", "Warta")]
    assert path.read_text(encoding="utf-8").startswith("# korantui configuration.")


def test_add_to_a_file_without_feeds(tmp_path: Path) -> None:
    # That file already replaced the built-in list (its user reads nothing): it stays replaced.
    path = tmp_path / "config.toml"
    path.write_text('# cuma tema\ntheme = "nord"\n', encoding="utf-8")
    add_feed(path, FeedSpec("https://warta.example/feed/"))
    cfg = load_config(path, tmp_path)
    assert cfg.theme == "nord"
    assert [f.url for f in cfg.feeds] == ["https://warta.example/feed/"]
    assert path.read_text(encoding="utf-8").startswith('# cuma tema\ntheme = "nord"\n')


def test_add_duplicate_of_builtin_without_a_file_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert not add_feed(path, FeedSpec("https://news.detik.com/rss/", "Detik lagi"))
    assert not path.exists()


def test_add_feeds_reports_only_new_ones(config: Path) -> None:
    added = add_feeds(
        config,
        [
            FeedSpec("https://antara.example/rss/terkini.xml/", "dupe"),
            FeedSpec("https://a.example/f", "A"),
            FeedSpec("https://a.example/f/", "A again"),
        ],
    )
    assert added == [FeedSpec("https://a.example/f", "A")]
    assert [s.url for s in feed_specs(config)][-1] == "https://a.example/f"


def test_remove_by_url_or_name(config: Path, tmp_path: Path) -> None:
    removed = remove_feed(config, "batam pos")
    assert removed == FeedSpec("https://batampos.example/feed/", "Batam Pos", "Kepri")
    text = config.read_text(encoding="utf-8")
    assert "batampos" not in text
    assert text.startswith("# Konfigurasi korantui milik saya\nlanguage")
    assert "# tanpa nama" in text and "# jangan diubah" in text
    assert remove_feed(config, "https://antara.example/rss/terkini.xml/") is not None
    assert load_config(config, tmp_path).feeds == []


def test_remove_unknown_touches_nothing(config: Path, tmp_path: Path) -> None:
    assert remove_feed(config, "Tidak Ada") is None
    assert config.read_text(encoding="utf-8") == USER_CONFIG
    missing = tmp_path / "none.toml"
    assert remove_feed(missing, "Tidak Ada") is None
    assert not missing.exists()


def test_remove_from_the_builtin_list(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    removed = remove_feed(path, "Detik")
    assert removed is not None and removed.url == "https://news.detik.com/rss"
    urls = [f.url for f in load_config(path, tmp_path).feeds]
    assert urls == [f.url for f in DEFAULT_FEEDS if f.name != "Detik"]


def test_update_name_and_category(config: Path, tmp_path: Path) -> None:
    spec = update_feed(config, "https://antara.example/rss/terkini.xml", name="Antara", category="")
    assert spec == FeedSpec("https://antara.example/rss/terkini.xml", "Antara")
    spec = update_feed(config, "https://batampos.example/feed", category="Batam")
    assert spec is not None and (spec.name, spec.category) == ("Batam Pos", "Batam")
    spec = update_feed(config, "https://batampos.example/feed/", name="")
    assert spec is not None and spec.name == ""
    text = config.read_text(encoding="utf-8")
    assert "# koran lokal" not in text  # went with the name it commented
    assert "# tanpa nama" in text
    feeds = load_config(config, tmp_path).feeds
    assert [(f.name, f.category) for f in feeds] == [("", "Batam"), ("Antara", "")]
    assert update_feed(config, "https://tidak.example/", name="x") is None


def test_broken_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[[feeds]\nurl = 'x'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot edit"):
        add_feed(path, FeedSpec("https://a.example/"))
    assert path.read_text(encoding="utf-8") == "[[feeds]\nurl = 'x'\n"
