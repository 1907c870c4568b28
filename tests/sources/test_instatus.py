"""Instatus: maintenances from the public summary and the API, start plus duration."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from mailguard.core.errors import ParseError
from mailguard.core.model import UNSTATED_END_ASSUMPTION, Confidence, WindowStatus
from mailguard.core.schedule import filter_by_component
from mailguard.sources import instatus
from mailguard.sources.base import ParseContext, ParseResult
from tests.sources.contexts import STATUS_DAYS_AHEAD, parse_context

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SOURCE = "https://kolibri-mail.instatus.com/summary.json"
NOW = datetime(2026, 3, 2, 7, tzinfo=UTC)


def make_ctx() -> ParseContext:
    return parse_context(SOURCE, ZoneInfo("Europe/Berlin"), NOW, days_ahead=STATUS_DAYS_AHEAD)


def parse_sample(name: str) -> ParseResult:
    return instatus.parse((SAMPLES / name).read_bytes(), make_ctx())


def parse_doc(doc: object) -> ParseResult:
    return instatus.parse(json.dumps(doc).encode(), make_ctx())


def maintenance(**fields: Any) -> dict[str, Any]:
    """A minimal well-formed API maintenance, with ``fields`` overriding."""
    entry: dict[str, Any] = {
        "id": "cm7k1p4cd00011bl9x2wq6r8j",
        "name": "IMAP upgrade",
        "status": "NOTSTARTEDYET",
        "start": "2026-03-04T21:00:00.000Z",
        "duration": 240,
        "updates": [],
        "components": [{"id": "c1", "name": "IMAP"}],
    }
    entry.update(fields)
    return entry


START = datetime(2026, 3, 4, 21, tzinfo=UTC)


@pytest.mark.parametrize(
    ("native_id", "span", "status", "estimated"),
    [
        pytest.param(
            "cm7n8k2ab00021bq4v7yz3t5m",
            (datetime(2026, 3, 2, 6, tzinfo=UTC), datetime(2026, 3, 2, 8, tzinfo=UTC)),
            WindowStatus.IN_PROGRESS,
            False,
            id="in-progress-int-duration",
        ),
        pytest.param(
            "cm7k1p4cd00011bl9x2wq6r8j",
            (START, datetime(2026, 3, 5, 1, tzinfo=UTC)),
            WindowStatus.SCHEDULED,
            False,
            id="upcoming-string-duration",
        ),
        pytest.param(
            "cm7p5s7ef00031bm2k8nu4w1c",
            (
                datetime(2026, 3, 7, 5, tzinfo=UTC),
                datetime(2026, 3, 7, 5, tzinfo=UTC) + UNSTATED_END_ASSUMPTION,
            ),
            WindowStatus.SCHEDULED,
            True,
            id="null-duration",
        ),
    ],
)
def test_summary_yields_each_active_maintenance(
    native_id: str, span: tuple[datetime, datetime], status: WindowStatus, estimated: bool
) -> None:
    windows = {w.native_id: w for w in parse_sample("instatus-summary.json").windows}
    window = windows[native_id]
    assert ((window.start, window.end), window.status) == (span, status)
    assert window.end_estimated is estimated
    assert window.url == f"https://kolibri-mail.instatus.com/{native_id}"
    assert (window.source, window.source_kind) == (SOURCE, "instatus")


def test_summary_leaves_out_incidents() -> None:
    result = parse_sample("instatus-summary.json")
    assert len(result.windows) == 3
    assert "cm7q2x9yz00041bs6d3kf8h2n" not in {w.native_id for w in result.windows}
    assert all(w.affected == () for w in result.windows)  # the summary names no components


def test_a_summary_with_only_incidents_has_no_windows() -> None:
    doc = {"page": {"name": "x"}, "activeIncidents": [{"name": "Outage", "started": "x"}]}
    result = parse_doc(doc)
    assert (result.windows, result.warnings) == ([], [])


@pytest.mark.parametrize(
    ("native_id", "title", "span", "status", "affected"),
    [
        pytest.param(
            "cm7k1p4cd00011bl9x2wq6r8j",
            "IMAP and SMTP server upgrade",
            (START, datetime(2026, 3, 5, 1, tzinfo=UTC)),
            WindowStatus.SCHEDULED,
            ("IMAP", "SMTP", "E-Mail"),
            id="localized-name-and-grouped-components",
        ),
        pytest.param(
            "cm7n8k2ab00021bq4v7yz3t5m",
            "Webmail frontend deployment",
            (datetime(2026, 3, 2, 6, tzinfo=UTC), datetime(2026, 3, 2, 8, tzinfo=UTC)),
            WindowStatus.IN_PROGRESS,
            ("Webmail",),
            id="in-progress",
        ),
        pytest.param(
            "cm6z4t8ij00011bk7w3mx5q9d",
            "Webshop database migration",
            (datetime(2026, 2, 15, 0, tzinfo=UTC), datetime(2026, 2, 15, 4, tzinfo=UTC)),
            WindowStatus.COMPLETED,
            ("Webshop",),
            id="completed",
        ),
        pytest.param(
            "cm7p5s7ef00031bm2k8nu4w1c",
            "Einspielen neuer Spamfilter-Regeln",
            (
                datetime(2026, 3, 7, 5, tzinfo=UTC),
                datetime(2026, 3, 7, 5, tzinfo=UTC) + UNSTATED_END_ASSUMPTION,
            ),
            WindowStatus.SCHEDULED,
            (),
            id="german-only-name-no-duration",
        ),
    ],
)
def test_maintenance_list_yields_each_window(
    native_id: str,
    title: str,
    span: tuple[datetime, datetime],
    status: WindowStatus,
    affected: tuple[str, ...],
) -> None:
    windows = {w.native_id: w for w in parse_sample("instatus-maintenances.json").windows}
    window = windows[native_id]
    assert (window.title, (window.start, window.end), window.status, window.affected) == (
        title,
        span,
        status,
        affected,
    )


def test_maintenance_list_skips_malformed_entries_with_warnings_naming_them() -> None:
    result = parse_sample("instatus-maintenances.json")
    assert len(result.windows) == 4
    skipped = [w for w in result.warnings if w.startswith("skipped")]
    assert skipped == [
        "skipped maintenance 'Anti-virus engine update' (id cm7r2v9mn00071bt6y4pz8c3k): "
        "start '2026-13-45T00:00:00.000Z' is not an ISO 8601 time",
        "skipped maintenance 'Calendar sync maintenance' (id cm7r3w1op00081bu7z5qa9d4l): "
        "duration 'about two hours' is not a number of minutes",
    ]


def test_description_is_the_latest_update_in_english() -> None:
    windows = {w.native_id: w for w in parse_sample("instatus-maintenances.json").windows}
    assert windows["cm7k1p4cd00011bl9x2wq6r8j"].description.startswith(
        "We moved this maintenance by one day."
    )
    assert windows["cm6z4t8ij00011bk7w3mx5q9d"].description == "The maintenance has been completed."
    assert windows["cm7k1p4cd00011bl9x2wq6r8j"].updated_at == datetime(
        2026, 2, 27, 15, 40, 2, 905000, tzinfo=UTC
    )


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        ("NOTSTARTEDYET", WindowStatus.SCHEDULED),
        ("INPROGRESS", WindowStatus.IN_PROGRESS),
        ("COMPLETED", WindowStatus.COMPLETED),
        ("inprogress", WindowStatus.IN_PROGRESS),
    ],
)
def test_statuses_map_to_window_statuses(stated: str, expected: WindowStatus) -> None:
    result = parse_doc([maintenance(status=stated)])
    assert result.windows[0].status is expected
    assert result.warnings == []


@pytest.mark.parametrize("stated", ["POSTPONED", 1, {"en": "x"}])
def test_an_unknown_status_is_left_to_the_clock_with_a_warning(stated: object) -> None:
    result = parse_doc([maintenance(status=stated)])
    assert result.windows[0].status is None
    assert "has an unknown status" in result.warnings[0]


@pytest.mark.parametrize(
    ("duration", "length"),
    [
        (240, timedelta(hours=4)),
        ("90", timedelta(minutes=90)),
        (" 30 ", timedelta(minutes=30)),
        (1.5, timedelta(seconds=90)),
        (10080, timedelta(days=7)),
    ],
)
def test_the_end_is_the_start_plus_the_duration_in_minutes(
    duration: object, length: timedelta
) -> None:
    (window,) = parse_doc([maintenance(duration=duration)]).windows
    assert window.end - window.start == length
    assert not window.end_estimated
    assert window.confidence is Confidence.HIGH


@pytest.mark.parametrize("duration", [None, "", "absent"])
def test_a_missing_duration_is_an_estimated_end(duration: object) -> None:
    entry = maintenance(duration=duration)
    if duration == "absent":
        del entry["duration"]
    result = parse_doc([entry])
    (window,) = result.windows
    assert window.end - window.start == UNSTATED_END_ASSUMPTION
    assert (window.end_estimated, window.confidence) == (True, Confidence.LOW)
    assert result.warnings == [
        "maintenance 'IMAP upgrade' (id cm7k1p4cd00011bl9x2wq6r8j) states no end;"
        " assuming it lasts 4 hours"
    ]


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        pytest.param({"duration": 0}, "not a positive number", id="zero"),
        pytest.param({"duration": -30}, "not a positive number", id="negative"),
        pytest.param({"duration": "zwei Stunden"}, "not a number of minutes", id="prose"),
        pytest.param({"duration": "nan"}, "not a number of minutes", id="nan"),
        pytest.param({"duration": True}, "a boolean, not a number", id="boolean"),
        pytest.param({"duration": [60]}, "a list, not a number", id="list"),
        pytest.param({"duration": 10**300}, "not a number of minutes", id="huge"),
        pytest.param({"duration": 5_000_000_000}, "beyond the calendar", id="past-year-9999"),
        pytest.param({"start": None}, "start is missing", id="no-start"),
        pytest.param({"start": "morgen"}, "not an ISO 8601 time", id="prose-start"),
    ],
)
def test_a_malformed_maintenance_is_skipped_with_a_warning_naming_it(
    fields: dict[str, Any], reason: str
) -> None:
    good = maintenance(id="good", name="Webmail")
    result = parse_doc([maintenance(**fields), good])
    assert [w.native_id for w in result.windows] == ["good"]
    (warning,) = result.warnings
    assert warning.startswith("skipped maintenance 'IMAP upgrade' (id cm7k1p4cd00011bl9x2wq6r8j): ")
    assert reason in warning


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ({"en": "Upgrade", "de": "Aktualisierung"}, "Upgrade"),
        ({"de": "Aktualisierung", "fr": "Mise à jour"}, "Aktualisierung"),
        ({"de": "", "fr": "Mise à jour"}, "Mise à jour"),
        ({}, "Scheduled maintenance"),
        (17, "Scheduled maintenance"),
    ],
)
def test_localized_names_prefer_english_then_the_first_given(name: object, title: str) -> None:
    (window,) = parse_doc([maintenance(name=name)]).windows
    assert window.title == title


def test_title_is_read_when_there_is_no_name() -> None:
    entry = maintenance(title={"en": "Mail storage upgrade"})
    del entry["name"]
    (window,) = parse_doc([entry]).windows
    assert window.title == "Mail storage upgrade"


def test_a_single_maintenance_object_is_read_too() -> None:
    (window,) = parse_doc(maintenance()).windows
    assert (window.start, window.affected) == (START, ("IMAP",))


def test_times_without_offset_are_read_in_the_source_zone_with_medium_confidence() -> None:
    result = parse_doc([maintenance(start="2026-03-04T22:00:00")])
    (window,) = result.windows
    assert window.start == START
    assert window.confidence is Confidence.MEDIUM
    assert "Europe/Berlin" in result.warnings[0]


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (["IMAP"], {"cm7k1p4cd00011bl9x2wq6r8j", "cm7p5s7ef00031bm2k8nu4w1c"}),
        (["e-mail"], {"cm7k1p4cd00011bl9x2wq6r8j", "cm7p5s7ef00031bm2k8nu4w1c"}),
        (["Webmail"], {"cm7n8k2ab00021bq4v7yz3t5m", "cm7p5s7ef00031bm2k8nu4w1c"}),
    ],
)
def test_filtering_by_component_keeps_the_windows_touching_it(
    wanted: list[str], expected: set[str]
) -> None:
    windows = parse_sample("instatus-maintenances.json").windows
    assert {w.native_id for w in filter_by_component(windows, wanted)} == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b'[{"start": ', "malformed JSON", id="cut"),
        pytest.param(b'"maintenance"', "found a string", id="string"),
        pytest.param(b'{"page": {"name": "x"}}', "found an object", id="page-only"),
        pytest.param(
            b'{"page": {}, "activeMaintenances": {"a": 1}}',
            "'activeMaintenances' is an object, not a list",
            id="maintenances-object",
        ),
    ],
)
def test_a_document_of_the_wrong_shape_is_one_parse_error_naming_the_source(
    data: bytes, reason: str
) -> None:
    with pytest.raises(ParseError) as caught:
        instatus.parse(data, make_ctx())
    message = str(caught.value)
    assert message.startswith(f"{SOURCE}: ")
    assert reason in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({"page": {"name": "x"}, "activeIncidents": [], "activeMaintenances": []}, True),
        ({"activeMaintenances": []}, True),
        ([{"id": "a", "start": "2026-03-04T21:00:00Z", "duration": 60}], True),
        ({"id": "a", "name": "x", "start": "2026-03-04T21:00:00Z", "duration": "60"}, True),
        ([{"id": "a", "started": "2026-03-04T21:00:00Z", "status": "RESOLVED"}], False),
        ([], False),
        ({"page": {"id": "x"}, "scheduled_maintenances": []}, False),
        ({"data": [{"scheduled_at": "2026-03-04 22:00:00"}]}, False),
    ],
)
def test_sniffing_recognises_instatus_documents_only(doc: object, expected: bool) -> None:
    assert instatus.sniff(json.dumps(doc).encode()) is expected
