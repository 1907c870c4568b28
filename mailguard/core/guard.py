"""The guard's state machine: where an account stands, and what to announce once.

Everything here is a pure function of the windows, the injected ``now`` and
what was already announced, so evaluating twice changes nothing and a clock
jump (suspend/resume, DST) simply re-evaluates instead of firing every missed
timer: of the milestones that fell due unseen, only the latest is announced.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from mailguard.core.guard_policy import STATE_PRECEDENCE, GuardPolicy, GuardState
from mailguard.core.model import MaintenanceWindow, WindowStatus


class EventKind(StrEnum):
    ANNOUNCED = "window_announced"
    RESCHEDULED = "window_rescheduled"
    CANCELLED = "window_cancelled"
    LEAD_WARNING = "lead_warning"
    STARTED = "window_started"
    ENDED = "window_ended"
    SETTLED = "settling_done"


@dataclass(frozen=True, slots=True)
class GuardEvent:
    """Something the user should hear about once; UI and CLI render it."""

    kind: EventKind
    account: str
    window: MaintenanceWindow
    at: datetime
    lead: timedelta | None = None  # LEAD_WARNING: the configured lead time
    previous: MaintenanceWindow | None = None  # RESCHEDULED: the old span

    @property
    def time_to_start(self) -> timedelta:
        return self.window.start.astimezone(UTC) - self.at.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class WindowRecord:
    """What the guard remembers about one window across restarts."""

    key: str
    start: datetime
    end: datetime
    cancelled: bool
    milestones: frozenset[str]
    released_at: datetime | None = None  # when ``mailguard release`` opened edits early


class AnnouncementLog(Protocol):
    """Where announcements are remembered (SQLite in the app)."""

    def get(self, account: str, key: str) -> WindowRecord | None: ...

    def put(self, account: str, record: WindowRecord) -> None: ...


def guard_key(window: MaintenanceWindow) -> str:
    """Identity that survives a reschedule: the source's own id, else the span's."""
    if window.native_id:
        return f"{window.source}#{window.native_id}"
    return window.id


def _utc_span(window: MaintenanceWindow) -> tuple[datetime, datetime]:
    """Arithmetic in UTC: ``aware - timedelta`` in a DST zone counts wall-clock hours."""
    return window.start.astimezone(UTC), window.end.astimezone(UTC)


def window_phase(window: MaintenanceWindow, now: datetime, policy: GuardPolicy) -> GuardState:
    """The state one window alone puts an account in."""
    start, end = _utc_span(window)
    if window.status is WindowStatus.CANCELLED:
        return GuardState.CLEAR
    if now < start - policy.upcoming_horizon:
        return GuardState.CLEAR
    if now < start - policy.safety_margin:
        return GuardState.UPCOMING
    if now < start:
        return GuardState.IMMINENT
    if now < end:
        return GuardState.ACTIVE
    if now < end + policy.settling_period:
        return GuardState.SETTLING
    return GuardState.CLEAR


#: The milestone ``mailguard release`` records: edits reopened before the backfill watch ended.
RELEASED = "released"


@dataclass(frozen=True, slots=True)
class Standing:
    """An account's state, the window that decides it, and when edits open again."""

    state: GuardState
    window: MaintenanceWindow | None
    edits_open_at: datetime | None  # None: edits are open now
    # SETTLING only: when the backfill watch ends, and when edits were opened before that.
    watch_ends_at: datetime | None = None
    released_at: datetime | None = None

    @property
    def opened_early(self) -> bool:
        """Edits are open while the backfill watch still runs: ``mailguard release`` was used."""
        return self.state is GuardState.SETTLING and not self.edits_closed

    @property
    def edits_closed(self) -> bool:
        """Closed from imminent through the backfill watch, unless released early."""
        return self.edits_open_at is not None


def standing(
    windows: Iterable[MaintenanceWindow],
    now: datetime,
    policy: GuardPolicy,
    released: Mapping[str, datetime | None] | None = None,
) -> Standing:
    """The most urgent state over all windows (see STATE_PRECEDENCE).

    ``released`` maps the guard keys of windows whose backfill watch no longer
    keeps edits closed (``mailguard release``; the watch itself goes on) to the
    moment of the release (None for releases made before it was kept).
    """
    released = released or {}
    live = [w for w in windows if w.status is not WindowStatus.CANCELLED]
    phases = [(window_phase(w, now, policy), w) for w in live]
    best_state, best_window = min(
        phases,
        key=lambda p: (STATE_PRECEDENCE.index(p[0]), p[1].start),
        default=(GuardState.CLEAR, None),
    )
    if best_state is GuardState.CLEAR:
        upcoming = [w for w in live if w.start > now]
        best_window = min(upcoming, key=lambda w: w.start, default=None)
    reopen = edits_open_at(live, now, policy, released)
    if best_state is not GuardState.SETTLING:
        return Standing(best_state, best_window, reopen)
    settling = [w for state, w in phases if state is GuardState.SETTLING]
    watch_ends = max(_utc_span(w)[1] + policy.settling_period for w in settling)
    return Standing(
        best_state,
        best_window,
        reopen,
        watch_ends,
        None if reopen else _released_at(settling, released),
    )


