"""iCalendar recurrences expand in bounded time and memory, whatever the rule says.

A rule that cannot advance (INTERVAL=0) or names no date that ever comes
(February 30) is refused with a warning instead of being walked to the year
9999; every event and every source has a cap on the occurrences expanded, and
says so when the cap bites.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailguard.sources import ical
from mailguard.sources.base import ParseContext, ParseResult
from tests.budget import Budget

BUDGET_S = 10.0  # a runaway took minutes; a bounded rule takes milliseconds


def context(start: datetime, end: datetime) -> ParseContext:
    return ParseContext(
        source="limits.ics", zone=UTC, now=start, horizon_start=start, horizon_end=end
    )


SPRING = context(datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 6, 1, tzinfo=UTC))
FIVE_YEARS = context(datetime(2026, 1, 1, tzinfo=UTC), datetime(2031, 1, 1, tzinfo=UTC))


def event(uid: str, rule: str, start: str = "20260302T220000Z", summary: str = "") -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:{start}\r\nDURATION:PT1H\r\n"
        f"RRULE:{rule}\r\nSUMMARY:{summary or uid}\r\nEND:VEVENT\r\n"
    )


def parse(*events: str, ctx: ParseContext = SPRING) -> ParseResult:
    data = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(events) + "END:VCALENDAR\r\n"
    with Budget(seconds=BUDGET_S, megabytes=200):
        return ical.parse(data.encode(), ctx)


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        ("FREQ=DAILY;INTERVAL=0", "never advances"),
        ("FREQ=WEEKLY;INTERVAL=-2", "never advances"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "never recurs"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "never recurs"),
        ("FREQ=WEEKLY;BYMONTH=4;BYMONTHDAY=31", "never recurs"),
        ("FREQ=MONTHLY;BYMONTH=6;BYMONTHDAY=31", "never recurs"),
        ("FREQ=DAILY;BYYEARDAY=366;BYMONTH=1", "never recurs"),
        ("FREQ=DAILY;BYWEEKNO=53;BYMONTH=6", "never recurs"),
        ("FREQ=DAILY;BYSETPOS=5", "never recurs"),
        ("FREQ=HOURLY;BYSETPOS=5", "never recurs"),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6", "never recurs"),
        ("FREQ=DAILY;INTERVAL=7;BYDAY=TU", "never recurs"),  # DTSTART is a Monday
        ("FREQ=MONTHLY;INTERVAL=12;BYMONTH=4", "never recurs"),  # DTSTART is in March
        ("FREQ=MONTHLY;BYMONTH=2", "never recurs"),  # on the 30th, DTSTART's day
    ],
)
def test_a_rule_that_cannot_advance_is_refused_and_the_rest_is_read(rule: str, reason: str) -> None:
    start = "20260330T220000Z" if rule == "FREQ=MONTHLY;BYMONTH=2" else "20260302T220000Z"
    result = parse(
        event("stuck", rule, start, summary="Stuck"),
        event("fine", "FREQ=WEEKLY;COUNT=3", summary="Fine"),
    )

    assert [w.title for w in result.windows] == ["Fine"] * 3
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("skipped event 'Stuck': its RRULE FREQ=")
    assert reason in result.warnings[0]


@pytest.mark.parametrize(
    ("rule", "first_starts"),
    [
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", ["2028-02-29"]),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29", ["2028-02-29"]),
        ("FREQ=MONTHLY;BYDAY=5MO;COUNT=3", ["2026-03-30", "2026-06-29"]),
        ("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", ["2026-03-27", "2026-04-24"]),
        ("FREQ=YEARLY;BYWEEKNO=53;BYDAY=TH", ["2026-12-31"]),
        ("FREQ=DAILY;INTERVAL=7;BYDAY=MO;COUNT=3", ["2026-03-09", "2026-03-16"]),
        ("FREQ=MONTHLY;INTERVAL=12;BYMONTH=3;COUNT=2", ["2027-03-02"]),
        ("FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=29", ["2028-02-29"]),
        ("FREQ=WEEKLY;BYMONTH=2;COUNT=3", ["2027-02-01", "2027-02-08"]),  # DTSTART's Mondays
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_a_rare_but_possible_rule_still_recurs(rule: str, first_starts: list[str]) -> None:
    ctx = context(datetime(2026, 3, 1, tzinfo=UTC), datetime(2033, 1, 1, tzinfo=UTC))
    result = parse(event("rare", rule), ctx=ctx)

    assert result.warnings == []
    starts = sorted(f"{w.start:%Y-%m-%d}" for w in result.windows)
    assert starts[0] == "2026-03-02"  # DTSTART is always the first occurrence
    assert starts[1 : len(first_starts) + 1] == first_starts


def test_an_hourly_rule_is_cut_at_the_events_cap_without_building_the_rest() -> None:
    long_ago = context(datetime(2020, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC))
    with Budget(seconds=BUDGET_S * 3, megabytes=60) as spent:
        result = ical.parse(
            ("BEGIN:VCALENDAR\r\n" + event("h", "FREQ=HOURLY", "20200101T000000Z", "Restart")
             + "END:VCALENDAR\r\n").encode(),
            long_ago,
        )  # fmt: skip

    assert len(result.windows) == ical._MAX_OCCURRENCES
    assert result.warnings == [
        f"event 'Restart': read only its first {ical._MAX_OCCURRENCES} occurrences"
    ]
    assert spent.peak_megabytes < 60  # 61,000 occurrences were 125 MB before the cap


def test_a_source_is_cut_at_its_cap_with_one_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ical, "_MAX_SOURCE_OCCURRENCES", 30)
    weekly = [event(f"w{n}", "FREQ=WEEKLY", summary=f"Weekly {n}") for n in range(5)]

    result = parse(*weekly, ctx=FIVE_YEARS)

    assert 20 < len(result.windows) <= 30
    assert result.warnings == [
        "read only part of the calendar: 5 event(s) left out or cut short "
        "(mailguard expands at most 30 occurrences per source)"
    ]


def test_many_recurring_events_are_cut_by_the_sources_step_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ical, "_MAX_SOURCE_STEPS", 10 * ical._PROBE_STEPS)
    events = [event(f"e{n}", "FREQ=YEARLY", summary=f"Yearly {n}") for n in range(40)]

    result = parse(*events)

    assert 0 < len(result.windows) < 40
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("read only part of the calendar: ")


def test_a_weekly_rule_read_for_centuries_is_cut_not_skipped() -> None:
    """Its steps were counted up to the horizon (2999) instead of to where the span is cut,
    so `schedule --until 2999-12-31` dropped every recurring event as 'too many'."""
    centuries = context(datetime(2026, 3, 1, tzinfo=UTC), datetime(2999, 12, 31, tzinfo=UTC))
    result = parse(event("weekly", "FREQ=WEEKLY;BYDAY=MO"), ctx=centuries)
    assert len(result.windows) > 1000
    assert result.windows[0].start == datetime(2026, 3, 2, 22, tzinfo=UTC)
    (warning,) = result.warnings
    assert warning.startswith("event 'weekly': read only its occurrences until 20")
