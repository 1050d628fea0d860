"""The certificates are read when the first https request needs them (issue 15): a plain http
request never waits for them, and a certificate file that cannot be read is said in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from korantui.core.net.fetch import Fetcher, FetchError, FetchSettings
from tests.hostile_servers import Site


async def test_an_unreadable_ca_file_is_said_at_the_first_https_request(tmp_path: Path) -> None:
    bad = tmp_path / "perusahaan.pem"
    bad.write_text("bukan sertifikat\n", encoding="utf-8")
    settings = FetchSettings(connect_timeout=2.0, read_timeout=2.0, ca_file=str(bad))
    with Site() as site:
        url = site.page("/feed.xml", "<rss/>", "application/rss+xml")
        async with Fetcher(settings) as fetcher:
            plain = await fetcher.get(url)  # http needs no certificates: it goes through
            with pytest.raises(FetchError) as raised:
                await fetcher.get(url.replace("http://", "https://"))
    assert plain.status == 200
    assert raised.value.kind == "tls"
    assert "cannot read the trusted certificates" in str(raised.value)
    assert site.hits == {"/feed.xml": 1}  # nothing was sent for the https address
