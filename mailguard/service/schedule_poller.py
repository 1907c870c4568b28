"""Polling an account's schedule sources now and then, not every tick.

Sources are read every 30 minutes by default, with ±10 % jitter so many
installations do not hit a status page in step; in between the last read
is used. After a clock jump (suspend/resume) the cache is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from mailguard.core.account import AccountConfig
from mailguard.core.model import MaintenanceWindow

Read = Callable[[AccountConfig, datetime], list[MaintenanceWindow]]


class SchedulePoller:
    """``windows(account, now)``: the cached read, refreshed when its time has come."""

    def __init__(self, read: Read, *, every: timedelta, jitter: Callable[[], float]) -> None:
        """``jitter()`` returns a factor in [-1, 1]; it scales ±10 % of ``every``."""
        self._read = read
        self._every = every
        self._jitter = jitter
        self._cache: dict[str, tuple[datetime, list[MaintenanceWindow]]] = {}

    def windows(self, account: AccountConfig, now: datetime) -> list[MaintenanceWindow]:
        cached = self._cache.get(account.name)
        if cached is not None and cached[0] > now:
            return cached[1]
        found = self._read(account, now)
        next_poll = now + self._every * (1 + 0.1 * self._jitter())
        self._cache[account.name] = (next_poll, found)
        return found

    def forget(self) -> None:
        """Read every source again on the next call (after a clock jump)."""
        self._cache.clear()
