"""The guard's events, said in one line each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mailguard.core.guard import EventKind, GuardEvent
from mailguard.core.guard_text import describe_event, duration
from mailguard.core.model import MaintenanceWindow

START = datetime(2026, 3, 3, 22, 0, tzinfo=UTC)
WINDOW = MaintenanceWindow(START, START + timedelta(hours=2), "Mail migration", "manual", "manual")


@pytest.mark.parametrize(
    ("span", "text"),
    [
        (timedelta(minutes=3), "3 min"),
        (timedelta(minutes=2, seconds=1), "3 min"),
        (timedelta(hours=1), "1 h"),
        (timedelta(hours=1, minutes=5), "1 h 5 min"),
        (timedelta(hours=24), "1 d"),
        (timedelta(days=2, hours=3, minutes=4), "2 d 3 h"),
        (timedelta(0), "0 min"),
        (timedelta(seconds=45), "45 s"),
    ],
)
def test_durations_read_like_a_person_would_say_them(span: timedelta, text: str) -> None:
    assert duration(span) == text


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (
            EventKind.ANNOUNCED,
            "window_announced: 'Mail migration' announced for "
            "2026-03-03 22:00–2026-03-04 00:00 UTC",
        ),
        (EventKind.LEAD_WARNING, "lead_warning: 'Mail migration' starts in 3 min"),
        (
            EventKind.STARTED,
            "window_started: 'Mail migration' has started; folder edits wait until it is over",
        ),
        (
            EventKind.SETTLED,
            "settling_done: 'Mail migration' is settled; folder edits are open again",
        ),
    ],
)
def test_each_event_is_one_line_naming_the_window(kind: EventKind, text: str) -> None:
    event = GuardEvent(kind, "work", WINDOW, START - timedelta(minutes=3))
    assert describe_event(event) == text
