"""Dates as Indonesian news prints them (the publication date of a page is published.py's).

parse_date is called hundreds of times per headline scrape, so the common forms (ISO 8601,
RFC 822, "Selasa, 20 September 2022 - 16:30:05 WIB", "05/11/2015 09:25 WIB", "2 jam yang lalu")
go through a regex fast path; dateparser, slow to import and to call, is only the fallback.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from korantui.core.moments import day_only
from korantui.core.regex_cache import compiled
from korantui.core.sanitize import clean_line

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")

_ZONES: dict[str, timezone] = {
    "wib": WIB,
    "wita": WITA,
    "wit": WIT,
    "utc": UTC,
    "gmt": UTC,
    "z": UTC,
}

_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        "januari january jan",
        "februari pebruari february feb peb",
        "maret march mar",
        "april apr",
        "mei may",
        "juni june jun",
        "juli july jul",
        "agustus august agu agt ags aug",
        "september sept sep",
        "oktober october okt oct",
        "november nopember nov nop",
        "desember december des dec",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _num

MONTH_NAMES = tuple(_MONTHS)
# Longest names first so "Juni" wins over "Jun" in the alternation.
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ZONE_RE = r"(?P<zone>WITA|WIB|WIT|UTC|GMT|Z|[+-]\d{2}:?\d{2})"
_TIME_RE = (
    r"[\s,|/-]*(?:(?:pukul|jam|at)\s*)?"
    r"(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?:[:.](?P<second>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?))?"
    rf"(?:\s*{_ZONE_RE})?"
)
_NAMED = compiled(
    rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+|-)(?:of\s+)?(?P<month>{_MONTH_RE})\.?(?:\s+|-|,\s*)"
    rf"(?P<year>\d{{4}})\b"
    rf"(?:{_TIME_RE})?",
    re.I,
)
# English order: "November 5, 2015 2:56 PM".
_NAMED_US = compiled(
    rf"\b(?P<month>{_MONTH_RE})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"
    rf"(?:{_TIME_RE})?",
    re.I,
)
# Day first, as Indonesia writes numbers: 05/11/2015 is 5 November.
_NUMERIC = compiled(
    r"(?<![\d/.-])(?P<day>[0-3]?\d)[/.-](?P<month>[01]?\d)[/.-](?P<year>\d{4}|\d{2})(?![\d/])"
    rf"(?:{_TIME_RE})?",
    re.I,
)
_YMD = compiled(
    r"(?<![\d/.-])(?P<year>\d{4})[/.-](?P<month>[01]?\d)[/.-](?P<day>[0-3]?\d)(?![\d/])"
    rf"(?:{_TIME_RE})?",
    re.I,
)
_RELATIVE = compiled(
    r"(?P<n>\d+|se|satu|an?|one)\s*"
    r"(?P<unit>detik|menit|jam|hari|minggu|pekan|bulan|tahun"
    r"|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
    r"\s+(?:yang\s+)?(?:lalu|ago)\b",
    re.I,
)
_UNIT_SECONDS = {
    "detik": 1,
    "sec": 1,
    "second": 1,
    "menit": 60,
    "min": 60,
    "minute": 60,
    "jam": 3600,
    "hr": 3600,
    "hour": 3600,
    "hari": 86400,
    "day": 86400,
    "minggu": 7 * 86400,
    "pekan": 7 * 86400,
    "week": 7 * 86400,
    "bulan": 30 * 86400,
    "month": 30 * 86400,
    "tahun": 365 * 86400,
    "year": 365 * 86400,
}
_DAY_WORDS = {
    "baru saja": 0,
    "hari ini": 0,
    "just now": 0,
    "today": 0,
    "kemarin": 1,
    "kemarin lusa": 2,
    "yesterday": 1,
}
_MOMENT_WORDS = frozenset({"baru saja", "just now"})
_RFC822 = compiled(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d")
_ISO_HINT = compiled(r"^\s*\d{4}-\d{2}-\d{2}")


def parse_date(text: str, *, now: datetime | None = None) -> datetime | None:
    """The timezone-aware moment text names, or None. A moment with no zone is taken as WIB;
    a day with no time stays a day (core/moments.py's day_only), never its invented midnight."""
    text = clean_line(text)
    if not text or len(text) > 300:
        return None
    for parse in (_parse_iso, _parse_rfc822, _parse_printed, parse_relative):
        result = parse(text, now)
        if result is not None:
            return result
    return _parse_with_dateparser(text, now)


def _aware(dt: datetime) -> datetime:
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=WIB)


