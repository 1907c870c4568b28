"""The one SQLite file: connection settings, transactions, and forward-only migrations.

Per-account rows name their account in a column ``account``; rows of tables
without one hang off such rows through ``ON DELETE CASCADE``. Removing an
account relies on that (see :mod:`mailguard.store.account_data`), and a test
holds every table to it.

The schema version lives in ``PRAGMA user_version``. Each migration runs in
its own transaction together with the version bump, so a crash leaves the
file at some complete version, never between two. A file from a newer
mailguard is refused rather than guessed at.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mailguard.core.errors import ConfigError, MailguardError, StorageError

# SQLite's primary result codes (sqlite3.h) for a disk that cannot take more.
_SQLITE_PERM = 3
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_FULL = 13
_SQLITE_CORRUPT = 11
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26

#: Migrations in order; ``MIGRATIONS[n]`` takes version ``n`` to ``n + 1``. Append only.
MIGRATIONS: tuple[str, ...] = (
    # 1: baselines: snapshots of folders and messages.
    """
    CREATE TABLE snapshot (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        taken_at_us INTEGER NOT NULL
    );
    CREATE INDEX snapshot_by_account ON snapshot (account, taken_at_us);
    CREATE TABLE folder (
        id INTEGER PRIMARY KEY,
        snapshot_id INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        uidvalidity INTEGER NOT NULL,
        uidnext INTEGER NOT NULL,
        highestmodseq INTEGER,
        special_use TEXT NOT NULL,
        delimiter TEXT,
        UNIQUE (snapshot_id, name)
    );
    CREATE TABLE message (
        folder_id INTEGER NOT NULL REFERENCES folder (id) ON DELETE CASCADE,
        uid INTEGER NOT NULL,
        flags TEXT NOT NULL,
        internaldate TEXT NOT NULL,
        size INTEGER NOT NULL,
        message_id TEXT,
        date TEXT,
        sender TEXT NOT NULL,
        subject TEXT NOT NULL,
        modseq INTEGER,
        PRIMARY KEY (folder_id, uid)
    ) WITHOUT ROWID;
    """,
    # 2: reports, what the backfill watch reported, and the refresh state: the latest
    # read of each account as a difference to a baseline (see snapshot_store).
    """
    CREATE TABLE report (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL,
        baseline_id INTEGER REFERENCES snapshot (id) ON DELETE SET NULL,
        body TEXT NOT NULL
    );
    CREATE INDEX report_by_account ON report (account, id);
    CREATE TABLE reported_mail (
        account TEXT NOT NULL,
        window_id TEXT NOT NULL,
        identity TEXT NOT NULL,
        PRIMARY KEY (account, window_id, identity)
    ) WITHOUT ROWID;
    CREATE TABLE refresh_state (
        account TEXT PRIMARY KEY,
        base_id INTEGER NOT NULL REFERENCES snapshot (id),
        taken_at TEXT NOT NULL
    );
    CREATE TABLE refresh_folder (
        account TEXT NOT NULL REFERENCES refresh_state (account) ON DELETE CASCADE,
        name TEXT NOT NULL,
        present INTEGER NOT NULL,
        replaces_all INTEGER NOT NULL,
        uidvalidity INTEGER,
        uidnext INTEGER,
        highestmodseq INTEGER,
        special_use TEXT,
        delimiter TEXT,
        PRIMARY KEY (account, name)
    ) WITHOUT ROWID;
    CREATE TABLE refresh_message (
        account TEXT NOT NULL,
        folder TEXT NOT NULL,
        uid INTEGER NOT NULL,
        present INTEGER NOT NULL,
        flags TEXT,
        internaldate TEXT,
        size INTEGER,
        message_id TEXT,
        date TEXT,
        sender TEXT,
        subject TEXT,
        modseq INTEGER,
        PRIMARY KEY (account, folder, uid),
        FOREIGN KEY (account, folder) REFERENCES refresh_folder (account, name) ON DELETE CASCADE
    ) WITHOUT ROWID;
    """,
    # 3: the guard: manual windows, what was announced per window, the replay journal
    # (its id order is the replay order) and the user's filing rules.
    """
    CREATE TABLE manual_window (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account TEXT NOT NULL,
        start TEXT NOT NULL,
        end TEXT NOT NULL,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX manual_window_by_account ON manual_window (account, id);
    CREATE TABLE window_record (
        account TEXT NOT NULL,
        key TEXT NOT NULL,
        start TEXT NOT NULL,
        end TEXT NOT NULL,
        cancelled INTEGER NOT NULL,
        milestones TEXT NOT NULL,
        PRIMARY KEY (account, key)
    ) WITHOUT ROWID;
    CREATE TABLE journal_entry (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account TEXT NOT NULL,
        operation TEXT NOT NULL,
        state TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        outcome TEXT NOT NULL
    );
    CREATE INDEX journal_entry_by_account ON journal_entry (account, state, id);
    CREATE TABLE filing_rule (
        account TEXT NOT NULL,
        name TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (account, name)
    ) WITHOUT ROWID;
    """,
    # 4: each baseline folder's message count, so a refresh need not count 100,000 rows
    # to know a folder's size (NULL in folders stored before: those are counted); and
    # messages stored as fetched: the raw header block, decoded when loaded (see
    # stored_messages.stored_rows). Rows with a header leave date, sender, subject empty.
    """
    ALTER TABLE folder ADD COLUMN message_count INTEGER;
    ALTER TABLE message ADD COLUMN header BLOB;
    ALTER TABLE refresh_message ADD COLUMN header BLOB;
    """,
    # 5: a baseline is written while it is read, folder by folder, under a snapshot row
    # marked pending until the read completed (see baseline_staging); none is pending here.
    # And the digest of each baseline's Message-IDs (see identity_digest; NULL before).
    """
    ALTER TABLE snapshot ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE snapshot ADD COLUMN identity_digest BLOB;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class Database:
    """One connection to the mailguard database; stores share it so they can share a transaction.

    ``transaction()`` nests: an inner block joins the outer one, so a service
    can save a snapshot and a report atomically through two stores.
    """

    def __init__(self, path: Path, *, migrations: tuple[str, ...] = MIGRATIONS) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            _make_writable(path)
            self._conn = sqlite3.connect(path, isolation_level=None, timeout=10.0)
        except (sqlite3.Error, OSError) as exc:
            raise self._open_failure(exc) from exc
        try:
            _use_wal(self._conn)
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            path.chmod(0o600)
            self._migrate(migrations)
            self._check_tables(migrations)
        except MailguardError:
            self._conn.close()
            raise
        except (sqlite3.Error, OSError) as exc:
            self._conn.close()
            raise self._open_failure(exc) from exc

    @property
    def connection(self) -> sqlite3.Connection:
        return self._conn

    @property
    def version(self) -> int:
        row = self._conn.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception; joins an open transaction.

        A disk that is full or read-only becomes a StorageError naming the file, after
        the rollback: the database stays as it was before the transaction.
        """
        if self._conn.in_transaction:
            yield self._conn
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._rollback()
                raise
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            error = storage_error(exc, self.path)
            if error is None:
                raise
            raise error from exc

    def _rollback(self) -> None:
        # SQLite may have rolled back already (a full disk can end the transaction).
        if self._conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    def _open_failure(self, exc: sqlite3.Error | OSError) -> MailguardError:
        if isinstance(exc, sqlite3.Error):
            translated = storage_error(exc, self.path)
        else:
            translated = _os_storage_error(exc, self.path)
        return translated or ConfigError(f"cannot open the database {self.path}: {exc}")

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self, migrations: tuple[str, ...]) -> None:
        current = self.version
        if current > len(migrations):
            raise ConfigError(
                f"the database {self.path} was written by a newer mailguard "
                f"(schema {current}, this one knows {len(migrations)}); please upgrade"
            )
        for version in range(current, len(migrations)):
            with self.transaction() as conn:
                if self.version > version:
                    continue  # another process (a guard starting beside a command) was first
                for statement in _statements(migrations[version]):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")

    def _check_tables(self, migrations: tuple[str, ...]) -> None:
        """Every table the schema version promises is there: a dropped one (a hand-run
        ``DROP TABLE``) is a damaged file, said at once, not a failing query later."""
        rows = self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        missing = sorted(schema_tables(migrations) - {name for (name,) in rows})
        if missing:
            raise damaged_error(self.path, f"no table {', '.join(missing)}")


@functools.cache
def schema_tables(migrations: tuple[str, ...]) -> frozenset[str]:
    """The tables ``migrations`` make, found by running them on an empty database in memory
    (~1.5 ms, once per process)."""
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        for migration in migrations:
            for statement in _statements(migration):
                conn.execute(statement)
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return frozenset(name for (name,) in rows)


#: How long opening waits for another process switching a new file to WAL.
WAL_SWITCH_TIMEOUT_S = 10.0


def _use_wal(conn: sqlite3.Connection) -> None:
    """``journal_mode = WAL``, waiting for others opening the same new file.

    Switching the mode takes an exclusive lock, and SQLite answers "database is
    locked" at once, without its busy handler, when another process opening the
    file at the same moment holds one (six processes at once lost one in twenty
    runs); once switched, the mode is the file's, and asking again costs nothing.
    """
    deadline = time.monotonic() + WAL_SWITCH_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
        else:
            return


def _make_writable(path: Path) -> None:
    """Our own files back to 0600 before SQLite opens them.

    SQLite opens a read-only file read-only without a word, and makes the WAL
    files with the database's mode: a database once chmod-ed 0400 failed every
    write afterwards, even when made writable again after opening.
    """
    for own in (path, *_wal_files(path)):
        with contextlib.suppress(OSError):  # not there, or not ours: SQLite will say
            if own.exists() and own.stat().st_mode & 0o777 != 0o600:
                own.chmod(0o600)


def _wal_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def storage_error(exc: sqlite3.Error, path: Path) -> StorageError | None:
    """The full or read-only disk (or the damaged file) behind a SQLite error, said with the
    file; None if not that."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code == _SQLITE_FULL or (code == _SQLITE_IOERR and _disk_full(path)):
        return StorageError(f"the disk is full: cannot write the database {path}")
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return damaged_error(path, str(exc))
    if code in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN):
        found = _read_only_error(path)
        if found is None and code == _SQLITE_READONLY:  # SQLite's word: nothing to look up
            return StorageError(f"cannot write the database {path}: {exc}")
        return found
    return None


