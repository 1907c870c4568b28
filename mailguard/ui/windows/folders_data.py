"""The Folders window's background work: plain functions run on the account's lane.

Each opens the guard's services as a CLI command does and returns plain data,
so the window never touches IMAP or SQLite itself. Every edit goes through
the gate (``OperationGate.request``), the same road as ``mailguard folder``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from mailguard.app.guard_wiring import early_release, guard_services
from mailguard.core.errors import EditsRefused
from mailguard.core.filing_rules import FilingRule
from mailguard.core.guard import Standing
from mailguard.core.journal import JournalEntry
from mailguard.imap.filing import plan_filing
from mailguard.imap.server_view import FolderEntry, folder_entries
from mailguard.service.early_release import ReleasePlan
from mailguard.service.operation_gate import GateResult, Request
from mailguard.store.paths import AppPaths

log = logging.getLogger("mailguard.ui")


@dataclass(frozen=True, slots=True)
class FolderPicture:
    """Everything the window shows for one account at one moment."""

    account: str
    folders: tuple[FolderEntry, ...]
    standing: Standing
    entries: tuple[JournalEntry, ...]  # the whole journal, newest last
    rules: tuple[FilingRule, ...]
    release: ReleasePlan | None  # what "Open edits now" would open; None: not possible now
    release_refusal: str = ""  # why not, when edits are closed and it is not possible


def load(paths: AppPaths, account: str) -> FolderPicture:
    now = datetime.now(UTC)
    with guard_services(paths, log.warning) as guard:
        config = guard.accounts.get(account)
        with guard.imap.connect(config) as client:
            folders = tuple(folder_entries(client))
        windows = guard.schedule(config, now)
        standing = guard.gate.standing(config, now, windows)
        release: ReleasePlan | None = None
        refusal = ""
        if standing.edits_closed:
            try:
                release = early_release(guard).plan(config, now, windows)
            except EditsRefused as exc:
                refusal = str(exc)
        return FolderPicture(
            account,
            folders,
            standing,
            tuple(guard.journal.all(account)),
            tuple(guard.rules.rules(account)),
            release,
            refusal,
        )


def request(paths: AppPaths, account: str, operation: Request, *, queue: bool) -> GateResult:
    """Through the gate: run now, or queue; refusals arrive as one-line errors."""
    with guard_services(paths, log.warning) as guard:
        config = guard.accounts.get(account)
        return guard.gate.request(config, operation, queue=queue, now=datetime.now(UTC))


def cancel(paths: AppPaths, account: str, entry_id: int) -> JournalEntry:
    with guard_services(paths, log.warning) as guard:
        return guard.journal.cancel(account, entry_id)


def add_rule(paths: AppPaths, account: str, rule: FilingRule) -> None:
    with guard_services(paths, log.warning) as guard:
        guard.rules.add(account, rule)


def remove_rule(paths: AppPaths, account: str, name: str) -> None:
    with guard_services(paths, log.warning) as guard:
        guard.rules.remove(account, name)


def run_rule(paths: AppPaths, account: str, name: str) -> GateResult:
    """One rule now, as the guard runs rules: its moves are queued while edits are closed."""
    with guard_services(paths, log.warning) as guard:
        config = guard.accounts.get(account)
        rule = next((r for r in guard.rules.rules(account) if r.name == name), None)
        if rule is None:
            raise EditsRefused(f"account {account!r} has no filing rule {name!r}")
        with guard.imap.connect(config) as client:
            operation = plan_filing(client, rule)
        if not operation.message_keys:
            return GateResult()
        return guard.gate.request(config, operation, queue=True, now=datetime.now(UTC))


def release(paths: AppPaths, account: str) -> int:
    """Open edits early (the user confirmed); how many queued edits ran."""
    now = datetime.now(UTC)
    with guard_services(paths, log.warning) as guard:
        config = guard.accounts.get(account)
        windows = guard.schedule(config, now)
        _plan, replayed = early_release(guard).release(config, now, windows, yes=True)
        return len(replayed)
