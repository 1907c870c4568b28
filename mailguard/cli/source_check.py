"""Reading a schedule source once, when it is added: a typo shows now, not at the next window.

A web or file source is fetched and parsed as ``mailguard schedule`` would (its
good copy is kept for offline use); a ``mailbox:`` source logs in and reads
the provider's notices in the folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from mailguard.core.account import AccountConfig
from mailguard.core.schedule_source import ScheduleSource

#: The span counted, as ``mailguard schedule`` lists by default: yesterday to 90 days on.
LOOK_BACK = timedelta(days=1)
LOOK_AHEAD = timedelta(days=90)


@dataclass(frozen=True, slots=True)
class SourceReading:
    """How many windows a source announces in the span, and what its reader warned about."""

    windows: int
    span: tuple[datetime, datetime]
    warnings: list[str] = field(default_factory=list)


def read_once(
    account: AccountConfig, source: ScheduleSource, zone: tzinfo, cache_dir: Path
) -> SourceReading:
    """Read ``source`` now; raises the one-line MailguardError its reader gives."""
    now = datetime.now(UTC)
    if source.is_mailbox:
        return _read_mailbox(account, source, zone, now)
    return _read_fetched(source, zone, cache_dir, now)


def _read_fetched(
    source: ScheduleSource, zone: tzinfo, cache_dir: Path, now: datetime
) -> SourceReading:
    # Deferred like every download: urllib3 and the readers load only when used.
    from mailguard.net.fetcher import Fetcher  # noqa: PLC0415
    from mailguard.service.schedule_reader import ScheduleReader, SourceSpec  # noqa: PLC0415

    span = (now - LOOK_BACK, now + LOOK_AHEAD)
    spec = SourceSpec(source.location, source.kind, zone, source.components)
    with Fetcher(cache_dir) as fetcher:
        reader = ScheduleReader(fetcher, default_zone=zone)
        outcome = reader.read([spec], now=now, span_start=span[0], span_end=span[1])
    if outcome.failures:
        raise outcome.failures[0]
    return SourceReading(len(outcome.windows), span, outcome.warnings)


def _read_mailbox(
    account: AccountConfig, source: ScheduleSource, zone: tzinfo, now: datetime
) -> SourceReading:
    # Deferred: the IMAP engine and the keyring load only for a mailbox: source.
    from mailguard.service.account_schedule import NOTICE_SPAN  # noqa: PLC0415
    from mailguard.service.imap_access import ImapAccess  # noqa: PLC0415
    from mailguard.service.mailbox_schedule import MailboxSchedule  # noqa: PLC0415
    from mailguard.store.secrets import PasswordVault  # noqa: PLC0415

    span = (now - NOTICE_SPAN[0], now + NOTICE_SPAN[1])
    schedule = MailboxSchedule(ImapAccess(PasswordVault()))
    windows, warnings = schedule.windows(account, source, zone, now=now, span=span)
    return SourceReading(len(windows), span, warnings)
