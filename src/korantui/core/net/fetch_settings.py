"""The [network] settings of a Fetcher. Apart from fetch.py because the config, read at every
start (`korantui read FILE` too), needs them, and fetch.py brings the network stack (asyncio,
the resolver) with it."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from korantui import __version__
from korantui.core.sanitize import clean_line

# decode.MB; not imported from there, which pulls the network stack in (errors -> zones).
MB = 1024 * 1024

DEFAULT_USER_AGENT = (
    f"Mozilla/5.0 (X11; Linux x86_64) korantui/{__version__} (terminal news reader)"
)


@dataclass(slots=True)
class FetchSettings:
    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 45.0
    max_bytes: int = 10 * MB  # on the wire
    max_decoded_bytes: int = 30 * MB  # after gzip/deflate
    max_redirects: int = 8
    max_connections: int = 16
    max_per_host: int = 4
    ca_file: str = ""  # certificates to trust instead of the usual ones (a company's own CA)

    def problems(self) -> list[tuple[str, str]]:
        """(setting, what is wrong with it) for values that would only fail later, on every
        request and in other words: a header with a line break, a time that is not a number."""
        found: list[tuple[str, str]] = []
        for key in ("connect_timeout", "read_timeout", "total_timeout"):
            value = getattr(self, key)
            if not math.isfinite(value) or value <= 0:
                found.append((key, f"'{key}' must be a positive number of seconds"))
        if not self.user_agent or any(c < " " or c == "\x7f" for c in self.user_agent):
            found.append(("user_agent", "'user_agent' must be one line of printable text"))
        elif not self.user_agent.isascii():
            found.append(("user_agent", "'user_agent' must be plain ASCII (HTTP headers are)"))
        if self.ca_file:
            path = os.path.expanduser(self.ca_file)
            if not os.path.isfile(path):
                found.append(("ca_file", f"ca_file '{clean_line(self.ca_file)}' is not a file"))
            else:
                self.ca_file = path
        return found
