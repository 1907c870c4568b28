"""Planning a queued edit against the edits queued before it: the queue is read as a whole.

Queued edits run in order, hours later. An edit that names a folder an earlier
queued edit renames would find it gone; so it follows the rename, and says so.
One that names a folder an earlier queued edit deletes could only fail or act
on a stranger's new folder; so it is refused when queued, naming the delete.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from mailguard.core.errors import EditsRefused
from mailguard.core.journal import FolderOperation, JournalEntry, OperationKind


@dataclass(frozen=True, slots=True)
class PlannedOperation:
    """The operation as it will run, and one note per folder name it had to follow."""

    operation: FolderOperation
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Rename:
    entry_id: int
    old: str
    new: str


def plan_after(operation: FolderOperation, queued: Iterable[JournalEntry]) -> PlannedOperation:
    """``operation`` rewritten to run after the open entries ``queued`` (in replay order).

    Raises EditsRefused when it names a folder that a queued edit deletes.
    """
    renamed: dict[str, _Rename] = {}  # a name as the user knows it now -> where it will be
    deleted: dict[str, JournalEntry] = {}  # a name -> the entry that deletes it
    for entry in queued:
        earlier = entry.operation
        if earlier.kind is OperationKind.RENAME_FOLDER and earlier.new_name:
            for name, rename in list(renamed.items()):
                if rename.new == earlier.folder:
                    renamed[name] = _Rename(entry.id, name, earlier.new_name)
            renamed.setdefault(earlier.folder, _Rename(entry.id, earlier.folder, earlier.new_name))
            deleted.pop(earlier.new_name, None)
        elif earlier.kind is OperationKind.DELETE_FOLDER:
            deleted[earlier.folder] = entry
        elif earlier.kind is OperationKind.CREATE_FOLDER:
            deleted.pop(earlier.folder, None)
            renamed.pop(earlier.folder, None)  # the name is taken by a new folder again

    notes: list[str] = []

    def follow(name: str) -> str:
        rename = renamed.get(name)
        if rename is not None:
            notes.append(
                f"{name!r} follows queued #{rename.entry_id}, which renames it to {rename.new!r}"
            )
            name = rename.new
        deleting = deleted.get(name)
        if deleting is not None:
            raise EditsRefused(
                f"refused: {operation.describe()}: queued #{deleting.id} deletes {name!r} "
                f"first; cancel that with: mailguard queue {deleting.account} "
                f"--cancel {deleting.id}"
            )
        return name

    if operation.kind is OperationKind.CREATE_FOLDER:
        return PlannedOperation(operation)
    if operation.kind is OperationKind.MOVE_MESSAGES:
        planned = replace(
            operation, folder=follow(operation.folder), target=follow(operation.target or "")
        )
    else:
        planned = replace(operation, folder=follow(operation.folder))
    return PlannedOperation(planned, tuple(notes))