def _parse_iso(text: str, _now: datetime | None) -> datetime | None:
    if not _ISO_HINT.match(text):
        return None
    # Seen in the wild: "2015-11-05 T10:08:58Z", "2015-11-05 10:08:58 +0700".
    candidate = re.sub(r"\s*T\s*", "T", text.strip(), count=1)
    candidate = re.sub(r"\s+(?=[+-]\d{2}:?\d{2}$)", "", candidate)
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    try:
        if len(candidate) == 10:  # "2022-09-20": a day
            return day_only(datetime.fromisoformat(candidate))
        return _aware(datetime.fromisoformat(candidate))
    except ValueError:
        return None


def _parse_rfc822(text: str, _now: datetime | None) -> datetime | None:
    if not _RFC822.match(text):
        return None
    try:
        dt = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    # "-0000" means "zone unknown" in RFC 2822; email.utils returns that as naive.
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def _zone(name: str | None) -> timezone:
    if not name:
        return WIB
    key = name.lower()
    if key in _ZONES:
        return _ZONES[key]
    sign = -1 if name[0] == "-" else 1
    digits = name[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))


def _build(m: re.Match[str]) -> datetime | None:
    parts = m.groupdict()
    month_text = parts["month"]
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower().rstrip("."))
    day = int(parts["day"])
    if month_text.isdigit() and month is not None and month > 12 >= day:
        day, month = month, day  # "12/18/2025": the American order, where no other can be
    year = int(parts["year"])
    if year < 100:
        year += 2000
    hour = int(parts.get("hour") or 0)
    ampm = (parts.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        if parts.get("hour") is None:  # "Selasa, 20 September 2022": a day, not its midnight
            return day_only(datetime(year, month or 0, day), _zone(parts.get("zone")))
        return datetime(
            year,
            month or 0,
            day,
            hour,
            int(parts.get("minute") or 0),
            int(parts.get("second") or 0),
            tzinfo=_zone(parts.get("zone")),
        )
    except ValueError:
        return None


def _parse_printed(text: str, _now: datetime | None) -> datetime | None:
    found = find_printed(text)
    return found[0] if found else None


def find_printed(text: str) -> tuple[datetime, str] | None:
    for pattern in (_NAMED, _NAMED_US, _YMD, _NUMERIC):
        for m in pattern.finditer(text):
            dt = _build(m)
            if dt is not None and 1900 < dt.year < 2200:
                return dt, m.group(0)
    return None


def is_date_only(text: str) -> bool:
    """Whether text is a timestamp and nothing else ("Kamis, 05/11/2015 09:25 WIB")."""
    if len(text) > 60:
        return False
    found = find_printed(text)
    if found is None:
        return False
    rest = text.replace(found[1], " ")
    return re.sub(r"[\W\d_]+", " ", rest).strip().lower() in _DAY_NAMES_OR_EMPTY


_DAY_NAMES_OR_EMPTY = DAY_NAMES = frozenset(
    {
        *("senin", "selasa", "rabu", "kamis", "jumat", "jum at", "sabtu", "minggu", "ahad"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("mon", "tue", "wed", "thu", "fri", "sat", "sun", "", "wib", "wita", "wit", "pukul"),
    }
)


def parse_relative(text: str, now: datetime | None) -> datetime | None:
    lowered = text.lower()
    base = now or datetime.now(WIB)
    if base.tzinfo is None:
        base = base.replace(tzinfo=WIB)
    m = _RELATIVE.search(lowered)
    if m:
        n_text = m.group("n")
        n = int(n_text) if n_text.isdigit() else 1
        # English plurals only: no Indonesian unit ends in "s".
        seconds = _UNIT_SECONDS.get(m.group("unit").rstrip("s"), 0)
        if seconds:
            return base - timedelta(seconds=n * seconds)
    stripped = lowered.strip(" .,")
    if stripped in _DAY_WORDS:
        when = base - timedelta(days=_DAY_WORDS[stripped])
        # "kemarin" names a day (in the outlet's zone), "baru saja" a moment.
        return when if stripped in _MOMENT_WORDS else day_only(when.astimezone(WIB))
    return None


def _parse_with_dateparser(text: str, now: datetime | None) -> datetime | None:
    # Worth the cost only where there is something date-like to read; and a day with no year
    # ("April 12") is no date: the library would give it the current year.
    if not re.search(r"\d{4}", text) and not re.search(r"kemarin|lusa|yesterday", text, re.I):
        return None
    import dateparser  # lazy: ~0.1 s to import, never needed at start-up

    settings: dict[str, Any] = {
        "TIMEZONE": "Asia/Jakarta",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
    }
    if now is not None:
        settings["RELATIVE_BASE"] = now.astimezone(WIB).replace(tzinfo=None)
    try:
        dt = dateparser.parse(text, languages=["id", "en"], settings=settings)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    return _aware(dt) if dt is not None else None
