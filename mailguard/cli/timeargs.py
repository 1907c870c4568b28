"""Reading the times people type on the command line."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from mailguard.core.errors import UsageError


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
        if end_of_day:
            day += timedelta(days=1)
        return datetime.combine(day, time(0), tzinfo=zone)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(
            f"cannot read {text!r} as a date or date-time (use 2026-03-03 or 2026-03-03T22:00)"
        ) from exc
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)
