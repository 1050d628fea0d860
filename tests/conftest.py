"""Shared test fixtures: the project's local news site, configs in tmp dirs, ../shared data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from korantui.core.config import Config, load_config
from tests import newssite

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
_XDG = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


@pytest.fixture(autouse=True)
def sandboxed_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test in a home of its own: the suite must pass on the machine of someone who
    uses korantui, whose ~/.config/korantui/config.toml would otherwise replace the built-in
    outlets. HOME too, for what falls back to ~ when an XDG variable is unset."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in _XDG:
        monkeypatch.setenv(name, str(home / name.lower()))
    return home


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "fixtures").is_dir():
        pytest.skip(f"shared data folder {SHARED} is absent")
    return SHARED


def _serve_news_site(server: HTTPServer) -> str:
    base = server.url_for("").rstrip("/")
    server.no_handler_status_code = 404
    for path, (ctype, body) in newssite.routes(base).items():
        server.expect_request(path).respond_with_data(body, content_type=ctype)
    return base


@pytest.fixture
def news_site(httpserver: HTTPServer) -> str:
    """The test news site on 127.0.0.1 (the shared server); returns its base address."""
    return _serve_news_site(httpserver)


@pytest.fixture
def own_news_site() -> Iterator[tuple[str, HTTPServer]]:
    """The test news site on a server of this test's own, which the test may stop."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        yield _serve_news_site(server), server
    finally:
        if server.is_running():
            server.stop()


@pytest.fixture
def write_config(tmp_path: Path) -> Callable[[str], Config]:
    """Write config.toml text into tmp_path and load it, with the store in tmp_path/data."""

    def make(text: str) -> Config:
        path = tmp_path / "config.toml"
        path.write_text(text, encoding="utf-8")
        return load_config(path, tmp_path / "data")

    return make
