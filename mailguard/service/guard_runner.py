"""The guard, running: each tick it evaluates every account and does what is due.

Per account and tick: read the schedule (polled sources, fresh manual windows),
announce what is newly due, take the baseline before a window, watch the
folder list for foreign edits while edits are closed, refresh after the
window, replay the journal and run the filing rules once edits are open.
Everything is keyed on ``now``, which the caller passes in, so a fake clock
drives a whole window in a test and a clock jump is simply a later ``now``.

Through the backfill watch, with a :class:`BackfillWatch`, the guard also
listens for new mail and looks for late mail as soon as some may have come:
the caller waits with :meth:`GuardRunner.wait`, which returns early then.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from mailguard.core.account import AccountConfig
from mailguard.core.errors import AccountError, MailguardError
from mailguard.core.events import (
    BaselineTaken,
    ClockJumped,
    EditQueued,
    EditReplayed,
    ForeignEdit,
    GuardFailure,
    LateMailFound,
    ResyncFinished,
    RunnerEvent,
    SentDuringWindow,
    error_kind,
)
from mailguard.core.foreign_edits import FolderCensus, census_from_snapshot, detect_foreign_edits
from mailguard.core.guard import AnnouncementLog, Guard, Standing, guard_key, window_phase
from mailguard.core.guard_policy import GuardPolicy, GuardState
from mailguard.core.model import MaintenanceWindow
from mailguard.imap.server_view import take_census
from mailguard.service.account_schedule import AccountSchedule
from mailguard.service.backfill_watch import BackfillWatch
from mailguard.service.filing_run import run_filing_rule
from mailguard.service.imap_access import ImapAccess
from mailguard.service.operation_gate import OperationGate, Replayed
from mailguard.service.refresh import RefreshService
from mailguard.service.schedule_poller import SchedulePoller
from mailguard.store.account_store import AccountStore
from mailguard.store.rule_store import RuleStore

BASELINE = "baseline"
REFRESHED = "refreshed"
_WATCHED = (GuardState.IMMINENT, GuardState.ACTIVE)


@dataclass(frozen=True, slots=True)
class RunnerSettings:
    tick: timedelta = timedelta(seconds=30)
    rules_every: int = 10  # ticks between filing-rule runs
    refresh_every: timedelta = timedelta(minutes=10)  # during the backfill watch


@dataclass(frozen=True, slots=True)
class AccountOverview:
    """Where one account stands, for the tray: no IMAP read, the schedule as last polled."""

    account: AccountConfig
    standing: Standing
    windows: tuple[MaintenanceWindow, ...]
    queued: int


class GuardRunner:
    """One engine for ``mailguard watch`` and the tray app; ``tick(now)`` does one round."""

    def __init__(
        self,
        *,
        accounts: AccountStore,
        schedule: AccountSchedule,
        poller: SchedulePoller,
        log: AnnouncementLog,
        gate: OperationGate,
        refresh: RefreshService,
        imap: ImapAccess,
        rules: RuleStore,
        policy: GuardPolicy,
        emit: Callable[[RunnerEvent], None],
        settings: RunnerSettings | None = None,
        backfill: BackfillWatch | None = None,
    ) -> None:
        self._accounts = accounts
        self._schedule = schedule
        self._poller = poller
        self._log = log
        self._guard = Guard(policy, log)
        self._gate = gate
        self._refresh = refresh
        self._imap = imap
        self._rules = rules
        self._policy = policy
        self._emit = emit
        self._settings = settings or RunnerSettings()
        self._backfill = backfill
        self._last_tick: datetime | None = None
        self._ticks = 0
        self._censuses: dict[str, FolderCensus] = {}
        self._refreshed_at: dict[tuple[str, str], datetime] = {}

    def tick(self, now: datetime) -> None:
        now = now.astimezone(UTC)
        self._notice_clock_jump(now)
        accounts = self._accounts.all()
        if self._backfill is not None:
            self._backfill.keep_only({a.name for a in accounts})
        for account in accounts:
            try:
                self._tick_account(account, now)
            except MailguardError as exc:
                self._emit(GuardFailure(account.name, now, error_kind(exc), str(exc)))
        self._ticks += 1
        self._last_tick = now

    def _notice_clock_jump(self, now: datetime) -> None:
        last = self._last_tick
        if last is None:
            return
        gap = now - last
        if gap < timedelta(0) or gap > 2 * self._settings.tick:
            # Suspend/resume or a clock change: read afresh; the guard collapses missed milestones.
            self._poller.forget()
            self._censuses.clear()
            self._emit(ClockJumped(now, gap))

    def _tick_account(self, account: AccountConfig, now: datetime) -> None:
        name = account.name
        windows = self._schedule.with_manual(account, self._poller.windows(account, now))
        for event in self._guard.evaluate(name, windows, now):
            self._emit(event)
        watched = [w for w in windows if window_phase(w, now, self._policy) in _WATCHED]
        self._take_baseline(account, watched, now)
        settling = [w for w in windows if window_phase(w, now, self._policy) is GuardState.SETTLING]
        arrived = self._listen_for_late_mail(account, settling)
        refreshed = False
        for window in windows:
            refreshed |= self._refresh_after(account, window, now)
        if arrived and not refreshed:
            for window in settling:
                self._look_for_late_mail(account, window, now)
        where = self._gate.standing(account, now, windows)
        if where.state in _WATCHED:
            self._watch_folders(account, now)
        else:
            self._censuses.pop(name, None)
        if not where.edits_closed:
            self._report(now, name, self._gate.replay(account, now, windows))
            if self._ticks % self._settings.rules_every == 0:
                self._run_rules(account, now, windows)

    def overview(self, now: datetime) -> list[AccountOverview]:
        """Every account's standing at ``now`` from the cached schedule (cheap: no fetch due)."""
        found: list[AccountOverview] = []
        for account in self._accounts.all():
            windows = self._schedule.with_manual(account, self._poller.windows(account, now))
            found.append(
                AccountOverview(
                    account,
                    self._gate.standing(account, now, windows),
                    tuple(windows),
                    len(self._gate.open_entries(account.name)),
                )
            )
        return found

    def forget_schedules(self) -> None:
        """Read every source afresh at the next tick ("Check now")."""
        self._poller.forget()

    def wait(self, timeout_s: float) -> None:
        """Until the next tick: ``timeout_s``, or less once late mail may have come."""
        if self._backfill is None:
            time.sleep(timeout_s)
        else:
            self._backfill.wait(timeout_s)

    def noticed(self) -> bool:
        """Whether late mail may have come since asked last (never blocks): tick now if so."""
        return self._backfill is not None and self._backfill.wait(0)

    def close(self) -> None:
        """Stop listening for late mail (the runner's threads end)."""
        if self._backfill is not None:
            self._backfill.close()

    # -- around the window ---------------------------------------------------------------

    def _take_baseline(
        self, account: AccountConfig, windows: list[MaintenanceWindow], now: datetime
    ) -> None:
        """One snapshot before the window(s) at hand; overlapping windows share it."""
        due = [w for w in windows if not self._has(account.name, w, BASELINE)]
        if not due:
            return
        stored = self._refresh.snapshot(account.name, replace_baseline=True)
        for window in due:
            self._mark(account.name, window, BASELINE)
        self._censuses[account.name] = census_from_snapshot(stored.snapshot)
        self._emit(
            BaselineTaken(
                account.name,
                now,
                tuple(due),
                stored.snapshot.message_count,
                len(stored.snapshot.folders),
            )
        )

    def _refresh_after(
        self, account: AccountConfig, window: MaintenanceWindow, now: datetime
    ) -> bool:
        """First refresh once the safety margin after the end has passed, then through the watch
        every ``refresh_every`` (the safety net under the listener); True if it refreshed."""
        end = window.end.astimezone(UTC)
        if not end + self._policy.safety_margin <= now < end + self._policy.settling_period:
            return False
        key = (account.name, guard_key(window))
        first = not self._has(account.name, window, REFRESHED)
        last = self._refreshed_at.get(key)
        if not first and last is not None and now - last < self._settings.refresh_every:
            return False
        try:
            if first:
                report, unchanged = self._refresh.resync(account.name), False
            else:
                watched = self._refresh.refresh_for_watch(account.name)
                report, unchanged = watched.report, not watched.stored
        except AccountError as exc:  # no baseline, no password: retrying will not help
            self._mark(account.name, window, REFRESHED)
            doing = f"refresh after {window.title!r}"
            self._emit(GuardFailure(account.name, now, error_kind(exc), str(exc), doing))
            return False
        self._refreshed_at[key] = now
        if first:
            self._mark(account.name, window, REFRESHED)
        self._emit(ResyncFinished(account.name, now, report, window, first, unchanged))
        if unchanged:  # its late mail was looked at when the report was made
            return True
        late = self._refresh.unannounced_late_mail(account.name, window, report)
        if late:
            self._emit(LateMailFound(account.name, now, window, late, report.id))
        if first and report.sent_during_window:
            self._emit(
                SentDuringWindow(account.name, now, window, report.sent_during_window, report.id)
            )
        return True

    def _listen_for_late_mail(
        self, account: AccountConfig, settling: list[MaintenanceWindow]
    ) -> bool:
        """Keep a listener from a window's end until it has settled; True if it heard mail.

        From the end, not from the first refresh after the safety margin: mail the
        provider delivers that early is reported as soon as it comes, too. Not
        without a baseline to compare with: each refresh could only fail.
        """
        if self._backfill is None:
            return False
        if not settling or not self._refresh.has_baseline(account.name):
            self._backfill.stop(account.name)
            return False
        arrived = self._backfill.take_arrivals(account.name)
        self._backfill.listen(account)
        return arrived

    def _look_for_late_mail(
        self, account: AccountConfig, window: MaintenanceWindow, now: datetime
    ) -> None:
        """An incremental refresh; late mail not announced before is stored and announced."""
        with self._refresh.connect(account.name) as session:
            batch = self._refresh.record_late_mail(account.name, session, window)
        if batch is not None:
            self._emit(LateMailFound(account.name, now, window, batch.backfilled, batch.id))

    def _watch_folders(self, account: AccountConfig, now: datetime) -> None:
        with self._imap.connect(account) as client:
            census = take_census(client)
        before = self._censuses.get(account.name)
        self._censuses[account.name] = census
        if before is None:
            return
        for edit in detect_foreign_edits(before, census):
            self._emit(ForeignEdit(account.name, now, edit.describe()))

    # -- once edits are open ------------------------------------------------------------

    def _run_rules(
        self, account: AccountConfig, now: datetime, windows: list[MaintenanceWindow]
    ) -> None:
        for rule in self._rules.rules(account.name):
            # queue=True: should a window close edits meanwhile, the move waits instead.
            result = run_filing_rule(
                self._imap, self._gate, account, rule, queue=True, now=now, windows=windows
            )
            if result is None:
                continue
            if result.queued is not None:
                self._emit(EditQueued(account.name, now, result.queued, rule=rule.name))
            self._report(now, account.name, list(result.replayed), rule=rule.name)

    def _report(
        self, now: datetime, name: str, replayed: list[Replayed], rule: str | None = None
    ) -> None:
        for item in replayed:
            self._emit(EditReplayed(name, now, item.entry, item.outcome.text, rule))

    # -- bookkeeping ---------------------------------------------------------------------

    def _has(self, account: str, window: MaintenanceWindow, milestone: str) -> bool:
        record = self._log.get(account, guard_key(window))
        return record is not None and milestone in record.milestones

    def _mark(self, account: str, window: MaintenanceWindow, milestone: str) -> None:
        record = self._log.get(account, guard_key(window))
        if record is not None:
            self._log.put(account, replace(record, milestones=record.milestones | {milestone}))
