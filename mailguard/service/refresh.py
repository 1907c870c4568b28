"""Snapshots and refreshes of an account: the IMAP reader, the stores and the diff wired together.

Nothing is written until a read has completed: the IMAP session returns a
snapshot only once every folder was read, and the new refresh state and its
report are saved in one transaction. A server that vanishes mid-read (the
maintenance itself) therefore costs nothing but an error line; the last good
snapshot stays and the next run starts from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from typing import Protocol

from mailguard.core.account import AccountConfig
from mailguard.core.baseline_choice import BaselineChoice, baseline_for_window, choose_baseline
from mailguard.core.errors import AccountError, BaselineInUse
from mailguard.core.guard import window_phase
from mailguard.core.guard_policy import GuardPolicy, GuardState
from mailguard.core.guard_text import moment_text, zoned_span_text
from mailguard.core.mail_diff import diff_snapshots
from mailguard.core.mailstate import AccountSnapshot, FolderState
from mailguard.core.model import MaintenanceWindow
from mailguard.core.progress import ReadProgress
from mailguard.core.refresh_report import BackfilledMail, RefreshReport, ReportKind, findings_of
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.report_store import ReportStore
from mailguard.store.secrets import PasswordVault
from mailguard.store.snapshot_store import SnapshotStore

_BASELINE_NEEDED = (GuardState.IMMINENT, GuardState.ACTIVE, GuardState.SETTLING)


class MailSession(Protocol):
    """What the service needs from an IMAP session (``mailguard.imap.session.ImapSession``)."""

    @property
    def capabilities(self) -> frozenset[str]: ...

    def read_snapshot(
        self,
        account: str,
        previous: AccountSnapshot | None = None,
        *,
        full: bool = False,
        on_folder: Callable[[FolderState], None] | None = None,
        on_listed: Callable[[int], None] | None = None,
    ) -> AccountSnapshot: ...


SessionFactory = Callable[[AccountConfig, str], AbstractContextManager[MailSession]]
WindowSource = Callable[[AccountConfig, datetime], list[MaintenanceWindow]]


@dataclass(frozen=True, slots=True)
class StoredSnapshot:
    id: int
    snapshot: AccountSnapshot


@dataclass(frozen=True, slots=True)
class Refreshed:
    """A completed read and its diff, not stored yet."""

    current: AccountSnapshot
    report: RefreshReport
    baseline_id: int


@dataclass(frozen=True, slots=True)
class WatchRefresh:
    """A backfill watch's refresh: ``report`` is new, or the earlier one it repeats."""

    report: RefreshReport
    stored: bool


