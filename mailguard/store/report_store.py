"""Stored reports: the JSON a refresh printed, kept so ``mailguard report`` can show it again.

The body is the report's public JSON (with its ``id`` filled in), so what is
shown later is exactly what was shown then, whatever later code would compute.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from typing import Any

from mailguard.core.refresh_report import RefreshReport, ReportKind
from mailguard.store.database import Database


class ReportStore:
    """Saves reports and lists them newest first."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, report: RefreshReport, *, baseline_id: int | None) -> RefreshReport:
        """Store ``report``; return it with its ``id``. Joins the caller's transaction."""
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO report (account, kind, created_at, baseline_id, body)"
                " VALUES (?, ?, ?, ?, '')",
                (report.account, report.kind.value, report.created_at.isoformat(), baseline_id),
            )
            stored = replace(report, id=cursor.lastrowid)
            conn.execute(
                "UPDATE report SET body = ? WHERE id = ?",
                (json.dumps(stored.to_json(), ensure_ascii=False), stored.id),
            )
        return stored

    def latest(self, account: str, count: int | None = None) -> list[dict[str, Any]]:
        """The account's reports as JSON objects, newest first; all of them without ``count``."""
        rows = self._db.connection.execute(
            "SELECT body FROM report WHERE account = ? ORDER BY id DESC LIMIT ?",
            (account, -1 if count is None else count),
        )
        return [json.loads(body) for (body,) in rows]

    def report(self, account: str, report_id: int) -> dict[str, Any] | None:
        """One of the account's reports as its JSON object; None if it has no such report."""
        row = self._db.connection.execute(
            "SELECT body FROM report WHERE account = ? AND id = ?", (account, report_id)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def latest_resync(self, account: str) -> tuple[int | None, dict[str, Any]] | None:
        """The account's newest comparison (not a late-mail batch): its baseline id and JSON."""
        row = self._db.connection.execute(
            "SELECT baseline_id, body FROM report WHERE account = ? AND kind = ?"
            " ORDER BY id DESC LIMIT 1",
            (account, ReportKind.RESYNC.value),
        ).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def outlines(self, account: str, count: int | None = None) -> list[dict[str, Any]]:
        """The account's reports newest first, each as the fields a one-line listing needs.

        SQLite picks the fields out of the stored JSON, so a listing does not parse
        every mail of every report (a first resync can list 100,000 of them).
        """
        rows = self._db.connection.execute(
            "SELECT id, kind, created_at, json_extract(body, '$.full'),"
            " json_extract(body, '$.preliminary'), json_extract(body, '$.baseline'),"
            " json_extract(body, '$.window'), json_extract(body, '$.summary')"
            " FROM report WHERE account = ? ORDER BY id DESC LIMIT ?",
            (account, -1 if count is None else count),
        )
        return [
            {
                "id": report_id,
                "kind": kind,
                "account": account,
                "created_at": created_at,
                "full": bool(full),
                "preliminary": bool(preliminary),
                "baseline": json.loads(baseline),
                "window": json.loads(window) if window else None,
                "summary": json.loads(summary),
            }
            for report_id, kind, created_at, full, preliminary, baseline, window, summary in rows
        ]

    def last_resync_at(self, account: str) -> datetime | None:
        """When the account was last compared in full (``resync``), if ever."""
        row = self._db.connection.execute(
            "SELECT MAX(created_at) FROM report WHERE account = ? AND kind = ?",
            (account, ReportKind.RESYNC.value),
        ).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    def delete_account(self, account: str) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM report WHERE account = ?", (account,))
            conn.execute("DELETE FROM reported_mail WHERE account = ?", (account,))

    def reported_identities(self, account: str, window_id: str) -> set[str]:
        """Late mail the backfill watch already reported for this window."""
        rows = self._db.connection.execute(
            "SELECT identity FROM reported_mail WHERE account = ? AND window_id = ?",
            (account, window_id),
        )
        return {identity for (identity,) in rows}

    def remember_reported(self, account: str, window_id: str, identities: set[str]) -> None:
        with self._db.transaction() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO reported_mail (account, window_id, identity)"
                " VALUES (?, ?, ?)",
                [(account, window_id, identity) for identity in sorted(identities)],
            )
