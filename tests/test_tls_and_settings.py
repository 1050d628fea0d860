"""A certificate korantui does not trust is said in words with the fix, and the fix (ca_file)
works; settings that would break every request are config errors with file:line (issue 17)."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from korantui.cli import main
from korantui.core.config import ConfigError, load_config
from korantui.core.net.fetch import Fetcher, FetchError, FetchSettings

FAST = FetchSettings(connect_timeout=2.0, read_timeout=2.0, total_timeout=5.0)
ONE_LINE = "'user_agent' must be one line of printable text"


class _Page(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = b"<html><body><p>aman</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def tls_site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 with a self-signed certificate; (base address, cert)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", cert
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


async def test_an_untrusted_certificate_is_said_with_its_fix(tls_site: tuple[str, Path]):
    base, _ = tls_site
    async with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.get(base + "/")
    assert info.value.kind == "tls"
    message = str(info.value)
    assert message.startswith(
        "cannot connect: the site's certificate is not from an authority this computer trusts"
    )
    assert "SSL_CERT_FILE" in message and "ca_file in [network]" in message


async def test_ca_file_makes_the_certificate_trusted(tls_site: tuple[str, Path]):
    base, cert = tls_site
    settings = FetchSettings(connect_timeout=2.0, read_timeout=2.0, ca_file=str(cert))
    async with Fetcher(settings) as fetcher:
        result = await fetcher.get(base + "/")
    assert b"aman" in result.content


def test_ca_file_is_read_from_the_network_settings(tmp_path: Path):
    cert = tmp_path / "ca.pem"
    cert.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    path = tmp_path / "config.toml"
    path.write_text(f'[network]\nca_file = "{cert}"\n', encoding="utf-8")
    assert load_config(path, tmp_path).fetch.ca_file == str(cert)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            'user_agent = "korantui\\r\\nX-Evil: 1"',
            "'user_agent' must be one line of printable text",
        ),
        ('user_agent = "pembaca berita ☕"', "'user_agent' must be plain ASCII (HTTP headers are)"),
        (
            "read_timeout = nan",
            "'read_timeout' must be a positive number of seconds (at most 86400)",
        ),
        (
            "connect_timeout = inf",
            "'connect_timeout' must be a positive number of seconds (at most 86400)",
        ),
        ('ca_file = "/tidak/ada.pem"', "ca_file '/tidak/ada.pem' is not a file"),
    ],
)
def test_settings_that_would_break_every_request_are_config_errors(
    tmp_path: Path, line: str, message: str
):
    path = tmp_path / "config.toml"
    path.write_text(f'language = "id"\n\n[network]\n{line}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path, tmp_path)
    assert str(info.value) == f"{path}:line 4: {message}"


def test_a_bad_setting_is_one_line_and_exit_2(tmp_path: Path, capsys):  # type: ignore[no-untyped-def]
    path = tmp_path / "config.toml"
    path.write_text("[network]\nread_timeout = nan\n", encoding="utf-8")
    code = main(["--config", str(path), "--data-dir", str(tmp_path / "d"), "refresh"])
    err = capsys.readouterr().err
    assert code == 2
    what = "'read_timeout' must be a positive number of seconds (at most 86400)"
    assert err == f"korantui: {path}:line 2: {what}\n"
