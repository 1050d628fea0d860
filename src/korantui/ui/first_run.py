"""What a refresh that reached nothing says, in one line: a machine without network is told so
("no network: 12 outlets could not be reached"), anything else by its first error."""

from __future__ import annotations

from korantui.core.i18n import tr
from korantui.core.sanitize import clean_line

# The fetcher's words (core/net/error_words.py) for a server it never got an answer from.
_NO_ANSWER = (
    "address not found (DNS)",
    "connection refused",
    "network unreachable",
    "no route to the server",
    "no answer from the server",
)


def _unanswered(error: str) -> bool:
    return any(words in error for words in _NO_ANSWER)


def failure_line(errors: list[str], lang: str) -> str:
    if all(_unanswered(e) for e in errors):
        return tr("offline_no_network", lang, n=len(errors))
    first = next(e for e in errors if not _unanswered(e))
    return tr("offline_failed", lang, n=len(errors), error=clean_line(first)[:120])
