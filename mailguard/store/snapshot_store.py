"""Snapshots in SQLite: the baselines the user took, and the latest read each refresh starts from.

Two things, kept apart so a refresh can never replace a baseline:

- **baselines**, taken by ``mailguard snapshot`` (a full read), stored whole and
  never changed; reports compare against these;
- the **refresh state** of each account: the latest read of every folder, the
  ``previous`` an incremental (QRESYNC) read starts from. It is stored as its
  difference to a baseline (its *base*, the latest baseline when it was
  written): folders that changed, messages that changed, appeared or went.
  A refresh that saw 1% of 100,000 messages change writes 1,000 rows, not
  100,000; it loads back as :class:`OverlayMessages` over the base's folders,
  which usually are the very baseline the refresh compares against.

Baselines load lazily (:class:`StoredMessages`): a refresh asks only for the
messages that changed and for other copies of those (by Message-ID), so it
reads a few thousand rows of a 100,000-message baseline, not all of them.

Every save is one transaction (or joins the caller's): a crash mid-save leaves
the previous state, never half a snapshot.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from typing import Any

from mailguard.core.mailstate import AccountSnapshot, FolderState, MessageRecord
from mailguard.core.message_map import OverlayMessages, touched_since
from mailguard.core.wire_messages import WireMessages
from mailguard.store.baseline_staging import BaselineStaging
from mailguard.store.database import Database
from mailguard.store.identity_digest import IdentityDigest
from mailguard.store.stored_messages import (
    IdentityLookup,
    RecordReader,
    StoredMessages,
    folder_bookkeeping,
    stored_rows,
)

#: Baselines kept per account besides those still in use (see ``prune``).
KEEP_BASELINES = 5


class SnapshotStore:
    """Saves, loads and prunes snapshots in the shared database.

    Baselines never change, so each one is read from disk at most once per store.
    """

    def __init__(self, db: Database, *, keep_baselines: int = KEEP_BASELINES) -> None:
        self._db = db
        self._keep = keep_baselines
        self._loaded: dict[int, AccountSnapshot] = {}

    # -- baselines --------------------------------------------------------------------

    def save_baseline(self, snapshot: AccountSnapshot) -> int:
        """Store a full read as a new baseline; the next refresh starts from it."""
        with self.staging(snapshot.account, snapshot.taken_at) as staging:
            return staging.save_baseline(snapshot)

    @contextmanager
    def staging(self, account: str, started_at: datetime) -> Iterator[BaselineStaging]:
        """Stage folders while the rest of the account is read; see :class:`BaselineStaging`."""
        staging = BaselineStaging(self._db, account, started_at, self._finish_baseline)
        try:
            yield staging
        finally:
            staging.discard()

    def _finish_baseline(
        self, conn: sqlite3.Connection, snapshot: AccountSnapshot, snapshot_id: int
    ) -> None:
        conn.execute(
            "INSERT INTO refresh_state (account, base_id, taken_at) VALUES (?, ?, ?)"
            " ON CONFLICT (account) DO UPDATE"
            " SET base_id = excluded.base_id, taken_at = excluded.taken_at",
            (snapshot.account, snapshot_id, snapshot.taken_at.isoformat()),
        )
        conn.execute("DELETE FROM refresh_folder WHERE account = ?", (snapshot.account,))
        self.prune(snapshot.account)

    def load(self, snapshot_id: int) -> AccountSnapshot:
        """A stored baseline; KeyError if there is none with that id."""
        cached = self._loaded.get(snapshot_id)
        if cached is not None:
            return cached
        conn = self._db.connection
        row = conn.execute(
            "SELECT account, taken_at FROM snapshot WHERE id = ?", (snapshot_id,)
        ).fetchone()
        if row is None:
            raise KeyError(snapshot_id)
        account, taken_at = row
        folders = {state.name: state for state in _stored_folders(conn, snapshot_id)}
        snapshot = AccountSnapshot(
            account=account, taken_at=datetime.fromisoformat(taken_at), folders=folders
        )
        self._loaded[snapshot_id] = snapshot
        return snapshot

    def baselines(self, account: str) -> dict[int, datetime]:
        """Every stored baseline of the account: id → when it was taken."""
        rows = self._db.connection.execute(
            "SELECT id, taken_at FROM snapshot WHERE account = ? AND NOT pending", (account,)
        )
        return {int(i): datetime.fromisoformat(t) for i, t in rows}

    def prune(self, account: str) -> int:
        """Delete old baselines; return how many.

        Kept: the newest ``keep_baselines``, the one the latest report compares
        against (so a report can still be explained), and the refresh state's base.
        """
        with self._db.transaction() as conn:
            doomed = [
                int(i)
                for (i,) in conn.execute(
                    """
                    SELECT id FROM snapshot
                    WHERE account = :account AND NOT pending
                      AND id NOT IN (
                          SELECT id FROM snapshot WHERE account = :account AND NOT pending
                          ORDER BY taken_at_us DESC, id DESC LIMIT :keep)
                      AND id NOT IN (
                          SELECT baseline_id FROM report
                          WHERE account = :account AND baseline_id IS NOT NULL
                          ORDER BY id DESC LIMIT 1)
                      AND id NOT IN (SELECT base_id FROM refresh_state)
                    """,
                    {"account": account, "keep": self._keep},
                )
            ]
            conn.executemany("DELETE FROM snapshot WHERE id = ?", [(i,) for i in doomed])
        for snapshot_id in doomed:
            self._loaded.pop(snapshot_id, None)
        return len(doomed)

    def delete_account(self, account: str) -> None:
        """Forget every snapshot and the refresh state of the account."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM refresh_state WHERE account = ?", (account,))
            conn.execute("UPDATE report SET baseline_id = NULL WHERE account = ?", (account,))
            conn.execute("DELETE FROM snapshot WHERE account = ?", (account,))
        self._loaded = {i: s for i, s in self._loaded.items() if s.account != account}

    # -- the refresh state ------------------------------------------------------------

    def save_refresh_state(self, snapshot: AccountSnapshot) -> None:
        """Store the latest read as the difference to the refresh state's base baseline."""
        account = snapshot.account
        with self._db.transaction() as conn:
            base_id = self._base_id(conn, account)
            base = self.load(base_id)
            conn.execute(
                "INSERT INTO refresh_state (account, base_id, taken_at) VALUES (?, ?, ?)"
                " ON CONFLICT (account) DO UPDATE SET taken_at = excluded.taken_at",
                (account, base_id, snapshot.taken_at.isoformat()),
            )
            conn.execute("DELETE FROM refresh_folder WHERE account = ?", (account,))
            folder_rows, message_rows = _difference(account, base, snapshot)
            conn.executemany(
                "INSERT INTO refresh_folder (account, name, present, replaces_all, uidvalidity,"
                " uidnext, highestmodseq, special_use, delimiter)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                folder_rows,
            )
            conn.executemany(
                "INSERT INTO refresh_message (account, folder, present, uid, flags,"
                " internaldate, size, message_id, date, sender, subject, modseq, header)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                message_rows,
            )

    def over_base(self, current: AccountSnapshot) -> AccountSnapshot:
        """``current`` with each folder read in full written as its changes over the base.

        A full read (``resync --full``) then costs the diff and the save no more
        than an incremental one: stored rows are compared with the fetched
        messages byte for byte, and only messages that differ are decoded.
        """
        row = self._db.connection.execute(
            "SELECT base_id FROM refresh_state WHERE account = ?", (current.account,)
        ).fetchone()
        if row is None:
            return current
        base = self.load(int(row[0]))
        folders = dict(current.folders)
        for name, state in current.folders.items():
            old = base.folders.get(name)
            if (
                old is not None
                and old.uidvalidity == state.uidvalidity
                and isinstance(state.messages, WireMessages)
                and isinstance(old.messages, StoredMessages)
            ):
                folders[name] = replace(state, messages=old.messages.changes_to(state.messages))
        return replace(current, folders=folders)

    def load_refresh_state(self, account: str) -> AccountSnapshot | None:
        """The latest read of the account (after a snapshot: that snapshot), if any."""
        conn = self._db.connection
        row = conn.execute(
            "SELECT base_id, taken_at FROM refresh_state WHERE account = ?", (account,)
        ).fetchone()
        if row is None:
            return None
        base = self.load(int(row[0]))
        folders = dict(base.folders)
        changed: dict[str, tuple[_FolderChanges, tuple[Any, ...]]] = {}
        for name, present, replaces_all, *bookkeeping in conn.execute(
            "SELECT name, present, replaces_all, uidvalidity, uidnext, highestmodseq,"
            " special_use, delimiter FROM refresh_folder WHERE account = ?",
            (account,),
        ):
            old = folders.pop(name, None)
            if present:
                over = None if replaces_all or old is None else old.messages
                changed[name] = (_FolderChanges(over), tuple(bookkeeping))
        records = RecordReader()
        for folder, present, *fields in conn.execute(
            "SELECT folder, present, uid, flags, internaldate, size, message_id, date,"
            " sender, subject, modseq, header FROM refresh_message WHERE account = ?",
            (account,),
        ):
            changes = changed[folder][0]
            if present:
                changes.changed[fields[0]] = records.record(tuple(fields))
            else:
                changes.removed.add(fields[0])
        for name, (changes, bookkeeping) in changed.items():
            folders[name] = _folder(name, bookkeeping, changes.messages())
        return AccountSnapshot(
            account=account, taken_at=datetime.fromisoformat(row[1]), folders=folders
        )

    # -- internals --------------------------------------------------------------------

    def _base_id(self, conn: sqlite3.Connection, account: str) -> int:
        row = conn.execute(
            "SELECT base_id FROM refresh_state WHERE account = ?", (account,)
        ).fetchone()
        if row is None:
            row = conn.execute(
                "SELECT id FROM snapshot WHERE account = ? AND NOT pending"
                " ORDER BY taken_at_us DESC, id DESC",
                (account,),
            ).fetchone()
        if row is None:
            raise LookupError(f"no baseline of {account!r} to store a refresh against")
        return int(row[0])


