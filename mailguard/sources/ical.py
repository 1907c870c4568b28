"""iCalendar (RFC 5545) maintenance calendars: every VEVENT occurrence in the horizon.

``icalendar`` parses the document and its time zones (Olson, Windows and
custom VTIMEZONE definitions); ``recurring_ical_events`` expands RRULE, RDATE,
EXDATE and RECURRENCE-ID overrides. This module only turns occurrences into
windows. Each event series (one UID) is expanded on its own, so one broken
event costs a warning, not the calendar.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import recurring_ical_events

from mailguard.core.errors import ParseError
from mailguard.core.model import (
    UNSTATED_END_ASSUMPTION,
    Confidence,
    MaintenanceWindow,
    WindowStatus,
)
from mailguard.sources.base import ParseContext, ParseResult, decode_text
from mailguard.sources.recurrence_limits import ExpansionBudget, rule_problem

KIND = "ical"

_UNTITLED = "(untitled calendar event)"
_ASSUMED_HOURS = int(UNSTATED_END_ASSUMPTION.total_seconds() // 3600)
_MAX_REASON = 120

# What icalendar and recurring_ical_events raise for content they cannot read.
# Nearly all are ValueError subclasses, but fuzzing finds others: an unusable
# TZID surfaces as an OS error from the zone database (``TZID=Europe`` names a
# directory), and a VTIMEZONE closed under another name as an AttributeError.
_LIBRARY_ERRORS = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    OverflowError,
    OSError,
)

# Expansion costs time for every occurrence since DTSTART, so rules that recur
# more often than hourly (no maintenance schedule does) are refused, and a
# series yields at most this many windows: a hostile calendar cannot hang us.
_MAX_PER_DAY = 24
_MAX_OCCURRENCES = 5000
_MAX_EXPANSION_STEPS = 150_000  # about a second; an hourly rule since 2010 fits
# And one source (a calendar of thousands of events, each within the caps above)
# expands at most this much: an occurrence costs about 0.2 ms, a step 2 µs.
_MAX_SOURCE_OCCURRENCES = 10_000
_MAX_SOURCE_STEPS = 1_000_000
_PROBE_STEPS = 1000  # checking that a rule advances costs up to a few ms (recurrence_limits)

# Properties without which an event's occurrences cannot be placed in time.
_TIMING = ("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")


class _BrokenEvent(Exception):
    """An event that cannot be read; its message says why, for the skip warning."""


def sniff(data: bytes) -> bool:
    """The document starts with ``BEGIN:VCALENDAR`` (after a BOM and whitespace)."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:15].upper() == b"BEGIN:VCALENDAR"


def parse(data: bytes, ctx: ParseContext) -> ParseResult:
    """Windows for every event occurrence overlapping the context's horizon."""
    result = ParseResult()
    budget = ExpansionBudget(_MAX_SOURCE_OCCURRENCES, _MAX_SOURCE_STEPS)
    for calendar in _read_calendars(data, ctx):
        _read_calendar(calendar, ctx, result, budget)
    if budget.left_out:
        result.warnings.append(
            f"read only part of the calendar: {budget.left_out} event(s) left out or cut short "
            f"(mailguard expands at most {_MAX_SOURCE_OCCURRENCES} occurrences per source)"
        )
    return result


def _read_calendars(data: bytes, ctx: ParseContext) -> list[icalendar.Component]:
    try:
        components = icalendar.Calendar.from_ical(decode_text(data), multiple=True)
    except (*_LIBRARY_ERRORS, RecursionError) as exc:
        raise ParseError(ctx.source, f"malformed iCalendar ({_reason(exc)})") from exc
    calendars: list[icalendar.Component] = [c for c in components if c.name == "VCALENDAR"]
    if not calendars:
        if sniff(data):  # it began as a calendar but never closed: cut off in transit?
            raise ParseError(ctx.source, "malformed iCalendar (END:VCALENDAR is missing)")
        raise ParseError(ctx.source, "not an iCalendar document (no BEGIN:VCALENDAR)")
    for calendar in calendars:
        scale = str(calendar.get("CALSCALE", "GREGORIAN")).upper()
        if scale != "GREGORIAN":
            raise ParseError(
                ctx.source, f"iCalendar uses the {scale} calendar scale, not GREGORIAN"
            )
    return calendars


