"""Snapshots in SQLite: the baselines the user took, and the latest read each refresh starts from.

Two things, kept apart so a refresh can never replace a baseline:

- **baselines**, taken by ``mailguard snapshot`` (a full read), stored whole and
  never changed; reports compare against these;
- the **refresh state** of each account: the latest read of every folder, the
  ``previous`` an incremental (QRESYNC) read starts from. It is stored as its
  difference to a baseline (its *base*, the latest baseline when it was
  written): folders that changed, messages that changed, appeared or went.
  A refresh that saw 1% of 100,000 messages change writes 1,000 rows, not
  100,000, and loading it shares every unchanged message with the base, which
  usually is the very baseline the refresh compares against.

Every save is one transaction (or joins the caller's): a crash mid-save leaves
the previous state, never half a snapshot.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from mailguard.core.mailstate import AccountSnapshot, FolderState, MessageRecord
from mailguard.store.database import Database

#: Baselines kept per account besides those still in use (see ``prune``).
KEEP_BASELINES = 5

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


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
        with self._db.transaction() as conn:
            snapshot_id = self._insert(conn, snapshot)
            conn.execute(
                "INSERT INTO refresh_state (account, base_id, taken_at) VALUES (?, ?, ?)"
                " ON CONFLICT (account) DO UPDATE"
                " SET base_id = excluded.base_id, taken_at = excluded.taken_at",
                (snapshot.account, snapshot_id, snapshot.taken_at.isoformat()),
            )
            conn.execute("DELETE FROM refresh_folder WHERE account = ?", (snapshot.account,))
            self.prune(snapshot.account)
        return snapshot_id

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
        folders = {state.name: state for state in _load_folders(conn, snapshot_id)}
        snapshot = AccountSnapshot(
            account=account, taken_at=datetime.fromisoformat(taken_at), folders=folders
        )
        self._loaded[snapshot_id] = snapshot
        return snapshot

    def baselines(self, account: str) -> dict[int, datetime]:
        """Every stored baseline of the account: id → when it was taken."""
        rows = self._db.connection.execute(
            "SELECT id, taken_at FROM snapshot WHERE account = ?", (account,)
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
                    WHERE account = :account
                      AND id NOT IN (
                          SELECT id FROM snapshot WHERE account = :account
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
                " internaldate, size, message_id, date, sender, subject, modseq)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                message_rows,
            )

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
        changed: dict[str, tuple[dict[int, MessageRecord], tuple[Any, ...]]] = {}
        for name, present, replaces_all, *bookkeeping in conn.execute(
            "SELECT name, present, replaces_all, uidvalidity, uidnext, highestmodseq,"
            " special_use, delimiter FROM refresh_folder WHERE account = ?",
            (account,),
        ):
            old = folders.pop(name, None)
            if present:
                kept = {} if replaces_all or old is None else dict(old.messages)
                changed[name] = (kept, tuple(bookkeeping))
        records = _RecordReader()
        for folder, present, *fields in conn.execute(
            "SELECT folder, present, uid, flags, internaldate, size, message_id, date,"
            " sender, subject, modseq FROM refresh_message WHERE account = ?",
            (account,),
        ):
            messages = changed[folder][0]
            if present:
                messages[fields[0]] = records.record(tuple(fields))
            else:
                messages.pop(fields[0], None)
        for name, (messages, bookkeeping) in changed.items():
            folders[name] = _folder(name, bookkeeping, messages)
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
                "SELECT id FROM snapshot WHERE account = ? ORDER BY taken_at_us DESC, id DESC",
                (account,),
            ).fetchone()
        if row is None:
            raise LookupError(f"no baseline of {account!r} to store a refresh against")
        return int(row[0])

    @staticmethod
    def _insert(conn: sqlite3.Connection, snapshot: AccountSnapshot) -> int:
        cursor = conn.execute(
            "INSERT INTO snapshot (account, taken_at, taken_at_us) VALUES (?, ?, ?)",
            (snapshot.account, snapshot.taken_at.isoformat(), _micros(snapshot.taken_at)),
        )
        snapshot_id = _row_id(cursor)
        for state in snapshot.folders.values():
            folder_cursor = conn.execute(
                "INSERT INTO folder (snapshot_id, name, uidvalidity, uidnext, highestmodseq,"
                " special_use, delimiter) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (snapshot_id, state.name, *_bookkeeping(state)),
            )
            folder_id = _row_id(folder_cursor)
            conn.executemany(
                "INSERT INTO message (folder_id, uid, flags, internaldate, size, message_id,"
                " date, sender, subject, modseq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _message_rows(folder_id, state.messages.values()),
            )
        return snapshot_id


def _load_folders(conn: sqlite3.Connection, snapshot_id: int) -> Iterator[FolderState]:
    folders = conn.execute(
        "SELECT id, name, uidvalidity, uidnext, highestmodseq, special_use, delimiter"
        " FROM folder WHERE snapshot_id = ? ORDER BY id",
        (snapshot_id,),
    ).fetchall()
    records = _RecordReader()
    for folder_id, name, *bookkeeping in folders:
        rows = conn.execute(
            "SELECT uid, flags, internaldate, size, message_id, date, sender, subject, modseq"
            " FROM message WHERE folder_id = ? ORDER BY uid",
            (folder_id,),
        )
        yield _folder(name, tuple(bookkeeping), records.by_uid(rows))


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
            folder_rows.append((account, name, 1, 1, *_bookkeeping(state)))
            message_rows.extend(_present(account, name, state.messages.values()))
            continue
        changed = [
            record
            for uid, record in state.messages.items()
            if (known := old.messages.get(uid)) is not record and known != record
        ]
        gone = old.messages.keys() - state.messages.keys()
        if not changed and not gone and _bookkeeping(old) == _bookkeeping(state):
            continue
        folder_rows.append((account, name, 1, 0, *_bookkeeping(state)))
        message_rows.extend(_present(account, name, changed))
        message_rows.extend((account, name, 0, uid, *[None] * 8) for uid in sorted(gone))
    for name in base.folders.keys() - current.folders.keys():
        folder_rows.append((account, name, 0, 0, *[None] * 5))
    return folder_rows, message_rows


def _message_rows(folder_id: int, records: Iterable[MessageRecord]) -> Iterator[tuple[Any, ...]]:
    """The hot loop of a snapshot save (100,000 rows): one flat tuple per message."""
    flag_texts: dict[frozenset[str], str] = {}  # few distinct flag sets among many messages
    for r in records:
        date = r.date
        flags = flag_texts.get(r.flags)
        if flags is None:
            flags = flag_texts[r.flags] = " ".join(sorted(r.flags))
        yield (
            folder_id,
            r.uid,
            flags,
            r.internaldate.isoformat(),
            r.size,
            r.message_id,
            date.isoformat() if date else None,
            r.sender,
            r.subject,
            r.modseq,
        )


def _present(
    account: str, folder: str, records: Iterable[MessageRecord]
) -> Iterator[tuple[Any, ...]]:
    return ((account, folder, 1, *_message_row(r)) for r in records)


def _bookkeeping(state: FolderState) -> tuple[Any, ...]:
    return (
        state.uidvalidity,
        state.uidnext,
        state.highestmodseq,
        " ".join(sorted(state.special_use)),
        state.delimiter,
    )


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


def _message_row(record: MessageRecord) -> tuple[Any, ...]:
    return (
        record.uid,
        " ".join(sorted(record.flags)),
        record.internaldate.isoformat(),
        record.size,
        record.message_id,
        record.date.isoformat() if record.date else None,
        record.sender,
        record.subject,
        record.modseq,
    )


class _RecordReader:
    """Rows to MessageRecords, with one frozenset per distinct flag combination (there are few)."""

    def __init__(self) -> None:
        self._flag_sets: dict[str, frozenset[str]] = {}
        self._senders: dict[str, str] = {}

    def by_uid(self, rows: Iterable[tuple[Any, ...]]) -> dict[int, MessageRecord]:
        """The hot loop of loading a baseline (100,000 rows): positional, names bound locally.

        Columns are in MessageRecord's field order.
        """
        make, parse, flag_sets = MessageRecord, datetime.fromisoformat, self._flag_sets
        senders = self._senders
        messages: dict[int, MessageRecord] = {}
        for uid, flags, internaldate, size, message_id, date, sender, subject, modseq in rows:
            flag_set = flag_sets.get(flags)
            if flag_set is None:
                flag_set = flag_sets[flags] = frozenset(flags.split())
            messages[uid] = make(
                uid,
                flag_set,
                parse(internaldate),
                size,
                message_id,
                parse(date) if date else None,
                senders.setdefault(sender, sender),  # few senders write most mail: one copy each
                subject,
                modseq,
            )
        return messages

    def record(self, row: tuple[Any, ...]) -> MessageRecord:
        uid, flags, internaldate, size, message_id, date, sender, subject, modseq = row
        flag_set = self._flag_sets.get(flags)
        if flag_set is None:
            flag_set = self._flag_sets[flags] = frozenset(flags.split())
        return MessageRecord(
            uid=uid,
            flags=flag_set,
            internaldate=datetime.fromisoformat(internaldate),
            size=size,
            message_id=message_id,
            date=datetime.fromisoformat(date) if date else None,
            sender=sender,
            subject=subject,
            modseq=modseq,
        )


def _row_id(cursor: sqlite3.Cursor) -> int:
    if cursor.lastrowid is None:  # pragma: no cover - SQLite always sets it after INSERT
        raise sqlite3.DatabaseError("INSERT returned no row id")
    return cursor.lastrowid


def _micros(moment: datetime) -> int:
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
