"""[[account]] tables: what they hold, their errors by file:line, and the password read from a
command or a variable without ever showing up in the store, an error or a repr."""

from __future__ import annotations

import sys

import pytest

from korantui.core.accounts.settings import SecretError, credentials
from korantui.core.config import ConfigError

FRESHRSS = """
[[feeds]]
url = "https://lokal.example/rss"

[[account]]
kind = "greader"
url = "https://rss.example.id/api/greader.php"
username = "budi"
password_env = "KORANTUI_TEST_PW"
name = "Rumah"

[[account]]
kind = "miniflux"
url = "https://flux.example.id"
api_key_command = "{python} -c 'print(\\"kunci-\\" + \\"rahasia\\"); print(\\"second line\\")'"
"""


def test_accounts_are_read_beside_the_local_feeds(write_config, monkeypatch):
    cfg = write_config(FRESHRSS.format(python=sys.executable))
    assert [f.url for f in cfg.feeds] == ["https://lokal.example/rss"]
    home, flux = cfg.accounts
    assert (home.name, home.kind, home.username) == ("Rumah", "greader", "budi")
    assert flux.name == "flux.example.id"  # the host, when no name is given
    assert flux.where.endswith("config.toml:line 12")
    monkeypatch.setenv("KORANTUI_TEST_PW", "rahasia-sekali")
    assert credentials(home).password == "rahasia-sekali"
    creds = credentials(flux)
    assert creds.api_key == "kunci-rahasia"  # the first line only
    assert "kunci-rahasia" not in repr(creds) + repr(flux)


def test_a_config_without_accounts_has_none(write_config):
    assert write_config('[[feeds]]\nurl = "https://a.example/rss"\n').accounts == []


@pytest.mark.parametrize(
    ("table", "line", "words"),
    [
        ('kind = "feedly"\nurl = "https://a.example"', 3, 'kind must be "greader" or "miniflux"'),
        ('kind = "greader"\nurl = "ftp://a.example"\nusername = "b"', 4, "not an http(s)"),
        ('kind = "greader"\nurl = "https://a.example"', 2, "needs username and password"),
        ('kind = "miniflux"\nurl = "https://a.example"\npasword_env = "X"', 5, "unknown key"),
        ('kind = "miniflux"\nurl = "https://a"\napi_key_command = "pass \'open"', 5, "quotation"),
        ('kind = "miniflux"\nurl = "https://a.example"\napi_key_env = 3', 5, "must be a string"),
    ],
)
def test_mistakes_name_the_file_and_line(write_config, table, line, words):
    with pytest.raises(ConfigError) as e:
        write_config(f"# accounts\n[[account]]\n{table}\n")
    assert f"config.toml:line {line}:" in str(e.value)
    assert words in str(e.value)


def test_two_accounts_of_one_name_are_refused(write_config):
    one = '[[account]]\nkind = "miniflux"\nurl = "https://{}.example"\napi_key_env = "K"\n'
    text = one.format("a") + 'name = "X"\n' + one.format("b") + 'name = "x"\n'
    with pytest.raises(ConfigError, match="line 10: two accounts are named 'x'"):
        write_config(text)


def test_a_failing_password_command_says_so_without_its_output(write_config):
    cmd = f"{sys.executable} -c 'import sys; print(\\\"bocor-rahasia\\\"); sys.exit(3)'"
    cfg = write_config(
        f'[[account]]\nkind = "greader"\nurl = "https://a.example"\nusername = "u"\n'
        f'password_command = "{cmd}"\n'
    )
    with pytest.raises(SecretError) as e:
        credentials(cfg.accounts[0])
    assert "exit status 3" in str(e.value) and "bocor" not in str(e.value)


def test_a_missing_program_or_variable_is_one_line(write_config, monkeypatch):
    monkeypatch.delenv("KORANTUI_NOT_SET", raising=False)
    cfg = write_config(
        '[[account]]\nkind = "greader"\nurl = "https://a.example"\nusername = "u"\n'
        'password_command = "korantui-no-such-program show x"\n'
        '[[account]]\nkind = "greader"\nurl = "https://b.example"\nusername = "u"\n'
        'password_env = "KORANTUI_NOT_SET"\n'
    )
    with pytest.raises(SecretError, match="'korantui-no-such-program' was not found"):
        credentials(cfg.accounts[0])
    with pytest.raises(SecretError, match="KORANTUI_NOT_SET is not set"):
        credentials(cfg.accounts[1])


def test_the_command_runs_without_a_shell(write_config, tmp_path):
    marker = tmp_path / "ran"
    cfg = write_config(
        '[[account]]\nkind = "greader"\nurl = "https://a.example"\nusername = "u"\n'
        f'password_command = "echo pw; touch {marker}"\n'
    )
    # echo gets "pw;", "touch", the path as arguments: nothing else is run.
    assert credentials(cfg.accounts[0]).password == f"pw; touch {marker}"
    assert not marker.exists()
