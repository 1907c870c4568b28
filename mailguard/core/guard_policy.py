"""The guard's timing rules: how early to warn and how long to stay careful."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum


class GuardState(StrEnum):
    """Where an account stands relative to its provider's windows."""

    CLEAR = "clear"  # nothing within the longest lead time
    UPCOMING = "upcoming"  # a window starts within the longest lead time
    IMMINENT = "imminent"  # within the safety margin before a start: edits closed
    ACTIVE = "active"  # inside a window: edits closed
    SETTLING = "settling"  # after a window: safety margin plus backfill watch, edits closed

    @property
    def blocks_edits(self) -> bool:
        return self in (GuardState.IMMINENT, GuardState.ACTIVE, GuardState.SETTLING)


#: When several windows put an account in different states, the most urgent
#: one is shown; this is the one place that order is written down.
STATE_PRECEDENCE = (
    GuardState.ACTIVE,
    GuardState.IMMINENT,
    GuardState.SETTLING,
    GuardState.UPCOMING,
    GuardState.CLEAR,
)


@dataclass(frozen=True, slots=True)
class GuardPolicy:
    """Lead times for warnings, the safety margin around windows, the backfill watch."""

    lead_times: tuple[timedelta, ...] = (
        timedelta(hours=24),
        timedelta(hours=1),
        timedelta(minutes=10),
    )
    safety_margin: timedelta = timedelta(minutes=15)
    backfill_watch: timedelta = timedelta(hours=3)

    def __post_init__(self) -> None:
        if not self.lead_times or min(self.lead_times) <= timedelta(0):
            raise ValueError("lead times must be positive")
        if self.safety_margin < timedelta(0) or self.backfill_watch < timedelta(0):
            raise ValueError("margins cannot be negative")

    @property
    def upcoming_horizon(self) -> timedelta:
        """An account is ``upcoming`` from the longest lead time on."""
        return max(*self.lead_times, self.safety_margin)

    @property
    def settling_period(self) -> timedelta:
        return self.safety_margin + self.backfill_watch