def damaged_error(path: Path, detail: str) -> StorageError:
    return StorageError(
        f"the database {path} is damaged ({detail}); restore it from a backup, "
        "or move it away to start afresh (reports are lost)"
    )


def _os_storage_error(exc: OSError, path: Path) -> StorageError | None:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageError(f"the disk is full: cannot write the database {path}")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return _read_only_error(path)
    return None


def _disk_full(path: Path) -> bool:
    try:
        return os.statvfs(path.parent).f_bavail == 0
    except OSError:
        return False


def _read_only_error(path: Path) -> StorageError | None:
    """Which cannot be written: the file, its WAL files or its folder (None: none of them).

    A ``-shm`` file another user made is not ours to make writable (_make_writable).
    """
    for candidate in (path, *_wal_files(path), path.parent):
        if candidate.exists() and not os.access(candidate, os.W_OK):
            return StorageError(f"{candidate} is read-only: cannot write the database {path}")
    return None


def _statements(script: str) -> list[str]:
    """Split a migration into statements (``executescript`` would commit our transaction).

    A piece ending in ``;`` inside a string or trigger body is not complete yet
    (``sqlite3.complete_statement``), so it is joined with the next one.
    """
    statements: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        statements.append(pending.strip())  # incomplete: let SQLite say what is wrong
    return statements
