"""The SQLite file: WAL, foreign keys, and a schema that only ever migrates forward."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mailguard.core.errors import ConfigError
from mailguard.store.account_data import account_tables, delete_account_data
from mailguard.store.database import MIGRATIONS, SCHEMA_VERSION, Database


def tables(db: Database) -> set[str]:
    rows = db.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {name for (name,) in rows}


def test_a_new_database_is_at_the_current_schema_version(tmp_path: Path) -> None:
    with Database(tmp_path / "m.sqlite3") as db:
        assert db.version == SCHEMA_VERSION
        assert {"snapshot", "folder", "message", "report", "refresh_state"} <= tables(db)


def test_the_database_uses_wal_and_enforces_foreign_keys(tmp_path: Path) -> None:
    with Database(tmp_path / "m.sqlite3") as db:
        assert db.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError):
            db.connection.execute(
                "INSERT INTO folder (snapshot_id, name, uidvalidity, uidnext, special_use)"
                " VALUES (999, 'INBOX', 1, 1, '')"
            )


def test_the_database_file_is_private(tmp_path: Path) -> None:
    with Database(tmp_path / "m.sqlite3") as db:
        assert db.path.stat().st_mode & 0o077 == 0


def test_a_version_1_database_migrates_to_the_current_version_keeping_its_data(
    tmp_path: Path,
) -> None:
    path = tmp_path / "m.sqlite3"
    with Database(path, migrations=MIGRATIONS[:1]) as old:
        assert old.version == 1
        assert "report" not in tables(old)
        old.connection.execute(
            "INSERT INTO snapshot (account, taken_at, taken_at_us)"
            " VALUES ('work', '2026-03-03T12:00:00+00:00', 1)"
        )
    with Database(path) as db:
        assert db.version == SCHEMA_VERSION
        assert "report" in tables(db)
        assert db.connection.execute("SELECT account FROM snapshot").fetchall() == [("work",)]


def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite3"
    Database(path, migrations=MIGRATIONS[:1]).close()
    broken = (*MIGRATIONS[:1], "CREATE TABLE fine (x); CREATE TABLE broken (")
    with pytest.raises(ConfigError, match="cannot open the database"):
        Database(path, migrations=broken)
    with Database(path, migrations=MIGRATIONS[:1]) as db:
        assert db.version == 1
        assert "fine" not in tables(db)


def test_a_database_from_a_newer_mailguard_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite3"
    Database(path).close()
    with pytest.raises(ConfigError, match="newer mailguard"):
        Database(path, migrations=MIGRATIONS[:1])


def test_a_database_whose_folder_cannot_be_made_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")

    with pytest.raises(ConfigError, match="cannot open the database"):
        Database(tmp_path / "file" / "m.sqlite3")


def test_an_inner_transaction_joins_the_outer_one(tmp_path: Path) -> None:
    with Database(tmp_path / "m.sqlite3") as db:
        with pytest.raises(RuntimeError), db.transaction() as conn:
            with db.transaction() as inner:
                inner.execute(
                    "INSERT INTO report (account, kind, created_at, body)"
                    " VALUES ('a', 'resync', 'x', '{}')"
                )
            conn.execute("SELECT 1")
            raise RuntimeError("boom")
        assert db.connection.execute("SELECT COUNT(*) FROM report").fetchone()[0] == 0


def test_every_row_belongs_to_an_account_or_hangs_off_one_that_does(tmp_path: Path) -> None:
    """The convention removing an account relies on (store.account_data): a table either
    names the account, or each of its rows goes with a row that does (ON DELETE CASCADE)."""
    with Database(tmp_path / "mailguard.sqlite3") as db:
        conn = db.connection
        owned = set(account_tables(conn))
        tables = {
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        cascades = {
            table: {
                row[2]  # the parent table
                for row in conn.execute(f'PRAGMA foreign_key_list("{table}")')
                if row[6].upper() == "CASCADE"  # on_delete
            }
            for table in tables
        }
    reached = set(owned)
    while grown := {t for t in tables - reached if cascades[t] & reached}:
        reached |= grown
    assert tables - reached == set()
    assert {"journal_entry", "manual_window", "filing_rule", "window_record", "snapshot"} <= owned


def test_deleting_an_account_leaves_no_dangling_reference(tmp_path: Path) -> None:
    """A refresh state refers to its base baseline: both go in one transaction."""
    with Database(tmp_path / "mailguard.sqlite3") as db:
        conn = db.connection
        for account in ("work", "home"):
            base = conn.execute(
                "INSERT INTO snapshot (account, taken_at, taken_at_us) VALUES (?, '', 0)",
                (account,),
            ).lastrowid
            conn.execute(
                "INSERT INTO refresh_state (account, base_id, taken_at) VALUES (?, ?, '')",
                (account, base),
            )
        delete_account_data(db, "work")
        assert conn.execute("SELECT account FROM snapshot").fetchall() == [("home",)]
        assert conn.execute("SELECT account FROM refresh_state").fetchall() == [("home",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_processes_opening_a_new_database_at_once_migrate_it_once(tmp_path: Path) -> None:
    """A guard starting beside a one-shot command: both find schema 0, one migrates."""
    path = tmp_path / "mailguard.sqlite3"
    probe = (
        "import sys, time\n"
        "from mailguard.store.database import Database\n"
        "time.sleep(max(0.0, float(sys.argv[2]) - time.time()))\n"
        "Database(__import__('pathlib').Path(sys.argv[1])).close()\n"
    )
    start = f"{time.time() + 1.0:.3f}"  # all of them at the same moment
    openers = [
        subprocess.Popen([sys.executable, "-c", probe, str(path), start], stderr=subprocess.PIPE)
        for _ in range(6)
    ]
    errors = [opener.communicate(timeout=60)[1].decode() for opener in openers]
    assert [opener.returncode for opener in openers] == [0] * 6, errors
    with Database(path) as db:
        assert db.version == SCHEMA_VERSION
