"""Atlassian Statuspage v2: maintenances from its JSON documents, as a user would read them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mailguard.core.errors import ParseError
from mailguard.core.model import UNSTATED_END_ASSUMPTION, Confidence, WindowStatus
from mailguard.core.schedule import filter_by_component, merge_windows
from mailguard.sources import statuspage
from mailguard.sources.base import ParseContext, ParseResult
from tests.sources.contexts import STATUS_DAYS_AHEAD, parse_context

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SOURCE = "https://status.kolibri-mail.example/api/v2/scheduled-maintenances.json"
ZONE = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 2, 7, tzinfo=UTC)
CET = ZoneInfo("Etc/GMT-1")  # a fixed +01:00, as the sample's offsets are written


def make_ctx(zone: ZoneInfo = ZONE) -> ParseContext:
    return parse_context(SOURCE, zone, NOW, days_ahead=STATUS_DAYS_AHEAD)


def parse_sample(name: str) -> ParseResult:
    return statuspage.parse((SAMPLES / name).read_bytes(), make_ctx())


def parse_doc(doc: object) -> ParseResult:
    return statuspage.parse(json.dumps(doc).encode(), make_ctx())


def maintenance(**fields: Any) -> dict[str, Any]:
    """A minimal well-formed scheduled maintenance, with ``fields`` overriding."""
    entry: dict[str, Any] = {
        "id": "abc123def456",
        "name": "IMAP upgrade",
        "status": "scheduled",
        "updated_at": "2026-02-27T16:40:02.917+01:00",
        "scheduled_for": "2026-03-04T22:00:00.000+01:00",
        "scheduled_until": "2026-03-05T02:00:00.000+01:00",
        "components": [{"id": "q8h1r2m5n7kd", "name": "IMAP", "group_id": None}],
        "incident_updates": [],
    }
    entry.update(fields)
    return entry


def page_doc(*entries: object) -> dict[str, Any]:
    return {
        "page": {"id": "y2j98763l56x", "name": "Kolibri Mail"},
        "scheduled_maintenances": list(entries),
    }


def update(body: str, at: str, status: str = "scheduled") -> dict[str, Any]:
    return {"id": f"u-{at}", "status": status, "body": body, "created_at": at, "display_at": at}


@pytest.mark.parametrize(
    ("native_id", "start", "end", "status", "affected"),
    [
        pytest.param(
            "w1zdr745wmfy",
            datetime(2026, 3, 4, 21, tzinfo=UTC),
            datetime(2026, 3, 5, 1, tzinfo=UTC),
            WindowStatus.SCHEDULED,
            ("IMAP", "SMTP"),
            id="upcoming",
        ),
        pytest.param(
            "p0xk3v8m2s6d",
            datetime(2026, 3, 2, 6, tzinfo=UTC),
            datetime(2026, 3, 2, 8, tzinfo=UTC),
            WindowStatus.IN_PROGRESS,
            ("Webmail",),
            id="in-progress-utc",
        ),
        pytest.param(
            "v7b9d1f3h5j7",
            datetime(2026, 3, 2, 3, tzinfo=UTC),
            datetime(2026, 3, 2, 6, tzinfo=UTC),
            WindowStatus.IN_PROGRESS,
            ("IMAP",),
            id="verifying-minus-five-hours",
        ),
        pytest.param(
            "s1u3w5y7a9c1",
            datetime(2026, 2, 15, 0, tzinfo=UTC),
            datetime(2026, 2, 15, 4, tzinfo=UTC),
            WindowStatus.COMPLETED,
            ("Webshop",),
            id="completed",
        ),
        pytest.param(
            "n2p4r6t8v0x2",
            datetime(2026, 3, 10, 22, tzinfo=UTC),
            datetime(2026, 3, 11, 0, tzinfo=UTC),
            WindowStatus.CANCELLED,
            ("IMAP",),
            id="completed-with-cancellation-notice",
        ),
        pytest.param(
            "j4l6n8p0r2t4",
            datetime(2026, 3, 7, 5, tzinfo=UTC),
            datetime(2026, 3, 7, 5, tzinfo=UTC) + UNSTATED_END_ASSUMPTION,
            WindowStatus.SCHEDULED,
            (),
            id="no-end-stated",
        ),
    ],
)
def test_scheduled_maintenances_document_yields_each_window(
    native_id: str,
    start: datetime,
    end: datetime,
    status: WindowStatus,
    affected: tuple[str, ...],
) -> None:
    windows = {
        w.native_id: w for w in parse_sample("statuspage-scheduled-maintenances.json").windows
    }
    window = windows[native_id]
    assert (window.start, window.end, window.status, window.affected) == (
        start,
        end,
        status,
        affected,
    )
    assert window.source == SOURCE
    assert window.source_kind == "statuspage"


def test_sample_skips_exactly_the_malformed_entries_and_keeps_the_rest() -> None:
    result = parse_sample("statuspage-scheduled-maintenances.json")
    assert len(result.windows) == 6
    skipped = [w for w in result.warnings if w.startswith("skipped")]
    assert len(skipped) == 2
    assert any("Calendar sync (CalDAV) maintenance" in w and "f6h8j0l2n4p6" in w for w in skipped)
    assert any("'Anti-virus engine update'" in w and "'TBA'" in w for w in skipped)


def test_window_carries_title_link_update_time_and_latest_update_text() -> None:
    windows = {
        w.native_id: w for w in parse_sample("statuspage-scheduled-maintenances.json").windows
    }
    window = windows["w1zdr745wmfy"]
    assert window.title == "IMAP and SMTP server upgrade"
    assert window.url == "https://stspg.io/k7d2m9xq"
    assert window.updated_at == datetime(2026, 2, 27, 16, 40, 2, 917000, tzinfo=CET)
    assert window.description.startswith("We moved this maintenance by one day")
    assert windows["v7b9d1f3h5j7"].description == (
        "The firmware has been updated. We are verifying that all mailboxes are reachable."
    )
    assert window.confidence is Confidence.HIGH
    assert not window.end_estimated


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        ("scheduled", WindowStatus.SCHEDULED),
        ("in_progress", WindowStatus.IN_PROGRESS),
        ("verifying", WindowStatus.IN_PROGRESS),
        ("completed", WindowStatus.COMPLETED),
        ("resolved", WindowStatus.COMPLETED),
        ("postmortem", WindowStatus.COMPLETED),
        ("cancelled", WindowStatus.CANCELLED),
        ("canceled", WindowStatus.CANCELLED),
        ("In_Progress", WindowStatus.IN_PROGRESS),
    ],
)
def test_statuses_map_to_window_statuses(stated: str, expected: WindowStatus) -> None:
    (window,) = parse_doc(page_doc(maintenance(status=stated))).windows
    assert window.status is expected


@pytest.mark.parametrize("stated", ["paused", 3, ["scheduled"]])
def test_an_unknown_status_leaves_it_to_the_clock_with_a_warning(stated: object) -> None:
    result = parse_doc(page_doc(maintenance(status=stated)))
    (window,) = result.windows
    assert window.status is None
    assert any("unknown status" in w and "abc123def456" in w for w in result.warnings)


def test_a_missing_status_is_left_to_the_clock_silently() -> None:
    entry = maintenance()
    del entry["status"]
    result = parse_doc(page_doc(entry))
    assert result.windows[0].status is None
    assert result.warnings == []


@pytest.mark.parametrize(
    ("updates", "expected"),
    [
        pytest.param(
            [update("This maintenance has been cancelled.", "2026-03-01T10:00:00Z", "completed")],
            WindowStatus.CANCELLED,
            id="british-spelling",
        ),
        pytest.param(
            [update("Maintenance canceled by the vendor", "2026-03-01T10:00:00Z", "completed")],
            WindowStatus.CANCELLED,
            id="american-spelling",
        ),
        pytest.param(
            [update("Die Wartung wurde abgesagt.", "2026-03-01T10:00:00Z", "completed")],
            WindowStatus.CANCELLED,
            id="german",
        ),
        pytest.param(
            [update("Postponed", "2026-03-01T10:00:00Z", "cancelled")],
            WindowStatus.CANCELLED,
            id="update-status",
        ),
        pytest.param(
            [
                update(
                    "The scheduled maintenance has been completed.",
                    "2026-03-01T10:00:00Z",
                    "completed",
                )
            ],
            WindowStatus.COMPLETED,
            id="plain-completion",
        ),
        pytest.param(
            # Oldest first, against the API's habit: the time decides, not the order.
            [
                update("We cancelled the old slot.", "2026-02-20T10:00:00Z", "completed"),
                update("Back on, same time.", "2026-02-25T10:00:00Z", "completed"),
            ],
            WindowStatus.COMPLETED,
            id="older-cancellation-overridden",
        ),
        pytest.param(
            [
                update("Nothing new.", "2026-02-20T10:00:00Z", "completed"),
                update("This maintenance has been cancelled.", "2026-02-25T10:00:00Z", "completed"),
            ],
            WindowStatus.CANCELLED,
            id="latest-listed-last",
        ),
    ],
)
def test_a_cancellation_notice_in_the_latest_update_cancels_the_window(
    updates: list[dict[str, Any]], expected: WindowStatus
) -> None:
    (window,) = parse_doc(
        page_doc(maintenance(status="completed", incident_updates=updates))
    ).windows
    assert window.status is expected


def test_without_update_times_the_first_listed_update_is_the_latest() -> None:
    updates = [{"body": "Newest: cancelled."}, {"body": "Oldest: planned."}]
    (window,) = parse_doc(page_doc(maintenance(incident_updates=updates))).windows
    assert window.status is WindowStatus.CANCELLED
    assert window.description == "Newest: cancelled."


@pytest.mark.parametrize("until", [None, "", "absent"])
def test_a_missing_end_is_estimated_with_low_confidence_and_a_warning(until: str | None) -> None:
    entry = maintenance(scheduled_until=until)
    if until == "absent":
        del entry["scheduled_until"]
    result = parse_doc(page_doc(entry))
    (window,) = result.windows
    assert window.end - window.start == UNSTATED_END_ASSUMPTION
    assert window.end_estimated
    assert window.confidence is Confidence.LOW
    assert window.warnings
    assert "abc123def456" in window.warnings[0]
    assert window.warnings[0] in result.warnings


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        pytest.param({"scheduled_for": None}, "scheduled_for is missing", id="null-start"),
        pytest.param({"scheduled_for": "TBA"}, "not an ISO 8601 time", id="prose-start"),
        pytest.param({"scheduled_for": 1772661600}, "a number, not a time", id="epoch-start"),
        pytest.param({"scheduled_for": "2026-03-04"}, "no time of day", id="date-only"),
        pytest.param({"scheduled_until": "soon"}, "not an ISO 8601 time", id="prose-end"),
        pytest.param({"scheduled_until": {"at": 1}}, "an object, not a time", id="object-end"),
        pytest.param(
            {"scheduled_until": "2026-03-04T20:00:00+01:00"}, "before it starts", id="end-first"
        ),
        pytest.param(
            {"scheduled_until": "2026-03-04T21:00:00Z"}, "ends when it starts", id="no-length"
        ),
        pytest.param(
            {"scheduled_for": "0001-01-01T00:00:00+05:00"}, "outside the calendar", id="year-1"
        ),
    ],
)
def test_a_malformed_entry_is_skipped_with_a_warning_naming_it(
    fields: dict[str, Any], reason: str
) -> None:
    good = maintenance(id="good00000001", name="Webmail update")
    result = parse_doc(page_doc(maintenance(**fields), good))
    assert [w.native_id for w in result.windows] == ["good00000001"]
    (warning,) = result.warnings
    assert warning.startswith("skipped maintenance 'IMAP upgrade' (id abc123def456): ")
    assert reason in warning


def test_an_entry_that_is_not_an_object_is_skipped_by_position() -> None:
    result = parse_doc(page_doc("oops", maintenance()))
    assert len(result.windows) == 1
    assert result.warnings == ["skipped entry #1: a string, not an object"]


def test_an_entry_without_name_or_id_is_named_by_position_and_titled_generically() -> None:
    entry = maintenance(scheduled_until=None)
    del entry["id"], entry["name"]
    result = parse_doc(page_doc(maintenance(), entry))
    assert result.windows[1].title == "Scheduled maintenance"
    assert result.windows[1].native_id is None
    assert "maintenance #2 states no end" in result.warnings[0]


def test_times_without_offset_are_read_in_the_source_zone_with_medium_confidence() -> None:
    entry = maintenance(scheduled_for="2026-03-04T22:00:00", scheduled_until="2026-03-05T02:00:00")
    result = statuspage.parse(json.dumps(page_doc(entry)).encode(), make_ctx(ZONE))
    (window,) = result.windows
    assert window.start == datetime(2026, 3, 4, 21, tzinfo=UTC)
    assert window.confidence is Confidence.MEDIUM
    assert "Europe/Berlin" in result.warnings[0]


def test_undecorated_fields_of_the_wrong_type_are_dropped_not_fatal() -> None:
    entry = maintenance(name=42, shortlink=False, components="IMAP", incident_updates={}, id=[1])
    (window,) = parse_doc(page_doc(entry)).windows
    assert (window.title, window.url, window.affected, window.native_id) == (
        "Scheduled maintenance",
        None,
        (),
        None,
    )


def test_incidents_document_keeps_only_planned_maintenance() -> None:
    result = parse_sample("statuspage-incidents.json")
    assert {w.native_id for w in result.windows} == {"k2m4o6q8s0u2", "u9w1y3a5c7e9"}
    assert result.warnings == []
    by_id = {w.native_id: w for w in result.windows}
    assert by_id["k2m4o6q8s0u2"].status is WindowStatus.COMPLETED
    assert by_id["u9w1y3a5c7e9"].status is WindowStatus.COMPLETED  # "resolved"
    assert by_id["k2m4o6q8s0u2"].affected == ("IMAP", "Webmail")


def test_a_bare_array_of_incidents_is_read_like_an_incidents_document() -> None:
    """Older exports hold the incidents alone, as a JSON array."""
    bare = parse_sample("statuspage-incidents-array.json")
    wrapped = parse_sample("statuspage-incidents.json")
    assert [(w.native_id, w.start, w.end, w.status, w.affected) for w in bare.windows] == [
        (w.native_id, w.start, w.end, w.status, w.affected) for w in wrapped.windows
    ]
    assert len(bare.windows) == 2
    assert bare.warnings == []


def test_an_empty_array_is_no_incidents() -> None:
    assert statuspage.parse(b"[]", make_ctx()).windows == []


def test_summary_names_component_groups_after_the_components() -> None:
    windows = {w.native_id: w for w in parse_sample("statuspage-summary.json").windows}
    assert windows["w1zdr745wmfy"].affected == ("IMAP", "SMTP", "E-Mail")
    assert windows["p0xk3v8m2s6d"].affected == ("Webmail", "E-Mail")


def test_summary_lists_a_maintenance_twice_and_merging_makes_it_one() -> None:
    result = parse_sample("statuspage-summary.json")
    assert [w.native_id for w in result.windows].count("p0xk3v8m2s6d") == 2
    merged = merge_windows(result.windows)
    assert sorted(w.native_id or "" for w in merged) == ["p0xk3v8m2s6d", "w1zdr745wmfy"]


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        # The spam filter window names no component, so it is always kept.
        (["IMAP"], {"w1zdr745wmfy", "v7b9d1f3h5j7", "n2p4r6t8v0x2", "j4l6n8p0r2t4"}),
        (["webmail"], {"p0xk3v8m2s6d", "j4l6n8p0r2t4"}),
        (["Webshop", "SMTP"], {"s1u3w5y7a9c1", "w1zdr745wmfy", "j4l6n8p0r2t4"}),
    ],
)
def test_filtering_by_component_keeps_the_windows_touching_it(
    wanted: list[str], expected: set[str]
) -> None:
    windows = parse_sample("statuspage-scheduled-maintenances.json").windows
    assert {w.native_id for w in filter_by_component(windows, wanted)} == expected


def test_filtering_by_a_group_name_keeps_its_components_windows() -> None:
    windows = parse_sample("statuspage-summary.json").windows
    assert len(filter_by_component(windows, ["E-Mail"])) == 3


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(
            b'{"page": {"id": "x"}, "scheduled_maintenances": [', "malformed JSON", id="cut"
        ),
        pytest.param(b'[{"a": 1}]', "a JSON list, but not of Statuspage incidents", id="list"),
        pytest.param(b"42", "found a number", id="number"),
        pytest.param(
            b'{"page": {"id": "x"}, "status": {"indicator": "none"}}',
            "lists no maintenances",
            id="status-json",
        ),
        pytest.param(
            b'{"page": {"id": "x"}, "scheduled_maintenances": "none"}',
            "'scheduled_maintenances' is a string, not a list",
            id="list-is-string",
        ),
        pytest.param(
            b'{"page": {"id": "x"}, "incidents": {"a": 1}}',
            "'incidents' is an object, not a list",
            id="incidents-object",
        ),
    ],
)
def test_a_document_of_the_wrong_shape_is_one_parse_error_naming_the_source(
    data: bytes, reason: str
) -> None:
    with pytest.raises(ParseError) as caught:
        statuspage.parse(data, make_ctx())
    message = str(caught.value)
    assert message.startswith(f"{SOURCE}: ")
    assert reason in message
    assert "\n" not in message


def test_an_empty_maintenance_list_is_no_error() -> None:
    result = parse_doc({"page": {"id": "x"}, "scheduled_maintenances": [], "incidents": None})
    assert (result.windows, result.warnings) == ([], [])


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({"page": {"id": "x"}, "scheduled_maintenances": []}, True),
        ({"scheduled_maintenances": []}, True),
        ({"page": {"id": "x", "url": "https://s.example"}, "incidents": []}, True),
        ({"page": {"id": "x"}, "components": []}, True),
        ({"page": {"url": "https://status.example"}, "incidents": []}, True),
        ({"page": {"name": "Kolibri"}, "incidents": []}, False),
        ({"page": {"name": "x", "url": "u", "status": "UP"}, "activeMaintenances": []}, False),
        ({"page": {"id": "x"}, "scheduled_maintenances": [], "activeIncidents": []}, False),
        ({"page": {"id": "x"}}, False),
        ({"incidents": []}, False),
        ({"data": [{"scheduled_at": "2026-03-04 22:00:00"}]}, False),
        ([{"scheduled_maintenances": []}], False),
        ([{"id": "a", "scheduled_for": None, "incident_updates": []}], True),
        ([{"id": "a", "name": "x", "shortlink": "https://stspg.io/x"}], True),
        ([], False),
        ([{"id": "a", "start": "2026-03-04T21:00:00Z", "duration": 60}], False),
    ],
)
def test_sniffing_recognises_statuspage_documents_only(doc: object, expected: bool) -> None:
    assert statuspage.sniff(json.dumps(doc).encode()) is expected


@pytest.mark.parametrize("data", [b"", b"BEGIN:VCALENDAR", b"{not json", b"\xff\xfe{", b"[" * 5000])
def test_sniffing_never_raises_on_non_json(data: bytes) -> None:
    assert statuspage.sniff(data) is False
