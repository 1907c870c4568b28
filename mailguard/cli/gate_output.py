"""Saying what the gate did with a request: queued, or each replayed outcome."""

from __future__ import annotations

from datetime import datetime

from mailguard.app.guard_wiring import GuardServices
from mailguard.cli.console import Console
from mailguard.core.account import AccountConfig
from mailguard.core.events import EditQueued
from mailguard.core.guard_text import describe_event
from mailguard.core.journal import EntryState
from mailguard.service.operation_gate import GateResult


def report(
    guard: GuardServices,
    account: AccountConfig,
    result: GateResult,
    now: datetime,
    console: Console,
) -> int:
    """Exit code 0, or 1 when the operation was skipped because it could no longer be done."""
    if result.queued is not None:
        reopen = guard.gate.standing(account, now).edits_open_at
        note = "; ".join(result.notes)
        queued = EditQueued(account.name, now, result.queued, edits_open_at=reopen, note=note)
        console.result(describe_event(queued, guard.zone))
        return 0
    for note in result.notes:
        console.note(note)
    for replayed in result.replayed:
        console.result(f"#{replayed.entry.id}: {replayed.outcome.text}")
    last = result.replayed[-1].outcome.state if result.replayed else EntryState.DONE
    return 1 if last is EntryState.SKIPPED else 0