@dataclass(frozen=True, slots=True)
class _CalendarReading:
    """What applies to every event of one VCALENDAR."""

    ctx: ParseContext
    floating_zone: tzinfo
    floating_zone_assumed: bool  # the calendar did not declare its zone
    cancels_all: bool  # an iTIP cancellation (METHOD:CANCEL)


def _read_calendar(
    calendar: icalendar.Component, ctx: ParseContext, result: ParseResult, budget: ExpansionBudget
) -> None:
    declared_zone = _declared_zone(calendar)
    reading = _CalendarReading(
        ctx=ctx,
        floating_zone=declared_zone or ctx.zone,
        floating_zone_assumed=declared_zone is None,
        cancels_all=str(calendar.get("METHOD", "")).upper() == "CANCEL",
    )
    for series in _series(calendar):
        if budget.exhausted:
            budget.left_out += 1
            continue
        try:
            windows, warnings = _expand(series, reading, budget)
        except (*_LIBRARY_ERRORS, recurring_ical_events.InvalidCalendar, _BrokenEvent) as exc:
            result.warnings.append(f"skipped {_label(series[0])}: {_skip_reason(exc)}")
            continue
        result.windows.extend(windows)
        result.warnings.extend(warnings)


def _declared_zone(calendar: icalendar.Component) -> tzinfo | None:
    """The calendar-wide zone of the common X-WR-TIMEZONE extension, for floating times."""
    name = str(calendar.get("X-WR-TIMEZONE", "")).strip()
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _series(calendar: icalendar.Component) -> Iterator[list[icalendar.Component]]:
    """Events grouped by UID, in document order: a recurring master and its overrides."""
    by_uid: dict[str, list[icalendar.Component]] = {}
    for number, event in enumerate(calendar.walk("VEVENT")):
        uid = str(event.get("UID", "")).strip() or f"\0{number}"  # no UID: a series of one
        by_uid.setdefault(uid, []).append(event)
    yield from by_uid.values()


def _expand(
    series: list[icalendar.Component], reading: _CalendarReading, budget: ExpansionBudget
) -> tuple[list[MaintenanceWindow], list[str]]:
    """The series' windows in the horizon, and its warnings (each said once)."""
    ctx = reading.ctx
    calendar = icalendar.Calendar()
    steps = 0
    for event in series:
        steps += _check_timing(event, reading, budget)
        calendar.add_component(event)
    # Floating times and dates are compared in the zone they will be read in. An
    # event without an end gets one later, so look back far enough to catch it.
    span_start = (ctx.horizon_start - UNSTATED_END_ASSUMPTION).astimezone(reading.floating_zone)
    span_end = ctx.horizon_end.astimezone(reading.floating_zone)
    recurring = any(key in event for event in series for key in ("RRULE", "RDATE", "RECURRENCE-ID"))
    windows: list[MaintenanceWindow] = []
    warnings: dict[str, None] = {}  # one warning per series, not per occurrence
    zone_note = _zone_note(series, reading)
    shifts = _future_shifts(series, reading)
    cap = min(_MAX_OCCURRENCES, budget.occurrences)
    # The library builds every occurrence it finds before we see the first, so it
    # is asked only for a span that cannot hold many more than the cap.
    expanded_end = min(span_end, _capped_end(series, span_start, cap, reading.floating_zone))
    occurrences = recurring_ical_events.of(calendar).between(span_start, expanded_end)
    if len(occurrences) > cap or expanded_end < span_end:
        if cap < _MAX_OCCURRENCES:  # the source's budget, said once for the source
            budget.left_out += 1
        elif len(occurrences) > cap:
            warnings[f"{_label(series[0])}: read only its first {cap} occurrences"] = None
        else:
            warnings[
                f"{_label(series[0])}: read only its occurrences until {expanded_end:%Y-%m-%d}"
            ] = None
    budget.spend(min(len(occurrences), cap), steps)
    for occurrence in occurrences[:cap]:
        slot = _slot(occurrence, reading, shifts) if recurring else None
        window = _window(occurrence, reading, slot=slot, zone_note=zone_note)
        if window.overlaps(ctx.horizon_start, ctx.horizon_end):
            windows.append(window)
            warnings.update(dict.fromkeys(window.warnings))
    return windows, list(warnings)


