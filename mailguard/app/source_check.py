"""Check now: read one schedule source at once and say which windows it announces.

The same readers as ``mailguard schedule`` (web, file) and the guard
(``mailbox:`` notices); a source that cannot be read or understood is an
error here, where the guard would only warn and go on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from mailguard.app.zones import parse_zone
from mailguard.core.account import AccountConfig
from mailguard.core.errors import UsageError
from mailguard.core.model import MaintenanceWindow
from mailguard.core.schedule import merge_windows, select_windows
from mailguard.core.schedule_source import ScheduleSource
from mailguard.net.fetcher import Fetcher
from mailguard.service.imap_access import ImapAccess
from mailguard.service.mailbox_schedule import MailboxSchedule
from mailguard.service.schedule_reader import ScheduleReader, SourceSpec
from mailguard.store.paths import AppPaths
from mailguard.store.secrets import PasswordVault
from mailguard.store.source_secrets import SourceSecrets

#: The span shown, as ``mailguard schedule`` shows by default: yesterday to 90 days ahead.
LOOKAHEAD = timedelta(days=90)


@dataclass(frozen=True, slots=True)
class SourceCheck:
    windows: tuple[MaintenanceWindow, ...]  # soonest first
    warnings: tuple[str, ...]


def check_source(
    paths: AppPaths,
    account: AccountConfig | None,
    source: ScheduleSource,
    *,
    now: datetime,
    kept_for: str | None = None,
) -> SourceCheck:
    """The windows ``source`` announces now; a SourceError (one line) if it cannot be read.

    A ``***`` in its URL is filled from the keyring, with the account's secrets
    for the source (or for the source ``kept_for``, the one it was edited from).
    """
    zone = parse_zone(source.zone)
    yesterday = now.astimezone(zone).date() - timedelta(days=1)
    span_start = datetime.combine(yesterday, time(0), tzinfo=zone)
    span_end = now + LOOKAHEAD
    if source.is_mailbox:
        if account is None:
            raise UsageError(f"{source.location} is read from an account's mailbox: add it there")
        mailbox = MailboxSchedule(ImapAccess(PasswordVault()))
        windows, warnings = mailbox.windows(
            account, source, zone, now=now, span=(span_start, span_end)
        )
        chosen = select_windows(merge_windows(windows), span_start, span_end)
        return SourceCheck(tuple(chosen), tuple(warnings))
    location = source.location
    if account is not None:
        location = SourceSecrets(PasswordVault()).reveal(account.name, location, kept_for=kept_for)
    spec = SourceSpec(location, source.kind, zone, source.components)
    with Fetcher(paths.http_cache_dir) as fetcher:
        reader = ScheduleReader(fetcher, default_zone=zone)
        outcome = reader.read([spec], now=now, span_start=span_start, span_end=span_end)
    if outcome.failures:
        raise outcome.failures[0]
    return SourceCheck(tuple(outcome.windows), tuple(outcome.warnings))
