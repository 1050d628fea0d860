"""Dates as korantui keeps and shows them: a day printed without a time stays a day, and a time
keeps the zone its outlet gave it.

A page that prints "Selasa, 20 September 2022" names a day, not its midnight: shown on a
machine in UTC as that midnight in WIB, it became "Mon, 19 Sep 2022 17:00". Such a day is a
datetime at midnight whose tzinfo is a DayZone (the outlet's offset, so it still sorts and
compares as the day's first moment); it is stored as "2022-09-20" and shown without a time.
Converting it (astimezone) gives an ordinary moment, as it should.

A time is shown in its outlet's zone (WIB, WITA, WIT, from the feed's or page's offset), with
the zone named when it is not the reader's; a time in UTC says nothing of the outlet and is
shown in the reader's zone. The headline list and the reading pane both format through
format_when, from story_date: one story, one date.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING

from korantui.core import clock
from korantui.core.regex_cache import compiled

if TYPE_CHECKING:
    from korantui.core.models import Article, Headline

_ZONE_NAMES = {7: "WIB", 8: "WITA", 9: "WIT"}
_OFFSET_AT_END = compiled(
    r"(?:(?P<name>WITA|WIB|WIT)|(?P<sign>[+-])(?P<h>\d{2}):?(?P<m>\d{2}))\s*$"
)


class DayZone(tzinfo):
    """The zone of a day given without a time: its outlet's offset, and the mark "no time"."""

    __slots__ = ("_offset",)

    def __init__(self, offset: timedelta = timedelta(hours=7)) -> None:
        self._offset = offset

    def utcoffset(self, dt: datetime | None) -> timedelta:
        return self._offset

    def dst(self, dt: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, dt: datetime | None) -> str:
        return zone_label(self._offset)

    def __reduce__(self) -> tuple[type[DayZone], tuple[timedelta]]:
        return DayZone, (self._offset,)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DayZone) and other._offset == self._offset

    def __hash__(self) -> int:
        return hash(("day", self._offset))

    def __repr__(self) -> str:
        return f"DayZone({self._offset!r})"


def day_only(day: date, zone: tzinfo | None = None) -> datetime:
    """The day as korantui keeps a day printed without a time (in the outlet's zone: WIB)."""
    offset = zone.utcoffset(None) if zone is not None else None
    return datetime(day.year, day.month, day.day, tzinfo=DayZone(offset or timedelta(hours=7)))


def is_day_only(when: datetime | None) -> bool:
    return when is not None and isinstance(when.tzinfo, DayZone)


def to_stored(when: datetime | None) -> str | None:
    """The store's text for when: "2022-09-20" for a day, else ISO 8601 with the outlet's
    offset (a naive moment is taken as UTC)."""
    if when is None:
        return None
    if is_day_only(when):
        return when.date().isoformat()
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.isoformat(timespec="seconds")


def from_stored(text: str | None) -> datetime | None:
    """What to_stored wrote (and the UTC moments of earlier stores) as a datetime."""
    if not text:
        return None
    if len(text) == 10:
        return day_only(date.fromisoformat(text))
    when = datetime.fromisoformat(text)
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def in_own_zone(moment: datetime, printed: str | None) -> datetime:
    """moment in the zone its printed form ends with ("… +0700", "… WITA"): the same moment,
    shown as its outlet wrote it. A parser that gives UTC alone (feedparser) loses that."""
    m = _OFFSET_AT_END.search(printed or "")
    if m is None:
        return moment
    if m.group("name"):
        offset = timedelta(hours={v: k for k, v in _ZONE_NAMES.items()}[m.group("name")])
    else:
        sign = -1 if m.group("sign") == "-" else 1
        offset = sign * timedelta(hours=int(m.group("h")), minutes=int(m.group("m")))
    if abs(offset) >= timedelta(hours=24):
        return moment
    return moment.astimezone(timezone(offset))


def zone_label(offset: timedelta) -> str:
    """ "WIB", "WITA", "WIT", "UTC", or "UTC+05:30"."""
    hours, rest = divmod(offset, timedelta(hours=1))
    if not rest and hours in _ZONE_NAMES:
        return _ZONE_NAMES[hours]
    if not offset:
        return "UTC"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(offset) // timedelta(minutes=1)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def shown(when: datetime) -> tuple[datetime, str]:
    """when as it is shown, and the name of its zone when that is not the reader's ("")."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if is_day_only(when):
        return when, ""
    offset = when.utcoffset()
    local = when.astimezone()
    if not offset or local.utcoffset() == offset:
        return local, ""
    return when, zone_label(offset or timedelta(0))


def story_date(headline: Headline, article: Article | None = None) -> datetime | None:
    """The one date of a story, in the list and in the pane: the feed's, else the page's."""
    if headline.published is not None:
        return headline.published
    return article.published if article is not None else None


def format_when(
    when: datetime | None, lang: str = "en", *, short: bool = False, now: datetime | None = None
) -> str:
    """The long form ("Selasa, 20 Sep 2022 16.30", "… 16.30 WITA" where the reader is not in
    WITA, "Selasa, 20 Sep 2022" for a day) or the short one of a headline row ("2 jam lalu",
    "kemarin", "20 Sep"), both of the same day in the same zone."""
    from korantui.core.i18n import DAY_NAMES, MONTH_NAMES, tr

    if when is None:
        return ""
    lang = "id" if lang == "id" else "en"
    at, zone = shown(when)
    day = at.date()
    month = MONTH_NAMES[lang][at.month - 1]
    if not short:
        text = f"{DAY_NAMES[lang][at.weekday()]}, {day.day} {month} {day.year}"
        if is_day_only(at):
            return text
        sep = "." if lang == "id" else ":"
        return f"{text} {at.hour:02d}{sep}{at.minute:02d}" + (f" {zone}" if zone else "")
    now = now or clock.now()
    if not is_day_only(at):
        seconds = (now - at).total_seconds()
        if seconds < 60:
            return tr("just_now", lang)
        if seconds < 3600:
            return tr("minutes_ago", lang, n=int(seconds // 60))
        if seconds < 86400:
            return tr("hours_ago", lang, n=int(seconds // 3600))
    # Beyond a day, in calendar days of the zone the date is shown in: "yesterday" for
    # something two calendar days back contradicted the date the pane shows.
    days = (now.astimezone(at.tzinfo).date() - day).days
    if days == 0:
        return tr("today", lang)
    if days == 1:
        return tr("yesterday", lang)
    if 1 < days < 7:
        return tr("days_ago", lang, n=days)
    if day.year == now.astimezone(at.tzinfo).year:
        return f"{day.day} {month}"
    return f"{day.day} {month} {day.year}"
