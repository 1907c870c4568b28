"""iCalendar: every event occurrence in the horizon, at the instant the calendar means."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mailguard.core.errors import ParseError
from mailguard.core.model import (
    UNSTATED_END_ASSUMPTION,
    Confidence,
    MaintenanceWindow,
    WindowStatus,
)
from mailguard.core.schedule import merge_windows
from mailguard.sources import ical
from mailguard.sources.base import ParseContext, ParseResult

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SOURCE = "https://status.hostwerk.example/wartung.ics"
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def make_ctx(
    zone: ZoneInfo = BERLIN,
    start: datetime = datetime(2026, 1, 1, tzinfo=UTC),
    end: datetime = datetime(2026, 7, 1, tzinfo=UTC),
) -> ParseContext:
    return ParseContext(source=SOURCE, zone=zone, now=NOW, horizon_start=start, horizon_end=end)


def parse_sample(name: str, ctx: ParseContext | None = None) -> ParseResult:
    return ical.parse((SAMPLES / name).read_bytes(), ctx or make_ctx())


def parse_text(text: str, ctx: ParseContext | None = None) -> ParseResult:
    return ical.parse(text.strip().replace("\n", "\r\n").encode(), ctx or make_ctx())


def calendar(*events: str, head: str = "") -> str:
    """A minimal VCALENDAR around ``events`` (each the lines inside one VEVENT)."""
    body = "".join(f"BEGIN:VEVENT\n{event.strip()}\nEND:VEVENT\n" for event in events)
    return f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n{head}{body}END:VCALENDAR\n"


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)  # type: ignore[misc]


def by_native_id(result: ParseResult) -> dict[str | None, MaintenanceWindow]:
    return {w.native_id: w for w in result.windows}


# --- the provider calendar ---------------------------------------------------

PROVIDER = "ical-provider-maintenance-berlin.ics"
HOSTWERK = "@status.hostwerk.example"


@pytest.mark.parametrize(
    ("uid", "start", "end", "status"),
    [
        pytest.param(
            "maint-2026-0042", berlin(2026, 3, 3, 22), berlin(2026, 3, 4, 2), None, id="tzid-berlin"
        ),
        pytest.param(
            "maint-2026-0043",
            datetime(2026, 3, 10, 21, tzinfo=UTC),
            datetime(2026, 3, 10, 23, 30, tzinfo=UTC),
            None,
            id="utc-times-tentative",
        ),
        pytest.param(
            "maint-2026-0044",
            berlin(2026, 3, 17, 23),
            berlin(2026, 3, 18, 1, 30),
            None,
            id="duration",
        ),
        pytest.param(
            "maint-2026-0045",
            berlin(2026, 3, 24, 22),
            berlin(2026, 3, 25, 1),
            WindowStatus.CANCELLED,
            id="cancelled",
        ),
        pytest.param(
            "maint-2026-0046",
            berlin(2026, 3, 31, 22),
            berlin(2026, 3, 31, 22) + UNSTATED_END_ASSUMPTION,
            None,
            id="no-end",
        ),
    ],
)
def test_provider_calendar_events_keep_their_exact_span_and_status(
    uid: str, start: datetime, end: datetime, status: WindowStatus | None
) -> None:
    window = by_native_id(parse_sample(PROVIDER))[uid + HOSTWERK]
    assert (window.start, window.end, window.status) == (start, end, status)
    assert window.source == SOURCE
    assert window.source_kind == "ical"


def test_provider_calendar_reads_only_events_inside_the_horizon() -> None:
    """The November 2025 event lies before the horizon; the VTODO is no event."""
    ids = sorted(w.native_id or "" for w in parse_sample(PROVIDER).windows)
    assert ids == [f"maint-2026-00{n}{HOSTWERK}" for n in (42, 43, 44, 45, 46)]


def test_event_fields_become_window_fields() -> None:
    window = by_native_id(parse_sample(PROVIDER))["maint-2026-0042" + HOSTWERK]
    assert window.title == "Wartung IMAP-Speichersysteme"
    assert window.description == (
        "Austausch der Speichersysteme der IMAP-Server.\n"
        "Bitte während der Wartung keine Ordner anlegen, umbenennen oder löschen."
    )
    assert window.url == "https://status.hostwerk.example/wartung/2026-0042"
    assert window.affected == ("E-Mail", "IMAP")
    assert window.confidence is Confidence.HIGH
    assert not window.end_estimated


def test_repeated_categories_lines_all_count_as_affected_services() -> None:
    window = by_native_id(parse_sample(PROVIDER))["maint-2026-0043" + HOSTWERK]
    assert window.affected == ("E-Mail", "SMTP")


@pytest.mark.parametrize(
    ("uid", "updated_at"),
    [
        pytest.param("maint-2026-0042", datetime(2026, 2, 21, 9, 15, tzinfo=UTC), id="last-mod"),
        pytest.param("maint-2026-0043", datetime(2026, 2, 22, 8, tzinfo=UTC), id="dtstamp"),
    ],
)
def test_updated_at_is_last_modified_else_dtstamp(uid: str, updated_at: datetime) -> None:
    assert by_native_id(parse_sample(PROVIDER))[uid + HOSTWERK].updated_at == updated_at


def test_event_without_end_is_estimated_with_low_confidence_and_a_warning() -> None:
    result = parse_sample(PROVIDER)
    window = by_native_id(result)["maint-2026-0046" + HOSTWERK]
    assert window.end_estimated
    assert window.confidence is Confidence.LOW
    assert window.duration == UNSTATED_END_ASSUMPTION
    assert any("has no end" in w and "4 hours" in w for w in window.warnings)
    assert result.warnings == list(window.warnings)


def test_times_keep_the_local_offset_a_person_reads() -> None:
    window = by_native_id(parse_sample(PROVIDER))["maint-2026-0042" + HOSTWERK]
    assert window.start.isoformat() == "2026-03-03T22:00:00+01:00"
    assert window.end.isoformat() == "2026-03-04T02:00:00+01:00"


# --- recurrence ----------------------------------------------------------------

WEEKLY = "ical-weekly-rrule-exdate-override.ics"
WEEKLY_UID = "3f1c9a2e-weekly-imap@mailprovider.example"


def test_weekly_rule_expands_with_exdate_removed_and_override_moved() -> None:
    spans = [(w.start, w.end) for w in parse_sample(WEEKLY).windows]
    assert spans == [
        (berlin(2026, 3, 3, 22), berlin(2026, 3, 3, 23, 30)),
        (berlin(2026, 3, 10, 22), berlin(2026, 3, 10, 23, 30)),
        (berlin(2026, 3, 18, 23), berlin(2026, 3, 19, 0, 30)),  # moved from Tuesday 17th
        (berlin(2026, 3, 24, 22), berlin(2026, 3, 24, 23, 30)),
        (berlin(2026, 3, 31, 22), berlin(2026, 3, 31, 23, 30)),
        # 7 April is an EXDATE
        (berlin(2026, 4, 14, 22), berlin(2026, 4, 14, 23, 30)),
        (berlin(2026, 4, 21, 22), berlin(2026, 4, 21, 23, 30)),
        (berlin(2026, 4, 28, 22), berlin(2026, 4, 28, 23, 30)),  # UNTIL is inclusive
    ]


def test_recurring_occurrences_are_named_by_uid_and_utc_slot() -> None:
    ids = [w.native_id for w in parse_sample(WEEKLY).windows]
    assert ids[0] == f"{WEEKLY_UID}@2026-03-03T21:00:00Z"
    assert ids[4] == f"{WEEKLY_UID}@2026-03-31T20:00:00Z"  # summer time: 22:00 is 20:00Z
    assert len(set(ids)) == len(ids)


def test_moved_occurrence_keeps_the_id_of_the_slot_it_replaces() -> None:
    moved = next(w for w in parse_sample(WEEKLY).windows if "verschoben" in w.title)
    assert moved.native_id == f"{WEEKLY_UID}@2026-03-17T21:00:00Z"
    assert moved.updated_at == datetime(2026, 3, 10, 12, tzinfo=UTC)


THIS_AND_FUTURE = "ical-thisandfuture-override.ics"


def test_a_this_and_future_override_moves_its_occurrence_and_every_later_one() -> None:
    """RFC 5545 §3.8.4.4: RANGE=THISANDFUTURE shifts the rest of the series."""
    windows = parse_sample(THIS_AND_FUTURE).windows
    assert [(w.start, w.end) for w in windows] == [
        (berlin(2026, 3, 3, 22), berlin(2026, 3, 3, 23)),
        (berlin(2026, 3, 10, 22), berlin(2026, 3, 10, 23)),
        (berlin(2026, 3, 18, 23), berlin(2026, 3, 19, 1)),
        (berlin(2026, 3, 25, 23), berlin(2026, 3, 26, 1)),
        (berlin(2026, 4, 1, 23), berlin(2026, 4, 2, 1)),
        (berlin(2026, 4, 8, 23), berlin(2026, 4, 9, 1)),
    ]


def test_occurrences_moved_by_a_this_and_future_override_keep_their_own_slots() -> None:
    """Each keeps the id of the slot it replaces, so merging keeps all of them."""
    windows = parse_sample(THIS_AND_FUTURE).windows
    uid = "db-weekly@hostwerk.example"
    assert [w.native_id for w in windows] == [
        f"{uid}@2026-03-03T21:00:00Z",
        f"{uid}@2026-03-10T21:00:00Z",
        f"{uid}@2026-03-17T21:00:00Z",
        f"{uid}@2026-03-24T21:00:00Z",
        f"{uid}@2026-03-31T20:00:00Z",  # summer time: 22:00 is 20:00Z
        f"{uid}@2026-04-07T20:00:00Z",
    ]
    assert len(merge_windows(windows)) == 6


def test_cancelled_occurrence_is_reported_cancelled_not_dropped() -> None:
    windows = parse_sample(WEEKLY).windows
    cancelled = [w for w in windows if w.status is WindowStatus.CANCELLED]
    assert [(w.start, w.native_id) for w in cancelled] == [
        (berlin(2026, 3, 24, 22), f"{WEEKLY_UID}@2026-03-24T21:00:00Z")
    ]
    assert cancelled[0].updated_at == datetime(2026, 3, 20, 8, tzinfo=UTC)
    assert all(w.status is None for w in windows if w not in cancelled)


@pytest.mark.parametrize(
    ("start", "end", "expected_starts"),
    [
        pytest.param(
            datetime(2026, 3, 15, tzinfo=UTC),
            datetime(2026, 4, 1, tzinfo=UTC),
            [berlin(2026, 3, 18, 23), berlin(2026, 3, 24, 22), berlin(2026, 3, 31, 22)],
            id="middle",
        ),
        pytest.param(
            berlin(2026, 3, 3, 23),  # inside the first occurrence
            berlin(2026, 3, 10, 22),  # exactly at the second: the end is exclusive
            [berlin(2026, 3, 3, 22)],
            id="overlap-at-start-exclusive-end",
        ),
        pytest.param(
            datetime(2026, 5, 1, tzinfo=UTC), datetime(2026, 7, 1, tzinfo=UTC), [], id="after-until"
        ),
    ],
)
def test_recurrences_are_bounded_by_the_horizon(
    start: datetime, end: datetime, expected_starts: list[datetime]
) -> None:
    windows = parse_sample(WEEKLY, make_ctx(start=start, end=end)).windows
    assert [w.start for w in windows] == expected_starts


def test_single_events_outside_the_horizon_are_left_out() -> None:
    ctx = make_ctx(start=datetime(2026, 3, 11, tzinfo=UTC), end=datetime(2026, 3, 20, tzinfo=UTC))
    ids = [w.native_id for w in parse_sample(PROVIDER, ctx).windows]
    assert ids == [f"maint-2026-0044{HOSTWERK}"]


def test_rdate_adds_an_occurrence() -> None:
    text = calendar(
        """
