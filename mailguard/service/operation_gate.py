"""The single road by which mailguard changes a server: every folder edit passes this gate.

An edit is journaled before it touches the server and run only while the
account's windows leave edits open; otherwise it is refused, or queued if the
user asked. Replay marks an entry RUNNING before acting, so after a crash the
entry is simply run again: the executor looks at the server first and does
only what is still missing, so nothing runs twice and no message is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo

from mailguard.core.account import AccountConfig
from mailguard.core.errors import ConfirmationNeeded, EditsRefused, MailguardError
from mailguard.core.guard import RELEASED, AnnouncementLog, Standing, guard_key, standing
from mailguard.core.guard_policy import GuardPolicy
from mailguard.core.guard_text import moment_text, refusal_text
from mailguard.core.journal import (
    EntryState,
    FolderOperation,
    JournalEntry,
    OperationKind,
    describe_move,
    messages,
)
from mailguard.core.model import MaintenanceWindow
from mailguard.core.queue_plan import plan_after
from mailguard.imap.message_identity import identities_of
from mailguard.imap.operations import FolderExecutor, Outcome
from mailguard.imap.server_view import list_folder_names, message_count
from mailguard.service.imap_access import ImapAccess
from mailguard.store.journal_store import JournalStore
from mailguard.store.rule_store import RuleStore

Schedule = Callable[[AccountConfig, datetime], list[MaintenanceWindow]]


@dataclass(frozen=True, slots=True)
class MoveByUid:
    """A move as the user typed it: UIDs, turned into identities only when it is accepted."""

    folder: str
    target: str
    uids: tuple[int, ...]

    def describe(self) -> str:
        return describe_move(len(self.uids), self.folder, self.target)


@dataclass(frozen=True, slots=True)
class DeleteFolder:
    """A delete as the user asked for it; the folder's mail count is read when it is accepted.

    Deleting a folder deletes its mail: ``with_messages`` is the user's explicit yes.
    ``confirmed_messages`` is the count the user was shown and said yes to (the tray
    asks naming it): more mail by the time the gate looks, and nothing is done.
    """

    folder: str
    with_messages: bool = False
    confirmed_messages: int | None = None

    def describe(self) -> str:
        return f"delete folder {self.folder!r}"


Request = FolderOperation | MoveByUid | DeleteFolder


@dataclass(frozen=True, slots=True)
class Replayed:
    entry: JournalEntry
    outcome: Outcome


@dataclass(frozen=True, slots=True)
class GateResult:
    """A request's fate: queued (``queued`` set) or carried out (``replayed``, in order)."""

    queued: JournalEntry | None = None
    replayed: tuple[Replayed, ...] = ()
    notes: tuple[str, ...] = ()  # how the queue planned it (a folder it follows)


