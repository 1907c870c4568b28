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

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mailguard.core.errors import ConfigError

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
            self._conn = sqlite3.connect(path, isolation_level=None, timeout=10.0)
        except (sqlite3.Error, OSError) as exc:
            raise ConfigError(f"cannot open the database {path}: {exc}") from exc
        try:
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            path.chmod(0o600)
            self._migrate(migrations)
        except ConfigError:
            self._conn.close()
            raise
        except (sqlite3.Error, OSError) as exc:
            self._conn.close()
            raise ConfigError(f"cannot open the database {path}: {exc}") from exc

    @property
    def connection(self) -> sqlite3.Connection:
        return self._conn

    @property
    def version(self) -> int:
        row = self._conn.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception; joins an open transaction."""
        if self._conn.in_transaction:
            yield self._conn
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

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
