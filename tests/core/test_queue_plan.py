"""The queue read as a whole: a queued edit follows earlier renames and stops at deletes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailguard.core.errors import EditsRefused
from mailguard.core.journal import EntryState, FolderOperation, JournalEntry, OperationKind
from mailguard.core.queue_plan import plan_after

AT = datetime(2026, 3, 10, 22, 0, tzinfo=UTC)
K = OperationKind


def create(name: str) -> FolderOperation:
    return FolderOperation(K.CREATE_FOLDER, name)


def rename(old: str, new: str) -> FolderOperation:
    return FolderOperation(K.RENAME_FOLDER, old, new_name=new)


def delete(name: str) -> FolderOperation:
    return FolderOperation(K.DELETE_FOLDER, name)


def move(source: str, target: str) -> FolderOperation:
    return FolderOperation(K.MOVE_MESSAGES, source, target=target, message_keys=("mid:<a@x>",))


def queued(*operations: FolderOperation) -> list[JournalEntry]:
    return [
        JournalEntry(n, "work", op, EntryState.QUEUED, AT, AT)
        for n, op in enumerate(operations, start=1)
    ]


@pytest.mark.parametrize(
    ("earlier", "operation", "planned", "notes"),
    [
        ((), move("INBOX", "Archive"), move("INBOX", "Archive"), 0),
        ((rename("Archive", "Archive2"),), move("INBOX", "Archive"), move("INBOX", "Archive2"), 1),
        ((rename("Archive", "Archive2"),), move("Archive", "INBOX"), move("Archive2", "INBOX"), 1),
        ((rename("A", "B"), rename("B", "C")), move("INBOX", "A"), move("INBOX", "C"), 1),
        ((rename("A", "B"),), rename("A", "Z"), rename("B", "Z"), 1),
        ((rename("A", "B"), create("A")), move("INBOX", "A"), move("INBOX", "A"), 0),
        ((delete("Old"), create("Old")), move("INBOX", "Old"), move("INBOX", "Old"), 0),
        ((delete("Old"),), create("Old"), create("Old"), 0),
        ((rename("Archive", "Archive2"),), create("Archive"), create("Archive"), 0),
        ((delete("Old"), rename("X", "Old")), move("INBOX", "Old"), move("INBOX", "Old"), 0),
    ],
)
def test_a_queued_edit_follows_the_renames_queued_before_it(
    earlier: tuple[FolderOperation, ...],
    operation: FolderOperation,
    planned: FolderOperation,
    notes: int,
) -> None:
    plan = plan_after(operation, queued(*earlier))
    assert plan.operation == planned
    assert len(plan.notes) == notes


def test_the_note_names_the_rename_it_follows() -> None:
    plan = plan_after(move("INBOX", "Archive"), queued(create("X"), rename("Archive", "Archive2")))
    assert plan.notes == ("'Archive' follows queued #2, which renames it to 'Archive2'",)


@pytest.mark.parametrize(
    ("earlier", "operation"),
    [
        ((delete("Old"),), move("INBOX", "Old")),
        ((delete("Old"),), move("Old", "INBOX")),
        ((delete("Old"),), rename("Old", "New")),
        ((delete("Old"),), delete("Old")),
        ((rename("A", "B"), delete("B")), move("INBOX", "A")),
    ],
)
def test_an_edit_naming_a_folder_a_queued_edit_deletes_is_refused_when_queued(
    earlier: tuple[FolderOperation, ...], operation: FolderOperation
) -> None:
    with pytest.raises(EditsRefused) as refused:
        plan_after(operation, queued(*earlier))
    assert "deletes" in str(refused.value)
    assert "mailguard queue work --cancel" in str(refused.value)
    assert refused.value.exit_code == 3
