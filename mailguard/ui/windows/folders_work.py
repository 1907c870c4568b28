"""What the Folders window asks of the guard, as plain functions run on the account's lane.

Each opens the guard's services as a CLI command does (one SQLite connection
per thread), works, and returns plain data; no Qt here. Every edit is a
request to the gate (``OperationGate.request``): nothing changes the server
around it. Errors are MailguardErrors, which the lane turns into one line.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from mailguard.app.guard_wiring import (
    GuardServices,
    early_release,
    guard_services,
    release_early,
)
from mailguard.core.account import AccountConfig
from mailguard.core.errors import EditsRefused, UsageError
from mailguard.core.filing_rules import FilingRule
from mailguard.core.journal import JournalEntry
from mailguard.core.model import MaintenanceWindow
from mailguard.imap.server_view import FolderEntry, folder_entries, message_count
from mailguard.service.filing_run import run_filing_rule
from mailguard.service.operation_gate import GateResult, Replayed, Request
from mailguard.store.paths import AppPaths

log = logging.getLogger("mailguard.ui")


@dataclass(frozen=True, slots=True)
class ReleaseOffer:
    """Opening edits early: what it means (``consequences``), or why not yet (``refusal``)."""

    consequences: str = ""
    refusal: str = ""


@dataclass(frozen=True, slots=True)
class AccountJournal:
    """The account's local state: its journal, its filing rules, an early release on offer."""

    entries: tuple[JournalEntry, ...]
    rules: tuple[FilingRule, ...]
    release: ReleaseOffer | None  # None: nothing to release (edits open, or no watch to end)


@dataclass(frozen=True, slots=True)
class EditDone:
    """What the gate did with a request; ``edits_open_at`` says when a queued one runs."""

    result: GateResult
    edits_open_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class RuleRun:
    rule: str
    done: EditDone | None  # None: no mail matched the rule (or the gate refused)
    refused: str = ""  # the gate's one line, when a rule just saved could not run


def read_folders(paths: AppPaths, account: str) -> tuple[FolderEntry, ...]:
    """Every folder with its message count (one LIST, one STATUS each)."""
    with (
        guard_services(paths, log.warning) as guard,
        guard.imap.connect(guard.accounts.get(account)) as client,
    ):
        return tuple(folder_entries(client))


def count_messages(paths: AppPaths, account: str, folder: str) -> int:
    """How many messages ``folder`` holds now: what a delete's confirmation names."""
    with (
        guard_services(paths, log.warning) as guard,
        guard.imap.connect(guard.accounts.get(account)) as client,
    ):
        return message_count(client, folder)


def read_journal(
    paths: AppPaths, account: str, windows: tuple[MaintenanceWindow, ...] | None
) -> AccountJournal:
    """Journal and rules; with ``windows`` (the guard's, while settling) the release offer."""
    with guard_services(paths, log.warning) as guard:
        config = guard.accounts.get(account)
        release = None
        if windows is not None:
            try:
                plan = early_release(guard).plan(config, datetime.now(UTC), list(windows))
            except EditsRefused as refused:
                release = ReleaseOffer(refusal=str(refused))
            else:
                release = ReleaseOffer(plan.consequences(guard.zone)) if plan else None
        return AccountJournal(
            tuple(guard.journal.all(account)), tuple(guard.rules.rules(account)), release
        )


def request_edit(paths: AppPaths, account: str, request: Request, *, queue: bool) -> EditDone:
    """Through the gate: done now, queued (``queue``) or refused (EditsRefused)."""
    now = datetime.now(UTC)
    with guard_services(paths, log.warning) as guard:
        config = guard.accounts.get(account)
        return _done(guard, config.name, guard.gate.request(config, request, queue=queue, now=now))


def cancel_entry(paths: AppPaths, account: str, entry_id: int) -> JournalEntry:
    with guard_services(paths, log.warning) as guard:
        return guard.journal.cancel(account, entry_id)


def add_rule(
    paths: AppPaths, account: str, rule: FilingRule, *, run: bool, queue: bool
) -> RuleRun | None:
    """Save the rule (its name unique per account); with ``run`` also run it now.

    The rule stays saved when the gate refuses its run: ``refused`` says why.
    """
    with guard_services(paths, log.warning) as guard:
        config = guard.accounts.get(account)
        guard.rules.add(config.name, rule)
        if not run:
            return None
        try:
            return _run(guard, config, rule, queue=queue)
        except EditsRefused as refused:
            return RuleRun(rule.name, None, str(refused))


def remove_rule(paths: AppPaths, account: str, name: str) -> None:
    with guard_services(paths, log.warning) as guard:
        guard.rules.remove(account, name)


def run_rule(paths: AppPaths, account: str, name: str, *, queue: bool) -> RuleRun:
    """The rule's move through the gate, as the guard's own rule run does it."""
    with guard_services(paths, log.warning) as guard:
        config = guard.accounts.get(account)
        rule = next((r for r in guard.rules.rules(account) if r.name == name), None)
        if rule is None:
            raise UsageError(f"account {account!r} has no filing rule {name!r}")
        return _run(guard, config, rule, queue=queue)


def release_edits(paths: AppPaths, account: str) -> tuple[Replayed, ...] | None:
    """Open edits early (the user confirmed); the queue replays at once. None: open already."""
    now = datetime.now(UTC)
    with guard_services(paths, log.warning) as guard:
        config = guard.accounts.get(account)
        plan, replayed = release_early(guard, config, now, yes=True)
        return None if plan is None else tuple(replayed)


def _run(guard: GuardServices, config: AccountConfig, rule: FilingRule, *, queue: bool) -> RuleRun:
    now = datetime.now(UTC)
    result = run_filing_rule(guard.imap, guard.gate, config, rule, queue=queue, now=now)
    return RuleRun(rule.name, _done(guard, config.name, result) if result else None)


def _done(guard: GuardServices, account: str, result: GateResult) -> EditDone:
    if result.queued is None:
        return EditDone(result)
    config = guard.accounts.get(account)
    return EditDone(result, guard.gate.standing(config, datetime.now(UTC)).edits_open_at)
