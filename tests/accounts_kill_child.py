"""The process test_accounts_crash.py kills: it changes state through the ReadingService (so
an account's changes are queued), then is killed with SIGKILL before or while they are pushed.

usage: accounts_kill_child.py DB MODE [URL USER PASSWORD]
  MODE queue: mark every unread headline read and star the first one, print "queued", then
              wait to be killed (the push never happens)
  MODE push:  the same, then push the queue to the Google Reader server at URL, and SIGKILL
              itself as soon as the server has accepted the first batch, before that batch
              leaves the queue (print "pushed" first)
"""

from __future__ import annotations

import asyncio
import faulthandler
import os
import signal
import sys
from collections.abc import Iterable

from korantui.core.reading_service import ReadingService
from korantui.core.store.database import Store


def main() -> None:
    faulthandler.dump_traceback_later(30, exit=True)
    db, mode = sys.argv[1], sys.argv[2]
    store = Store(db)
    service = ReadingService(store)
    unread = service.headlines(unread_only=True)
    service.set_read(unread)
    service.set_starred(unread[0], True)
    print("queued", len(unread), flush=True)
    if mode == "queue":
        sys.stdin.read()  # until the test kills this process
        return
    url, user, password = sys.argv[3:6]
    from korantui.core.accounts.engine import push_queue
    from korantui.core.accounts.greader import GReaderClient

    class DiesAfterTheServerAccepted(GReaderClient):
        async def mark_read(self, ids: Iterable[str], read: bool) -> None:
            await super().mark_read(ids, read)
            print("pushed", flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

    async def run() -> None:
        client = DiesAfterTheServerAccepted(url, user, password)
        await client.login()
        await push_queue(store, client, "Rumah")

    asyncio.run(run())


if __name__ == "__main__":
    main()