def _stored_folders(conn: sqlite3.Connection, snapshot_id: int) -> Iterator[FolderState]:
    """The baseline's folders, their messages read from disk only as far as asked."""
    folders = conn.execute(
        "SELECT id, message_count, name, uidvalidity, uidnext, highestmodseq, special_use,"
        " delimiter FROM folder WHERE snapshot_id = ? ORDER BY id",
        (snapshot_id,),
    ).fetchall()
    (digest,) = conn.execute(
        "SELECT identity_digest FROM snapshot WHERE id = ?", (snapshot_id,)
    ).fetchone()
    lookup = IdentityLookup(
        conn,
        snapshot_id,
        RecordReader(),
        IdentityDigest(digest) if digest is not None else None,
    )
    for folder_id, stored_count, name, *bookkeeping in folders:
        count = stored_count
        if count is None:  # stored before schema 4
            (count,) = conn.execute(
                "SELECT COUNT(*) FROM message WHERE folder_id = ?", (folder_id,)
            ).fetchone()
        messages = StoredMessages(conn, folder_id, count, lookup)
        yield _folder(name, tuple(bookkeeping), messages)


class _FolderChanges:
    """A folder of the refresh state as read back: its changes, over the base's folder if any."""

    def __init__(self, base: Mapping[int, MessageRecord] | None) -> None:
        self.base = base
        self.changed: dict[int, MessageRecord] = {}
        self.removed: set[int] = set()

    def messages(self) -> Mapping[int, MessageRecord]:
        if self.base is None:
            return self.changed
        return OverlayMessages(self.base, self.changed, frozenset(self.removed))