UID:rdate@example
DTSTART:20260303T210000Z
DTEND:20260303T220000Z
RRULE:FREQ=MONTHLY;COUNT=2
RDATE:20260310T210000Z
SUMMARY:Monthly
"""
    )
    starts = [w.start for w in parse_text(text).windows]
    assert starts == [
        datetime(2026, 3, 3, 21, tzinfo=UTC),
        datetime(2026, 3, 10, 21, tzinfo=UTC),
        datetime(2026, 4, 3, 21, tzinfo=UTC),
    ]


def test_weekly_0230_over_spring_forward_lands_on_the_instant_rfc5545_prescribes() -> None:
    """02:30 does not exist on 29 March 2026 in Berlin; RFC 5545 reads it with the
    offset before the gap, i.e. 01:30Z = 03:30 summer time; the end stays 04:30."""
    windows = parse_sample("ical-dst-weekly-0230.ics").windows
    assert all(w.start.utcoffset() is not None and w.end.utcoffset() is not None for w in windows)
    assert [(w.start.astimezone(UTC), w.end.astimezone(UTC)) for w in windows] == [
        (datetime(2026, 3, 15, 1, 30, tzinfo=UTC), datetime(2026, 3, 15, 3, 30, tzinfo=UTC)),
        (datetime(2026, 3, 22, 1, 30, tzinfo=UTC), datetime(2026, 3, 22, 3, 30, tzinfo=UTC)),
        (datetime(2026, 3, 29, 1, 30, tzinfo=UTC), datetime(2026, 3, 29, 2, 30, tzinfo=UTC)),
        (datetime(2026, 4, 5, 0, 30, tzinfo=UTC), datetime(2026, 4, 5, 2, 30, tzinfo=UTC)),
    ]
    assert windows[2].start.isoformat() == "2026-03-29T03:30:00+02:00"
    assert [w.duration for w in windows] == [timedelta(hours=h) for h in (2, 2, 1, 2)]


def test_daily_rule_over_five_years_expands_fast_and_completely() -> None:
    ctx = make_ctx(start=datetime(2026, 1, 1, tzinfo=UTC), end=datetime(2031, 1, 1, tzinfo=UTC))
    data = (SAMPLES / "ical-daily-5-years.ics").read_bytes()
    began = time.process_time()
    windows = ical.parse(data, ctx).windows
    elapsed = time.process_time() - began
    assert len(windows) == 1826  # 2026-01-01 … 2030-12-31, 2028 a leap year
    assert {(w.start.astimezone(BERLIN).hour, w.duration) for w in windows} == {
        (3, timedelta(minutes=30))
    }
    assert elapsed < 1.0, f"expanding 1826 occurrences took {elapsed:.2f}s"


def test_expansion_stops_at_a_cap_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ical, "_MAX_OCCURRENCES", 10)
    result = parse_sample("ical-daily-5-years.ics")
    assert len(result.windows) == 10
    assert any("first 10 occurrences" in w for w in result.warnings)


@pytest.mark.parametrize(
    "rule",
    [
        pytest.param("FREQ=MINUTELY", id="minutely"),
        pytest.param("FREQ=SECONDLY;COUNT=100000000", id="secondly"),
        pytest.param("FREQ=DAILY;BYMINUTE=0,10,20,30,40,50", id="daily-every-10-minutes"),
        pytest.param("FREQ=HOURLY", id="hourly-since-1900"),
    ],
)
def test_rules_too_dense_to_expand_are_skipped_with_a_warning(rule: str) -> None:
    text = calendar(
        f"UID:dense@example\nDTSTART:19000101T000000Z\nDTEND:19000101T000500Z\nRRULE:{rule}\n"
        "SUMMARY:Dense",
        "UID:fine@example\nDTSTART:20260303T210000Z\nDTEND:20260303T220000Z\nSUMMARY:Fine",
    )
    began = time.process_time()
    result = parse_text(text)
    assert time.process_time() - began < 1.0
    assert [w.title for w in result.windows] == ["Fine"]
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("skipped event 'Dense': it recurs")


def test_hourly_rule_with_a_recent_start_is_expanded() -> None:
    text = calendar(
        "UID:h@example\nDTSTART:20260301T000000Z\nDTEND:20260301T000500Z\nRRULE:FREQ=HOURLY\n"
        "SUMMARY:Hourly restart"
    )
    ctx = make_ctx(start=datetime(2026, 3, 2, tzinfo=UTC), end=datetime(2026, 3, 3, tzinfo=UTC))
    assert len(parse_text(text, ctx).windows) == 24


# --- dates, zones ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "uid", "start", "end"),
    [
        pytest.param(
            BERLIN,
            "5u2r1q0p7o6n@google.com",
            berlin(2026, 3, 14),
            berlin(2026, 3, 16),
            id="two-days-dtend-exclusive",
        ),
        pytest.param(
            BERLIN,
            "8k3j2h1g0f9e@google.com",
            berlin(2026, 4, 1),
            berlin(2026, 4, 2),
            id="no-dtend-is-one-day",
        ),
        pytest.param(
            NEW_YORK,
            "5u2r1q0p7o6n@google.com",
            datetime(2026, 3, 14, tzinfo=NEW_YORK),
            datetime(2026, 3, 16, tzinfo=NEW_YORK),
            id="days-in-the-users-zone",
        ),
    ],
)
def test_all_day_events_cover_whole_days_in_the_context_zone(
    zone: ZoneInfo, uid: str, start: datetime, end: datetime
) -> None:
    window = by_native_id(parse_sample("ical-all-day.ics", make_ctx(zone=zone)))[uid]
    assert (window.start, window.end) == (start, end)
    assert window.confidence is Confidence.HIGH
    assert not window.end_estimated


@pytest.mark.parametrize(
    ("zone", "start", "end"),
    [
        pytest.param(BERLIN, berlin(2026, 3, 12, 22), berlin(2026, 3, 13, 1, 30), id="berlin"),
        pytest.param(
            NEW_YORK,
            datetime(2026, 3, 12, 22, tzinfo=NEW_YORK),
            datetime(2026, 3, 13, 1, 30, tzinfo=NEW_YORK),
            id="new-york",
        ),
    ],
)
def test_floating_times_are_read_in_the_context_zone_with_a_warning(
    zone: ZoneInfo, start: datetime, end: datetime
) -> None:
    result = parse_sample("ical-floating-time.ics", make_ctx(zone=zone))
    (window,) = result.windows
    assert (window.start, window.end) == (start, end)
    assert window.confidence is Confidence.MEDIUM
    assert result.warnings == [
        f"event 'Mailbox migration (local time)' gives floating times; read them in {zone}"
    ]


def test_floating_times_follow_the_calendars_declared_zone() -> None:
    text = calendar(
        "UID:f@example\nDTSTART:20260312T220000\nDTEND:20260312T230000\nSUMMARY:Local",
        head="X-WR-TIMEZONE:Europe/Berlin\n",
    )
    result = parse_text(text, make_ctx(zone=NEW_YORK))
    (window,) = result.windows
    assert window.start == berlin(2026, 3, 12, 22)
    assert window.confidence is Confidence.HIGH
    assert result.warnings == []


def test_unknown_tzid_is_read_in_the_context_zone_with_a_warning() -> None:
    text = calendar(
        "UID:u@example\nDTSTART;TZID=Mars/Olympus:20260312T220000\n"
        "DTEND;TZID=Mars/Olympus:20260312T230000\nSUMMARY:Odd zone"
    )
    result = parse_text(text)
    (window,) = result.windows
    assert window.start == berlin(2026, 3, 12, 22)
    assert window.confidence is Confidence.MEDIUM
    assert "unknown time zone 'Mars/Olympus'" in result.warnings[0]


@pytest.mark.parametrize(
    ("uid_suffix", "start", "offset_hours"),
    [
        pytest.param("0", datetime(2026, 4, 2, 19, tzinfo=UTC), 2, id="summer"),
        pytest.param("1", datetime(2026, 3, 3, 20, tzinfo=UTC), 1, id="winter"),
    ],
)
def test_custom_vtimezone_definitions_are_honoured(
    uid_suffix: str, start: datetime, offset_hours: int
) -> None:
    uid = "040000008200E00074C5B7101A82E0080000000010D4B2D3A5A9DC0100000000000000001000000"
    window = by_native_id(parse_sample("ical-custom-vtimezone.ics"))[uid + uid_suffix]
    assert window.start == start
    assert window.duration == timedelta(hours=2)
    assert window.start.utcoffset() == timedelta(hours=offset_hours)


def test_windows_tzid_names_are_understood() -> None:
    text = calendar(
        "UID:w@example\nDTSTART;TZID=W. Europe Standard Time:20260312T220000\n"
        "DTEND;TZID=W. Europe Standard Time:20260312T230000\nSUMMARY:Outlook"
    )
    (window,) = parse_text(text, make_ctx(zone=NEW_YORK)).windows
    assert window.start == berlin(2026, 3, 12, 22)


# --- statuses and ids ---------------------------------------------------------------


def test_method_cancel_cancels_every_event() -> None:
    text = calendar(
        "UID:c@example\nDTSTART:20260303T210000Z\nDTEND:20260303T220000Z\nSUMMARY:Off",
        head="METHOD:CANCEL\n",
    )
    assert [w.status for w in parse_text(text).windows] == [WindowStatus.CANCELLED]


@pytest.mark.parametrize(
    ("status_line", "status"),
    [
        ("STATUS:CONFIRMED", None),
        ("STATUS:TENTATIVE", None),
        ("STATUS:CANCELLED", WindowStatus.CANCELLED),
        ("STATUS:cancelled", WindowStatus.CANCELLED),
        ("", None),
    ],
)
def test_only_cancelled_is_a_stated_status(status_line: str, status: WindowStatus | None) -> None:
    text = calendar(
        f"UID:s@example\nDTSTART:20260303T210000Z\nDTEND:20260303T220000Z\n{status_line}\nSUMMARY:S"
    )
    assert [w.status for w in parse_text(text).windows] == [status]


def test_event_without_uid_has_no_native_id_and_untitled_event_a_placeholder() -> None:
    text = calendar("DTSTART:20260303T210000Z\nDTEND:20260303T220000Z")
    (window,) = parse_text(text).windows
    assert window.native_id is None
    assert window.title == "(untitled calendar event)"


def test_a_moved_occurrence_replaces_its_slot_when_merged_with_an_older_reading() -> None:
    """Yesterday's download had the 17 March slot at 22:00; today's moves it."""
    ctx = make_ctx(start=datetime(2026, 3, 16, tzinfo=UTC), end=datetime(2026, 3, 20, tzinfo=UTC))
    today = parse_sample(WEEKLY, ctx).windows
    yesterday_text = (SAMPLES / WEEKLY).read_text(encoding="utf-8").split("BEGIN:VEVENT")
    yesterday = ical.parse(
        ("BEGIN:VEVENT".join(yesterday_text[:2]) + "END:VCALENDAR\r\n").encode(), ctx
    ).windows
    assert [w.start for w in yesterday] == [berlin(2026, 3, 17, 22)]
    merged = merge_windows([*yesterday, *today])
    assert [w.start for w in merged] == [berlin(2026, 3, 18, 23)]


def test_several_calendars_in_one_document_are_all_read() -> None:
    one = calendar("UID:a@example\nDTSTART:20260303T210000Z\nDTEND:20260303T220000Z\nSUMMARY:A")
    two = calendar("UID:b@example\nDTSTART:20260304T210000Z\nDTEND:20260304T220000Z\nSUMMARY:B")
    assert [w.title for w in parse_text(one + two).windows] == ["A", "B"]


# --- broken input -------------------------------------------------------------------


def test_broken_events_are_skipped_with_a_warning_and_good_ones_kept() -> None:
    result = parse_sample("ical-broken-event.ics")
    assert [w.native_id for w in result.windows] == ["good@hosting.example"]
    assert result.warnings == [
        "skipped event 'Reversed maintenance': it ends before it starts",
        "skipped event 'Unreadable maintenance': unreadable DTSTART "
        "(Wrong datetime format: 2026-03-07 21:00)",
        "skipped event 'Maintenance without start': it has no DTSTART",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(
            (SAMPLES / "ical-malformed.ics").read_bytes(), "END:VCALENDAR is missing", id="cut-off"
        ),
        pytest.param(
            b"BEGIN:VCALENDAR\r\nthis is not ical\r\nEND:VCALENDAR\r\n",
            "malformed iCalendar",
            id="garbage-line",
        ),
        pytest.param(b"<html><body>Not found</body></html>", "malformed iCalendar", id="html"),
        pytest.param(b"", "no BEGIN:VCALENDAR", id="empty"),
        pytest.param(b"BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n", "no BEGIN:VCALENDAR", id="bare"),
        pytest.param(
            calendar("UID:x\nDTSTART:20260303T210000Z", head="CALSCALE:HEBREW\n").encode(),
            "HEBREW calendar scale",
            id="calscale",
        ),
    ],
)
def test_malformed_documents_raise_a_one_line_parse_error(data: bytes, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        ical.parse(data, make_ctx())
    text = str(caught.value)
    assert message in text
    assert text.startswith(f"{SOURCE}: ")
    assert "\n" not in text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", True),
        (b"\xef\xbb\xbf\r\n  begin:vcalendar\r\n", True),
        (b"BEGIN:VEVENT\r\n", False),
        (b"<?xml version='1.0'?><rss/>", False),
        (b"", False),
        (b"\xff\xfe\x00", False),
    ],
)
def test_sniff_recognises_icalendar_by_its_first_line(data: bytes, expected: bool) -> None:
    assert ical.sniff(data) is expected


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("ical-*.ics")))
def test_every_ical_sample_sniffs_as_ical(name: str) -> None:
    assert ical.sniff((SAMPLES / name).read_bytes())
