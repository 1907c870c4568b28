"""The ParseContext that source tests read with: a zone, a now, and a horizon around it."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from mailguard.sources.base import ParseContext

#: Status pages list weeks ahead; announcements may name a date months away.
STATUS_DAYS_AHEAD = 90
ANNOUNCEMENT_DAYS_AHEAD = 365


def parse_context(
    source: str,
    zone: tzinfo,
    now: datetime,
    *,
    days_ahead: int,
    anchor: datetime | None = None,
) -> ParseContext:
    """A context whose horizon runs from 30 days before ``now`` to ``days_ahead`` after."""
    return ParseContext(
        source=source,
        zone=zone,
        now=now,
        horizon_start=now - timedelta(days=30),
        horizon_end=now + timedelta(days=days_ahead),
        anchor=anchor,
    )
