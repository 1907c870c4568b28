"""Folder operations the guard manages, and how to resume them safely.

An operation is journaled as intent before it touches the server. Replaying
(or resuming after a crash) never trusts the journal alone: it looks at the
server first and decides from what is there, so no step runs twice and no
message is lost or duplicated. These decisions are pure and live here; the
IMAP executor observes the server and carries them out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class OperationKind(StrEnum):
    CREATE_FOLDER = "create_folder"
    RENAME_FOLDER = "rename_folder"
    DELETE_FOLDER = "delete_folder"
    MOVE_MESSAGES = "move_messages"


class EntryState(StrEnum):
    QUEUED = "queued"  # intent recorded, nothing done yet
    RUNNING = "running"  # replay began; the server may hold a partial result
    DONE = "done"
    SKIPPED = "skipped"  # its preconditions no longer held; reported, not forced
    CANCELLED = "cancelled"  # the user withdrew it before it ran

    @property
    def is_open(self) -> bool:
        return self in (EntryState.QUEUED, EntryState.RUNNING)


def describe_move(count: int, folder: str, target: str | None) -> str:
    """``move 2 messages from 'INBOX' to 'Archive'``: a move, however it was asked for."""
    return f"move {messages(count)} from {folder!r} to {target!r}"


def describe_delete(folder: str, count: int) -> str:
    """``delete folder 'Old'``, or ``… and its 15 messages`` when it holds mail."""
    return f"delete folder {folder!r}" + (f" and its {messages(count)}" if count else "")


def messages(count: int) -> str:
    return f"{count} message" + ("" if count == 1 else "s")


@dataclass(frozen=True, slots=True)
class FolderOperation:
    """What the user asked for; messages are named by identity, since UIDs can change."""

    kind: OperationKind
    folder: str
    new_name: str | None = None  # RENAME_FOLDER
    target: str | None = None  # MOVE_MESSAGES
    message_keys: tuple[str, ...] = ()  # MOVE_MESSAGES: MessageRecord.identity() of each
    #: DELETE_FOLDER: how many messages the user accepted losing with the folder (0: none).
    accepted_messages: int = 0

    def describe(self) -> str:
        if self.kind is OperationKind.CREATE_FOLDER:
            return f"create folder {self.folder!r}"
        if self.kind is OperationKind.RENAME_FOLDER:
            return f"rename folder {self.folder!r} to {self.new_name!r}"
        if self.kind is OperationKind.DELETE_FOLDER:
            return describe_delete(self.folder, self.accepted_messages)
        return describe_move(len(self.message_keys), self.folder, self.target)

    @property
    def folders_referred_to(self) -> tuple[str, ...]:
        """Existing folders this operation acts on (a create's or rename's new name is not one)."""
        if self.kind is OperationKind.CREATE_FOLDER:
            return ()
        if self.kind is OperationKind.MOVE_MESSAGES:
            return (self.folder, self.target or "")
        return (self.folder,)

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "folder": self.folder,
            "new_name": self.new_name,
            "target": self.target,
            "message_keys": list(self.message_keys),
            "accepted_messages": self.accepted_messages,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> FolderOperation:
        keys = data.get("message_keys") or []
        return cls(
            kind=OperationKind(str(data["kind"])),
            folder=str(data["folder"]),
            new_name=str(data["new_name"]) if data.get("new_name") is not None else None,
            target=str(data["target"]) if data.get("target") is not None else None,
            message_keys=tuple(str(k) for k in keys) if isinstance(keys, list) else (),
            accepted_messages=_count(data.get("accepted_messages")),
        )


def _count(value: object) -> int:
    return value if isinstance(value, int) and value > 0 else 0


@dataclass(frozen=True, slots=True)
class JournalEntry:
    id: int
    account: str
    operation: FolderOperation
    state: EntryState
    created_at: datetime
    updated_at: datetime
    outcome: str = ""


def entry_json(entry: JournalEntry) -> dict[str, object]:
    """One queued operation as ``queue --json``, ``status --json`` and events show it."""
    return {
        "id": entry.id,
        "state": entry.state.value,
        "operation": entry.operation.to_json(),
        "description": entry.operation.describe(),
        "created_at": entry.created_at.isoformat(),
        "updated_at": entry.updated_at.isoformat(),
        "outcome": entry.outcome,
        "text": entry_text(entry),
    }


def entry_text(entry: JournalEntry) -> str:
    """One line per journal entry, saying what happened once: ``skipped: move …: reason``."""
    what = entry.operation.describe()
    if entry.state is EntryState.QUEUED:
        return f"queued: {what}"
    if entry.state is EntryState.RUNNING:
        return f"running: {what} (interrupted; it resumes where it stopped)"
    if entry.state is EntryState.CANCELLED:
        return f"cancelled: {what}" + (f" ({entry.outcome})" if entry.outcome else "")
    if entry.state is EntryState.SKIPPED:
        return entry.outcome or f"skipped: {what}"
    return entry.outcome or f"done: {what}"


@dataclass(frozen=True, slots=True)
class ServerView:
    """What the executor saw on the server just before deciding.

    ``locations`` maps a message identity to the folders and UIDs holding it
    (only for the messages an operation names).
    """

    folders: frozenset[str]
    locations: Mapping[str, Mapping[str, tuple[int, ...]]] = field(default_factory=dict)
    message_counts: Mapping[str, int] = field(default_factory=dict)  # for a delete: its folder


class Verdict(StrEnum):
    ALREADY_DONE = "already_done"
    PERFORM = "perform"
    IMPOSSIBLE = "impossible"


@dataclass(frozen=True, slots=True)
class FolderDecision:
    verdict: Verdict
    reason: str = ""


@dataclass(frozen=True, slots=True)
class MoveDecision:
    """Per-message plan for a move, from where each message is now."""

    to_move: tuple[int, ...] = ()  # UIDs in the source, not yet in the target
    to_expunge: tuple[int, ...] = ()  # UIDs in the source already copied to the target
    missing: tuple[str, ...] = ()  # identities found nowhere useful: reported
    source_gone: bool = False
    target_gone: bool = False

    @property
    def nothing_left(self) -> bool:
        return not self.to_move and not self.to_expunge


def decide_folder_step(operation: FolderOperation, view: ServerView) -> FolderDecision:
    """Create/rename/delete: look at the folder list, then act only if still needed."""
    exists = operation.folder in view.folders
    if operation.kind is OperationKind.CREATE_FOLDER:
        return FolderDecision(Verdict.ALREADY_DONE if exists else Verdict.PERFORM)
    if operation.kind is OperationKind.DELETE_FOLDER:
        if not exists:
            return FolderDecision(Verdict.ALREADY_DONE)
        held = view.message_counts.get(operation.folder, 0)
        accepted = operation.accepted_messages
        if held > accepted:
            then = f"more than the {accepted} accepted" if accepted else "where it was empty"
            return FolderDecision(
                Verdict.IMPOSSIBLE,
                f"it now holds {messages(held)}, {then} when the delete was asked for; "
                "nothing was deleted",
            )
        return FolderDecision(Verdict.PERFORM)
    if operation.kind is OperationKind.RENAME_FOLDER:
        renamed = operation.new_name in view.folders
        if renamed and not exists:
            return FolderDecision(Verdict.ALREADY_DONE)
        if exists and not renamed:
            return FolderDecision(Verdict.PERFORM)
        if exists and renamed:
            return FolderDecision(
                Verdict.IMPOSSIBLE, f"both {operation.folder!r} and {operation.new_name!r} exist"
            )
        return FolderDecision(Verdict.IMPOSSIBLE, f"folder {operation.folder!r} is gone")
    raise ValueError(f"not a folder operation: {operation.kind}")


def decide_move(operation: FolderOperation, view: ServerView) -> MoveDecision:
    """Move: a message already in the target is never copied again, only cleaned up."""
    source, target = operation.folder, operation.target or ""
    if source not in view.folders or target not in view.folders:
        return MoveDecision(
            missing=operation.message_keys,
            source_gone=source not in view.folders,
            target_gone=target not in view.folders,
        )
    to_move: list[int] = []
    to_expunge: list[int] = []
    missing: list[str] = []
    for key in operation.message_keys:
        where = view.locations.get(key, {})
        in_source, in_target = where.get(source, ()), where.get(target, ())
        if in_source and in_target:
            to_expunge.extend(in_source)
        elif in_source:
            to_move.extend(in_source)
        elif not in_target:
            missing.append(key)
    return MoveDecision(tuple(sorted(to_move)), tuple(sorted(to_expunge)), tuple(missing))
