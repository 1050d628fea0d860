"""The source commands: add, feeds, remove, headlines, import-opml, export-opml."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from korantui.cli import main
from korantui.core.config import load_config
from korantui.core.models import HTML_KIND

PAGES = Path(__file__).parent / "pages" / "sources"
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Warta Kepri</title><link>{base}/</link>
<item><title>Kapal Feri Kembali Beroperasi</title><link>{base}/a</link>
<pubDate>Wed, 06 Mar 2024 02:15:00 GMT</pubDate></item>
<item><title>UMKM Dapat Pelatihan</title><link>{base}/b</link>
<pubDate>Tue, 05 Mar 2024 09:40:00 GMT</pubDate></item>
</channel></rss>"""
USER_CONFIG = """\
# punya saya
language = "en"

[[feeds]]
url = "https://lama.invalid/feed/"  # sumber lama
name = "Lama"
"""


@pytest.fixture
def site(httpserver: HTTPServer) -> str:
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/wp/").respond_with_data(
        (PAGES / "wordpress-front.html").read_bytes(), content_type="text/html"
    )
    httpserver.expect_request("/feed/").respond_with_data(
        RSS.format(base=base), content_type="application/rss+xml"
    )
    httpserver.expect_request(re.compile(".*")).respond_with_data("", status=404)
    return base


