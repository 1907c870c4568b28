"""Which zone the user lives in, and reading zone names: shared by the CLI and the tray."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
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
        except (ZoneInfoNotFoundError, ValueError, OSError):  # TZ=Europe names a directory
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
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:  # "Europe" names a directory
        raise UsageError(
            f"unknown time zone {name!r} (use an IANA name such as Europe/Berlin, or +02:00)"
        ) from exc