class OperationGate:
    """Refuses, queues or runs folder operations according to the account's standing."""

    def __init__(
        self,
        *,
        schedule: Schedule,
        journal: JournalStore,
        imap: ImapAccess,
        policy: GuardPolicy,
        zone: tzinfo,
        log: AnnouncementLog | None = None,
        rules: RuleStore | None = None,
        checkpoint: Callable[[str, JournalEntry], None] | None = None,
    ) -> None:
        """``log`` says which windows were released early; ``rules`` follow replayed renames.

        ``checkpoint(step, entry)`` is called after each replay step (``running``,
        ``executed``): a test hook for killing the process exactly there."""
        self._schedule = schedule
        self._journal = journal
        self._imap = imap
        self._policy = policy
        self._zone = zone
        self._log = log
        self._rules = rules
        self._checkpoint = checkpoint or (lambda _step, _entry: None)

    def standing(
        self,
        account: AccountConfig,
        now: datetime,
        windows: list[MaintenanceWindow] | None = None,
    ) -> Standing:
        """Where the account stands; ``windows`` when the caller has read them already."""
        if windows is None:
            windows = self._schedule(account, now)
        return standing(windows, now, self._policy, self.released(account.name, windows))

    def released(
        self, account: str, windows: list[MaintenanceWindow]
    ) -> dict[str, datetime | None]:
        """Guard keys of the windows whose backfill watch was released early, and when."""
        if self._log is None:
            return {}
        records = (self._log.get(account, guard_key(w)) for w in windows)
        return {r.key: r.released_at for r in records if r is not None and RELEASED in r.milestones}

    def request(
        self,
        account: AccountConfig,
        operation: Request,
        *,
        queue: bool,
        now: datetime,
        windows: list[MaintenanceWindow] | None = None,
    ) -> GateResult:
        """Run ``operation`` now if edits are open, else queue it or raise EditsRefused.

        It is planned against the edits queued before it (see ``core.queue_plan``).
        """
        where = self.standing(account, now, windows)
        if where.edits_closed and not queue:
            raise EditsRefused(self.refusal(operation.describe(), where))
        planned = plan_after(
            self._resolved(account, operation), self._journal.open_entries(account.name)
        )
        entry = self._journal.add(account.name, planned.operation)
        if where.edits_closed:
            return GateResult(queued=entry, notes=planned.notes)
        try:
            entries = self._journal.open_entries(account.name)
            return GateResult(replayed=tuple(self._replay(account, entries)), notes=planned.notes)
        except MailguardError as exc:
            # Still only queued, so nothing of it reached the server: withdraw it, or an
            # edit the user saw fail would quietly happen at the next replay.
            if self._journal.get(entry.id).state is EntryState.QUEUED:
                self._journal.cancel(account.name, entry.id, f"not done: {exc}")
            raise

    def replay(
        self,
        account: AccountConfig,
        now: datetime,
        windows: list[MaintenanceWindow] | None = None,
    ) -> list[Replayed]:
        """Run the open journal entries in order, if edits are open at ``now``."""
        entries = self._journal.open_entries(account.name)
        if not entries or self.standing(account, now, windows).edits_closed:
            return []
        return self._replay(account, entries)

    def open_entries(self, account: str) -> list[JournalEntry]:
        """The account's queued (or interrupted) edits, in replay order."""
        return self._journal.open_entries(account)

    def refusal(self, what: str, where: Standing) -> str:
        """One line: what was refused, which window, until when."""
        return refusal_text(what, where.window, where.edits_open_at, self._zone)

    def local(self, moment: datetime) -> str:
        return moment_text(moment, self._zone)

    def _resolved(self, account: AccountConfig, operation: Request) -> FolderOperation:
        """The operation as it is journaled: messages by identity, a delete with its count."""
        if isinstance(operation, FolderOperation):
            return operation
        if isinstance(operation, DeleteFolder):
            return self._resolved_delete(account, operation)
        with self._imap.connect(account) as client:
            keys = identities_of(client, operation.folder, operation.uids)
        return FolderOperation(
            OperationKind.MOVE_MESSAGES,
            operation.folder,
            target=operation.target,
            message_keys=keys,
        )

    def _resolved_delete(self, account: AccountConfig, request: DeleteFolder) -> FolderOperation:
        with self._imap.connect(account) as client:
            exists = request.folder in list_folder_names(client)
            held = message_count(client, request.folder) if exists else 0
        confirmed = request.confirmed_messages
        if confirmed is not None and held > confirmed:
            raise ConfirmationNeeded(
                f"folder {request.folder!r} now holds {messages(held)}, more than the "
                f"{confirmed} confirmed; nothing was done: ask again to confirm the new count"
            )
        if held and not request.with_messages:
            raise ConfirmationNeeded(
                f"folder {request.folder!r} holds {messages(held)}; deleting it deletes them "
                "too: repeat with --with-messages to confirm"
            )
        return FolderOperation(OperationKind.DELETE_FOLDER, request.folder, accepted_messages=held)

    def _replay(self, account: AccountConfig, entries: list[JournalEntry]) -> list[Replayed]:
        """``entries`` (the open ones, in id order); a failure leaves its entry RUNNING and
        stops, keeping the order."""
        done: list[Replayed] = []
        if not entries:
            return done
        with self._imap.connect(account) as client:
            executor = FolderExecutor(client)
            for entry in entries:
                self._journal.mark_running(entry.id)
                self._checkpoint("running", entry)
                outcome = executor.execute(entry.operation)
                self._checkpoint("executed", entry)
                self._journal.finish(entry.id, outcome.state, outcome.text)
                self._follow_rename(account, entry.operation, outcome)
                done.append(Replayed(self._journal.get(entry.id), outcome))
        return done

    def _follow_rename(
        self, account: AccountConfig, operation: FolderOperation, outcome: Outcome
    ) -> None:
        """Filing rules naming a renamed folder follow it, as the queue planning does."""
        renamed = operation.kind is OperationKind.RENAME_FOLDER and operation.new_name
        if renamed and outcome.state is EntryState.DONE and self._rules is not None:
            self._rules.retarget(account.name, operation.folder, operation.new_name or "")