def _check_timing(
    event: icalendar.Component, reading: _CalendarReading, budget: ExpansionBudget
) -> int:
    """Refuse what recurring_ical_events would misread or could not expand in time.

    It silently swaps a reversed start and end, and it walks every occurrence
    from DTSTART on, whatever the horizon. Returns the steps that walk takes.
    """
    zone = reading.floating_zone
    for name, message in event.errors:
        if name in _TIMING:
            raise _BrokenEvent(f"unreadable {name} ({_first_line(str(message))})")
    if "DTSTART" not in event:
        raise _BrokenEvent("it has no DTSTART")
    start = _aware(_moment(event, "DTSTART"), zone)
    steps = 1
    for rule in getattr(event, "rrules", []):
        if _occurrences_per_day(rule) > _MAX_PER_DAY:
            raise _BrokenEvent("it recurs more often than hourly, unlike any maintenance schedule")
        budget.spend(0, _PROBE_STEPS)
        if (problem := rule_problem(rule, start)) is not None:
            raise _BrokenEvent(problem)
        rule_steps = _expansion_steps(rule, start, reading)
        if rule_steps > _MAX_EXPANSION_STEPS:
            raise _BrokenEvent("it recurs too many times since its start to expand safely")
        steps += rule_steps
    if "DTEND" in event:
        end = _aware(_moment(event, "DTEND"), zone)
    elif "DURATION" in event:
        duration = _value(event, "DURATION")
        if not isinstance(duration, timedelta):
            raise _BrokenEvent("its DURATION is not a duration")
        end = start + duration
    else:
        return steps
    if end < start:
        raise _BrokenEvent("it ends before it starts")
    return steps


