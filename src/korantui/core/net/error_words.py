"""Why a request failed, in words a reader knows: HTTP statuses, the operating system's and
TLS's errors (a certificate problem comes with its fix)."""

from __future__ import annotations

import socket
from collections.abc import Mapping

from korantui.core.sanitize import clean_line


def http_message(status: int, hdrs: Mapping[str, str]) -> str:
    """The words for an HTTP error status, for the per-feed error line."""
    words = {
        400: "bad request",
        401: "login required",
        403: "forbidden",
        404: "not found",
        410: "gone",
        451: "unavailable for legal reasons",
        500: "server error",
        502: "bad gateway",
        503: "service unavailable",
        504: "gateway timeout",
    }
    msg = f"HTTP {status}"
    if status == 429:
        msg += " (too many requests"
        if hdrs.get("retry-after"):
            msg += f"; retry after {retry_after(hdrs['retry-after'])}"
        return msg + ")"
    if status in words:
        return f"{msg} ({words[status]})"
    if status >= 500:
        return f"{msg} (server error)"
    return msg


CERTIFICATE = "the site's certificate"
CA_HINT = (
    "if this network puts its own certificate authority in between (a company, school or"
    " antivirus proxy), point SSL_CERT_FILE or ca_file in [network] at its certificate"
)


def _certificate_words(verify_message: str) -> str:
    low = verify_message.lower()
    if "expired" in low:
        return f"{CERTIFICATE} has expired (or this computer's clock is wrong)"
    if "not yet valid" in low:
        return f"{CERTIFICATE} is not valid yet (or this computer's clock is wrong)"
    if "hostname" in low or "ip address mismatch" in low:
        return f"{CERTIFICATE} is for another address"
    return f"{CERTIFICATE} is not from an authority this computer trusts; {CA_HINT}"


# What the operating system's error strings mean, in words a reader knows.
_REASONS = (
    ("refused", "connection refused"),
    ("name or service not known", "address not found (DNS)"),
    ("nodename nor servname", "address not found (DNS)"),
    ("temporary failure in name resolution", "address not found (DNS)"),
    ("no address associated", "address not found (DNS)"),
    ("network is unreachable", "network unreachable"),
    ("no route to host", "no route to the server"),
    ("certificate verify failed", f"{CERTIFICATE} is not valid; {CA_HINT}"),
    ("certificate", f"{CERTIFICATE} is not valid"),
    ("ssl", "secure connection failed"),
    ("connection reset", "the connection was reset"),
    ("server disconnected", "the server closed the connection"),
    ("peer closed", "the server closed the connection early"),
    ("incomplete", "the server closed the connection early"),
    ("illegal status line", "the server's answer is not HTTP"),
    ("illegal header", "the server sent a broken header"),
)


def reason(e: BaseException) -> str:
    # anyio reports "All connection attempts failed"; the OS's own error is further down.
    texts: list[str] = []
    seen: set[int] = set()
    cur: BaseException | None = e
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cur, socket.gaierror):
            return "address not found (DNS)"
        if type(cur).__name__ == "SSLCertVerificationError":  # ssl stays unimported here
            return _certificate_words(str(getattr(cur, "verify_message", "") or cur))
        texts.append(clean_line(str(cur)))
        cur = cur.__cause__ or cur.__context__
    text = texts[0] or type(e).__name__
    low = " ".join(texts).lower()
    if "all connection attempts failed" in low and "refused" not in low:
        return "connection refused or unreachable"
    for needle, words in _REASONS:
        if needle in low:
            return words
    return text[:200]


def retry_after(value: str) -> str:
    value = value.strip()
    if value.isdigit():
        return f"{value} s"
    from email.utils import parsedate_to_datetime  # ~3 ms of imports, for a rare answer

    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return clean_line(value)[:60]