class RefreshService:
    """``snapshot`` takes a baseline; ``resync`` compares the mailbox now against one."""

    def __init__(
        self,
        *,
        accounts: AccountStore,
        vault: PasswordVault,
        db: Database,
        snapshots: SnapshotStore,
        reports: ReportStore,
        open_session: SessionFactory,
        windows: WindowSource,
        clock: Callable[[], datetime],
        policy: GuardPolicy | None = None,
        zone: tzinfo = UTC,
    ) -> None:
        """``policy`` and ``zone`` only shape the refusal to replace a baseline still in use."""
        self._accounts = accounts
        self._vault = vault
        self._db = db
        self._snapshots = snapshots
        self._reports = reports
        self._open_session = open_session
        self._windows = windows
        self._clock = clock
        self._policy = policy or GuardPolicy()
        self._zone = zone

    @contextmanager
    def connect(self, account: str) -> Iterator[MailSession]:
        """A logged-in session for the account (its password straight from the keyring)."""
        config = self._accounts.get(account)
        with self._open_session(config, self._vault.password(account)) as session:
            yield session

    def snapshot(self, account: str, *, replace_baseline: bool = False) -> StoredSnapshot:
        """Read every message of every folder (never incremental) and store it as the baseline.

        Each folder is written to the database as soon as it is read, while the
        server still sends the others, under a snapshot that becomes the baseline
        in one transaction once every folder was read; a failed read stores nothing.
        While a window still needs its baseline, only ``replace_baseline`` takes a new one.
        """
        if not replace_baseline:
            self._refuse_while_a_window_needs_its_baseline(account)
        with self._snapshots.staging(account, self._clock()) as staging:
            with self.connect(account) as session:
                current = session.read_snapshot(account, None, full=True, on_folder=staging.stage)
            return StoredSnapshot(staging.save_baseline(current), current)

    def resync(
        self,
        account: str,
        *,
        full: bool = False,
        progress: Callable[[ReadProgress], None] | None = None,
    ) -> RefreshReport:
        """Refresh every folder, diff against the baseline, store state and report together.

        ``progress`` hears of each folder as it is read (the tray's "Resync now").
        """
        refreshed = self._compare(account, full=full, progress=progress)
        with self._db.transaction():
            self._snapshots.save_refresh_state(refreshed.current)
            return self._reports.save(refreshed.report, baseline_id=refreshed.baseline_id)

    def refresh_for_watch(self, account: str) -> WatchRefresh:
        """A resync during a backfill watch that stores a report only when it tells more.

        The watch refreshes every few minutes for hours; a report equal to the last
        comparison (same baseline, window and findings) would only repeat it, so
        then just the refresh state is saved and the earlier report is returned.
        """
        refreshed = self._compare(account)
        with self._db.transaction():
            self._snapshots.save_refresh_state(refreshed.current)
            last = self._reports.latest_resync(account)
            if last is not None:
                last_baseline, last_body = last
                if (
                    last_baseline == refreshed.baseline_id
                    and findings_of(last_body) == refreshed.report.findings()
                ):
                    return WatchRefresh(replace(refreshed.report, id=last_body["id"]), False)
            stored = self._reports.save(refreshed.report, baseline_id=refreshed.baseline_id)
            return WatchRefresh(stored, True)

    def _compare(
        self,
        account: str,
        *,
        full: bool = False,
        progress: Callable[[ReadProgress], None] | None = None,
    ) -> Refreshed:
        """Log in, read and diff against the baseline the account's windows call for."""
        config = self._accounts.get(account)
        self._require_baseline(account)
        windows = self._windows(config, self._clock())
        with self.connect(account) as session:
            return self.refresh(account, session, full=full, windows=windows, progress=progress)

    def refresh(
        self,
        account: str,
        session: MailSession,
        *,
        full: bool = False,
        windows: list[MaintenanceWindow] | None = None,
        window: MaintenanceWindow | None = None,
        progress: Callable[[ReadProgress], None] | None = None,
    ) -> Refreshed:
        """Read (incrementally from the stored refresh state unless ``full``) and diff.

        The baseline is chosen from ``windows`` (see ``choose_baseline``), or,
        when one ``window`` is given (the backfill watch), the last one before it.
        """
        previous = None if full else self._snapshots.load_refresh_state(account)
        counter = _ProgressCounter(progress) if progress is not None else None
        read = session.read_snapshot(
            account,
            previous,
            full=full,
            on_folder=counter.folder_read if counter else None,
            on_listed=counter.listed if counter else None,
        )
        current = self._snapshots.over_base(read)
        now = self._clock()
        baselines = self._snapshots.baselines(account)
        choice: BaselineChoice | None
        if window is not None:
            choice = baseline_for_window(baselines, window)
        else:
            choice = choose_baseline(baselines, windows or [], now)
        if choice is None:
            raise self._no_baseline(account)
        baseline = self._snapshots.load(choice.baseline_id)
        report = diff_snapshots(
            baseline,
            current,
            window=choice.window,
            now=now,
            full=full,
            safety_margin=self._policy.safety_margin,
        )
        return Refreshed(current, report, choice.baseline_id)

    def record_late_mail(
        self, account: str, session: MailSession, window: MaintenanceWindow
    ) -> RefreshReport | None:
        """Refresh, and store the late mail not reported before for ``window`` as one entry.

        Returns that entry, or None when nothing new came in. The refresh state
        is updated either way, so the next refresh is incremental from here.
        """
        refreshed = self.refresh(account, session, window=window)
        already = self._reports.reported_identities(account, window.id)
        fresh = tuple(b for b in refreshed.report.backfilled if b.mail.identity not in already)
        with self._db.transaction():
            self._snapshots.save_refresh_state(refreshed.current)
            if not fresh:
                return None
            batch = RefreshReport(
                account=account,
                created_at=refreshed.report.created_at,
                baseline_taken_at=refreshed.report.baseline_taken_at,
                window=window,
                kind=ReportKind.BACKFILL,
                backfilled=fresh,
            )
            self._reports.remember_reported(account, window.id, {b.mail.identity for b in fresh})
            return self._reports.save(batch, baseline_id=refreshed.baseline_id)

    def unannounced_late_mail(
        self, account: str, window: MaintenanceWindow, report: RefreshReport
    ) -> tuple[BackfilledMail, ...]:
        """The late mail in ``report`` not announced before for ``window``, now remembered.

        A resync repeats every late mail since the baseline; the user hears of each once.
        """
        already = self._reports.reported_identities(account, window.id)
        fresh = tuple(b for b in report.backfilled if b.mail.identity not in already)
        if fresh:
            self._reports.remember_reported(account, window.id, {b.mail.identity for b in fresh})
        return fresh

    def _refuse_while_a_window_needs_its_baseline(self, account: str) -> None:
        """From imminent until the backfill watch ends the comparison runs against the
        baseline taken before the window: a new one would hide what the window did."""
        now = self._clock()
        for window in self._windows(self._accounts.get(account), now):
            if window_phase(window, now, self._policy) in _BASELINE_NEEDED:
                until = window.end.astimezone(UTC) + self._policy.settling_period
                raise BaselineInUse(
                    f"refused: {account!r} is comparing against the baseline taken before "
                    f"maintenance window {window.title!r} {zoned_span_text(window, self._zone)} "
                    f"until its backfill watch ends at {moment_text(until, self._zone)}; "
                    "a new snapshot now would hide what the window did "
                    "(--replace-baseline takes one anyway)"
                )

    def has_baseline(self, account: str) -> bool:
        """Is there a snapshot to compare with (else a refresh can only fail)?"""
        return bool(self._snapshots.baselines(account))

    def _require_baseline(self, account: str) -> None:
        if not self.has_baseline(account):
            raise self._no_baseline(account)

    @staticmethod
    def _no_baseline(account: str) -> AccountError:
        return AccountError(
            f"no snapshot of {account!r} to compare with yet; take one with: "
            f"mailguard snapshot {account}"
        )


class _ProgressCounter:
    """Turns the reader's per-folder callbacks into ReadProgress reports."""

    def __init__(self, report: Callable[[ReadProgress], None]) -> None:
        self._report = report
        self._state = ReadProgress()

    def listed(self, total: int) -> None:
        self._state = replace(self._state, folders_total=total)
        self._report(self._state)

    def folder_read(self, folder: FolderState) -> None:
        self._state = replace(
            self._state,
            folders_done=self._state.folders_done + 1,
            messages=self._state.messages + folder.message_count,
        )
        self._report(self._state)