def _capped_end(
    series: list[icalendar.Component], span_start: datetime, cap: int, zone: tzinfo
) -> datetime:
    """The end of a span holding about twice ``cap`` occurrences at most, from the span's
    start or the series' first DTSTART, whichever is later.

    A rule gives at most its per-day count each day; RDATEs are few by comparison.
    """
    per_day = max(
        (_occurrences_per_day(rule) for event in series for rule in getattr(event, "rrules", [])),
        default=0,
    )
    if per_day == 0:
        return datetime.max.replace(tzinfo=UTC)
    first = min(_aware(_moment(event, "DTSTART"), zone) for event in series)
    return max(span_start, first) + timedelta(days=2 * cap // per_day + 1)


def _occurrences_per_day(rule: icalendar.vRecur) -> int:
    """An upper bound: the frequency times the BYHOUR/BYMINUTE/BYSECOND expansions."""
    frequency = str((rule.get("FREQ") or [""])[0]).upper()
    if frequency in ("SECONDLY", "MINUTELY"):
        return 24 * 60
    per_day = 24 if frequency == "HOURLY" else len(rule.get("BYHOUR") or [0])
    return per_day * len(rule.get("BYMINUTE") or [0]) * len(rule.get("BYSECOND") or [0])


def _expansion_steps(rule: icalendar.vRecur, start: datetime, reading: _CalendarReading) -> int:
    """How many occurrences expansion walks through: it starts at DTSTART, not the horizon,
    and ends where _capped_end cuts the span (a weekly rule read until 2999 is cut, not
    refused as too many)."""
    per_day = _occurrences_per_day(rule)
    cut = max(reading.ctx.horizon_start, start) + timedelta(
        days=2 * _MAX_OCCURRENCES // max(per_day, 1) + 1
    )
    last = min(reading.ctx.horizon_end, cut)
    for until in rule.get("UNTIL") or []:
        if isinstance(until, date):
            last = min(last, _aware(until, reading.floating_zone))
    steps = max(0, (last - start).days + 1) * per_day
    counts = [count for count in rule.get("COUNT") or [] if isinstance(count, int)]
    return min([steps, *counts])


def _value(component: icalendar.Component, key: str) -> object:
    """The parsed value of a date, time or duration property (``.dt``)."""
    return getattr(component[key], "dt", None)


def _moment(component: icalendar.Component, key: str) -> date:
    """A DTSTART-like value: a date or a date-time (``datetime`` is a ``date``)."""
    value = _value(component, key)
    if not isinstance(value, date):
        raise _BrokenEvent(f"its {key} is not a date or date-time")
    return value


def _zone_note(series: list[icalendar.Component], reading: _CalendarReading) -> str | None:
    """Why the series' zoneless times are read in an assumed zone, if they are.

    Asked of the series, not of occurrences: expansion drops the TZID parameter.
    """
    for event in series:
        if not _is_floating(_moment(event, "DTSTART")):
            continue
        tzid = event["DTSTART"].params.get("TZID")
        if tzid:  # icalendar leaves times with an unknown TZID floating
            zone = reading.floating_zone
            return f"names the unknown time zone {str(tzid)!r}; read its times in {zone}"
        if reading.floating_zone_assumed:
            return f"gives floating times; read them in {reading.floating_zone}"
    return None


def _window(
    occurrence: icalendar.Component,
    reading: _CalendarReading,
    *,
    slot: datetime | None,
    zone_note: str | None,
) -> MaintenanceWindow:
    """One occurrence as a window; expansion always gives it a DTEND (DTSTART if none)."""
    ctx = reading.ctx
    label = _label(occurrence)
    raw_start = _moment(occurrence, "DTSTART")
    raw_end = _moment(occurrence, "DTEND")
    warnings: list[str] = []
    confidence = Confidence.HIGH

    if zone_note and _is_floating(raw_start):
        warnings.append(f"{label} {zone_note}")
        confidence = Confidence.MEDIUM

    start = _aware(raw_start, reading.floating_zone)
    end = _aware(raw_end, reading.floating_zone)
    end_estimated = False
    if end <= start:
        if isinstance(raw_start, datetime):
            # RFC 5545 makes such an event an instant; a maintenance has a length.
            end = _settle(start + UNSTATED_END_ASSUMPTION)
            end_estimated = True
            confidence = Confidence.LOW
            warnings.append(f"{label} has no end; assuming it lasts {_ASSUMED_HOURS} hours")
        else:
            end = _aware(raw_start + timedelta(days=1), reading.floating_zone)

    return MaintenanceWindow(
        start=start,
        end=end,
        title=_one_line(occurrence.get("SUMMARY")) or _UNTITLED,
        source=ctx.source,
        source_kind=KIND,
        status=_status(occurrence, reading),
        native_id=_native_id(occurrence, slot),
        affected=_categories(occurrence),
        description=str(occurrence.get("DESCRIPTION", "")).strip(),
        url=str(occurrence.get("URL", "")).strip() or None,
        updated_at=_updated_at(occurrence),
        end_estimated=end_estimated,
        confidence=confidence,
        warnings=tuple(warnings),
    )


def _status(occurrence: icalendar.Component, reading: _CalendarReading) -> WindowStatus | None:
    # recurring_ical_events has no status filter: cancelled occurrences (and
    # cancelled overrides) arrive here and are reported, not dropped.
    # CONFIRMED and TENTATIVE say nothing about progress; the clock decides.
    cancelled = str(occurrence.get("STATUS", "")).strip().upper() == "CANCELLED"
    return WindowStatus.CANCELLED if cancelled or reading.cancels_all else None


def _future_shifts(
    series: list[icalendar.Component], reading: _CalendarReading
) -> dict[datetime, timedelta]:
    """How far each ``RECURRENCE-ID;RANGE=THISANDFUTURE`` override moves its occurrences.

    RFC 5545 §3.8.4.4: such an override moves its own occurrence and every later
    one by the same amount. The expansion copies the override's RECURRENCE-ID onto
    all of them, so the slot each one replaces is found by undoing the shift.
    """
    shifts: dict[datetime, timedelta] = {}
    for event in series:
        recurrence = event.get("RECURRENCE-ID")
        if recurrence is None or str(recurrence.params.get("RANGE", "")).upper() != "THISANDFUTURE":
            continue
        original = _aware(_moment(event, "RECURRENCE-ID"), reading.floating_zone)
        moved = _aware(_moment(event, "DTSTART"), reading.floating_zone)
        shifts[original] = moved - original
    return shifts


def _slot(
    occurrence: icalendar.Component, reading: _CalendarReading, shifts: dict[datetime, timedelta]
) -> datetime:
    """The original start of the occurrence's slot: its RECURRENCE-ID, else its DTSTART."""
    start = _aware(_moment(occurrence, "DTSTART"), reading.floating_zone)
    if "RECURRENCE-ID" not in occurrence:
        return start.astimezone(UTC)
    recurrence = _aware(_moment(occurrence, "RECURRENCE-ID"), reading.floating_zone)
    shift = shifts.get(recurrence)
    return (recurrence if shift is None else start - shift).astimezone(UTC)


def _native_id(occurrence: icalendar.Component, slot: datetime | None) -> str | None:
    """UID for a single event; UID plus the occurrence's slot for a recurring one.

    The slot is the RECURRENCE-ID (the original start), so a moved occurrence
    keeps the id of the slot it replaces.
    """
    uid = str(occurrence.get("UID", "")).strip()
    if not uid:
        return None
    if slot is None:
        return uid
    return f"{uid}@{slot:%Y-%m-%dT%H:%M:%SZ}"


def _categories(occurrence: icalendar.Component) -> tuple[str, ...]:
    """CATEGORIES (repeated, each comma-separated); broken ones are ignored: they only filter."""
    try:
        names = [str(name).strip() for name in getattr(occurrence, "categories", [])]
    except (ValueError, TypeError, AttributeError):
        return ()
    return tuple(dict.fromkeys(name for name in names if name))


def _updated_at(occurrence: icalendar.Component) -> datetime | None:
    """LAST-MODIFIED, else DTSTAMP; a broken one is ignored: it only orders updates."""
    for key in ("LAST-MODIFIED", "DTSTAMP"):
        try:
            value = _value(occurrence, key)
            if isinstance(value, date):
                return _aware(value, UTC)  # both are UTC by definition
        except (KeyError, ValueError, OverflowError):
            continue
    return None


def _is_floating(value: date) -> bool:
    return isinstance(value, datetime) and value.tzinfo is None


def _aware(value: date, zone: tzinfo) -> datetime:
    """A date is its midnight; a floating time is read in ``zone``."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0))
    if value.tzinfo is None or value.utcoffset() is None:
        value = value.replace(tzinfo=zone)
    return _settle(value)


def _settle(moment: datetime) -> datetime:
    """The same instant with a fixed UTC offset: the local time as a person reads it.

    A wall time in a DST gap (02:30 on spring-forward day) becomes the instant
    RFC 5545 prescribes (03:30 summer time). A fixed offset also makes
    arithmetic and comparisons exact, which same-zone wall times are not.
    """
    instant = moment.astimezone(UTC)
    offset = instant.astimezone(moment.tzinfo).utcoffset()
    return instant.astimezone(timezone(offset)) if offset is not None else instant


def _label(component: icalendar.Component) -> str:
    summary = _one_line(component.get("SUMMARY"))
    if summary:
        return f"event {summary!r}"
    uid = _one_line(component.get("UID"))
    return f"event with UID {uid!r}" if uid else "an event without summary or UID"


def _skip_reason(exc: BaseException) -> str:
    if isinstance(exc, recurring_ical_events.PeriodEndBeforeStart):
        return "it ends before it starts"
    if isinstance(exc, OverflowError):
        return "its dates are out of range"
    if isinstance(exc, _BrokenEvent):
        return str(exc)
    return _reason(exc)


def _reason(exc: BaseException) -> str:
    return _first_line(str(exc)) or type(exc).__name__


def _first_line(text: str) -> str:
    lines = text.strip().splitlines()
    line = lines[0].strip() if lines else ""
    return line if len(line) <= _MAX_REASON else line[: _MAX_REASON - 1] + "…"


def _one_line(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""
