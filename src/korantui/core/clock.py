"""The one place the interface asks what time it is.

Relative times ("2 jam lalu") and the demo edition's freshness depend on "now"; tests and the
screenshot script pin it with KORANTUI_NOW (an ISO 8601 moment) so rendered screens never change.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

ENV = "KORANTUI_NOW"


def now() -> datetime:
    """The current moment (timezone-aware), or the one pinned in KORANTUI_NOW."""
    pinned = os.environ.get(ENV, "").strip()
    if pinned:
        try:
            when = datetime.fromisoformat(pinned)
        except ValueError:
            return datetime.now(UTC)
        return when if when.tzinfo else when.replace(tzinfo=UTC)
    return datetime.now(UTC)
