"""The demo's timeline: a whole maintenance window compressed into a few minutes.

Pure arithmetic from the start moment and the length wanted, so the headless
demo, the tray demo and the tests agree on when each step happens:

    warning(s) → imminent (baseline) → window starts → an edit is refused and one
    queued → window ends → the provider delivers late mail → automatic resync
    lists it → backfill watch ends → the queued edit runs
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from mailguard.core.settings import AppSettings


@dataclass(frozen=True, slots=True)
class DemoTimeline:
    started_at: datetime
    length: timedelta  # the whole cycle, about what --minutes asks for

    def _at(self, fraction: float) -> datetime:
        return self.started_at + self.length * fraction

    @property
    def window_start(self) -> datetime:
        return self._at(0.25)

    @property
    def window_end(self) -> datetime:
        return self._at(0.45)

    @property
    def edit_attempt(self) -> datetime:
        """Inside the window: the demo tries a folder edit (refused) and queues another."""
        return self._at(0.30)

    @property
    def late_delivery(self) -> datetime:
        """After the first comparison: the provider hands over what arrived meanwhile,
        and the backfill watch must catch it."""
        return self.window_end + self.safety_margin + self.length * 0.03

    @property
    def settled(self) -> datetime:
        return self.window_end + self.safety_margin + self.backfill_watch

    @property
    def deadline(self) -> datetime:
        """Give up (and say which step is missing) if the cycle is not done by then."""
        return self.started_at + self.length * 2 + timedelta(seconds=30)

    @property
    def lead_times(self) -> tuple[timedelta, ...]:
        return (self.length * 0.2, self.length * 0.1)

    @property
    def safety_margin(self) -> timedelta:
        return self.length * 0.05

    @property
    def backfill_watch(self) -> timedelta:
        return self.length * 0.2

    @property
    def tick(self) -> timedelta:
        """Often enough that every step lands on time: 0.5 s for a one-minute demo, ≤ 2 s."""
        return min(timedelta(seconds=2), max(timedelta(seconds=0.5), self.length / 120))

    def settings(self) -> AppSettings:
        """The demo home's settings: the guard's timing compressed like the window."""
        return AppSettings(
            lead_times=self.lead_times,
            safety_margin=self.safety_margin,
            backfill_watch=self.backfill_watch,
        )
