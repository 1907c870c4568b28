"""Merging the same window from several sources, updates, and span selection."""

from datetime import UTC, datetime, timedelta

import pytest

from mailguard.core.model import Confidence, MaintenanceWindow, WindowStatus
from mailguard.core.schedule import filter_by_component, merge_windows, select_windows

T0 = datetime(2026, 3, 3, 22, tzinfo=UTC)


def window(
    start: datetime = T0,
    hours: float = 4,
    *,
    source: str = "https://status.example/api/v2/summary.json",
    kind: str = "statuspage",
    **extra: object,
) -> MaintenanceWindow:
    return MaintenanceWindow(
        start=start,
        end=start + timedelta(hours=hours),
        title=str(extra.pop("title", "Mail server maintenance")),
        source=source,
        source_kind=kind,
        **extra,  # type: ignore[arg-type]
    )


def test_a_newer_update_of_the_same_announcement_replaces_the_older() -> None:
    original = window(native_id="abc", updated_at=T0 - timedelta(days=3))
    moved = window(T0 + timedelta(days=1), native_id="abc", updated_at=T0 - timedelta(days=1))
    assert merge_windows([moved, original]) == [moved]


def test_a_cancellation_replaces_the_scheduled_window() -> None:
    original = window(native_id="abc", updated_at=T0 - timedelta(days=3))
    cancelled = window(
        native_id="abc", status=WindowStatus.CANCELLED, updated_at=T0 - timedelta(days=2)
    )
    (merged,) = merge_windows([original, cancelled])
    assert merged.status is WindowStatus.CANCELLED


def test_without_update_times_the_later_entry_wins() -> None:
    first = window(native_id="x")
    second = window(T0 + timedelta(hours=1), native_id="x")
    assert merge_windows([first, second]) == [second]


def test_the_same_native_id_from_different_sources_is_not_an_update() -> None:
    a = window(native_id="1", source="a")
    b = window(T0 + timedelta(days=2), native_id="1", source="b")
    assert len(merge_windows([a, b])) == 2


def test_the_same_span_from_two_sources_becomes_one_window_led_by_the_trusted_source() -> None:
    from_text = window(
        source="blog.txt", kind="text", title="Wartung", confidence=Confidence.MEDIUM
    )
    from_status = window(affected=("IMAP",), title="Scheduled maintenance")
    (merged,) = merge_windows([from_text, from_status])
    assert merged.title == "Scheduled maintenance"
    assert merged.sources == (from_status.source, "blog.txt")
    assert merged.affected == ("IMAP",)
    assert merged.confidence is Confidence.HIGH
    assert merged.id == from_text.id == from_status.id


def test_merged_status_follows_the_most_recent_update() -> None:
    stale = window(status=WindowStatus.CANCELLED, updated_at=T0 - timedelta(days=5), source="a")
    fresh = window(status=WindowStatus.SCHEDULED, updated_at=T0 - timedelta(days=1), source="b")
    (merged,) = merge_windows([stale, fresh])
    assert merged.status is WindowStatus.SCHEDULED


def test_an_undated_cancellation_wins_over_an_undated_schedule() -> None:
    a = window(status=WindowStatus.SCHEDULED, source="a")
    b = window(status=WindowStatus.CANCELLED, source="b", kind="ical")
    (merged,) = merge_windows([a, b])
    assert merged.status is WindowStatus.CANCELLED


def test_an_estimated_end_stays_estimated_only_if_every_source_estimates() -> None:
    a = window(end_estimated=True, source="a")
    b = window(source="b", kind="ical")
    (merged,) = merge_windows([a, b])
    assert merged.end_estimated is False


def test_merge_sorts_soonest_first() -> None:
    later = window(T0 + timedelta(days=2))
    sooner = window(T0)
    assert [w.start for w in merge_windows([later, sooner])] == [sooner.start, later.start]


@pytest.mark.parametrize(
    ("span_start", "span_end", "selected"),
    [
        (T0 - timedelta(days=1), T0, False),  # span ends as the window starts
        (T0 - timedelta(days=1), T0 + timedelta(minutes=1), True),
        (T0 + timedelta(hours=3), T0 + timedelta(days=1), True),  # window still running
        (T0 + timedelta(hours=4), T0 + timedelta(days=1), False),  # window just ended
    ],
)
def test_select_keeps_windows_overlapping_the_span(
    span_start: datetime, span_end: datetime, selected: bool
) -> None:
    assert bool(select_windows([window()], span_start, span_end)) is selected


@pytest.mark.parametrize(
    ("affected", "wanted", "kept"),
    [
        (("E-Mail", "IMAP"), ["imap"], True),
        (("Webshop",), ["IMAP"], False),
        (("E-Mail (IMAP/POP3)",), ["imap"], True),
        ((), ["IMAP"], True),  # unknown components: keep, a missed warning costs more
        (("Webshop",), [], True),
    ],
)
def test_component_filter(affected: tuple[str, ...], wanted: list[str], kept: bool) -> None:
    assert bool(filter_by_component([window(affected=affected)], wanted)) is kept
