"""The IMAP engine's composition root: the refresh service over the real adapters.

Shared by the CLI and the tray. Lean on purpose: ``mailguard resync`` imports
only this (start-up is part of every refresh, measured against mbsync).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta

from mailguard.app.zones import parse_zone, system_zone, utc_now
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
from mailguard.store.settings_store import SettingsStore
from mailguard.store.snapshot_store import SnapshotStore
from mailguard.store.source_secrets import SourceSecrets

#: Where warnings go: stderr for the CLI, the log for the tray.
Warn = Callable[[str], None]


@contextmanager
def refresh_service(paths: AppPaths, warn: Warn) -> Iterator[RefreshService]:
    """A RefreshService over the real keyring, database, IMAP and schedule sources.

    The Fetcher is made only if the account has a web source to read: most have none.
    """
    vault = PasswordVault()
    with Database(paths.database_file) as db, LazyFetcher(paths.http_cache_dir) as fetcher:
        schedule = account_schedule(db, fetcher, ImapAccess(vault), SourceSecrets(vault), warn)
        yield build_refresh_service(paths, db, vault, schedule)


def account_schedule(
    db: Database,
    fetcher: SourceFetcher,
    imap: ImapAccess,
    secrets: SourceSecrets,
    warn: Warn,
    *,
    lookback: timedelta = LOOKBACK,
    lookahead: timedelta = LOOKAHEAD,
) -> AccountSchedule:
    """An account's windows: its sources (cached copies when offline), mailbox notices, manual."""
    zone = system_zone()
    fetched = AccountWindows(
        ScheduleReader(fetcher, default_zone=zone),
        ScheduleReader(fetcher, default_zone=zone, offline=True),
        secrets=secrets,
        warn=warn,
        lookback=lookback,
        lookahead=lookahead,
        zone_of=parse_zone,
    )
    return AccountSchedule(
        fetched,
        ManualWindowStore(db, utc_now),
        MailboxSchedule(imap),
        zone_of=parse_zone,
        warn=warn,
    )


def build_refresh_service(
    paths: AppPaths, db: Database, vault: PasswordVault, schedule: AccountSchedule
) -> RefreshService:
    return RefreshService(
        accounts=AccountStore(paths.config_dir, SourceSecrets(vault)),
        vault=vault,
        db=db,
        snapshots=SnapshotStore(db),
        reports=ReportStore(db),
        open_session=ImapSession,
        windows=schedule,
        clock=utc_now,
        policy=SettingsStore(paths.config_dir).load().policy(),
        zone=system_zone(),
    )
