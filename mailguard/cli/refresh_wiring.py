"""Building the refresh service for one CLI command: the composition root of the IMAP engine."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from mailguard.cli.console import Console
from mailguard.cli.timeargs import parse_zone, system_zone, utc_now
from mailguard.imap.session import ImapSession
from mailguard.net.lazy import LazyFetcher
from mailguard.service.account_schedule import AccountSchedule
from mailguard.service.account_windows import LOOKAHEAD, LOOKBACK, AccountWindows
from mailguard.service.imap_access import ImapAccess
from mailguard.service.mailbox_schedule import MailboxSchedule
from mailguard.service.refresh import RefreshService
from mailguard.service.schedule_reader import ScheduleReader, SourceFetcher
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.guard_store import ManualWindowStore
from mailguard.store.paths import AppPaths
from mailguard.store.report_store import ReportStore
from mailguard.store.secrets import PasswordVault
from mailguard.store.snapshot_store import SnapshotStore


@contextmanager
def refresh_service(paths: AppPaths, console: Console) -> Iterator[RefreshService]:
    """A RefreshService over the real keyring, database, IMAP and schedule sources.

    The Fetcher is made only if the account has a web source to read: most have none.
    """
    vault = PasswordVault()
    with Database(paths.database_file) as db, LazyFetcher(paths.http_cache_dir) as fetcher:
        schedule = account_schedule(db, fetcher, ImapAccess(vault), console)
        yield build_refresh_service(paths, db, vault, schedule)


def account_schedule(
    db: Database,
    fetcher: SourceFetcher,
    imap: ImapAccess,
    console: Console,
    *,
    lookback: timedelta = LOOKBACK,
    lookahead: timedelta = LOOKAHEAD,
) -> AccountSchedule:
    """An account's windows: its sources (cached copies when offline), mailbox notices, manual."""
    zone = system_zone()
    fetched = AccountWindows(
        ScheduleReader(fetcher, default_zone=zone),
        ScheduleReader(fetcher, default_zone=zone, offline=True),
        warn=console.warning,
        lookback=lookback,
        lookahead=lookahead,
        zone_of=parse_zone,
    )
    return AccountSchedule(
        fetched,
        ManualWindowStore(db, utc_now),
        MailboxSchedule(imap),
        zone_of=parse_zone,
        warn=console.warning,
    )


def build_refresh_service(
    paths: AppPaths, db: Database, vault: PasswordVault, schedule: AccountSchedule
) -> RefreshService:
    return RefreshService(
        accounts=AccountStore(paths.config_dir),
        vault=vault,
        db=db,
        snapshots=SnapshotStore(db),
        reports=ReportStore(db),
        open_session=ImapSession,
        windows=schedule,
        clock=utc_now,
    )
