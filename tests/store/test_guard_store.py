"""The guard's memory in SQLite: announced milestones, manual windows, filing rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mailguard.core.errors import UsageError
from mailguard.core.filing_rules import FilingRule
from mailguard.core.guard import Guard, WindowRecord, guard_key
from mailguard.core.guard_policy import GuardPolicy
from mailguard.store.database import Database
from mailguard.store.guard_store import ManualWindowStore, SqliteAnnouncementLog
from mailguard.store.rule_store import RuleStore

NOW = datetime(2026, 3, 3, 20, 0, tzinfo=UTC)


def test_a_window_record_survives_reopening_the_database(tmp_path: Path) -> None:
    record = WindowRecord("k", NOW, NOW + timedelta(hours=1), False, frozenset({"b", "a"}))
    with Database(tmp_path / "m.sqlite3") as db:
        SqliteAnnouncementLog(db).put("work", record)
    with Database(tmp_path / "m.sqlite3") as db:
        assert SqliteAnnouncementLog(db).get("work", "k") == record
        assert SqliteAnnouncementLog(db).get("other", "k") is None


def test_announcements_are_made_once_even_after_a_restart(tmp_path: Path) -> None:
    with Database(tmp_path / "m.sqlite3") as db:
        window = ManualWindowStore(db, lambda: NOW).add(
            "work", NOW + timedelta(minutes=5), NOW + timedelta(hours=1), "Migration"
        )
        assert Guard(GuardPolicy(), SqliteAnnouncementLog(db)).evaluate("work", [window], NOW)
    with Database(tmp_path / "m.sqlite3") as db:
        assert Guard(GuardPolicy(), SqliteAnnouncementLog(db)).evaluate("work", [window], NOW) == []


def test_manual_windows_are_listed_per_account_and_removed_by_number(tmp_path: Path) -> None:
    with Database(tmp_path / "m.sqlite3") as db:
        store = ManualWindowStore(db, lambda: NOW)
        first = store.add("work", NOW, NOW + timedelta(hours=1), "One")
        store.add("home", NOW, NOW + timedelta(hours=2), "Two")
        assert [w.title for w in store.windows("work")] == ["One"]
        assert guard_key(first) == "manual#1"
        store.remove("work", 1)
        assert store.windows("work") == []
        with pytest.raises(UsageError, match="no manual window #2"):
            store.remove("work", 2)


def test_a_manual_window_must_end_after_it_starts(tmp_path: Path) -> None:
    with Database(tmp_path / "m.sqlite3") as db, pytest.raises(UsageError):
        ManualWindowStore(db, lambda: NOW).add("work", NOW, NOW, "x")


def test_filing_rules_are_kept_per_account_by_name(tmp_path: Path) -> None:
    rule = FilingRule("bills", "INBOX", "Bills", subject_contains="invoice")
    with Database(tmp_path / "m.sqlite3") as db:
        store = RuleStore(db)
        store.add("work", rule)
        with pytest.raises(UsageError, match="already"):
            store.add("work", rule)
        assert store.rules("work") == [rule]
        assert store.rules("home") == []
        store.remove("work", "bills")
        with pytest.raises(UsageError, match="no filing rule"):
            store.remove("work", "bills")
