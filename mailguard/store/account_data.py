"""Everything the database holds about one account, found by the schema's convention.

Every table with an ``account`` column holds rows that belong to the account
it names (see :mod:`mailguard.store.database`); the rows of the other tables
hang off those by a foreign key with ``ON DELETE CASCADE`` (a baseline's
folders and messages). A test holds the schema to that, so a table added later
is removed with its account without anyone remembering to.
"""

from __future__ import annotations

import sqlite3

from mailguard.store.database import Database


def delete_account_data(db: Database, account: str) -> None:
    """Delete the account's rows from every table, in one transaction (or the caller's)."""
    with db.transaction() as conn:
        # Rows referring to each other (the refresh state to its base baseline) go
        # together; the constraints are checked at COMMIT, when none is left dangling.
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for table in account_tables(conn):
            conn.execute(f'DELETE FROM "{table}" WHERE account = ?', (account,))  # noqa: S608 (a table name from sqlite_master)


def account_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables with an ``account`` column."""
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]
    return [
        table
        for table in tables
        if any(column[1] == "account" for column in conn.execute(f'PRAGMA table_info("{table}")'))
    ]
