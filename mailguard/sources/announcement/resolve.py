"""Pinning a reading to aware datetimes: filling in the year, the zone, the end.

Everything the text leaves out is filled in the way a careful reader would, and
said so in a warning: a missing year is the one nearest the anchor (not more
than two weeks before it, since announcements speak about the future); a missing
end is estimated generously. Wall times are built with ``datetime(...,
tzinfo=zone)`` so each gets the offset in force on its own date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from mailguard.core.model import UNSTATED_END_ASSUMPTION, Confidence
from mailguard.sources.announcement import lexicon
from mailguard.sources.announcement.grammar import Reading
from mailguard.sources.announcement.tokens import Clock, DateValue, Span, Token, ZoneValue

#: Announcements speak about the future, but may be read a little after the fact.
_ANCHOR_LOOKBACK = timedelta(days=14)
_MAX_DAILY_WINDOWS = 31
_YEARS = range(1970, 2200)
_EARLIEST = datetime(_YEARS.start, 1, 2, tzinfo=UTC)
_LATEST = datetime(_YEARS.stop - 1, 12, 30, tzinfo=UTC)
_RANK = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}

Wall = tuple[int, int]  # (hour, minute) on the 24-hour clock; (24, 0) ends the day


class Unreadable(Exception):
    """The phrase cannot be a window (31 February, an end before the start)."""


@dataclass(frozen=True, slots=True)
class Pinned:
    start: datetime
    end: datetime
    end_estimated: bool
    confidence: Confidence
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DateHint:
    """A date found outside the phrase (elsewhere in the paragraph), and how sure it is."""

    token: Token
    confidence: Confidence
    note: str | None = None


@dataclass(slots=True)
class _Notes:
    """What was assumed while pinning one phrase."""

    confidence: Confidence = Confidence.HIGH
    warnings: list[str] = field(default_factory=list)

    def add(self, warning: str, confidence: Confidence | None = None) -> None:
        if warning not in self.warnings:
            self.warnings.append(warning)
        if confidence is not None and _RANK[confidence] < _RANK[self.confidence]:
            self.confidence = confidence

    def copy(self) -> _Notes:
        return _Notes(self.confidence, list(self.warnings))


class Pinner:
    """Pins readings for one text: its default zone, its anchor and its language."""

    def __init__(self, zone: tzinfo, anchor: datetime, *, day_first: bool) -> None:
        self._zone = zone
        aware = anchor if anchor.utcoffset() is not None else anchor.replace(tzinfo=zone)
        self._anchor = min(max(aware, _EARLIEST), _LATEST)  # a feed may claim year 1
        self._anchor_day = self._anchor.astimezone(zone).date()
        self._day_first = day_first

    def pin(
        self, reading: Reading, hint: DateHint | None = None, *, repeat: bool = False
    ) -> list[Pinned]:
        """The window(s) a reading names; raises Unreadable when it names none."""
        notes = _Notes()
        date_token = reading.start_date
        if date_token is None and hint is not None:
            date_token = hint.token
            if hint.note:
                notes.add(hint.note, hint.confidence)
        if date_token is None:
            return [self._undated(reading, notes)]
        first_day, last_day = self._days(date_token, reading.end_date, notes)
        if reading.all_day:
            return [self._whole_days(first_day, last_day, reading, notes)]
        walls = self._walls(reading)
        if reading.times_each_day and walls[1] is not None and last_day > first_day:
            return self._each_day((first_day, last_day), walls, reading, notes, repeat=repeat)
        end_day = last_day if reading.end_date is not None else None
        return [self._window((first_day, end_day), walls, reading, notes)]

    # --- days -------------------------------------------------------------------------------

    def _days(self, start: Token, end: Token | None, notes: _Notes) -> tuple[date, date]:
        day, month, year = self._parts(start, notes)
        if end is None:
            if month is None:
                raise Unreadable(f"'{start.text}' names a day but no month")
            single = self._date(year, month, day) if year else self._near_anchor(month, day, notes)
            return single, single
        end_day, end_month, end_year = self._parts(end, notes)
        if end_month is None:
            raise Unreadable(f"'{end.text}' names a day but no month")
        month = month or end_month
        if year is None and end_year is not None:
            first, last = self._date(end_year, month, day), self._date(end_year, end_month, end_day)
            if first > last:
                first = self._date(end_year - 1, month, day)
        else:
            first = self._date(year, month, day) if year else self._near_anchor(month, day, notes)
            last = self._date(end_year or first.year, end_month, end_day)
            if end_year is None and last < first:
                last = self._date(first.year + 1, end_month, end_day)
        if last < first:
            raise Unreadable(f"'{start.text} – {end.text}' ends before it starts")
        return first, last

    def _parts(self, token: Token, notes: _Notes) -> tuple[int, int | None, int | None]:
        value = token.value
        if isinstance(value, int):
            return value, None, None
        if not isinstance(value, DateValue):
            raise Unreadable(f"'{token.text}' is not a date")
        if value.other_reading is None or value.month is None:
            return value.day, value.month, value.year
        day, month = (value.day, value.month) if self._day_first else value.other_reading
        order = (
            "day first; the text reads as German"
            if self._day_first
            else "month first; the text reads as English"
        )
        notes.add(
            f"'{token.text}' is ambiguous; read as {day} {_month_name(month)} ({order})",
            Confidence.MEDIUM,
        )
        return day, month, value.year

    def _date(self, year: int | None, month: int, day: int) -> date:
        if year is None or year not in _YEARS:
            raise Unreadable(f"year {year} is out of range")
        try:
            return date(year, month, day)
        except ValueError as exc:
            raise Unreadable(f"{day}.{month}.{year} is not a calendar date") from exc

    def _near_anchor(self, month: int, day: int, notes: _Notes) -> date:
        """The year that puts the date soonest after (or shortly before) the anchor."""
        candidates = []
        for year in range(self._anchor_day.year - 1, self._anchor_day.year + 5):
            try:
                candidates.append(date(year, month, day))
            except ValueError:
                continue
        if not candidates:
            raise Unreadable(f"{day}.{month}. is not a calendar date")
        upcoming = [c for c in candidates if c >= self._anchor_day - _ANCHOR_LOOKBACK]
        chosen = min(upcoming) if upcoming else max(candidates)
        notes.add(f"year not stated; read as {chosen.year}", Confidence.MEDIUM)
        return chosen

    # --- times ------------------------------------------------------------------------------

    def _walls(self, reading: Reading) -> tuple[Wall, Wall | None]:
        if reading.start_time is None:
            raise Unreadable("no start time")
        start = _clock(reading.start_time)
        end = _clock(reading.end_time) if reading.end_time is not None else None
        if end is not None and end.meridian and not start.meridian and 1 <= start.hour <= 12:
            start = _borrow_meridian(start, end)
        return _wall(start), (_wall(end) if end is not None else None)

    def _window(
        self,
        days: tuple[date, date | None],
        walls: tuple[Wall, Wall | None],
        reading: Reading,
        notes: _Notes,
    ) -> Pinned:
        """One window; with no end day, the end is on the start day or, if earlier, the next."""
        (start_day, end_day), (start_wall, end_wall) = days, walls
        zone, end_zone = self._zones(reading)
        start = self._at(start_day, start_wall, zone, notes)
        if end_wall is not None:
            if end_day is None:
                end_day = start_day if end_wall > start_wall else start_day + timedelta(days=1)
            end = self._at(end_day, end_wall, end_zone, notes, fold=1)
            estimated = False
        else:
            end = self._estimated_end(start, reading.duration, notes)
            estimated = True
        self._check_season(reading.zone, start, notes)
        if end <= start:
            raise Unreadable(f"ends ({end.isoformat()}) before it starts ({start.isoformat()})")
        return Pinned(start, end, estimated, notes.confidence, tuple(notes.warnings))

    def _each_day(
        self, days: tuple[date, date], walls: tuple[Wall, Wall | None], reading: Reading,
        notes: _Notes, *, repeat: bool,
    ) -> list[Pinned]:  # fmt: skip
        """ "vom 3. bis 5. März, 22–2 Uhr" is a window each night; one night if only two days."""
        first_day, last_day = days
        start_wall, end_wall = walls
        overnight = end_wall is not None and end_wall <= start_wall
        if overnight and last_day == first_day + timedelta(days=1):
            return [self._window((first_day, last_day), walls, reading, notes)]
        count = (last_day - first_day).days + 1
        if count > _MAX_DAILY_WINDOWS:
            raise Unreadable(f"a daily window over {count} days")
        if not repeat:
            span = f"{first_day.isoformat()} to {last_day.isoformat()}"
            notes.add(f"read as a window on each day from {span}", Confidence.MEDIUM)
        return [
            self._window((first_day + timedelta(days=n), None), walls, reading, notes.copy())
            for n in range(count)
        ]

    def _whole_days(self, first: date, last: date, reading: Reading, notes: _Notes) -> Pinned:
        zone, _ = self._zones(reading)
        start = self._at(first, (0, 0), zone, notes)
        end = self._at(last + timedelta(days=1), (0, 0), zone, notes)
        return Pinned(start, end, False, notes.confidence, tuple(notes.warnings))

    def _undated(self, reading: Reading, notes: _Notes) -> Pinned:
        """A time with no date anywhere: the anchor's day, or the next if that already ended."""
        walls = self._walls(reading)
        for day in (self._anchor_day, self._anchor_day + timedelta(days=1)):
            attempt = notes.copy()
            attempt.add(f"no date stated; assumed {day.isoformat()}", Confidence.LOW)
            pinned = self._window((day, None), walls, reading, attempt)
            if pinned.end > self._anchor:
                return pinned
        return pinned

    def _estimated_end(self, start: datetime, duration: Token | None, notes: _Notes) -> datetime:
        """Durations are elapsed time, so they are added on the UTC clock (DST-safe)."""
        if duration is not None and isinstance(duration.value, Span):
            span = duration.value
            which = " (the longer duration)" if span.shortest != span.longest else ""
            notes.add(f"end not stated; estimated from '{duration.text}'{which}", Confidence.MEDIUM)
            length = span.longest
        else:
            hours = UNSTATED_END_ASSUMPTION.total_seconds() / 3600
            notes.add(f"end not stated; assumed {hours:g} hours", Confidence.LOW)
            length = UNSTATED_END_ASSUMPTION
        return (start.astimezone(UTC) + length).astimezone(start.tzinfo)

    # --- zones ------------------------------------------------------------------------------

    def _zones(self, reading: Reading) -> tuple[tzinfo, tzinfo]:
        zone = _zone_of(reading.zone) or self._zone
        return zone, _zone_of(reading.end_zone) or zone

    def _at(self, day: date, wall: Wall, zone: tzinfo, notes: _Notes, *, fold: int = 0) -> datetime:
        """A wall time on a day in a zone; a time skipped by a clock change is moved on."""
        hour, minute = wall
        if hour == 24:
            day, hour = day + timedelta(days=1), 0
        if day.year not in _YEARS:
            raise Unreadable(f"year {day.year} is out of range")
        local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone, fold=fold)
        actual = local.astimezone(UTC).astimezone(zone)
        if actual.replace(tzinfo=None, fold=0) != local.replace(tzinfo=None, fold=0):
            notes.add(
                f"{hour:02d}:{minute:02d} does not exist on {day.isoformat()} (clocks change); "
                f"read as {actual.strftime('%H:%M')}",
                Confidence.MEDIUM,
            )
        return actual

    def _check_season(self, zone_token: Token | None, start: datetime, notes: _Notes) -> None:
        """ "CET" in July is a common slip: say so, but keep the offset the text states."""
        if zone_token is None or not isinstance(zone_token.value, ZoneValue):
            return
        label = zone_token.value.label
        if label not in lexicon.ZONE_SEASONS:
            return
        region, names_summer = lexicon.ZONE_SEASONS[label]
        in_summer = bool(start.astimezone(ZoneInfo(region)).dst())
        if in_summer != names_summer:
            season = "summer" if in_summer else "standard"
            notes.add(
                f"{label} stated, but {region} is on {season} time on {start.date().isoformat()}; "
                f"read as {start.strftime('%z')[:3]}:{start.strftime('%z')[3:]} as written"
            )


def _zone_of(token: Token | None) -> tzinfo | None:
    return token.value.zone if token is not None and isinstance(token.value, ZoneValue) else None


def _clock(token: Token) -> Clock:
    value = token.value
    if isinstance(value, Clock):
        return value
    if isinstance(value, int) and 0 <= value <= 24:
        return Clock(value, 0)
    raise Unreadable(f"'{token.text}' is not a time of day")


def _wall(clock: Clock) -> Wall:
    if clock.meridian is None:
        return clock.hour, clock.minute
    return clock.hour % 12 + (12 if clock.meridian == "pm" else 0), clock.minute


def _borrow_meridian(start: Clock, end: Clock) -> Clock:
    """ "from 10 to 11 pm" is 22–23; "from 11 to 2 am" is 23–02; "from 9 to 5 pm" is 09–17."""
    same = Clock(start.hour, start.minute, end.meridian)
    if _wall(same) <= _wall(end):
        return same
    return Clock(start.hour, start.minute, "am" if end.meridian == "pm" else "pm")


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _month_name(month: int) -> str:
    return _MONTH_NAMES[month - 1]
