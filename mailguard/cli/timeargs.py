"""Reading the times and zones people type on the command line."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import tz as dateutil_tz

from mailguard.core.errors import UsageError

_OFFSET = re.compile(r"^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$")


def utc_now() -> datetime:
    return datetime.now(UTC)


def system_zone() -> tzinfo:
    """The zone the desktop runs in, DST-aware (``TZ`` first, then /etc/localtime)."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return dateutil_tz.gettz() or UTC


def parse_zone(name: str | None) -> tzinfo:
    """An IANA zone name (Europe/Berlin), UTC, or a fixed offset (+02:00)."""
    if name is None:
        return system_zone()
    text = name.strip()
    if text.upper() in ("UTC", "Z", "GMT"):
        return UTC
    offset = _OFFSET.match(text)
    if offset:
        sign, hours, minutes = offset.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
        if delta > timedelta(hours=14):
            raise UsageError(f"time zone offset {text!r} is out of range")
        return timezone(-delta if sign == "-" else delta)
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UsageError(
            f"unknown time zone {name!r} (use an IANA name such as Europe/Berlin, or +02:00)"
        ) from exc


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
