"""Source kinds behind one protocol: a kind added by registration alone is configured, refreshed,
stored, exported and imported without refresh, config or OPML knowing its name."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Mapping
from typing import ClassVar

import pytest

from korantui.core.models import Entry, FeedSpec, ParsedSource, RefreshResult
from korantui.core.net.fetch import Fetcher, FetchResult, FetchSettings
from korantui.core.opml import export_opml, import_opml
from korantui.core.refresh import refresh_feeds
from korantui.core.sanitize import safe_url
from korantui.core.sources import registry
from korantui.core.sources.kind import Batch, DocumentKind, SourceError, SourceKind
from korantui.core.store.database import Store
from tests.hostile_servers import Site


class LinesKind(DocumentKind):
    """A toy kind: a text document, one "title<sep>link" per line, in page order."""

    name: ClassVar[str] = "lines"
    label: ClassVar[str] = "text list"
    keys: ClassVar[tuple[str, ...]] = ("separator",)
    page_order: ClassVar[bool] = True
    accept: ClassVar[str] = "text/plain"

    def check(self, options: Mapping[str, str]) -> tuple[str, str]:
        if len(options.get("separator", "|")) != 1:
            return "separator", "'separator' must be one character"
        return "", ""

    def to_opml(self, spec: FeedSpec) -> dict[str, str]:
        return {"type": "link", "url": spec.url}

    def address_in_opml(self, attrs: Mapping[str, str]) -> str:
        return attrs.get("url", "")

    def parse(self, result: FetchResult, options: Mapping[str, str], batch: Batch) -> ParsedSource:
        sep = options.get("separator", "|")
        entries = []
        for line in result.content.decode().splitlines():
            title, _, link = line.partition(sep)
            url = safe_url(link.strip(), result.url)
            if url:
                entries.append(Entry(title.strip(), url, guid=url))
        if not entries:
            raise SourceError("the list is empty")
        return ParsedSource("Daftar", entries)


@pytest.fixture
def lines_kind() -> Iterator[LinesKind]:
    kind = LinesKind()
    registry.register(kind)
    try:
        yield kind
    finally:
        registry.unregister(kind.name)


def _refresh(store: Store) -> list[RefreshResult]:
    async def run() -> list[RefreshResult]:
        async with Fetcher(FetchSettings(read_timeout=5, total_timeout=10)) as fetcher:
            return await refresh_feeds(store, fetcher, store.feeds(), [])

    return asyncio.run(run())


def test_every_registered_kind_meets_the_protocol():
    assert registry.names() == ["feed", "html", "account"]
    for name in registry.names():
        assert isinstance(registry.kind_of(name), SourceKind)


def test_a_registered_toy_kind_is_configured_refreshed_and_stored(
    lines_kind, write_config, tmp_path
):
    with Site() as site:
        site.page("/list.txt", "Banjir di Batam ; https://a.example/1\n\nFeri ; /2\n", "text/plain")
        site.page("/empty.txt", "\n", "text/plain")
        cfg = write_config(
            f'[[feeds]]\nurl = "{site.url("/list.txt")}"\nkind = "lines"\nseparator = ";"\n'
            f'[[feeds]]\nurl = "{site.url("/empty.txt")}"\nkind = "lines"\n'
        )
        assert cfg.feeds[0].rules == {"separator": ";"}
        store = Store(tmp_path / "k.db")
        store.sync_feeds(cfg.feeds)

        async def run() -> list[RefreshResult]:
            async with Fetcher(FetchSettings(read_timeout=5, total_timeout=10)) as fetcher:
                return await refresh_feeds(store, fetcher, store.feeds(), cfg.feeds)

        full, empty = asyncio.run(run())
    assert (full.error, full.new) == ("", 2)
    assert empty.error == "the list is empty"
    assert [(h.title, h.link) for h in store.headlines(feed_id=full.feed.id)] == [
        ("Banjir di Batam", "https://a.example/1"),
        ("Feri", site.url("/2")),
    ]
    assert store.feeds()[0].kind == "lines"
    store.close()


def test_a_kinds_own_keys_are_checked_by_the_kind(lines_kind, write_config, tmp_path):
    from korantui.core.config import ConfigError

    with pytest.raises(ConfigError) as err:
        write_config('[[feeds]]\nurl = "https://a.example/l"\nkind = "lines"\nseparator = "::"\n')
    assert str(err.value) == (
        f"{tmp_path / 'config.toml'}:line 4: [[feeds]] #1: 'separator' must be one character"
    )
    with pytest.raises(ConfigError, match=r"unknown key 'separator' .*\(a key of kind \"lines\"\)"):
        write_config('[[feeds]]\nurl = "https://a.example/l"\nseparator = ";"\n')


def test_an_unknown_kind_names_the_registered_ones(lines_kind, write_config):
    from korantui.core.config import ConfigError

    with pytest.raises(
        ConfigError, match='kind must be "feed" or "html" or "account" or "lines", not "rss"'
    ):
        write_config('[[feeds]]\nurl = "https://a.example/l"\nkind = "rss"\n')


def test_a_toy_kind_travels_through_opml(lines_kind):
    spec = FeedSpec("https://a.example/l.txt", "Daftar", "Kepri", "lines", {"separator": ";"})
    text = export_opml([spec])
    assert 'type="link"' in text and "xmlUrl" not in text
    assert import_opml(text) == [spec]


def test_a_store_row_of_a_kind_no_longer_registered_is_that_feeds_error(tmp_path):
    store = Store(tmp_path / "k.db")
    store.sync_feeds([FeedSpec("http://127.0.0.1:9/x", "X", kind="gone")])
    (result,) = _refresh(store)
    assert result.error == "unknown source kind 'gone' (known: feed, html, account)"
    store.close()


def test_only_the_kinds_own_modules_name_a_kind():
    # "Adding a kind is one module and its registration": nothing else may branch on a name.
    import re
    from pathlib import Path

    import korantui

    root = Path(korantui.__file__).parent
    allowed = {
        "core/models.py",  # where the names are defined
        "core/defaults.py",  # the built-in list: data
        "core/demo.py",  # the demo edition: data
        "core/sources/feed_kind.py",
        "core/sources/html_kind.py",
        "core/sources/registry.py",  # the default kind
    }
    naming = re.compile(r"\b(?:HTML_KIND|FEED_KIND)\b|kind\s*[!=]=\s*[\"'](?:feed|html)[\"']")
    found = [
        str(path.relative_to(root))
        for path in sorted((root / "core").rglob("*.py"))
        if str(path.relative_to(root)) not in allowed and naming.search(path.read_text("utf-8"))
    ]
    assert found == []
