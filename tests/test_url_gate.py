"""url_gate.checked_url gives safe_url's answer, for every address, only cheaper."""

from __future__ import annotations

import random

import pytest

from korantui.core.sanitize import MAX_URL, safe_url
from korantui.core.url_gate import checked_url

BASES = ["", "http://koran.example/feed/", "https://koran.example/rss", "ftp://x.example/"]

HOSTILE = [
    "http://koran.example/berita/1",
    "https://koran.example/a?b=1#c",
    "http://koran.example/a?#c",
    "http://koran.example/a?",
    "http://koran.example/a#",
    "http://koran.example/a;p?q",
    "http://koran.example:abc/a",
    "http://koran.example:99999999/a",
    "http://[::1/a",
    "http://[::1]/a",
    "http:///a",
    "http://",
    "https://@/x",
    "http://user:pw@koran.example/x",
    "HTTP://koran.example/x",
    "http://koran.example/x y",
    "http://koran.example/\x1b[31m",
    "http://koran.example/é",
    "javascript:alert(1)",
    "//koran.example/x",
    "berita/1.html",
    "http://koran.example/" + "a" * MAX_URL,
    "http://0x7f000001/admin",
    "http://koran.example/a/../b",
    "http://koran.example\\@evil.example/",
]


@pytest.mark.parametrize("url", HOSTILE)
@pytest.mark.parametrize("base", BASES)
def test_hostile_addresses_get_safe_urls_answer(url, base):
    assert checked_url(url, base) == safe_url(url, base)


def test_random_addresses_get_safe_urls_answer():
    rng = random.Random(15)
    alphabet = "aZ09.-_~:/?#;[]@!$&'()*+,=% \t\\\x7f\xe9"
    starts = ["http://", "https://", "http:", "https:/", "Http://", ""]
    hosts = ["koran.example", "127.0.0.1:8080", "[::1]:80", "a:b", "", "x.example:", "h"]
    checked = 0
    for _ in range(20_000):
        tail = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        url = rng.choice(starts) + rng.choice(hosts) + rng.choice(["", "/", "/p"]) + tail
        base = rng.choice(BASES)
        assert checked_url(url, base) == safe_url(url, base), (url, base)
        checked += 1
    assert checked == 20_000
