"""Everything the database holds about one account: counted before a removal, erased with it."""

from __future__ import annotations

from dataclasses import dataclass

from mailguard.core.journal import EntryState
from mailguard.store.database import Database
from mailguard.store.report_store import ReportStore
from mailguard.store.snapshot_store import SnapshotStore


@dataclass(frozen=True, slots=True)
class Footprint:
    snapshots: int
    reports: int
    queued_edits: int  # queued or mid-replay: edits that will never run once it is gone
    manual_windows: int
    filing_rules: int


class AccountFootprint:
    def __init__(self, db: Database) -> None:
        self._db = db

    def count(self, account: str) -> Footprint:
        def rows(sql: str, *args: object) -> int:
            found = self._db.connection.execute(sql, (account, *args)).fetchone()
            return int(found[0]) if found else 0

        return Footprint(
            snapshots=rows("SELECT COUNT(*) FROM snapshot WHERE account = ?"),
            reports=rows("SELECT COUNT(*) FROM report WHERE account = ?"),
            queued_edits=rows(
                "SELECT COUNT(*) FROM journal_entry WHERE account = ? AND state IN (?, ?)",
                EntryState.QUEUED.value,
                EntryState.RUNNING.value,
            ),
            manual_windows=rows("SELECT COUNT(*) FROM manual_window WHERE account = ?"),
            filing_rules=rows("SELECT COUNT(*) FROM filing_rule WHERE account = ?"),
        )

    def erase(self, account: str) -> None:
        """One transaction: snapshots, reports, the journal, windows, rules, what was announced."""
        with self._db.transaction() as conn:
            SnapshotStore(self._db).delete_account(account)
            ReportStore(self._db).delete_account(account)
            for table in ("journal_entry", "manual_window", "filing_rule", "window_record"):
                conn.execute(f"DELETE FROM {table} WHERE account = ?", (account,))  # noqa: S608
