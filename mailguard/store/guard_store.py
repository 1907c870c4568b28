"""What the guard remembers in SQLite: announced milestones per window, and manual windows.

The announcement log is what makes every event fire once per window even
across restarts; manual windows are the ones the user typed in himself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from mailguard.core.errors import UsageError
from mailguard.core.guard import WindowRecord
from mailguard.core.model import MaintenanceWindow
from mailguard.store.database import Database

MANUAL_SOURCE = "manual"


class SqliteAnnouncementLog:
    """The core's AnnouncementLog over the ``window_record`` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, account: str, key: str) -> WindowRecord | None:
        row = self._db.connection.execute(
            "SELECT start, end, cancelled, milestones, released_at FROM window_record"
            " WHERE account = ? AND key = ?",
            (account, key),
        ).fetchone()
        if row is None:
            return None
        start, end, cancelled, milestones, released_at = row
        return WindowRecord(
            key=key,
            start=datetime.fromisoformat(start),
            end=datetime.fromisoformat(end),
            cancelled=bool(cancelled),
            milestones=frozenset(m for m in str(milestones).split(",") if m),
            released_at=datetime.fromisoformat(released_at) if released_at else None,
        )

    def put(self, account: str, record: WindowRecord) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO window_record"
                " (account, key, start, end, cancelled, milestones, released_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    account,
                    record.key,
                    record.start.isoformat(),
                    record.end.isoformat(),
                    int(record.cancelled),
                    ",".join(sorted(record.milestones)),
                    record.released_at.isoformat() if record.released_at else None,
                ),
            )


class ManualWindowStore:
    """Windows the user added by hand (``mailguard window add``), per account."""

    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def add(self, account: str, start: datetime, end: datetime, title: str) -> MaintenanceWindow:
        if start.tzinfo is None or end.tzinfo is None:
            raise UsageError("a window's start and end need a time zone")
        if end <= start:
            raise UsageError("a window must end after it starts")
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO manual_window (account, start, end, title, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (account, start.isoformat(), end.isoformat(), title, self._clock().isoformat()),
            )
        return _window(int(cursor.lastrowid or 0), start, end, title)

    def remove(self, account: str, window_number: int) -> None:
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM manual_window WHERE account = ? AND id = ?", (account, window_number)
            )
        if cursor.rowcount == 0:
            raise UsageError(
                f"account {account!r} has no manual window #{window_number} "
                f"(see: mailguard window list {account})"
            )

    def windows(self, account: str) -> list[MaintenanceWindow]:
        rows = self._db.connection.execute(
            "SELECT id, start, end, title FROM manual_window WHERE account = ? ORDER BY id",
            (account,),
        ).fetchall()
        return [
            _window(int(n), datetime.fromisoformat(s), datetime.fromisoformat(e), str(t))
            for n, s, e, t in rows
        ]


def _window(number: int, start: datetime, end: datetime, title: str) -> MaintenanceWindow:
    """A manual window keeps its number as native id, so the guard follows it if edited."""
    return MaintenanceWindow(
        start=start,
        end=end,
        title=title or "manual maintenance window",
        source=MANUAL_SOURCE,
        source_kind="manual",
        native_id=str(number),
    )
