"""Watching for late mail after a maintenance window: the provider delivers it hours later.

For a while after the window ends (default 3 hours; providers backfill 1.5–2
hours later) the watch refreshes every folder, then waits on INBOX with IDLE
where the server offers it (so late mail is seen within seconds) but never
longer than the refresh interval (late mail may land in other folders, where
IDLE does not look). Each refresh that finds late mail not reported before
stores one report entry; a message is reported once, even across restarts.

The server may still be down when the watch starts: connection failures are
reported through ``on_error`` and retried, they do not end the watch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from mailguard.core.errors import ImapError
from mailguard.core.model import MaintenanceWindow
from mailguard.core.refresh_report import RefreshReport
from mailguard.service.refresh import MailSession, RefreshService


@dataclass(frozen=True, slots=True)
class WatchSettings:
    period: timedelta = timedelta(hours=3)  # how long after the window ends
    refresh_every: timedelta = timedelta(minutes=10)  # full-folder refresh at least this often
    retry_after: timedelta = timedelta(minutes=1)  # after the server could not be reached


class BackfillWatch:
    """Runs one watch for one account and window; clock and sleep are injected."""

    def __init__(
        self,
        service: RefreshService,
        *,
        clock: Callable[[], datetime],
        sleep: Callable[[float], None],
        settings: WatchSettings | None = None,
        on_batch: Callable[[RefreshReport], None] | None = None,
        on_error: Callable[[ImapError], None] | None = None,
    ) -> None:
        self._service = service
        self._clock = clock
        self._sleep = sleep
        self._settings = settings or WatchSettings()
        self._on_batch = on_batch or (lambda _report: None)
        self._on_error = on_error or (lambda _error: None)

    def run(self, account: str, window: MaintenanceWindow) -> list[RefreshReport]:
        """Watch until ``period`` after the window's end; return the batches stored meanwhile."""
        deadline = window.end + self._settings.period
        self._pause_until(window.end)
        batches: list[RefreshReport] = []
        while self._clock() < deadline:
            try:
                with self._service.connect(account) as session:
                    self._watch(account, window, session, deadline, batches)
            except ImapError as exc:
                self._on_error(exc)
                self._pause(min(self._settings.retry_after, deadline - self._clock()))
        return batches

    def _watch(
        self,
        account: str,
        window: MaintenanceWindow,
        session: MailSession,
        deadline: datetime,
        batches: list[RefreshReport],
    ) -> None:
        while True:
            batch = self._service.record_late_mail(account, session, window)
            if batch is not None:
                batches.append(batch)
                self._on_batch(batch)
            wait = min(self._settings.refresh_every, deadline - self._clock())
            if wait <= timedelta(0):
                return
            if "IDLE" in session.capabilities:
                session.wait_for_change("INBOX", timeout_s=wait.total_seconds())
            else:
                self._pause(wait)

    def _pause_until(self, moment: datetime) -> None:
        self._pause(moment - self._clock())

    def _pause(self, span: timedelta) -> None:
        if span > timedelta(0):
            self._sleep(span.total_seconds())
