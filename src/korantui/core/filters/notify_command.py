"""`korantui sync --notify`: the configured notify_command run for new alert matches.

No shell: the command is a list, and {title}, {feed}, {link} and {rule} are replaced inside its
arguments, nothing else. The values come from strangers' feeds: they are one line without
controls, capped, and one that starts with "-" gets a space before it, so it cannot be read as
an option of the command. Each run is bounded in time; a sync alerts for at most MAX_EACH
headlines one by one, then once for the rest.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Sequence

from korantui.core.filters.rules import NOTIFY_TIMEOUT
from korantui.core.sanitize import clean_line
from korantui.core.store.filter_flags import Alert

MAX_EACH = 5
_CAP = 300


def _value(text: str) -> str:
    text = clean_line(text)[:_CAP]
    return " " + text if text.startswith("-") else text


def command_for(command: Sequence[str], values: dict[str, str]) -> list[str]:
    args = []
    for arg in command:
        for key, value in values.items():
            arg = arg.replace("{" + key + "}", _value(value))
        args.append(arg)
    return args


def notify_all(
    command: Sequence[str],
    alerts: Sequence[Alert],
    say: Callable[[str], None],
    timeout: float = NOTIFY_TIMEOUT,
) -> int:
    """Run command for the alerts; how many runs succeeded. say() gets a line per failure."""
    runs: list[dict[str, str]] = [
        {"title": a.title, "feed": a.feed, "link": a.link, "rule": a.rule}
        for a in alerts[:MAX_EACH]
    ]
    rest = len(alerts) - MAX_EACH
    if rest > 0:
        runs.append(
            {
                "title": f"korantui: {rest} more new headlines match",
                "feed": "",
                "link": "",
                "rule": "",
            }
        )
    done = 0
    for values in runs:
        args = command_for(command, values)
        try:
            subprocess.run(
                args,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=timeout,
                check=True,
            )
        except (OSError, subprocess.SubprocessError) as e:
            say(f"notify_command failed: {clean_line(str(e))[:200]}")
            if isinstance(e, (FileNotFoundError, PermissionError)):
                break  # the next runs would fail alike
            continue
        done += 1
    return done
