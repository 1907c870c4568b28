"""The replay journal: each queued folder operation as intent, then progress, in SQLite.

An entry is written before anything touches the server and marked RUNNING
before replay begins, so after a crash the journal says which operations
may be half done; the executor then looks at the server to finish them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from mailguard.core.errors import UsageError
from mailguard.core.journal import EntryState, FolderOperation, JournalEntry
from mailguard.store.database import Database

_SELECT = "SELECT id, account, operation, state, created_at, updated_at, outcome FROM journal_entry"


class JournalStore:
    """Adds, advances and lists journal entries; their id order is the replay order."""

    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def add(self, account: str, operation: FolderOperation) -> JournalEntry:
        now = self._clock().isoformat()
        body = json.dumps(operation.to_json(), ensure_ascii=False, sort_keys=True)
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO journal_entry (account, operation, state, created_at, updated_at,"
                " outcome) VALUES (?, ?, ?, ?, ?, '')",
                (account, body, EntryState.QUEUED.value, now, now),
            )
        return self.get(int(cursor.lastrowid or 0))

    def get(self, entry_id: int) -> JournalEntry:
        row = self._db.connection.execute(_SELECT + " WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise UsageError(f"no queued operation #{entry_id}")
        return _entry(row)

    def mark_running(self, entry_id: int) -> None:
        self._set(entry_id, EntryState.RUNNING, "")

    def finish(self, entry_id: int, state: EntryState, outcome: str) -> None:
        if state not in (EntryState.DONE, EntryState.SKIPPED):
            raise ValueError(f"an entry finishes DONE or SKIPPED, not {state}")
        self._set(entry_id, state, outcome)

    def cancel(
        self, account: str, entry_id: int, reason: str = "cancelled by the user"
    ) -> JournalEntry:
        """Withdraw a queued entry; one that began running can no longer be withdrawn."""
        with self._db.transaction():
            entry = self.get(entry_id)
            if entry.account != account:
                raise UsageError(f"account {account!r} has no queued operation #{entry_id}")
            if entry.state is not EntryState.QUEUED:
                raise UsageError(
                    f"operation #{entry_id} is {entry.state.value}, not queued; "
                    "only a queued operation can be cancelled"
                )
            self._set(entry_id, EntryState.CANCELLED, reason)
        return self.get(entry_id)

    def open_entries(self, account: str) -> list[JournalEntry]:
        """QUEUED and RUNNING entries, in the order they were queued."""
        return [e for e in self.all(account) if e.state.is_open]

    def all(self, account: str) -> list[JournalEntry]:
        rows = self._db.connection.execute(
            _SELECT + " WHERE account = ? ORDER BY id", (account,)
        ).fetchall()
        return [_entry(row) for row in rows]

    def _set(self, entry_id: int, state: EntryState, outcome: str) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE journal_entry SET state = ?, outcome = ?, updated_at = ? WHERE id = ?",
                (state.value, outcome, self._clock().isoformat(), entry_id),
            )


def _entry(row: tuple[Any, ...]) -> JournalEntry:
    entry_id, account, body, state, created_at, updated_at, outcome = row
    return JournalEntry(
        id=int(entry_id),
        account=str(account),
        operation=FolderOperation.from_json(json.loads(body)),
        state=EntryState(state),
        created_at=datetime.fromisoformat(created_at),
        updated_at=datetime.fromisoformat(updated_at),
        outcome=str(outcome),
    )
