"""Config: defaults without a file, the file's feeds, and one-line errors with the line."""

from __future__ import annotations

import pytest

from korantui.core.config import ConfigError, load_config
from korantui.core.defaults import DEFAULT_FEEDS


def test_no_file_means_built_in_outlets(tmp_path):
    cfg = load_config(None, tmp_path)
    assert not cfg.from_file
    assert cfg.feeds[0].name == "Koran Batam"
    assert cfg.feeds == DEFAULT_FEEDS
    assert cfg.retention_days == 60 and cfg.fetch.max_bytes == 10 * 1024 * 1024


def test_file_replaces_the_built_in_list(write_config):
    cfg = write_config(
        '[[feeds]]\nurl = "https://a.example/feed"\nname = "A"\ncategory = "Kepri"\n'
        '[[feeds]]\nurl = "https://b.example/"\nkind = "html"\nitem = "article"\n'
        '[network]\nuser_agent = "test-agent"\ntotal_timeout = 5\n'
    )
    assert [(f.url, f.kind) for f in cfg.feeds] == [
        ("https://a.example/feed", "feed"),
        ("https://b.example/", "html"),
    ]
    assert cfg.feeds[1].rules == {"item": "article"}
    assert cfg.fetch.user_agent == "test-agent" and cfg.fetch.total_timeout == 5.0


@pytest.mark.parametrize(
    "second",
    [
        "https://warta.example/feed",  # host case and a trailing slash aside
        "https://warta.example:443/feed/",  # the scheme's own port
        "https://warta.example/x/../feed/",  # dot segments
        "https://warta.example/./feed/",
    ],
)
def test_one_feed_listed_twice_is_reported_with_its_line(write_config, tmp_path, second):
    # Dropping the second silently hid a typo; keeping both fetched the feed twice.
    text = (
        '[[feeds]]\nurl = "https://Warta.example/feed/"\nname = "A"\n'
        '[[feeds]]\nurl = "https://warta.example/feed?lang=en"\nname = "C"\n'
        f'[[feeds]]\nurl = "{second}"\nname = "B"\n'
    )
    with pytest.raises(ConfigError) as err:
        write_config(text)
    assert str(err.value) == (
        f"{tmp_path / 'config.toml'}:line 7: [[feeds]] #3 repeats the url of [[feeds]] #1"
        f" ({second}): remove one"
    )


def test_feed_url_key_resolves_dot_segments_and_default_ports():
    from korantui.core.config import feed_url_key

    assert feed_url_key("http://h/f/../f/1.xml") == feed_url_key("http://h/f/1.xml")
    assert feed_url_key("HTTP://H:80/f/1.xml") == feed_url_key("http://h/f/1.xml")
    assert feed_url_key("http://h:8080/f/1.xml") != feed_url_key("http://h/f/1.xml")
    assert feed_url_key("http://h/f/1.xml?a=1") != feed_url_key("http://h/f/1.xml")


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        ('[[feeds]]\nname = "x"\n', 1, "has no url"),
        (
            '[[feeds]]\nurl = "https://a.example"\n\n[[feeds]]\nurl = "ftp://x"\n',
            5,
            "not an http(s)",
        ),
        ('[[feeds]]\nurl = "https://a.example"\ncolour = "red"\n', 1, "unknown key 'colour'"),
        ('language = "fr"\n', 1, "language must be"),
        ('retention_days = "lama"\n', 1, "whole number"),
        ("[network]\nread_timeout = -1\n", 2, "positive number"),
        ('[[feeds]]\nurl = "https://a.example\n', 2, "Illegal character"),
    ],
)
def test_errors_name_file_line_and_what(write_config, tmp_path, text, line, what):
    with pytest.raises(ConfigError) as err:
        write_config(text)
    message = str(err.value)
    assert message.startswith(f"{tmp_path / 'config.toml'}:line {line}: ")
    assert what.lower() in message.lower()
    assert "\n" not in message


def test_explicit_missing_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml", tmp_path)
