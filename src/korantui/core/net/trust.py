"""The certificates a Fetcher trusts, read when the first https request needs them.

Reading the CA bundle (certifi's ~150 certificates, or the file a setting names) costs 40-130 ms
of CPU, and every Fetcher made it before its first request, http or not. Here the TLS context
is made at once, empty, and the first https request loads the certificates into it (in a
worker thread, off the event loop) while the others wait for that one load (Fetcher._one): no
handshake ever runs on a context still being filled, and a run of plain http requests never
reads them at all. The sources of trust are zone_clients.tls_context's, in its order.
"""

from __future__ import annotations

import os
import ssl
import threading


class Trust:
    """`Trust(ca_file).context` for the clients; wait() unless ready, before any handshake."""

    def __init__(self, ca_file: str = "") -> None:
        # What ssl.create_default_context makes for a client, without its certificates yet.
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        keylog = os.environ.get("SSLKEYLOGFILE")
        if keylog and hasattr(self.context, "keylog_filename"):
            self.context.keylog_filename = keylog
        self._ca_file = ca_file
        self._error: Exception | None = None
        self._loaded = threading.Event()
        self._lock = threading.Lock()
        self._started = False

    def _load(self) -> None:
        try:
            ca_file = os.path.expanduser(self._ca_file) if self._ca_file else ""
            if ca_file:
                self.context.load_verify_locations(cafile=ca_file)
            elif os.environ.get("SSL_CERT_FILE"):
                self.context.load_verify_locations(cafile=os.environ["SSL_CERT_FILE"])
            elif os.environ.get("SSL_CERT_DIR"):
                self.context.load_verify_locations(capath=os.environ["SSL_CERT_DIR"])
            else:
                import certifi  # httpx's own choice, and its dependency

                self.context.load_verify_locations(cafile=certifi.where())
        except Exception as e:  # said to the first https request, not to a thread's log
            self._error = e
        finally:
            self._loaded.set()

    @property
    def ready(self) -> bool:
        """Loaded, and without error: a handshake may use the context."""
        return self._loaded.is_set() and self._error is None

    def wait(self) -> None:
        """Load the certificates, or wait for the load under way (a worker thread's call);
        raise what loading raised."""
        with self._lock:
            first, self._started = not self._started, True
        if first:
            self._load()
        else:
            self._loaded.wait()
        if self._error is not None:
            raise self._error
