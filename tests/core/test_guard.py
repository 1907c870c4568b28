"""The guard state machine over a simulated clock: states, events, restarts, clock jumps."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from mailguard.core.guard import (
    EventKind,
    Guard,
    GuardEvent,
    WindowRecord,
    edits_open_at,
    guard_key,
    standing,
    window_phase,
)
from mailguard.core.guard_policy import GuardPolicy, GuardState
from mailguard.core.model import MaintenanceWindow, WindowStatus

POLICY = GuardPolicy()
START = datetime(2026, 3, 3, 22, 0, tzinfo=UTC)
END = START + timedelta(hours=2, minutes=45)
MIN = timedelta(minutes=1)
HOUR = timedelta(hours=1)


class MemoryLog:
    """The announcement log port, kept in a dict (the SQLite one has its own tests)."""

    def __init__(self) -> None:
        self.records: dict[tuple[str, str], WindowRecord] = {}

    def get(self, account: str, key: str) -> WindowRecord | None:
        return self.records.get((account, key))

    def put(self, account: str, record: WindowRecord) -> None:
        self.records[(account, record.key)] = record


def window(start: datetime = START, end: datetime = END, **extra: object) -> MaintenanceWindow:
    fields: dict[str, object] = {
        "title": "Mail server migration",
        "source": "https://status.example/api/v2/summary.json",
        "source_kind": "statuspage",
        "native_id": "mw1",
    }
    fields.update(extra)
    return MaintenanceWindow(start=start, end=end, **fields)  # type: ignore[arg-type]


def kinds(events: list[GuardEvent]) -> list[str]:
    return [e.kind.value + (f"@{e.lead}" if e.lead else "") for e in events]


def run_clock(
    guard: Guard, windows: list[MaintenanceWindow], begin: datetime, end: datetime,
    step: timedelta = timedelta(seconds=30),
) -> list[GuardEvent]:  # fmt: skip
    events, now = [], begin
    while now <= end:
        events += guard.evaluate("acct", windows, now)
        now += step
    return events


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (START - 25 * HOUR, GuardState.CLEAR),
        (START - 24 * HOUR, GuardState.UPCOMING),
        (START - 16 * MIN, GuardState.UPCOMING),
        (START - 15 * MIN, GuardState.IMMINENT),
        (START - timedelta(seconds=1), GuardState.IMMINENT),
        (START, GuardState.ACTIVE),
        (END - timedelta(seconds=1), GuardState.ACTIVE),
        (END, GuardState.SETTLING),
        (END + 3 * HOUR + 14 * MIN, GuardState.SETTLING),
        (END + 3 * HOUR + 15 * MIN, GuardState.CLEAR),
    ],
)
def test_phase_of_one_window(offset: datetime, expected: GuardState) -> None:
    assert window_phase(window(), offset, POLICY) is expected


def test_a_cancelled_window_never_blocks() -> None:
    cancelled = window(status=WindowStatus.CANCELLED)
    assert window_phase(cancelled, START + MIN, POLICY) is GuardState.CLEAR
    assert standing([cancelled], START + MIN, POLICY).edits_open_at is None


def test_a_full_cycle_announces_each_milestone_exactly_once_in_order() -> None:
    events = run_clock(Guard(POLICY, MemoryLog()), [window()], START - 48 * HOUR, END + 5 * HOUR)
    assert kinds(events) == [
        "window_announced",
        "lead_warning@1 day, 0:00:00",
        "lead_warning@1:00:00",
        "lead_warning@0:10:00",
        "window_started",
        "window_ended",
        "settling_done",
    ]


def test_a_restart_repeats_nothing_already_announced() -> None:
    log = MemoryLog()
    first = run_clock(Guard(POLICY, log), [window()], START - 2 * HOUR, START + MIN)
    again = Guard(POLICY, log).evaluate("acct", [window()], START + 2 * MIN)
    assert "window_started" in kinds(first)
    assert again == []


def test_evaluating_twice_at_the_same_moment_is_idempotent() -> None:
    guard = Guard(POLICY, MemoryLog())
    assert guard.evaluate("acct", [window()], START - 30 * MIN)
    assert guard.evaluate("acct", [window()], START - 30 * MIN) == []


def test_started_three_minutes_before_a_window_gives_one_starts_soon_warning() -> None:
    (event,) = Guard(POLICY, MemoryLog()).evaluate("acct", [window()], START - 3 * MIN)
    assert event.kind is EventKind.LEAD_WARNING
    assert event.lead == 10 * MIN
    assert event.time_to_start == 3 * MIN


def test_started_in_the_middle_of_a_window_announces_only_that_it_runs() -> None:
    events = Guard(POLICY, MemoryLog()).evaluate("acct", [window()], START + HOUR)
    assert kinds(events) == ["window_started"]


def test_a_suspend_across_the_start_fires_no_missed_warnings() -> None:
    guard = Guard(POLICY, MemoryLog())
    before = guard.evaluate("acct", [window()], START - 2 * HOUR)
    after_resume = guard.evaluate("acct", [window()], START + 30 * MIN)
    rest = run_clock(guard, [window()], START + 31 * MIN, END + 4 * HOUR)
    assert kinds(before) == ["window_announced", "lead_warning@1 day, 0:00:00"]
    assert kinds(after_resume) == ["window_started"]
    assert kinds(rest) == ["window_ended", "settling_done"]


def test_a_suspend_past_the_whole_window_announces_only_the_end_of_settling() -> None:
    guard = Guard(POLICY, MemoryLog())
    guard.evaluate("acct", [window()], START - 2 * HOUR)
    assert kinds(guard.evaluate("acct", [window()], END + 4 * HOUR)) == ["settling_done"]


def test_a_window_long_over_when_first_seen_says_nothing() -> None:
    assert Guard(POLICY, MemoryLog()).evaluate("acct", [window()], END + 30 * HOUR) == []


def test_a_reschedule_while_upcoming_is_announced_and_warnings_follow_the_new_time() -> None:
    guard = Guard(POLICY, MemoryLog())
    guard.evaluate("acct", [window()], START - 2 * HOUR)
    moved = window(START + 24 * HOUR, END + 24 * HOUR)
    (event,) = guard.evaluate("acct", [moved], START - HOUR)
    assert event.kind is EventKind.RESCHEDULED
    assert event.previous is not None
    assert (event.previous.start, event.window.start) == (START, START + 24 * HOUR)
    later = run_clock(guard, [moved], START, moved.start + MIN)
    assert kinds(later) == [
        "lead_warning@1 day, 0:00:00",
        "lead_warning@1:00:00",
        "lead_warning@0:10:00",
        "window_started",
    ]


@pytest.mark.parametrize("when", [START - 2 * HOUR, START + HOUR], ids=["upcoming", "active"])
def test_a_cancellation_is_announced_once_and_the_window_never_starts(when: datetime) -> None:
    guard = Guard(POLICY, MemoryLog())
    guard.evaluate("acct", [window()], when)
    cancelled = window(status=WindowStatus.CANCELLED)
    assert kinds(guard.evaluate("acct", [cancelled], when + MIN)) == ["window_cancelled"]
    rest = run_clock(guard, [cancelled], when + 2 * MIN, END + 4 * HOUR, step=5 * MIN)
    assert rest == []
    assert standing([cancelled], when + 2 * MIN, POLICY).state is GuardState.CLEAR


def test_a_cancelled_window_never_seen_before_says_nothing() -> None:
    cancelled = window(status=WindowStatus.CANCELLED)
    assert Guard(POLICY, MemoryLog()).evaluate("acct", [cancelled], START - HOUR) == []


def test_a_cancelled_window_that_is_reinstated_is_announced_again() -> None:
    guard = Guard(POLICY, MemoryLog())
    guard.evaluate("acct", [window()], START - 3 * HOUR)
    guard.evaluate("acct", [window(status=WindowStatus.CANCELLED)], START - 2 * HOUR)
    events = guard.evaluate("acct", [window()], START - 90 * MIN)
    assert kinds(events) == ["window_announced", "lead_warning@1 day, 0:00:00"]


def test_reading_the_standing_records_nothing() -> None:
    log = MemoryLog()
    standing([window()], START - 3 * MIN, POLICY)
    assert log.records == {}


def test_overlapping_windows_show_the_most_urgent_state() -> None:
    active = window()
    next_one = window(END + HOUR, END + 2 * HOUR, native_id="mw2")
    now = START + 30 * MIN
    result = standing([next_one, active], now, POLICY)
    assert result.state is GuardState.ACTIVE
    assert result.window == active


def test_imminent_wins_over_settling_when_windows_are_back_to_back() -> None:
    first = window()
    second = window(END + 20 * MIN, END + HOUR, native_id="mw2")
    result = standing([first, second], END + 10 * MIN, POLICY)
    assert result.state is GuardState.IMMINENT
    assert result.window == second


def test_edits_reopen_only_after_a_chain_of_back_to_back_windows_settles() -> None:
    first = window()
    second = window(END + HOUR, END + 2 * HOUR, native_id="mw2")
    far = window(END + 30 * HOUR, END + 31 * HOUR, native_id="mw3")
    reopen = edits_open_at([first, second, far], START + MIN, POLICY)
    assert reopen == second.end + POLICY.settling_period


def test_edits_are_open_between_distant_windows() -> None:
    assert edits_open_at([window()], START - 2 * HOUR, POLICY) is None
    assert edits_open_at([window()], START - 15 * MIN, POLICY) == END + 3 * HOUR + 15 * MIN


def test_clear_standing_still_names_the_next_window() -> None:
    result = standing([window()], START - 3 * 24 * HOUR, POLICY)
    assert (result.state, result.window) == (GuardState.CLEAR, window())


def test_daylight_saving_change_does_not_shift_warnings() -> None:
    """Berlin springs forward at 02:00 on 2026-03-29; a lead time is real elapsed time."""
    berlin = ZoneInfo("Europe/Berlin")
    start = datetime(2026, 3, 29, 22, 0, tzinfo=berlin)
    dst_window = window(start, start + 2 * HOUR)
    guard = Guard(POLICY, MemoryLog())
    guard.evaluate("acct", [dst_window], start - 30 * HOUR)
    just_before = start.astimezone(UTC) - 24 * HOUR - timedelta(seconds=1)
    assert guard.evaluate("acct", [dst_window], just_before) == []
    (event,) = guard.evaluate("acct", [dst_window], just_before + timedelta(seconds=1))
    assert event.lead == 24 * HOUR
    assert event.at.astimezone(berlin).hour == 21  # 24 real hours earlier is 21:00 local


def test_windows_without_native_ids_are_tracked_by_span() -> None:
    guard = Guard(POLICY, MemoryLog())
    anonymous = replace(window(), native_id=None)
    assert kinds(guard.evaluate("acct", [anonymous], START + MIN)) == ["window_started"]
    assert guard.evaluate("acct", [anonymous], START + 2 * MIN) == []


def test_a_released_window_opens_edits_after_its_margin_while_it_still_settles() -> None:
    during_watch = END + 30 * MIN
    held = standing([window()], during_watch, POLICY)
    released = standing([window()], during_watch, POLICY, released={guard_key(window()): None})
    assert (held.state, held.edits_closed) == (GuardState.SETTLING, True)
    assert (released.state, released.edits_closed) == (GuardState.SETTLING, False)


def test_a_settling_standing_says_when_the_watch_ends_and_when_edits_were_opened_early() -> None:
    during_watch, released_at = END + 30 * MIN, END + 20 * MIN
    held = standing([window()], during_watch, POLICY)
    opened = standing([window()], during_watch, POLICY, {guard_key(window()): released_at})
    watch_ends = END + POLICY.settling_period
    assert (held.watch_ends_at, held.released_at, held.opened_early) == (watch_ends, None, False)
    assert (opened.watch_ends_at, opened.released_at, opened.opened_early) == (
        watch_ends,
        released_at,
        True,
    )
    assert standing([window()], START + MIN, POLICY).watch_ends_at is None  # not settling


def test_a_release_does_not_open_edits_during_the_next_window() -> None:
    second = window(END + HOUR, END + 2 * HOUR, native_id="mw2")
    released = {guard_key(window()): None}
    assert standing([window(), second], END + 30 * MIN, POLICY, released).edits_closed is False
    during_second = standing([window(), second], END + HOUR + MIN, POLICY, released)
    assert during_second.edits_open_at == second.end + POLICY.settling_period
