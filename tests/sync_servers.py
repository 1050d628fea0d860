"""Strict loopback servers for the account tests: a Google Reader API server as FreshRSS serves
it (p/api/greader.php) and a Miniflux REST API (internal/api/*.go), both in memory.

Strict means as documented and as those servers' sources do it, never looser: the exact
`GoogleLogin auth=` header, the POST token (FreshRSS also takes "" and "x"; this one does not),
edit-tag only by POST, continuation with an empty last page, `ot` in seconds, mark-all `ts` in
microseconds; Miniflux's X-Auth-Token or basic auth, paging by after_entry_id, the bookmark as
a toggle. A test reads and changes the state directly (`server.items[...]`: "read elsewhere"),
switches the API off, and makes the Nth request fail (500, or the connection dropped).

Each server is a ThreadingHTTPServer on 127.0.0.x, used as a context manager; no handler loops
or waits without a bound.
"""

from tests.sync_server_base import BASE_US, Feed, Item, LoopbackServer, Request
from tests.sync_server_greader import LONG, READ, READING_LIST, STARRED, GReaderServer
from tests.sync_server_miniflux import MinifluxServer

__all__ = [
    "BASE_US",
    "LONG",
    "READ",
    "READING_LIST",
    "STARRED",
    "Feed",
    "GReaderServer",
    "Item",
    "LoopbackServer",
    "MinifluxServer",
    "Request",
]
