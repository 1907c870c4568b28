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
from mailguard.sources.announcement.tokens import (
    Clock,
    DateValue,
    MonthName,
    RelativeDay,
    Span,
    Token,
    Weekday,
    ZoneValue,
)

#: Announcements speak about the future, but may be read a little after the fact.
_ANCHOR_LOOKBACK = timedelta(days=14)
_MAX_DAILY_WINDOWS = 31
_YEARS = range(1970, 2200)
_EARLIEST = datetime(_YEARS.start, 1, 2, tzinfo=UTC)
_LATEST = datetime(_YEARS.stop - 1, 12, 30, tzinfo=UTC)
_RANK = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}
#: A night named without times ("in der Nacht vom 14. zum 15.") is assumed to span this.
NIGHT_ASSUMPTION = ((20, 0), (6, 0))
_NOON = (12, 0)

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
class Night:
    """ "in der Nacht vom 14.": the date names the evening; "zum 15." names the morning."""

    evening: bool


@dataclass(frozen=True, slots=True)
class DateHint:
    """A date found outside the phrase (elsewhere in the paragraph), and how sure it is."""

    token: Token
    confidence: Confidence
    note: str | None = None
    night: Night | None = None  # the hint is the evening of a night ("Nacht vom 14. zum 15.")


@dataclass(slots=True)
class Notes:
    """What was assumed while pinning one phrase."""

    confidence: Confidence = Confidence.HIGH
    warnings: list[str] = field(default_factory=list)

    def add(self, warning: str, confidence: Confidence | None = None) -> None:
        if warning not in self.warnings:
            self.warnings.append(warning)
        if confidence is not None and _RANK[confidence] < _RANK[self.confidence]:
            self.confidence = confidence

    def copy(self) -> Notes:
        return Notes(self.confidence, list(self.warnings))


def notes_for(pinned: Pinned) -> Notes:
    """Notes that start from what was assumed for an earlier window."""
    return Notes(pinned.confidence, list(pinned.warnings))


@dataclass(frozen=True, slots=True)
class TextContext:
    """What the whole text, and where it came from, says about every phrase in it."""

    zone: tzinfo  # for times the text gives without a zone
    zone_guessed: bool  # ``zone`` is only the system's
    stated_zone: Token | None  # the one zone the text names outside its time phrases
    anchor: datetime  # when the text was written (or, failing that, read)
    anchor_published: bool  # ``anchor`` is a publication date, not just "now"
    day_first: bool  # 03/04/2026 is the 3rd of April
    months: tuple[MonthName, ...] = ()  # months named without a day ("Wartung im März")


