"""The maintenance windows an account's linked sources announce, for choosing a baseline.

A refresh often runs right after maintenance, when the provider's status page
may itself be down; a remote source that cannot be fetched is then read from
its last good copy on disk, with a warning, rather than forgetting the window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo

from mailguard.core.account import AccountConfig
from mailguard.core.errors import MailguardError
from mailguard.core.model import MaintenanceWindow
from mailguard.core.schedule import merge_windows
from mailguard.core.schedule_source import ScheduleSource
from mailguard.net.locations import is_remote
from mailguard.service.schedule_reader import ScheduleReader, SourceSpec
from mailguard.store.source_secrets import SourceSecrets

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
        secrets: SourceSecrets,
        warn: Callable[[str], None],
        lookback: timedelta = LOOKBACK,
        lookahead: timedelta = LOOKAHEAD,
        zone_of: Callable[[str], tzinfo] | None = None,
    ) -> None:
        self._online = online
        self._offline = offline
        self._secrets = secrets
        self._warn = warn
        self._lookback = lookback
        self._lookahead = lookahead
        self._zone_of = zone_of

    def __call__(self, account: AccountConfig, now: datetime) -> list[MaintenanceWindow]:
        """The windows of the account's fetched sources (``mailbox:`` ones are read elsewhere)."""
        span = {"now": now, "span_start": now - self._lookback, "span_end": now + self._lookahead}
        found: list[MaintenanceWindow] = []
        for source in account.schedule_sources:
            if source.is_mailbox:
                continue
            location = source.location
            try:
                spec = [self._spec(account, source)]
            except MailguardError as exc:  # its secrets are not in the keyring (any more)
                self._warn(f"schedule of {account.name}: {exc}")
                continue
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

    def _spec(self, account: AccountConfig, source: ScheduleSource) -> SourceSpec:
        """How to read ``source``: its URL put back together with its secrets, only here."""
        zone = self._zone_of(source.zone) if source.zone and self._zone_of else None
        location = self._secrets.reveal(account.name, source.location)
        return SourceSpec(location, source.kind, zone, source.components)
