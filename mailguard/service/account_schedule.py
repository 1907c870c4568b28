"""An account's whole schedule: its fetched sources, its mailbox notices and its manual windows.

Status, the operation gate and the guard runner all ask this one place, so
they can never disagree about which windows exist.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo

from mailguard.core.account import AccountConfig
from mailguard.core.errors import MailguardError
from mailguard.core.model import MaintenanceWindow
from mailguard.core.schedule import merge_windows
from mailguard.service.account_windows import AccountWindows
from mailguard.service.mailbox_schedule import MailboxSchedule
from mailguard.store.guard_store import ManualWindowStore

#: Mailbox notices are read over this span: long enough for the guard's lead times.
NOTICE_SPAN = (timedelta(days=2), timedelta(days=60))


class AccountSchedule:
    """``schedule(account, now)``: the merged windows; problems become warnings."""

    def __init__(
        self,
        fetched: AccountWindows,
        manual: ManualWindowStore,
        mailbox: MailboxSchedule | None,
        *,
        zone_of: Callable[[str | None], tzinfo],
        warn: Callable[[str], None],
    ) -> None:
        self._fetched = fetched
        self._manual = manual
        self._mailbox = mailbox
        self._zone_of = zone_of
        self._warn = warn

    def __call__(self, account: AccountConfig, now: datetime) -> list[MaintenanceWindow]:
        return self.with_manual(account, self.polled(account, now))

    def polled(self, account: AccountConfig, now: datetime) -> list[MaintenanceWindow]:
        """The windows that cost a fetch or an IMAP read: worth caching between polls."""
        return [*self._fetched(account, now), *self._from_mailbox(account, now)]

    def with_manual(
        self, account: AccountConfig, polled: list[MaintenanceWindow]
    ) -> list[MaintenanceWindow]:
        """``polled`` plus the manual windows, read fresh: the user may add one any time."""
        return merge_windows([*polled, *self._manual.windows(account.name)])

    def _from_mailbox(self, account: AccountConfig, now: datetime) -> list[MaintenanceWindow]:
        if self._mailbox is None:
            return []
        span = (now - NOTICE_SPAN[0], now + NOTICE_SPAN[1])
        found: list[MaintenanceWindow] = []
        for source in account.schedule_sources:
            if not source.is_mailbox:
                continue
            try:
                windows, warnings = self._mailbox.windows(
                    account, source, self._zone_of(source.zone), now=now, span=span
                )
            except MailguardError as exc:
                self._warn(f"schedule of {account.name}: {source.location}: {exc}")
                continue
            for warning in warnings:
                self._warn(f"schedule of {account.name}: {warning}")
            found.extend(windows)
        return found