class Pinner:
    """Pins readings for one text: its default zone, its anchor and its language."""

    def __init__(self, context: TextContext) -> None:
        self._context = context
        self._zone = context.zone
        anchor = context.anchor
        aware = anchor if anchor.utcoffset() is not None else anchor.replace(tzinfo=self._zone)
        self._anchor = min(max(aware, _EARLIEST), _LATEST)  # a feed may claim year 1
        self._anchor_day = self._anchor.astimezone(self._zone).date()
        self._day_first = context.day_first

    @property
    def anchor_day(self) -> date:
        return self._anchor_day

    def pin(
        self,
        reading: Reading,
        hint: DateHint | None = None,
        *,
        repeat: bool = False,
        base: date | None = None,
        night: Night | None = None,
        past: bool = False,
    ) -> list[Pinned]:
        """The window(s) a reading names; raises Unreadable when it names none.

        ``base`` is the date a weekday without a date counts from (a date named
        earlier in the text); ``night`` says how a night phrase places its times.
        """
        notes = Notes()
        date_token = reading.start_date
        if date_token is None and hint is not None:
            date_token = hint.token
            night = night or hint.night
            if hint.note:
                notes.add(hint.note, hint.confidence)
        if date_token is None:
            return [self._undated(reading, notes)]
        night = night or _night_of(date_token)
        first_day, last_day = self._days(date_token, reading.end_date, notes, base, past=past)
        if reading.all_day:
            if night is not None and reading.end_date is not None:
                return [self._night_without_times(first_day, last_day, reading, notes)]
            return [self._whole_days(first_day, last_day, reading, notes)]
        walls = self._walls(reading)
        if reading.dates_listed:
            return [
                self._window((day, None), walls, reading, notes.copy())
                for day in (first_day, last_day)
            ]
        if reading.times_each_day and walls[1] is not None and last_day > first_day:
            return self._each_day(
                (first_day, last_day), walls, reading, notes, repeat=repeat, night=night
            )
        end_day = last_day if reading.end_date is not None else None
        if end_day is None and night is not None:
            first_day = self._night_day(first_day, walls[0], night, notes)
        return [self._window((first_day, end_day), walls, reading, notes)]

    def date_of(self, token: Token, notes: Notes, *, base: date | None) -> date:
        """The day one date token names ("auf den 12.05.", "to Tuesday")."""
        return self._days(token, None, notes, base, past=False)[0]

    def on_day(
        self, day: date, reading: Reading, notes: Notes, *, night: Night | None = None
    ) -> Pinned:
        """The reading's times on a given day (an occurrence of a recurring window)."""
        walls = self._walls(reading)
        if night is not None:
            day = self._night_day(day, walls[0], night, notes)
        return self._window((day, None), walls, reading, notes)

    def _night_day(self, day: date, start: Wall, night: Night, notes: Notes) -> date:
        moved = _night_day(day, start, night)
        if moved != day:
            after = "the morning after" if night.evening else "the evening before"
            notes.add(
                f"a night named by its {'evening' if night.evening else 'morning'}; "
                f"{start[0]:02d}:{start[1]:02d} read as {after}",
                Confidence.MEDIUM,
            )
        return moved

    # --- days -------------------------------------------------------------------------------

    def _days(
        self, start: Token, end: Token | None, notes: Notes, base: date | None, *, past: bool
    ) -> tuple[date, date]:
        value, end_value = start.value, end.value if end is not None else None
        if isinstance(value, Weekday | RelativeDay):
            first = self._relative(start, notes, base, past=past)
            if end is None:
                return first, first
            return first, self._end_day(end, first, notes)
        if end is None or isinstance(end_value, Weekday):
            day, month, year, weekday = self._parts(start, notes)
            if month is None:
                single = self._month_from_context(day, weekday, start, notes)
            else:
                single = self._dated(year, month, day, weekday=weekday, token=start, notes=notes)
            # "from 11 pm Friday 13 March to 3 am Saturday": the first such weekday after
            return single, single if end is None else self._end_day(end, single, notes)
        day, month, year, weekday = self._parts(start, notes)
        if month is None and not (isinstance(end_value, DateValue) and end_value.month):
            first = self._month_from_context(day, weekday, start, notes)
            return first, self._end_day(end, first, notes)
        end_day, end_month, end_year, end_weekday = self._parts(end, notes)
        if end_month is None:
            raise Unreadable(f"'{end.text}' names a day but no month")
        month = month or end_month
        if year is None and end_year is not None:
            first, last = self._date(end_year, month, day), self._date(end_year, end_month, end_day)
            if first > last:
                first = self._date(end_year - 1, month, day)
        else:
            first = self._dated(year, month, day, weekday=weekday, token=start, notes=notes)
            last = self._date(end_year or first.year, end_month, end_day)
            if end_year is None and last < first:
                last = self._date(first.year + 1, end_month, end_day)
        self._check_weekday(first, weekday, start, notes)
        self._check_weekday(last, end_weekday, end, notes)
        if last < first:
            raise Unreadable(f"'{start.text} – {end.text}' ends before it starts")
        return first, last

    def _end_day(self, end: Token, first: date, notes: Notes) -> date:
        """The end of a range whose start was placed by context: the first fitting day after."""
        value = end.value
        if isinstance(value, Weekday):
            return first + timedelta(days=(value.weekday - first.weekday()) % 7)
        if isinstance(value, RelativeDay):
            return self._relative(end, notes, None, past=False)
        day, month, year, weekday = self._parts(end, notes)
        if month is not None:
            last = self._date(year or first.year, month, day)
            if year is None and last < first:
                last = self._date(first.year + 1, month, day)
        else:
            last = _same_or_next_month(first, day)
        self._check_weekday(last, weekday, end, notes)
        return last

    def _parts(self, token: Token, notes: Notes) -> tuple[int, int | None, int | None, int | None]:
        value = token.value
        if isinstance(value, int):
            return value, None, None, None
        if not isinstance(value, DateValue):
            raise Unreadable(f"'{token.text}' is not a date")
        if value.other_reading is None or value.month is None:
            return value.day, value.month, value.year, value.weekday
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
        return day, month, value.year, value.weekday

    def _dated(
        self, year: int | None, month: int, day: int, *, weekday: int | None, token: Token,
        notes: Notes,
    ) -> date:  # fmt: skip
        if year:
            stated = self._date(year, month, day)
            self._check_weekday(stated, weekday, token, notes)
            return stated
        return self._near_anchor(month, day, notes, weekday)

    def _date(self, year: int | None, month: int, day: int) -> date:
        if year is None or year not in _YEARS:
            raise Unreadable(f"year {year} is out of range")
        try:
            return date(year, month, day)
        except ValueError as exc:
            raise Unreadable(f"{day}.{month}.{year} is not a calendar date") from exc

    def _near_anchor(self, month: int, day: int, notes: Notes, weekday: int | None) -> date:
        """The year that puts the date soonest after (or shortly before) the anchor.

        A weekday beside the date chooses between the year before and after the
        anchor when only one of them agrees with it.
        """
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
        if weekday is not None and chosen.weekday() != weekday:
            agreeing = [c for c in upcoming[:2] if c.weekday() == weekday]
            chosen = agreeing[0] if agreeing else chosen
        notes.add(f"year not stated; read as {chosen.year}", Confidence.MEDIUM)
        if weekday is not None and chosen.weekday() != weekday:
            notes.add(_weekday_mismatch(_WEEKDAY_NAMES[weekday], chosen), Confidence.MEDIUM)
        return chosen

    def _month_from_context(
        self, day: int, weekday: int | None, token: Token, notes: Notes
    ) -> date:
        """ "Thursday 3rd": the month the text names, else the first that fits after the anchor."""
        named = self._named_month(day, weekday)
        if named is not None:
            notes.add(
                f"month not stated beside '{token.text}'; read as {named:%B %Y} "
                "(named elsewhere in the text)",
                Confidence.MEDIUM,
            )
            self._check_weekday(named, weekday, token, notes)
            return named
        start = self._anchor_day - _ANCHOR_LOOKBACK
        fitting = [
            candidate
            for candidate in (_in_month(start, months_ahead, day) for months_ahead in range(14))
            if candidate is not None and candidate >= start
        ]
        agreeing = [c for c in fitting if weekday is None or c.weekday() == weekday]
        if not agreeing:
            raise Unreadable(f"'{token.text}' fits no month near {self._anchor_day.isoformat()}")
        chosen = agreeing[0]
        which = f"{_WEEKDAY_NAMES[weekday]} the " if weekday is not None else ""
        notes.add(
            f"month not stated beside '{token.text}'; read as {chosen:%B %Y} (the first "
            f"{which}{_ordinal(day)} after {self._anchor_day.isoformat()})",
            Confidence.MEDIUM,
        )
        return chosen

    def _named_month(self, day: int, weekday: int | None) -> date | None:
        """The day in a month the text names ("Wartungsplan März 2026"), the weekday's if any."""
        choices = []
        for month, year in dict.fromkeys((m.month, m.year) for m in self._context.months):
            try:
                choices.append(
                    self._date(year, month, day)
                    if year
                    else self._near_anchor(month, day, Notes(), weekday)
                )
            except Unreadable:
                continue
        agreeing = [c for c in choices if weekday is None or c.weekday() == weekday]
        best = agreeing or choices
        return best[0] if best else None

    def _relative(self, token: Token, notes: Notes, base: date | None, *, past: bool) -> date:
        """A weekday or "heute"/"tomorrow", counted from ``base`` or the anchor."""
        value = token.value
        sure = Confidence.MEDIUM if self._context.anchor_published else Confidence.LOW
        written = "published" if self._context.anchor_published else "read"
        if isinstance(value, RelativeDay):
            day = self._anchor_day + timedelta(days=value.offset)
            notes.add(
                f"'{token.text}' read as {day.isoformat()} (from the day the text was {written})",
                sure,
            )
            return day
        if not isinstance(value, Weekday):
            raise Unreadable(f"'{token.text}' is not a day")
        start = base or self._anchor_day
        if past:
            day = start - timedelta(days=(start.weekday() - value.weekday) % 7 or 7)
            notes.add(f"'{token.text}' read as {day.isoformat()} (the one before)", sure)
            return day
        day = start + timedelta(days=(value.weekday - start.weekday()) % 7)
        if base is not None:
            notes.add(
                f"'{token.text}' read as {day.isoformat()} (the first after "
                f"{base.isoformat()}, named before)",
                Confidence.MEDIUM,
            )
        else:
            notes.add(
                f"'{token.text}' read as {day.isoformat()} (the next from the day the text "
                f"was {written})",
                sure,
            )
        return day

    def _check_weekday(self, day: date, weekday: int | None, token: Token, notes: Notes) -> None:
        if weekday is not None and day.weekday() != weekday:
            notes.add(_weekday_mismatch(_WEEKDAY_NAMES[weekday], day), Confidence.MEDIUM)

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
        notes: Notes,
    ) -> Pinned:
        """One window; with no end day, the end is on the start day or, if earlier, the next."""
        (start_day, end_day), (start_wall, end_wall) = days, walls
        zone, end_zone = self._zones(reading, notes)
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
        notes: Notes, *, repeat: bool, night: Night | None = None,
    ) -> list[Pinned]:  # fmt: skip
        """ "vom 3. bis 5. März, 22–2 Uhr" is a window each night; one night if only two days.

        "in der Nacht von Dienstag, 17., auf Mittwoch, 18. März, von 0 bis 6 Uhr" is
        one night too: a range after midnight falls on its morning, one before on its evening.
        """
        first_day, last_day = days
        start_wall, end_wall = walls
        overnight = end_wall is not None and end_wall <= start_wall
        one_night = last_day == first_day + timedelta(days=1)
        if overnight and one_night:
            return [self._window((first_day, last_day), walls, reading, notes)]
        if night is not None and one_night and not repeat:
            day = _night_day(first_day, start_wall, Night(evening=True))
            return [self._window((day, None), walls, reading, notes)]
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

    def _night_without_times(
        self, first: date, last: date, reading: Reading, notes: Notes
    ) -> Pinned:
        """ "in the night from 14 to 15 January" with no times: evening to morning, assumed."""
        zone, _ = self._zones(reading, notes)
        (start_hour, start_minute), (end_hour, end_minute) = NIGHT_ASSUMPTION
        start = self._at(first, (start_hour, start_minute), zone, notes)
        end = self._at(last, (end_hour, end_minute), zone, notes)
        notes.add(
            f"a night named without times; assumed {start_hour:02d}:{start_minute:02d}"
            f"–{end_hour:02d}:{end_minute:02d}",
            Confidence.LOW,
        )
        return Pinned(start, end, True, notes.confidence, tuple(notes.warnings))

    def _whole_days(self, first: date, last: date, reading: Reading, notes: Notes) -> Pinned:
        zone, _ = self._zones(reading, notes)
        start = self._at(first, (0, 0), zone, notes)
        end = self._at(last + timedelta(days=1), (0, 0), zone, notes)
        return Pinned(start, end, False, notes.confidence, tuple(notes.warnings))

    def _undated(self, reading: Reading, notes: Notes) -> Pinned:
        """A time with no date anywhere: the anchor's day, or the next if that already ended."""
        walls = self._walls(reading)
        for day in (self._anchor_day, self._anchor_day + timedelta(days=1)):
            attempt = notes.copy()
            attempt.add(f"no date stated; assumed {day.isoformat()}", Confidence.LOW)
            pinned = self._window((day, None), walls, reading, attempt)
            if pinned.end > self._anchor:
                return pinned
        return pinned

    def _estimated_end(self, start: datetime, duration: Token | None, notes: Notes) -> datetime:
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

    def _zones(self, reading: Reading, notes: Notes) -> tuple[tzinfo, tzinfo]:
        """The phrase's zone, else the one the text names elsewhere, else the source's."""
        zone = _zone_of(reading.zone) or _zone_of(self._context.stated_zone)
        if zone is None:
            zone = self._zone
            if self._context.zone_guessed:
                notes.add(
                    f"time zone not stated; read in this computer's zone ({_zone_name(zone)})",
                    Confidence.MEDIUM,
                )
        return zone, _zone_of(reading.end_zone) or zone

    def _at(self, day: date, wall: Wall, zone: tzinfo, notes: Notes, *, fold: int = 0) -> datetime:
        """A wall time on a day in a zone; a time skipped by a clock change is moved on."""
        hour, minute = wall
        if hour == 24:
            day, hour = day + timedelta(days=1), 0
        if day.year not in _YEARS:
            raise Unreadable(f"year {day.year} is out of range")
        local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone, fold=fold)
        actual = local.astimezone(UTC).astimezone(zone)
        if actual.replace(tzinfo=None, fold=0) != local.replace(tzinfo=None, fold=0):
            # Skipped by the spring change: fold=1 would move it back an hour, fold=0 on.
            actual = local.replace(fold=0).astimezone(UTC).astimezone(zone)
            notes.add(
                f"{hour:02d}:{minute:02d} does not exist on {day.isoformat()} (clocks change); "
                f"read as {actual.strftime('%H:%M')}",
                Confidence.MEDIUM,
            )
        return actual

    def _check_season(self, zone_token: Token | None, start: datetime, notes: Notes) -> None:
        """ "CET" in July is a common slip: say so, keep the offset the text states, and
        doubt it (the writer may have meant the local clock, an hour later)."""
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
                f"read as {start.strftime('%z')[:3]}:{start.strftime('%z')[3:]} as written",
                Confidence.MEDIUM,
            )


