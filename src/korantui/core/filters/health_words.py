"""A feed's health in words, for `korantui feeds` and the app's headline pane: last success,
failures in a row, the dead flag, the server's wait. Indonesian and English."""

from __future__ import annotations

from datetime import datetime

from korantui.core.i18n import format_age, format_date
from korantui.core.store.health import FeedHealth

_WORDS = {
    "en": {
        "ok": "last success {when}",
        "never": "never succeeded",
        "failing": "failed {n} times in a row since {when}",
        "failing1": "failed once, {when}",
        "dead": "DEAD: no success for {days} days",
        "wait": "the server asks to wait until {when}",
    },
    "id": {
        "ok": "terakhir berhasil {when}",
        "never": "belum pernah berhasil",
        "failing": "gagal {n} kali berturut-turut sejak {when}",
        "failing1": "gagal sekali, {when}",
        "dead": "MATI: tidak berhasil selama {days} hari",
        "wait": "server meminta menunggu sampai {when}",
    },
}


def health_lines(
    health: FeedHealth, now: datetime, dead_days: int, lang: str = "en", *, short: bool = False
) -> list[str]:
    """What to say of the feed's health (nothing for a feed never refreshed). short: ages
    ("2 jam lalu") instead of dates, for the app's narrow places."""
    words = _WORDS["id" if lang == "id" else "en"]

    def when(dt: datetime | None) -> str:
        return format_age(dt, lang, now) if short else format_date(dt, lang)

    if health.last_attempt is None:
        return []
    lines = []
    if health.dead(dead_days, now):
        since = health.last_success or health.failing_since
        days = (now - since).days if since else dead_days
        lines.append(words["dead"].format(days=days))
    if health.failures == 1:
        lines.append(words["failing1"].format(when=when(health.failing_since)))
    elif health.failures:
        lines.append(words["failing"].format(n=health.failures, when=when(health.failing_since)))
    if health.last_success is not None:
        lines.append(words["ok"].format(when=when(health.last_success)))
    elif health.failures:
        lines.append(words["never"])
    if health.not_before is not None and health.not_before > now:
        lines.append(words["wait"].format(when=format_date(health.not_before, lang)))
    return lines
