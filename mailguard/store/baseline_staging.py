"""A baseline written while it is read (see :class:`BaselineStaging`)."""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from mailguard.core.mailstate import AccountSnapshot, FolderState
from mailguard.store.database import Database
from mailguard.store.identity_digest import message_id_crcs, pack
from mailguard.store.stored_messages import insert_folder, row_id

#: Completes a saved baseline in its transaction (the refresh state, pruning).
FinishBaseline = Callable[[sqlite3.Connection, AccountSnapshot, int], None]

#: A pending baseline this old was left by a process that died mid-read.
STALE_PENDING = timedelta(hours=6)


class BaselineStaging:
    """A baseline written while it is read.

    Each folder goes into the database as soon as it is read, in a short
    transaction of its own, under a snapshot row marked ``pending``: no
    baseline query sees it, and between folders nothing is locked.
    :meth:`save_baseline` completes it in one transaction; a read that fails
    deletes it (:meth:`discard`), and one whose process died is deleted by the
    next staging of that account once it is :data:`STALE_PENDING` old.

    Turning 100,000 messages into rows and inserting them takes ~0.4 s of
    client CPU; the read waits for the server about half the time, and
    staging fills that wait. Writing the rows where they stay (rather than
    into a temporary table copied at the end, as before) saves the copy,
    measured at ~0.35 s of a 2 s snapshot.
    """

    def __init__(
        self, db: Database, account: str, started_at: datetime, finish: FinishBaseline
    ) -> None:
        self._db = db
        self._account = account
        self._started_at = started_at
        self._finish = finish
        self._snapshot_id: int | None = None
        # name -> (folder id, the state staged, its Message-ID CRCs)
        self._staged: dict[str, tuple[int, FolderState, array[int]]] = {}
        self._saved = False

    def stage(self, state: FolderState) -> None:
        """Write ``state``'s messages now (a folder read again replaces its rows)."""
        with self._db.transaction() as conn:
            snapshot_id = self._pending_id(conn)
            self._forget_folder(conn, state.name)
            self._insert(conn, snapshot_id, state)

    def save_baseline(self, snapshot: AccountSnapshot) -> int:
        """Store ``snapshot`` as the new baseline: what was staged of it, and the rest."""
        with self._db.transaction() as conn:
            snapshot_id = self._pending_id(conn)
            for name, (_, staged, _) in list(self._staged.items()):
                if snapshot.folders.get(name) is not staged:
                    self._forget_folder(conn, name)
            for name, state in snapshot.folders.items():
                if name not in self._staged:
                    self._insert(conn, snapshot_id, state)
            digest = pack(crcs for _, _, crcs in self._staged.values())
            conn.execute(
                "UPDATE snapshot SET taken_at = ?, taken_at_us = ?, pending = 0,"
                " identity_digest = ? WHERE id = ?",
                (
                    snapshot.taken_at.isoformat(),
                    micros(snapshot.taken_at),
                    digest,
                    snapshot_id,
                ),
            )
            self._finish(conn, snapshot, snapshot_id)
        self._saved = True
        return snapshot_id

    def discard(self) -> None:
        """Delete what was staged, unless it was saved as a baseline."""
        if self._snapshot_id is None or self._saved:
            return
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM snapshot WHERE id = ? AND pending", (self._snapshot_id,))
        self._snapshot_id = None
        self._staged.clear()

    def _pending_id(self, conn: sqlite3.Connection) -> int:
        """The pending snapshot row, made on first use (and stale ones of the account removed)."""
        if self._snapshot_id is None:
            conn.execute(
                "DELETE FROM snapshot WHERE account = ? AND pending AND taken_at_us < ?",
                (self._account, micros(self._started_at - STALE_PENDING)),
            )
            cursor = conn.execute(
                "INSERT INTO snapshot (account, taken_at, taken_at_us, pending)"
                " VALUES (?, ?, ?, 1)",
                (self._account, self._started_at.isoformat(), micros(self._started_at)),
            )
            self._snapshot_id = row_id(cursor)
        return self._snapshot_id

    def _insert(self, conn: sqlite3.Connection, snapshot_id: int, state: FolderState) -> None:
        crcs = message_id_crcs()
        folder_id = insert_folder(conn, snapshot_id, state, crcs)
        self._staged[state.name] = (folder_id, state, crcs)

    def _forget_folder(self, conn: sqlite3.Connection, name: str) -> None:
        staged = self._staged.pop(name, None)
        if staged is not None:
            conn.execute("DELETE FROM folder WHERE id = ?", (staged[0],))


_UTC_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def micros(moment: datetime) -> int:
    """Microseconds since the epoch: sortable in SQL whatever the zone of ``moment``."""
    delta = moment - _UTC_EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
