"""The guard's composition root: every service the guard needs, over the real adapters.

Shared by the CLI and the tray. Each face opens these where it works (a CLI
command, a tray worker thread), since one SQLite connection belongs to one thread.
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from mailguard.app.logfile import log_event
from mailguard.app.refresh_wiring import Warn, account_schedule, build_refresh_service
from mailguard.app.zones import system_zone, utc_now
from mailguard.core.account import AccountConfig
from mailguard.core.events import EditReplayed, RunnerEvent
from mailguard.core.guard_policy import GuardPolicy
from mailguard.core.journal import JournalEntry
from mailguard.net.lazy import LazyFetcher
from mailguard.service.account_schedule import AccountSchedule
from mailguard.service.backfill_watch import BackfillWatch
from mailguard.service.early_release import EarlyRelease, ReleasePlan
from mailguard.service.guard_runner import GuardRunner, RunnerSettings
from mailguard.service.imap_access import ImapAccess
from mailguard.service.operation_gate import OperationGate, Replayed
from mailguard.service.refresh import RefreshService
from mailguard.service.schedule_poller import SchedulePoller
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.guard_store import ManualWindowStore, SqliteAnnouncementLog
from mailguard.store.journal_store import JournalStore
from mailguard.store.paths import AppPaths
from mailguard.store.report_store import ReportStore
from mailguard.store.rule_store import RuleStore
from mailguard.store.secrets import PasswordVault
from mailguard.store.settings_store import SettingsStore
from mailguard.store.source_secrets import SourceSecrets

#: Test hook, never set in use: ``running`` or ``executed`` makes replay stop there
#: (say so on stderr, then sleep) so a test can kill the process at that exact step.
PAUSE_ENV = "MAILGUARD_TEST_PAUSE_AFTER"

#: Schedule sources are read this often (±10 %); in between the last read is used.
SOURCE_POLL = timedelta(minutes=30)

#: The guard looks this far back and ahead in every source.
GUARD_LOOKBACK = timedelta(days=2)
GUARD_LOOKAHEAD = timedelta(days=60)


@dataclass(frozen=True, slots=True)
class GuardServices:
    db: Database
    accounts: AccountStore
    schedule: AccountSchedule
    manual: ManualWindowStore
    journal: JournalStore
    rules: RuleStore
    log: SqliteAnnouncementLog
    imap: ImapAccess
    gate: OperationGate
    refresh: RefreshService
    policy: GuardPolicy
    zone: tzinfo


@contextmanager
def guard_services(paths: AppPaths, warn: Warn) -> Iterator[GuardServices]:
    """Everything the guard commands need, over the real keyring, database, IMAP and sources."""
    zone = system_zone()
    policy = SettingsStore(paths.config_dir).load().policy()
    vault = PasswordVault()
    imap = ImapAccess(vault)
    with Database(paths.database_file) as db, LazyFetcher(paths.http_cache_dir) as fetcher:
        secrets = SourceSecrets(vault)
        schedule = account_schedule(
            db, fetcher, imap, secrets, warn, lookback=GUARD_LOOKBACK, lookahead=GUARD_LOOKAHEAD
        )
        journal = JournalStore(db, utc_now)
        accounts = AccountStore(paths.config_dir, secrets)
        refresh = build_refresh_service(paths, db, vault, schedule)
        log = SqliteAnnouncementLog(db)
        rules = RuleStore(db)
        gate = OperationGate(
            schedule=schedule,
            journal=journal,
            imap=imap,
            policy=policy,
            zone=zone,
            log=log,
            rules=rules,
            checkpoint=_pause_for_tests(os.environ.get(PAUSE_ENV)),
        )
        yield GuardServices(
            db=db,
            accounts=accounts,
            schedule=schedule,
            manual=ManualWindowStore(db, utc_now),
            journal=journal,
            rules=rules,
            log=log,
            imap=imap,
            gate=gate,
            refresh=refresh,
            policy=policy,
            zone=zone,
        )


def _pause_for_tests(step: str | None) -> Callable[[str, JournalEntry], None] | None:
    if not step:
        return None

    def pause(reached: str, entry: JournalEntry) -> None:
        if reached == step:
            sys.stderr.write(f"paused after {reached} #{entry.id}\n")
            sys.stderr.flush()
            time.sleep(3600)

    return pause


def guard_runner(
    guard: GuardServices,
    emit: Callable[[RunnerEvent], None],
    *,
    tick: timedelta,
    listen: bool = True,
) -> GuardRunner:
    """The guard's engine over ``guard``: what ``watch``, the tray and the demo all run.

    ``listen``: through the backfill watch, listen for late mail (threads of their own,
    ended by ``GuardRunner.close``); a single tick (``watch --once``) need not.
    """
    return GuardRunner(
        accounts=guard.accounts,
        schedule=guard.schedule,
        poller=SchedulePoller(
            guard.schedule.polled,
            every=SOURCE_POLL,
            jitter=lambda: random.uniform(-1, 1),  # noqa: S311 - spreading polls, not secrets
        ),
        log=guard.log,
        gate=guard.gate,
        refresh=guard.refresh,
        imap=guard.imap,
        rules=guard.rules,
        policy=guard.policy,
        emit=emit,
        settings=RunnerSettings(tick=tick, refresh_every=refresh_interval(guard.policy)),
        backfill=BackfillWatch(guard.imap.connect) if listen else None,
    )


def refresh_interval(policy: GuardPolicy) -> timedelta:
    """How often the backfill watch refreshes: every 10 minutes, six times at least."""
    return min(timedelta(minutes=10), policy.backfill_watch / 6)


def release_early(
    guard: GuardServices, account: AccountConfig, now: datetime, *, yes: bool
) -> tuple[ReleasePlan | None, list[Replayed]]:
    """Open edits early and replay the queue; each replayed edit goes to the log file,
    as the guard's replays do (the release runs in a command, not in the guard)."""
    windows = guard.schedule(account, now)
    plan, replayed = early_release(guard).release(account, now, windows, yes=yes)
    for item in replayed:
        log_event(EditReplayed(account.name, now, item.entry, item.outcome.text), guard.zone)
    return plan, replayed


def early_release(guard: GuardServices) -> EarlyRelease:
    """``mailguard release`` and the Folders window's "Open edits now"."""
    return EarlyRelease(
        gate=guard.gate,
        log=guard.log,
        reports=ReportStore(guard.db),
        policy=guard.policy,
        zone=guard.zone,
    )
