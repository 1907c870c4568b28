"""The replay journal: intent first, then progress, in the order it was queued."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from mailguard.core.errors import UsageError
from mailguard.core.journal import EntryState, FolderOperation, OperationKind
from mailguard.store.database import Database
from mailguard.store.journal_store import JournalStore

NOW = datetime(2026, 3, 3, 20, 0, tzinfo=UTC)
CREATE = FolderOperation(OperationKind.CREATE_FOLDER, "Archive")
MOVE = FolderOperation(
    OperationKind.MOVE_MESSAGES, "INBOX", target="Archive", message_keys=("mid:<a@x>",)
)


def test_an_added_entry_is_queued_with_its_operation(tmp_path: Path) -> None:
    with Database(tmp_path / "m.sqlite3") as db:
        entry = JournalStore(db, lambda: NOW).add("work", MOVE)
        assert (entry.state, entry.operation, entry.created_at) == (EntryState.QUEUED, MOVE, NOW)


def test_open_entries_come_in_queue_order_and_finished_ones_drop_out(tmp_path: Path) -> None:
    with Database(tmp_path / "m.sqlite3") as db:
        journal = JournalStore(db, lambda: NOW)
        first, second, third = (journal.add("work", op) for op in (CREATE, MOVE, CREATE))
        journal.add("home", CREATE)
        journal.mark_running(first.id)
        journal.finish(second.id, EntryState.SKIPPED, "skipped: gone")
        assert [e.id for e in journal.open_entries("work")] == [first.id, third.id]
        assert journal.get(first.id).state is EntryState.RUNNING
        assert journal.get(second.id).outcome == "skipped: gone"
        assert len(journal.all("work")) == 3


@pytest.mark.parametrize("state", [EntryState.RUNNING, EntryState.DONE, EntryState.CANCELLED])
def test_only_a_queued_entry_can_be_cancelled(tmp_path: Path, state: EntryState) -> None:
    with Database(tmp_path / "m.sqlite3") as db:
        journal = JournalStore(db, lambda: NOW)
        entry = journal.add("work", CREATE)
        if state is EntryState.RUNNING:
            journal.mark_running(entry.id)
        elif state is EntryState.DONE:
            journal.finish(entry.id, EntryState.DONE, "created")
        else:
            journal.cancel("work", entry.id)
        with pytest.raises(UsageError, match="only a queued operation can be cancelled"):
            journal.cancel("work", entry.id)


def test_cancelling_withdraws_a_queued_entry(tmp_path: Path) -> None:
    with Database(tmp_path / "m.sqlite3") as db:
        journal = JournalStore(db, lambda: NOW)
        entry = journal.add("work", CREATE)
        assert journal.cancel("work", entry.id).state is EntryState.CANCELLED
        assert journal.open_entries("work") == []
        with pytest.raises(UsageError):
            journal.cancel("home", entry.id)