def _released_at(
    settling: list[MaintenanceWindow], released: Mapping[str, datetime | None]
) -> datetime | None:
    """The latest release among the settling windows whose moment is known."""
    moments = [m for w in settling if (m := released.get(guard_key(w))) is not None]
    return max(moments, default=None)


def edits_open_at(
    windows: Iterable[MaintenanceWindow],
    now: datetime,
    policy: GuardPolicy,
    released: Collection[str] = (),
) -> datetime | None:
    """When edits reopen, following overlapping and back-to-back windows; None if open now."""
    spans = sorted(
        _closed_span(w, policy, guard_key(w) in released)
        for w in windows
        if w.status is not WindowStatus.CANCELLED
    )
    reopen: datetime | None = None
    for closed_from, closed_until in spans:
        if reopen is None:
            if closed_from <= now < closed_until:
                reopen = closed_until
        elif closed_from <= reopen:
            reopen = max(reopen, closed_until)
    return reopen


def _closed_span(
    window: MaintenanceWindow, policy: GuardPolicy, released: bool
) -> tuple[datetime, datetime]:
    start, end = _utc_span(window)
    after = policy.safety_margin if released else policy.settling_period
    return start - policy.safety_margin, end + after


_Milestone = tuple[datetime, str, EventKind, timedelta | None]


def _milestones(window: MaintenanceWindow, policy: GuardPolicy) -> list[_Milestone]:
    """Every moment worth one announcement, in time order."""
    start, end = _utc_span(window)
    found: list[_Milestone] = [
        (start - lead, f"lead:{int(lead.total_seconds())}", EventKind.LEAD_WARNING, lead)
        for lead in sorted(policy.lead_times, reverse=True)
    ]
    found += [
        (start, "started", EventKind.STARTED, None),
        (end, "ended", EventKind.ENDED, None),
        (end + policy.settling_period, "settled", EventKind.SETTLED, None),
    ]
    return sorted(found, key=lambda m: m[0])


class Guard:
    """Evaluates one account's windows at ``now`` and returns what is newly due.

    Idempotent: a second call at the same ``now`` returns nothing, because
    what it announced is recorded in the log first.
    """

    def __init__(self, policy: GuardPolicy, log: AnnouncementLog) -> None:
        self._policy = policy
        self._log = log

    def evaluate(
        self, account: str, windows: Iterable[MaintenanceWindow], now: datetime
    ) -> list[GuardEvent]:
        events: list[GuardEvent] = []
        for window in sorted(windows, key=lambda w: w.start):
            events.extend(self._evaluate_one(account, window, now))
        return events

    def _evaluate_one(
        self, account: str, window: MaintenanceWindow, now: datetime
    ) -> list[GuardEvent]:
        key = guard_key(window)
        known = record = self._log.get(account, key)
        events: list[GuardEvent] = []
        cancelled = window.status is WindowStatus.CANCELLED

        if cancelled:
            if record is not None and not record.cancelled:
                events.append(GuardEvent(EventKind.CANCELLED, account, window, now))
                self._log.put(account, replace(record, cancelled=True))
            return events

        settled_at = _utc_span(window)[1] + self._policy.settling_period
        if record is None:
            if now >= settled_at:
                return events  # long over before we ever saw it: nothing to say
            record = WindowRecord(key, window.start, window.end, False, frozenset())
            if window_phase(window, now, self._policy) in (GuardState.CLEAR, GuardState.UPCOMING):
                events.append(GuardEvent(EventKind.ANNOUNCED, account, window, now))
        elif record.cancelled or (record.start, record.end) != (window.start, window.end):
            previous = replace(window, start=record.start, end=record.end, id="")
            kind = EventKind.ANNOUNCED if record.cancelled else EventKind.RESCHEDULED
            events.append(GuardEvent(kind, account, window, now, previous=previous))
            record = WindowRecord(key, window.start, window.end, False, frozenset())

        due = [
            m
            for m in _milestones(window, self._policy)
            if m[0] <= now and m[1] not in record.milestones
        ]
        if due:
            _, _, kind, lead = due[-1]  # only the latest: never replay missed warnings
            events.append(GuardEvent(kind, account, window, now, lead=lead))
            record = replace(record, milestones=record.milestones | {m[1] for m in due})
        if record != known:
            self._log.put(account, record)
        return events
