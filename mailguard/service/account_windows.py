"""The maintenance windows an account's linked sources announce, for choosing a baseline.

A refresh often runs right after maintenance, when the provider's status page
may itself be down; a remote source that cannot be fetched is then read from
its last good copy on disk, with a warning, rather than forgetting the window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from mailguard.core.account import AccountConfig
from mailguard.core.model import MaintenanceWindow
from mailguard.core.schedule import merge_windows
from mailguard.net.fetcher import is_remote
from mailguard.service.schedule_reader import ScheduleReader, SourceSpec

#: How far back a window still matters for choosing a baseline.
LOOKBACK = timedelta(days=60)
LOOKAHEAD = timedelta(days=1)


class AccountWindows:
    """Reads the account's sources; problems become warnings, never a failed refresh."""

    def __init__(
        self,
        online: ScheduleReader,
        offline: ScheduleReader,
        *,
        warn: Callable[[str], None],
        lookback: timedelta = LOOKBACK,
    ) -> None:
        self._online = online
        self._offline = offline
        self._warn = warn
        self._lookback = lookback

    def __call__(self, account: AccountConfig, now: datetime) -> list[MaintenanceWindow]:
        span = {"now": now, "span_start": now - self._lookback, "span_end": now + LOOKAHEAD}
        found: list[MaintenanceWindow] = []
        for location in account.sources:
            spec = [SourceSpec(location)]
            outcome = self._online.read(spec, **span)
            if outcome.failures and is_remote(location):
                fallback = self._offline.read(spec, **span)
                if not fallback.failures:
                    self._warn(f"{outcome.failures[0]}; using the copy cached earlier")
                    outcome = fallback
            for message in [*outcome.warnings, *map(str, outcome.failures)]:
                self._warn(f"schedule of {account.name}: {message}")
            found.extend(outcome.windows)
        return merge_windows(found)
