"""Reading the times people type on the command line."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from mailguard.core.errors import UsageError

#: The years mailguard reads: maintenance schedules live in these, and arithmetic on
#: them (a day's end, a lookahead, a time zone) never leaves what datetime can hold.
FIRST_YEAR = 1900
LAST_YEAR = 2999


def parse_moment(text: str, zone: tzinfo, *, end_of_day: bool = False) -> datetime:
    """A date or ISO 8601 date-time; naive values are read in ``zone``.

    A bare date means the start of that day, or with ``end_of_day`` the
    midnight after it, so ``--until 2026-03-03`` includes all of March 3.
    """
    value = text.strip()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        pass
    else:
        _check_year(text, day.year)
        if end_of_day:
            day += timedelta(days=1)
        return datetime.combine(day, time(0), tzinfo=zone)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(
            f"cannot read {text!r} as a date or date-time (use 2026-03-03 or 2026-03-03T22:00)"
        ) from exc
    _check_year(text, moment.year)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def _check_year(text: str, year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        years = f"{FIRST_YEAR} to {LAST_YEAR}"
        raise UsageError(f"{text.strip()!r} is out of range: mailguard reads dates from {years}")
