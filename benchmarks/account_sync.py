"""Pulling N unread items (10,000 by default) from each loopback account server through
korantui's clients: seconds, items a second and the client's peak Python memory.

The server runs in a child process (tests/sync_servers.py), so its work is neither timed
as the client's CPU nor counted in the client's memory. Each client is timed twice: once
without tracemalloc (time), once with it (peak memory), at its default page sizes.

    python benchmarks/account_sync.py [--items 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import os
import platform
import sys
import time
import tracemalloc
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from korantui.core.accounts.greader import GReaderClient  # noqa: E402
from korantui.core.accounts.miniflux import MinifluxClient  # noqa: E402

PASSWORD = "rahasia-sekali"
KEY = "kunci-api-123"


def _serve(kind: str, n: int, conn: Connection) -> None:
    from tests.sync_servers import GReaderServer, MinifluxServer

    server = GReaderServer(password=PASSWORD) if kind == "greader" else MinifluxServer(api_key=KEY)
    with server:
        for f in range(20):
            server.add_feed(f"Koran {f}", f"https://koran{f}.example/rss")
        per = n // 20
        for f in range(20):
            server.add_items(per + (n - per * 20 if f == 19 else 0), f + 1)
        # read ones too, so unread_only has something to leave out
        server.add_items(n // 10, 1, read=True)
        conn.send(server.url)
        conn.recv()  # until told to stop


def _client(kind: str, url: str) -> GReaderClient | MinifluxClient:
    if kind == "greader":
        return GReaderClient(url, "budi", PASSWORD)
    return MinifluxClient(url, api_key=KEY)


async def _pull(kind: str, url: str) -> tuple[int, int, float, float]:
    client = _client(kind, url)
    try:
        start = time.perf_counter()
        await client.login()
        count = 0
        async for page in client.items(None, unread_only=True):
            count += len(page)
        pulled = time.perf_counter() - start
        state = await client.state()
        total = time.perf_counter() - start
        return count, len(state.unread), pulled, total
    finally:
        await client.aclose()


def _measure(kind: str, n: int) -> dict[str, float]:
    parent, child = mp.Pipe()
    proc = mp.Process(target=_serve, args=(kind, n, child), daemon=True)
    proc.start()
    try:
        url = parent.recv()
        count, unread, pulled, total = asyncio.run(_pull(kind, url))
        tracemalloc.start()
        asyncio.run(_pull(kind, url))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        parent.send("stop")
        proc.join(timeout=10)
    assert count == n and unread == n, (count, unread, n)
    return {"items": count, "pull_s": pulled, "with_state_s": total, "peak_mb": peak / 2**20}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--items", type=int, default=10_000)
    args = ap.parse_args()
    print(
        f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    )
    head = ("server", "items", "pull s", "items/s", "+state s", "peak MB")
    print(f"{head[0]:<10} {head[1]:>7} {head[2]:>8} {head[3]:>9} {head[4]:>9} {head[5]:>8}")
    for kind in ("greader", "miniflux"):
        r = _measure(kind, args.items)
        rate = r["items"] / r["pull_s"]
        print(
            f"{kind:<10} {r['items']:>7.0f} {r['pull_s']:>8.2f} {rate:>9.0f}"
            f" {r['with_state_s']:>9.2f} {r['peak_mb']:>8.1f}"
        )


if __name__ == "__main__":
    main()
