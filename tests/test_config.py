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
        f"{tmp_path / 'config.toml'}:line 8: [[feeds]] #3 repeats the url of [[feeds]] #1"
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
        ('[[feeds]]\nurl = "https://a.example"\ncolour = "red"\n', 3, "unknown key 'colour'"),
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


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        # 0.5 passed "> 0", became 0 and refresh waited for ever on a zero-slot semaphore.
        ("[network]\nmax_connections = 0.5\n", 2, "'max_connections' must be a whole number"),
        ("[network]\n\nmax_per_host = 2.0\n", 3, "'max_per_host' must be a whole number"),
        ("[network]\nmax_bytes = inf\n", 2, "'max_bytes' must be a whole number"),
        ("[network]\nmax_bytes = nan\n", 2, "'max_bytes' must be a whole number"),
        ("[network]\nmax_decoded_bytes = 1e400\n", 2, "'max_decoded_bytes' must be a whole"),
        ("[network]\nmax_connections = 0\n", 2, "from 1 to"),
        ("retention_days = inf\n", 1, "'retention_days' must be a whole number from 0 to 36500"),
        ("retention_days = 999999\n", 1, "'retention_days' must be a whole number from 0"),
        ("prefetch = 1e400\n", 1, "'prefetch' must be a whole number"),
        ("prefetch = 2.5\n", 1, "'prefetch' must be a whole number"),
        ("[network]\nread_timeout = nan\n", 2, "'read_timeout' must be a positive number"),
        ("[network]\nconnect_timeout = inf\n", 2, "'connect_timeout' must be a positive"),
        ("[network]\ntotal_timeout = 1e400\n", 2, "'total_timeout' must be a positive"),
        # It goes into a request header: "the server sent a broken header" was ours.
        ('[network]\nuser_agent = "a\\nb"\n', 2, "'user_agent' must be one line"),
    ],
)
def test_numbers_must_be_whole_finite_and_in_range(write_config, tmp_path, text, line, what):
    with pytest.raises(ConfigError) as err:
        write_config(text)
    message = str(err.value)
    assert message.startswith(f"{tmp_path / 'config.toml'}:line {line}: ")
    assert what in message
    assert "\n" not in message


def test_whole_numbers_that_are_whole_are_taken(write_config):
    cfg = write_config("prefetch = 0\n[network]\nmax_connections = 2\nread_timeout = 1.5\n")
    assert (cfg.prefetch, cfg.fetch.max_connections, cfg.fetch.read_timeout) == (0, 2, 1.5)
    assert type(cfg.fetch.max_connections) is int


@pytest.mark.parametrize(
    ("keys", "line", "what"),
    [
        ('star = "ctrl+shift+alt+banana"', 3, "'banana' is not a key name"),
        ('star = "cmd+s"', 3, "'cmd' is not a modifier"),
        ('star = "ctrl+ctrl+s"', 3, "a modifier is repeated"),
        ('star = ""', 3, "no key given"),
        ('refresh = "ctrl+r"\nstar = "x,Ctrl+r"', 2, "'ctrl+r' is both refresh and star"),
        ('"star key" = "s"', 3, "'star key' is not an action name"),
    ],
)
def test_key_names_are_checked_and_clashes_reported(write_config, tmp_path, keys, line, what):
    with pytest.raises(ConfigError) as err:
        write_config(f'theme = "x"\n[keys]\n{keys}\n')
    assert str(err.value).startswith(f"{tmp_path / 'config.toml'}:line {line}: ")
    assert what in str(err.value)


def test_real_key_names_are_taken(write_config):
    keys = {
        "star": "ctrl+s",
        "help": "question_mark",
        "search": "ctrl+full_stop",
        "refresh": "f5,ctrl+r",
        "quit": "Q",
        "links": "ctrl++",
        "open_browser": "ctrl+slash",
        "copy_link": "é",
        "back": "escape",
    }
    text = "[keys]\n" + "".join(f'{k} = "{v}"\n' for k, v in keys.items())
    assert write_config(text).keys == keys


def test_clashes_with_the_bindings_left_in_place():
    from korantui.core.config_keys import clashes

    defaults = {"quit": "q", "next_pane": "tab", "star": "s"}
    assert clashes({"star": "q"}, defaults) == ["'q' is both quit and star"]
    assert clashes({"next_unread": "tab"}, defaults) == ["'tab' is both next_pane and next_unread"]
    assert clashes({"star": "x", "quit": "s"}, defaults) == []
