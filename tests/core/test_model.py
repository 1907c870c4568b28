"""The maintenance window value: validation, identity, status and JSON shape."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from mailguard.core.model import MaintenanceWindow, WindowStatus, window_id

BERLIN = ZoneInfo("Europe/Berlin")


def make(start: datetime, hours: float = 2.0, **extra: object) -> MaintenanceWindow:
    fields: dict[str, object] = {"title": "Mail maintenance", "source": "s", "source_kind": "text"}
    fields.update(extra)
    return MaintenanceWindow(start=start, end=start + timedelta(hours=hours), **fields)  # type: ignore[arg-type]


def test_naive_datetimes_are_rejected() -> None:
    with pytest.raises(ValueError, match="aware"):
        MaintenanceWindow(
            start=datetime(2026, 3, 3, 22),
            end=datetime(2026, 3, 4, 2, tzinfo=UTC),
            title="t",
            source="s",
            source_kind="text",
        )


def test_a_window_must_end_after_it_starts() -> None:
    start = datetime(2026, 3, 3, 22, tzinfo=UTC)
    with pytest.raises(ValueError, match="before it starts"):
        MaintenanceWindow(start=start, end=start, title="t", source="s", source_kind="text")


def test_the_same_span_in_another_zone_has_the_same_id() -> None:
    in_berlin = make(datetime(2011, 7, 18, 23, 45, tzinfo=BERLIN), hours=2.75)
    in_utc = make(datetime(2011, 7, 18, 21, 45, tzinfo=UTC), hours=2.75, source="other")
    assert in_berlin.id == in_utc.id
    assert in_berlin.id.startswith("mw-")


def test_a_different_span_has_a_different_id() -> None:
    start = datetime(2026, 3, 3, 22, tzinfo=UTC)
    assert window_id(start, start + timedelta(hours=2)) != window_id(
        start, start + timedelta(hours=3)
    )


@pytest.mark.parametrize(
    ("now_offset_hours", "expected"),
    [
        (-1, WindowStatus.SCHEDULED),
        (0, WindowStatus.IN_PROGRESS),
        (1, WindowStatus.IN_PROGRESS),
        (2, WindowStatus.COMPLETED),
        (30, WindowStatus.COMPLETED),
    ],
)
def test_a_silent_source_gets_its_status_from_the_clock(
    now_offset_hours: int, expected: WindowStatus
) -> None:
    start = datetime(2026, 3, 3, 22, tzinfo=UTC)
    window = make(start)
    assert window.status_at(start + timedelta(hours=now_offset_hours)) is expected


def test_a_stated_status_wins_over_the_clock() -> None:
    start = datetime(2026, 3, 3, 22, tzinfo=UTC)
    window = make(start, status=WindowStatus.CANCELLED)
    assert window.status_at(start + timedelta(hours=1)) is WindowStatus.CANCELLED


def test_json_carries_the_contract_fields_with_utc_offsets() -> None:
    window = make(datetime(2011, 7, 18, 23, 45, tzinfo=BERLIN), hours=2.75)
    data = window.to_json(datetime(2011, 7, 1, tzinfo=UTC))
    assert data["start"] == "2011-07-18T23:45:00+02:00"
    assert data["end"] == "2011-07-19T02:30:00+02:00"
    assert {"start", "end", "title", "source", "id", "status"} <= data.keys()
    assert data["status"] == "scheduled"


def test_fixed_offsets_are_kept_in_json() -> None:
    start = datetime(2026, 3, 3, 22, tzinfo=timezone(timedelta(hours=1)))
    assert make(start).to_json(start)["start"] == "2026-03-03T22:00:00+01:00"