def _difference(
    account: str, base: AccountSnapshot, current: AccountSnapshot
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Rows for ``refresh_folder`` and ``refresh_message`` that turn ``base`` into ``current``.

    Unchanged messages are usually the very objects of the base (the IMAP
    reader keeps what it did not re-fetch), so ``is`` settles most of them.
    """
    folder_rows: list[tuple[Any, ...]] = []
    message_rows: list[tuple[Any, ...]] = []
    for name, state in current.folders.items():
        old = base.folders.get(name)
        if old is state:
            continue
        if old is None or old.uidvalidity != state.uidvalidity:
            folder_rows.append((account, name, 1, 1, *folder_bookkeeping(state)))
            message_rows.extend(_present(account, name, state.messages))
            continue
        touched = touched_since(old.messages, state.messages)
        gone: Collection[int]
        if touched is not None and isinstance(state.messages, OverlayMessages):
            # The usual refresh: the read kept its changes apart from this very base.
            changed = list(state.messages.changed.values())
            gone = state.messages.removed
        elif touched is not None:  # the base itself, unchanged
            changed, gone = [], frozenset()
        else:
            before = dict(old.messages.items())  # one query, not one per message
            changed = [
                record
                for uid, record in state.messages.items()
                if (known := before.get(uid)) is not record and known != record
            ]
            gone = before.keys() - state.messages.keys()
        if not changed and not gone and folder_bookkeeping(old) == folder_bookkeeping(state):
            continue
        folder_rows.append((account, name, 1, 0, *folder_bookkeeping(state)))
        message_rows.extend(_present(account, name, {r.uid: r for r in changed}))
        message_rows.extend((account, name, 0, uid, *[None] * 9) for uid in sorted(gone))
    for name in base.folders.keys() - current.folders.keys():
        folder_rows.append((account, name, 0, 0, *[None] * 5))
    return folder_rows, message_rows


def _present(
    account: str, folder: str, messages: Mapping[int, MessageRecord]
) -> Iterator[tuple[Any, ...]]:
    return ((account, folder, 1, *row) for row in stored_rows(messages))


def _folder(
    name: str, bookkeeping: tuple[Any, ...], messages: Mapping[int, MessageRecord]
) -> FolderState:
    uidvalidity, uidnext, highestmodseq, special_use, delimiter = bookkeeping
    return FolderState(
        name=name,
        uidvalidity=uidvalidity,
        uidnext=uidnext,
        highestmodseq=highestmodseq,
        messages=messages,
        special_use=frozenset(special_use.split()),
        delimiter=delimiter,
    )
