"""`korantui sync` fetches articles at the per-host cap (issue 15): on two hosts, four at a time
on each (the politeness), eight in all, not four in all."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from korantui.cli import main
from korantui.core.store.database import Store
from tests.hostile_servers import article_page, rss

PER_HOST = 4  # FetchSettings.max_per_host's default


class _Host:
    """An article site on one loopback address that notes how many requests it holds at once.
    Each article waits (at most 2 s) until PER_HOST requests are in, so the most in flight is
    what the client allows, not an accident of timing."""

    def __init__(self, address: str) -> None:
        self.in_flight = 0
        self.most = 0
        self.cond = threading.Condition()
        host = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                if self.path == "/feed.xml":
                    return self._send(host.feed.encode(), "application/rss+xml")
                with host.cond:
                    host.in_flight += 1
                    host.most = max(host.most, host.in_flight)
                    host.cond.notify_all()
                    host.cond.wait_for(lambda: host.in_flight >= PER_HOST, timeout=2)
                try:
                    words = [f"Paragraf {self.path} tentang pelabuhan dan kapal nelayan " * 12] * 4
                    self._send(article_page(f"Berita {self.path}", words).encode(), "text/html")
                finally:
                    with host.cond:
                        host.in_flight -= 1

            def _send(self, body: bytes, ctype: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer((address, 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://{address}:{self.server.server_address[1]}"
        self.feed = ""
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)


def test_sync_fetches_articles_at_the_per_host_cap(tmp_path: Path) -> None:
    hosts = [_Host("127.0.0.1"), _Host("127.0.0.2")]
    lines = []
    for n, host in enumerate(hosts):
        items = [
            {"title": f"Kabar {n}-{i}", "link": f"{host.base}/berita/{n}-{i}"} for i in range(8)
        ]
        host.feed = rss(items)
        host.thread.start()
        lines += ["[[feeds]]", f'url = "{host.base}/feed.xml"', f'name = "Koran {n}"', ""]
    cfg = tmp_path / "config.toml"
    cfg.write_text("\n".join(lines), encoding="utf-8")
    try:
        code = main(["--config", str(cfg), "--data-dir", str(tmp_path / "data"), "sync"])
    finally:
        for host in hosts:
            host.server.shutdown()
            host.server.server_close()
    assert code == 0
    assert [h.most for h in hosts] == [PER_HOST, PER_HOST]
    store = Store(tmp_path / "data" / "korantui.db")
    assert sum(h.has_article for h in store.headlines()) == 16
    store.close()
