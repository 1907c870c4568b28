"""Building the refresh service for one CLI command: the composition root of the IMAP engine."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from mailguard.cli.console import Console
from mailguard.cli.timeargs import parse_zone, system_zone
from mailguard.imap.session import ImapSession
from mailguard.net.fetcher import Fetcher
from mailguard.service.account_schedule import AccountSchedule
from mailguard.service.account_windows import AccountWindows
from mailguard.service.imap_access import ImapAccess
from mailguard.service.mailbox_schedule import MailboxSchedule
from mailguard.service.refresh import RefreshService
from mailguard.service.schedule_reader import ScheduleReader
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.guard_store import ManualWindowStore
from mailguard.store.paths import AppPaths
from mailguard.store.report_store import ReportStore
from mailguard.store.secrets import PasswordVault
from mailguard.store.snapshot_store import SnapshotStore


def utc_now() -> datetime:
    return datetime.now(UTC)


@contextmanager
def refresh_service(paths: AppPaths, console: Console) -> Iterator[RefreshService]:
    """A RefreshService over the real keyring, database, IMAP and schedule sources."""
    zone = system_zone()
    vault = PasswordVault()
    with Database(paths.database_file) as db, Fetcher(paths.http_cache_dir) as fetcher:
        fetched = AccountWindows(
            ScheduleReader(fetcher, default_zone=zone),
            ScheduleReader(fetcher, default_zone=zone, offline=True),
            warn=console.warning,
            zone_of=parse_zone,
        )
        windows = AccountSchedule(
            fetched,
            ManualWindowStore(db, utc_now),
            MailboxSchedule(ImapAccess(vault)),
            zone_of=parse_zone,
            warn=console.warning,
        )
        yield RefreshService(
            accounts=AccountStore(paths.config_dir),
            vault=vault,
            db=db,
            snapshots=SnapshotStore(db),
            reports=ReportStore(db),
            open_session=ImapSession,
            windows=windows,
            clock=utc_now,
        )