def _zone_name(zone: tzinfo) -> str:
    key = getattr(zone, "key", None)
    return str(key) if key else str(datetime.now(zone).tzname() or zone)


def _night_of(token: Token) -> Night | None:
    """ "Sonntagnacht", "tonight": a date that names the evening of a night."""
    value = token.value
    if isinstance(value, DateValue | Weekday | RelativeDay) and value.night:
        return Night(evening=True)
    return None


def _night_day(day: date, start: Wall, night: Night) -> date:
    """The day a time of a night falls on: after midnight it is the morning's."""
    if night.evening:
        return day + timedelta(days=1) if start < _NOON else day
    return day - timedelta(days=1) if start >= _NOON else day


def _in_month(start: date, months_ahead: int, day: int) -> date | None:
    """The ``day`` of the month ``months_ahead`` after ``start``'s, if that month has it."""
    year, month = divmod(start.month - 1 + months_ahead, 12)
    try:
        return date(start.year + year, month + 1, day)
    except ValueError:
        return None


def _same_or_next_month(first: date, day: int) -> date:
    """ "from the 30th to the 2nd": the 2nd of the next month."""
    year, month = first.year, first.month
    for _ in range(3):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate >= first:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise Unreadable(f"no {day}. after {first.isoformat()}")


def _weekday_mismatch(name: str, day: date) -> str:
    return (
        f"'{name}' does not match {day.isoformat()} (a {_WEEKDAY_NAMES[day.weekday()]}); "
        "read the date as written"
    )


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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
