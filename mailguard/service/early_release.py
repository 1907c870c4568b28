"""Opening folder edits before the backfill watch ends, on the user's explicit word.

A four-minute window keeps edits closed for over three hours (the safety
margin and the backfill watch). Once the mailbox was compared after the
window, the user may open them early: the watch goes on and still reports
late mail, but edits no longer wait for it, and the queue replays at once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo

from mailguard.core.account import AccountConfig
from mailguard.core.errors import ConfirmationNeeded, EditsRefused
from mailguard.core.guard import RELEASED, AnnouncementLog, WindowRecord, guard_key, window_phase
from mailguard.core.guard_policy import GuardPolicy, GuardState
from mailguard.core.guard_text import moment_text
from mailguard.core.model import MaintenanceWindow
from mailguard.service.operation_gate import OperationGate, Replayed
from mailguard.store.report_store import ReportStore


@dataclass(frozen=True, slots=True)
class ReleasePlan:
    """The windows whose backfill watch would stop holding edits, and what that means."""

    windows: tuple[MaintenanceWindow, ...]
    watch_ends_at: datetime  # the latest end of their backfill watches

    def consequences(self, zone: tzinfo) -> str:
        titles = " and ".join(repr(w.title) for w in self.windows)
        return (
            f"after {titles} the provider may still deliver late mail until "
            f"{moment_text(self.watch_ends_at, zone)}; mailguard keeps watching and reports it, "
            "but folder edits and queued operations will no longer wait for it"
        )


class EarlyRelease:
    """Checks and records ``mailguard release``; the tray's "Open edits now" uses it too."""

    def __init__(
        self,
        *,
        gate: OperationGate,
        log: AnnouncementLog,
        reports: ReportStore,
        policy: GuardPolicy,
        zone: tzinfo,
    ) -> None:
        self._gate = gate
        self._log = log
        self._reports = reports
        self._policy = policy
        self._zone = zone

    def plan(
        self, account: AccountConfig, now: datetime, windows: list[MaintenanceWindow]
    ) -> ReleasePlan | None:
        """What a release would open; None when edits are open already.

        Refused while a window is near or running, before the safety margin after
        it has passed, and before a resync compared the mailbox after it.
        """
        if not self._gate.standing(account, now, windows).edits_closed:
            return None
        released = self._gate.released(account.name, windows)
        holding: list[MaintenanceWindow] = []
        for window in windows:
            phase = window_phase(window, now, self._policy)
            if phase in (GuardState.IMMINENT, GuardState.ACTIVE):
                raise EditsRefused(
                    f"refused: maintenance window {window.title!r} is near or running; "
                    "edits can only be released after it"
                )
            if phase is GuardState.SETTLING and guard_key(window) not in released:
                holding.append(window)
        for window in holding:
            self._require_compared_after(account, window, now)
        ends = max(w.end.astimezone(UTC) + self._policy.settling_period for w in holding)
        return ReleasePlan(tuple(holding), ends)

    def release(
        self, account: AccountConfig, now: datetime, windows: list[MaintenanceWindow], *, yes: bool
    ) -> tuple[ReleasePlan | None, list[Replayed]]:
        """Record the release (with ``yes``) and replay the queue; returns what was done."""
        plan = self.plan(account, now, windows)
        if plan is None:
            return None, []
        if not yes:
            raise ConfirmationNeeded(
                f"not released: {plan.consequences(self._zone)}; add --yes to release"
            )
        for window in plan.windows:
            key = guard_key(window)
            record = self._log.get(account.name, key) or WindowRecord(
                key, window.start, window.end, False, frozenset()
            )
            milestones = record.milestones | {RELEASED}
            self._log.put(account.name, replace(record, milestones=milestones, released_at=now))
        return plan, self._gate.replay(account, now, windows)

    def _require_compared_after(
        self, account: AccountConfig, window: MaintenanceWindow, now: datetime
    ) -> None:
        margin_ends = window.end.astimezone(UTC) + self._policy.safety_margin
        if now < margin_ends:
            raise EditsRefused(
                f"refused: {window.title!r} ended less than "
                f"{int(self._policy.safety_margin.total_seconds() // 60)} min ago; "
                f"edits can be released from {moment_text(margin_ends, self._zone)}, "
                "after a resync"
            )
        compared = self._reports.last_resync_at(account.name)
        if compared is None or compared < window.end:
            raise EditsRefused(
                f"refused: the mailbox was not compared since {window.title!r} ended; "
                f"run mailguard resync {account.name} first, then release"
            )