@pytest.fixture
def bare_site() -> Iterator[str]:
    """A second site, with no feed anywhere: its own server, so no /feed/ of the first."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.expect_request("/").respond_with_data(
        (PAGES / "no-feed-home.html").read_bytes(), content_type="text/html"
    )
    server.expect_request("/kosong/").respond_with_data(
        "<html><body><p>Segera hadir</p></body></html>", content_type="text/html"
    )
    server.expect_request(re.compile(".*")).respond_with_data("", status=404)
    server.start()
    try:
        yield server.url_for("").rstrip("/")
    finally:
        server.stop()


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(USER_CONFIG, encoding="utf-8")
    return path


def _run(config: Path, *argv: str) -> int:
    return main(["--config", str(config), "--data-dir", str(config.parent / "data"), *argv])


def test_add_a_site_with_a_feed_then_list_and_read(
    site: str, config: Path, capsys: pytest.CaptureFixture[str], httpserver: HTTPServer
) -> None:
    # /wp/ names /feed/ in a <link>; /comments/feed/ is dead and so not offered.
    assert _run(config, "add", f"{site}/wp/", "--category", "Kepri") == 0
    # What discovery read is what gets stored: the feed is fetched once.
    assert [r.path for r, _ in httpserver.log].count("/feed/") == 1
    out = capsys.readouterr().out
    assert out.startswith(f"fetching {site}/wp/\n")
    assert out.count("RSS feed: Warta Kepri (2 headlines)") == 1  # said once, not twice
    assert out.rstrip().endswith("2 headlines stored")
    text = config.read_text(encoding="utf-8")
    assert text.startswith(USER_CONFIG)  # comments and order kept
    feeds = load_config(config, config.parent / "data").feeds
    assert [(f.url, f.name, f.category) for f in feeds[1:]] == [
        (f"{site}/feed/", "Warta Kepri", "Kepri")
    ]

    assert _run(config, "feeds") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Lama · feed · - · never refreshed"
    assert out[2].startswith("Warta Kepri · feed · Kepri · ")
    assert out[3] == f"    {site}/feed/"

    assert _run(config, "headlines", "warta kepri", "--format", "json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["title"] for r in rows] == ["Kapal Feri Kembali Beroperasi", "UMKM Dapat Pelatihan"]
    assert rows[0] == {
        "title": "Kapal Feri Kembali Beroperasi",
        "link": f"{site}/a",
        "published": "2024-03-06T02:15:00+00:00",
        "feed": "Warta Kepri",
        "read": False,
    }
    assert _run(config, "headlines", "--limit", "1") == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    assert out[0].startswith("* ") and out[0].endswith(
        "Warta Kepri · Kapal Feri Kembali Beroperasi"
    )

    assert _run(config, "add", f"{site}/feed/") == 1
    assert "already in the feed list" in capsys.readouterr().err


def test_add_a_site_without_feed_gives_an_html_source_in_page_order(
    bare_site: str, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = bare_site
    assert _run(config, "add", f"{site}/", "--name", "Kabar TPI") == 0
    out = capsys.readouterr().out
    assert "no feed; 3 headlines from the page" in out
    spec = load_config(config, config.parent / "data").feeds[-1]
    assert (spec.kind, spec.name, spec.url) == (HTML_KIND, "Kabar TPI", f"{site}/")
    assert 'kind = "html"' in config.read_text(encoding="utf-8")
    assert _run(config, "headlines", "Kabar TPI", "--format", "json") == 0
    titles = [r["title"] for r in json.loads(capsys.readouterr().out)]
    assert titles == [
        "Kebakaran Gudang di Jalan Ganet Berhasil Dipadamkan",
        "Gubernur Lantik Tiga Kepala Dinas Baru",
        "Perahu Nelayan Terbalik di Perairan Dompak, Dua Selamat",
    ]


def test_add_nothing_to_read_changes_nothing(
    bare_site: str, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(config, "add", f"{bare_site}/kosong/") == 1
    assert "no feed, and no headlines" in capsys.readouterr().err
    assert config.read_text(encoding="utf-8") == USER_CONFIG


def test_remove_by_name_or_shown_title(
    site: str, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(config, "add", f"{site}/feed/") == 0
    assert _run(config, "remove", "lama") == 0
    assert "removed Lama (https://lama.invalid/feed/)" in capsys.readouterr().out
    assert "lama.invalid" not in config.read_text(encoding="utf-8")
    assert _run(config, "remove", "Warta Kepri") == 0
    assert _run(config, "headlines", "--format", "json") == 0
    assert "[]" in capsys.readouterr().out  # its headlines went with it
    assert _run(config, "remove", "Tidak Ada") == 1
    assert "no feed 'Tidak Ada'" in capsys.readouterr().err
    assert _run(config, "headlines", "Tidak Ada") == 2


def test_opml_round_trip_into_an_empty_config(
    site: str,
    bare_site: str,
    config: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _run(config, "add", f"{bare_site}/", "--category", "Kepri") == 0
    assert _run(config, "add", f"{site}/feed/", "--name", "Warta") == 0
    capsys.readouterr()
    assert _run(config, "export-opml") == 0
    opml = capsys.readouterr().out
    assert opml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml')
    exported = tmp_path / "feeds.opml"
    assert _run(config, "export-opml", str(exported)) == 0
    assert exported.read_text(encoding="utf-8").split("<body>")[1] == opml.split("<body>")[1]

    empty = tmp_path / "other" / "config.toml"
    empty.parent.mkdir()
    empty.write_text("", encoding="utf-8")
    capsys.readouterr()
    assert _run(empty, "import-opml", str(exported)) == 0
    assert "3 feeds added, 0 already in the list" in capsys.readouterr().out
    mine = load_config(config, tmp_path / "d1").feeds
    theirs = load_config(empty, tmp_path / "d2").feeds
    assert sorted(mine, key=lambda s: s.url) == sorted(theirs, key=lambda s: s.url)
    assert _run(empty, "import-opml", str(exported)) == 0
    assert "0 feeds added, 3 already in the list" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read"),
        ("<opml><body>", "not a readable OPML"),
        ("<!DOCTYPE x><opml/>", "DOCTYPE"),
    ],
)
def test_import_bad_file_is_a_usage_error(
    config: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str | None,
    message: str,
) -> None:
    path = tmp_path / "in.opml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert _run(config, "import-opml", str(path)) == 2
    assert message in capsys.readouterr().err
    assert config.read_text(encoding="utf-8") == USER_CONFIG


def test_export_names_a_feed_by_its_own_title_where_the_config_gives_none(
    site: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[[feeds]]\nurl = "{site}/feed/"\n', encoding="utf-8")
    assert _run(config, "refresh") == 0
    capsys.readouterr()
    assert _run(config, "export-opml") == 0
    opml = capsys.readouterr().out
    assert 'text="Warta Kepri" title="Warta Kepri"' in opml
    assert f'text="{site}/feed/"' not in opml
