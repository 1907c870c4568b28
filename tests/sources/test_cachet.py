"""Cachet schedules (2.4 API, and the 3.x JSON:API shape) as maintenance windows."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mailguard.core.errors import ParseError
from mailguard.core.model import UNSTATED_END_ASSUMPTION, Confidence, WindowStatus
from mailguard.core.schedule import filter_by_component
from mailguard.sources import cachet
from mailguard.sources.base import ParseContext, ParseResult
from tests.sources.contexts import STATUS_DAYS_AHEAD, parse_context

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SOURCE = "https://status.kolibri-mail.example/api/v1/schedules"
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 2, 7, tzinfo=UTC)


def make_ctx(zone: tzinfo = BERLIN) -> ParseContext:
    return parse_context(SOURCE, zone, NOW, days_ahead=STATUS_DAYS_AHEAD)


def parse_sample(name: str) -> ParseResult:
    return cachet.parse((SAMPLES / name).read_bytes(), make_ctx())


def parse_doc(doc: object, zone: tzinfo = BERLIN) -> ParseResult:
    return cachet.parse(json.dumps(doc).encode(), make_ctx(zone))


def schedule(**fields: Any) -> dict[str, Any]:
    """A minimal well-formed Cachet 2.4 schedule, with ``fields`` overriding."""
    entry: dict[str, Any] = {
        "id": 7,
        "name": "Mailserver-Wartung",
        "message": "IMAP ist kurz nicht erreichbar.",
        "status": 0,
        "scheduled_at": "2026-03-04 22:00:00",
        "completed_at": "2026-03-05 02:00:00",
        "created_at": "2026-02-20 10:02:11",
        "updated_at": "2026-02-27 16:40:02",
        "human_status": "Upcoming",
    }
    entry.update(fields)
    return entry


def assumed_span(start: datetime) -> tuple[datetime, datetime]:
    return (start, start + UNSTATED_END_ASSUMPTION)


def listing(*entries: object) -> dict[str, Any]:
    return {"meta": {"pagination": {"total": len(entries)}}, "data": list(entries)}


@pytest.mark.parametrize(
    ("native_id", "span", "status", "affected", "estimated"),
    [
        pytest.param(
            "7",
            (datetime(2026, 3, 4, 22, tzinfo=BERLIN), datetime(2026, 3, 5, 2, tzinfo=BERLIN)),
            WindowStatus.SCHEDULED,
            ("IMAP", "SMTP"),
            False,
            id="upcoming",
        ),
        pytest.param(
            "8",
            (datetime(2026, 3, 2, 6, tzinfo=BERLIN), datetime(2026, 3, 2, 8, tzinfo=BERLIN)),
            WindowStatus.IN_PROGRESS,
            ("Webmail",),
            False,
            id="in-progress-as-string",
        ),
        pytest.param(
            "5",
            (datetime(2026, 2, 15, 1, tzinfo=BERLIN), datetime(2026, 2, 15, 5, tzinfo=BERLIN)),
            WindowStatus.COMPLETED,
            ("Webshop",),
            False,
            id="complete",
        ),
        pytest.param(
            "9",
            assumed_span(datetime(2026, 3, 10, 23, tzinfo=BERLIN)),
            WindowStatus.SCHEDULED,
            ("IMAP",),
            True,
            id="completion-reported-as-request-time",
        ),
        pytest.param(
            "10",
            assumed_span(datetime(2026, 3, 7, 6, tzinfo=BERLIN)),
            WindowStatus.SCHEDULED,
            (),
            True,
            id="no-completion",
        ),
    ],
)
def test_schedules_list_yields_each_window(
    native_id: str,
    span: tuple[datetime, datetime],
    status: WindowStatus,
    affected: tuple[str, ...],
    estimated: bool,
) -> None:
    windows = {w.native_id: w for w in parse_sample("cachet-schedules.json").windows}
    window = windows[native_id]
    assert ((window.start, window.end), window.status, window.affected) == (span, status, affected)
    assert window.end_estimated is estimated
    assert window.confidence is (Confidence.LOW if estimated else Confidence.HIGH)
    assert (window.source, window.source_kind) == (SOURCE, "cachet")


def test_schedule_carries_title_message_and_update_time() -> None:
    windows = {w.native_id: w for w in parse_sample("cachet-schedules.json").windows}
    window = windows["7"]
    assert window.title == "Mailserver-Wartung: IMAP und SMTP"
    assert window.description.startswith("Wir aktualisieren die Software")
    assert window.updated_at == datetime(2026, 2, 27, 16, 40, 2, tzinfo=BERLIN)
    assert window.url is None


def test_sample_skips_the_unreadable_schedule_and_warns_about_assumed_ends() -> None:
    result = parse_sample("cachet-schedules.json")
    assert len(result.windows) == 5
    assert result.warnings == [
        "schedule 'Austausch der IMAP-Proxys' (id 9) gives a completion time before its start;"
        " assuming it lasts 4 hours",
        "schedule 'Spamfilter-Regeln' (id 10) states no end; assuming it lasts 4 hours",
        "skipped schedule 'Virenscanner-Update' (id 11): scheduled_at 'demnächst'"
        " is not an ISO 8601 time",
    ]


@pytest.mark.parametrize(
    ("zone", "utc_start"),
    [
        (BERLIN, datetime(2026, 3, 4, 21, tzinfo=UTC)),
        (ZoneInfo("America/New_York"), datetime(2026, 3, 5, 3, tzinfo=UTC)),
        (UTC, datetime(2026, 3, 4, 22, tzinfo=UTC)),
    ],
)
def test_zoneless_times_are_read_in_the_source_zone(zone: tzinfo, utc_start: datetime) -> None:
    (window,) = parse_doc(listing(schedule()), zone).windows
    assert window.start == utc_start
    assert window.confidence is Confidence.HIGH


def test_a_window_across_the_spring_forward_night_has_its_true_length() -> None:
    entry = schedule(scheduled_at="2026-03-29 01:00:00", completed_at="2026-03-29 04:00:00")
    (window,) = parse_doc(listing(entry)).windows
    assert window.duration == timedelta(hours=2)  # 02:00-03:00 does not exist that night


def test_times_with_an_offset_are_kept_as_stated() -> None:
    entry = schedule(
        scheduled_at="2026-03-04T22:00:00+00:00", completed_at="2026-03-05T02:00:00+00:00"
    )
    (window,) = parse_doc(listing(entry)).windows
    assert window.start == datetime(2026, 3, 4, 22, tzinfo=UTC)


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        (0, WindowStatus.SCHEDULED),
        (1, WindowStatus.IN_PROGRESS),
        (2, WindowStatus.COMPLETED),
        ("0", WindowStatus.SCHEDULED),
        (" 1 ", WindowStatus.IN_PROGRESS),
        ("2", WindowStatus.COMPLETED),
        ({"human": "In Progress", "value": 1}, WindowStatus.IN_PROGRESS),
    ],
)
def test_status_codes_map_to_window_statuses(stated: object, expected: WindowStatus) -> None:
    result = parse_doc(listing(schedule(status=stated)))
    assert result.windows[0].status is expected
    assert result.warnings == []


@pytest.mark.parametrize("stated", [7, -1, "Upcoming", True, 1.0, ["0"]])
def test_an_unknown_status_is_left_to_the_clock_with_a_warning(stated: object) -> None:
    result = parse_doc(listing(schedule(status=stated)))
    assert result.windows[0].status is None
    assert len(result.warnings) == 1
    assert "(id 7) has an unknown status" in result.warnings[0]


def test_a_missing_status_is_left_to_the_clock_silently() -> None:
    entry = schedule()
    del entry["status"]
    result = parse_doc(listing(entry))
    assert result.windows[0].status is None
    assert result.warnings == []


@pytest.mark.parametrize("completed", [None, ""])
def test_a_missing_completion_is_an_estimated_end(completed: str | None) -> None:
    (window,) = parse_doc(listing(schedule(completed_at=completed))).windows
    assert window.end - window.start == UNSTATED_END_ASSUMPTION
    assert window.end_estimated


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        pytest.param({"scheduled_at": None}, "scheduled_at is missing", id="null"),
        pytest.param({"scheduled_at": "04.03.2026 22:00"}, "not an ISO 8601 time", id="german"),
        pytest.param({"scheduled_at": 1772661600}, "a number, not a time", id="epoch"),
        pytest.param({"scheduled_at": "2026-03-04"}, "no time of day", id="date-only"),
        pytest.param({"completed_at": "morgen früh"}, "completed_at", id="prose-end"),
        pytest.param({"completed_at": ["2026-03-05"]}, "a list, not a time", id="list-end"),
    ],
)
def test_a_malformed_schedule_is_skipped_with_a_warning_naming_it(
    fields: dict[str, Any], reason: str
) -> None:
    result = parse_doc(listing(schedule(**fields), schedule(id=8, name="Webmail")))
    assert [w.native_id for w in result.windows] == ["8"]
    (warning,) = result.warnings
    assert warning.startswith("skipped schedule 'Mailserver-Wartung' (id 7): ")
    assert reason in warning


def test_a_single_schedule_object_is_read_too() -> None:
    (window,) = parse_sample("cachet-schedule-single.json").windows
    assert window.native_id == "7"
    assert window.start == datetime(2026, 3, 4, 22, tzinfo=BERLIN)
    assert window.affected == ()


@pytest.mark.parametrize(
    ("native_id", "start", "end", "status", "affected"),
    [
        (
            "3",
            datetime(2026, 3, 4, 21, tzinfo=BERLIN),
            datetime(2026, 3, 5, 1, tzinfo=BERLIN),
            WindowStatus.SCHEDULED,
            ("IMAP", "SMTP"),
        ),
        (
            "2",
            datetime(2026, 2, 15, 0, tzinfo=BERLIN),
            datetime(2026, 2, 15, 2, 30, tzinfo=BERLIN),
            WindowStatus.COMPLETED,
            ("Webshop",),
        ),
        (
            "4",
            datetime(2026, 3, 9, 5, tzinfo=BERLIN),
            datetime(2026, 3, 9, 5, tzinfo=BERLIN) + UNSTATED_END_ASSUMPTION,
            WindowStatus.SCHEDULED,
            (),
        ),
    ],
)
def test_cachet_3_schedules_read_like_cachet_2(
    native_id: str,
    start: datetime,
    end: datetime,
    status: WindowStatus,
    affected: tuple[str, ...],
) -> None:
    windows = {w.native_id: w for w in parse_sample("cachet-v3-schedules.json").windows}
    window = windows[native_id]
    assert (window.start, window.end, window.status, window.affected) == (
        start,
        end,
        status,
        affected,
    )


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (["IMAP"], {"7", "9", "10"}),  # 10 names no component, so it is kept
        (["webmail"], {"8", "10"}),
        (["Webshop"], {"5", "10"}),
    ],
)
def test_filtering_by_component_keeps_the_windows_touching_it(
    wanted: list[str], expected: set[str]
) -> None:
    windows = parse_sample("cachet-schedules.json").windows
    assert {w.native_id for w in filter_by_component(windows, wanted)} == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b'{"data": [{"id": 1,', "malformed JSON", id="cut"),
        pytest.param(b"[]", "expected a Cachet JSON object, found a list", id="list"),
        pytest.param(b'{"meta": {}}', "no 'data' list", id="no-data"),
        pytest.param(b'{"data": "schedules"}', "'data' is a string", id="data-string"),
        pytest.param(b'{"data": null}', "'data' is null", id="data-null"),
    ],
)
def test_a_document_of_the_wrong_shape_is_one_parse_error_naming_the_source(
    data: bytes, reason: str
) -> None:
    with pytest.raises(ParseError) as caught:
        cachet.parse(data, make_ctx())
    message = str(caught.value)
    assert message.startswith(f"{SOURCE}: ")
    assert reason in message
    assert "\n" not in message


def test_an_empty_schedule_list_is_no_error() -> None:
    result = parse_doc({"meta": {"pagination": {"total": 0}}, "data": []})
    assert (result.windows, result.warnings) == ([], [])


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({"data": [{"id": 1, "scheduled_at": "2026-03-04 22:00:00"}]}, True),
        ({"data": {"id": 1, "scheduled_at": "2026-03-04 22:00:00"}}, True),
        ({"meta": {"pagination": {"total": 0}}, "data": []}, True),
        ({"data": [{"id": "3", "type": "schedules", "attributes": {}}]}, True),
        ({"data": [{"id": 1, "attributes": {"scheduled_at": "2026-03-04T22:00:00Z"}}]}, True),
        ({"data": []}, False),
        ({"meta": {"pagination": {}}, "data": [{"id": 1, "name": "IMAP", "status": 1}]}, False),
        ({"page": {"id": "x"}, "scheduled_maintenances": []}, False),
        ([{"scheduled_at": "2026-03-04 22:00:00"}], False),
    ],
)
def test_sniffing_recognises_cachet_schedules_only(doc: object, expected: bool) -> None:
    assert cachet.sniff(json.dumps(doc).encode()) is expected
