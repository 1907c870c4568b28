"""Stored reports read back for a face: listings, one report as typed rows, older reports too."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mailguard.core.account import AccountConfig
from mailguard.core.model import MaintenanceWindow
from mailguard.core.refresh_report import (
    BackfilledMail,
    BackfillReason,
    CopyChange,
    FlagChange,
    FolderChanges,
    FolderRename,
    MailEntry,
    MovedMail,
    RefreshReport,
    ReportKind,
)
from mailguard.service.stored_reports import (
    CopyChange as CopyKind,
)
from mailguard.service.stored_reports import (
    FolderChange,
    FolderChangeKind,
    MailCategory,
    ReportedWindow,
    read_reports,
)
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.paths import AppPaths
from mailguard.store.report_store import ReportStore

MADE = datetime(2026, 3, 11, 1, 31, tzinfo=UTC)
BASELINE = datetime(2026, 3, 10, 20, 40, tzinfo=UTC)
WINDOW = MaintenanceWindow(
    start=datetime(2026, 3, 10, 21, 0, tzinfo=UTC),
    end=datetime(2026, 3, 11, 1, 0, tzinfo=UTC),
    title="Storage upgrade",
    source="manual",
    source_kind="manual",
)


def mail(folder: str, uid: int, subject: str, minutes: int) -> MailEntry:
    arrived = BASELINE + timedelta(minutes=minutes)
    return MailEntry(
        folder=folder,
        uid=uid,
        message_id=f"<{uid}@example.org>",
        subject=subject,
        sender="Alice <alice@example.org>",
        date=arrived - timedelta(minutes=1),
        internaldate=arrived,
        identity=f"id-{uid}",
        shown_date=arrived - timedelta(minutes=1),
    )


@pytest.fixture
def home(tmp_path: Path) -> AppPaths:
    paths = AppPaths.resolve(tmp_path / "home").ensure()
    accounts = AccountStore(paths.config_dir)
    for name in ("work", "archive"):
        accounts.add(AccountConfig(name, "imap.example.org", "me"))
    return paths


def store(home: AppPaths, report: RefreshReport) -> int:
    with Database(home.database_file) as db:
        stored = ReportStore(db).save(report, baseline_id=None)
    assert stored.id is not None
    return stored.id


def every_category() -> RefreshReport:
    return RefreshReport(
        account="work",
        created_at=MADE,
        baseline_taken_at=BASELINE,
        window=WINDOW,
        full=True,
        backfilled=(BackfilledMail(mail("INBOX", 7, "late", 30), BackfillReason.DURING_WINDOW),),
        new=(mail("INBOX", 8, "new", 200),),
        missing=(mail("Archiv", 3, "gone", -600),),
        moved=(MovedMail(mail("Archiv", 9, "moved", -500), "INBOX", 2),),
        flags_changed=(
            FlagChange(
                mail("INBOX", 4, "flags", -400),
                frozenset({"\\Seen", "$Work"}),
                frozenset({"\\Seen", "\\Flagged"}),
            ),
        ),
        folders=FolderChanges(
            added=("Neu",), removed=("Alt",), renamed=(FolderRename("Rechnungen", "Bills"),)
        ),
        sent_during_window=(mail("Sent", 5, "sent", 60),),
        copies_added=(CopyChange(mail("Work", 6, "copy", -300), ("INBOX",)),),
        preliminary_until=MADE + timedelta(minutes=15),
    )


def test_a_home_without_a_database_has_no_reports_and_looking_creates_none(
    home: AppPaths,
) -> None:
    reports = read_reports(home, None, None)

    assert reports.accounts == ("archive", "work")
    assert reports.account == "archive"  # the first, by name
    assert (reports.outlines, reports.report) == ((), None)
    assert not home.database_file.exists()


def test_a_stored_report_comes_back_as_typed_rows_in_every_category(home: AppPaths) -> None:
    number = store(home, every_category())

    reports = read_reports(home, "work", None)

    report = reports.report
    assert report is not None
    outline = report.outline
    assert (outline.id, outline.kind, outline.full, outline.preliminary) == (
        number, ReportKind.RESYNC, True, True,
    )  # fmt: skip
    assert outline.window == ReportedWindow("Storage upgrade", WINDOW.start, WINDOW.end)
    assert (report.baseline_taken_at, report.preliminary_until) == (
        BASELINE, MADE + timedelta(minutes=15),
    )  # fmt: skip
    summary = {category: [(m.folder, m.uid, m.subject) for m in rows]
               for category, rows in report.mail.items()}  # fmt: skip
    assert summary == {
        MailCategory.BACKFILLED: [("INBOX", 7, "late")],
        MailCategory.NEW: [("INBOX", 8, "new")],
        MailCategory.MISSING: [("Archiv", 3, "gone")],
        MailCategory.MOVED: [("Archiv", 9, "moved")],
        MailCategory.FLAGS_CHANGED: [("INBOX", 4, "flags")],
        MailCategory.SENT_DURING_WINDOW: [("Sent", 5, "sent")],
        MailCategory.COPIES: [("Work", 6, "copy")],
    }
    (late,) = report.mail[MailCategory.BACKFILLED]
    assert late.reason is BackfillReason.DURING_WINDOW
    assert late.shown_date == late.arrived - timedelta(minutes=1)
    assert late.message_id == "<7@example.org>"
    (moved,) = report.mail[MailCategory.MOVED]
    assert (moved.from_folder, moved.folder) == ("INBOX", "Archiv")
    (flags,) = report.mail[MailCategory.FLAGS_CHANGED]
    assert (flags.lost, flags.gained) == (("$Work",), ("\\Flagged",))
    (copy,) = report.mail[MailCategory.COPIES]
    assert (copy.copy, copy.elsewhere) == (CopyKind.ADDED, ("INBOX",))
    assert report.folders == (
        FolderChange(FolderChangeKind.ADDED, "Neu"),
        FolderChange(FolderChangeKind.REMOVED, "Alt"),
        FolderChange(FolderChangeKind.RENAMED, "Rechnungen", "Bills"),
    )
    assert reports.outlines == (outline,)
    assert outline.counts["backfilled"] == 1
    assert outline.counts["folders_renamed"] == 1


def test_the_latest_is_read_unless_another_is_asked_for_and_an_unknown_one_is_said(
    home: AppPaths,
) -> None:
    first = store(home, RefreshReport("work", MADE, BASELINE))
    latest = store(home, every_category())
    store(home, RefreshReport("archive", MADE, BASELINE))

    def shown(report_id: int | None) -> tuple[int | None, int | None]:
        reports = read_reports(home, "work", report_id)
        assert [o.id for o in reports.outlines] == [latest, first]  # only work's, newest first
        assert reports.report is not None
        return reports.report.outline.id, reports.unknown_id

    assert shown(None) == (latest, None)
    assert shown(first) == (first, None)
    assert shown(999) == (latest, 999)


def test_an_account_that_is_gone_falls_back_to_the_first(home: AppPaths) -> None:
    reports = read_reports(home, "removed meanwhile", None)

    assert reports.account == "archive"


@pytest.mark.parametrize(
    ("date", "internaldate", "shown"),
    [
        ("2026-03-10T22:00:00+00:00", "2026-03-11T01:00:00+00:00", "2026-03-10T22:00:00+00:00"),
        ("2026-03-11T01:20:00+00:00", "2026-03-11T01:00:00+00:00", "2026-03-11T01:00:00+00:00"),
        ("2026-03-12T09:00:00+00:00", "2026-03-11T01:00:00+00:00", "2026-03-11T01:00:00+00:00"),
        (None, "2026-03-11T01:00:00+00:00", "2026-03-11T01:00:00+00:00"),
    ],
    ids=["date-earlier", "date-later", "date-after-the-report", "no-date"],
)
def test_a_report_stored_before_shown_date_existed_shows_what_a_new_one_would(
    home: AppPaths, date: str | None, internaldate: str, shown: str
) -> None:
    number = store(home, RefreshReport("work", MADE, BASELINE, new=(mail("INBOX", 1, "x", 0),)))
    with Database(home.database_file) as db, db.transaction() as conn:
        (body,) = conn.execute("SELECT body FROM report WHERE id = ?", (number,)).fetchone()
        old = json.loads(body)
        old["new"][0] |= {"date": date, "internaldate": internaldate}
        del old["new"][0]["shown_date"]
        conn.execute("UPDATE report SET body = ? WHERE id = ?", (json.dumps(old), number))

    report = read_reports(home, "work", number).report

    assert report is not None
    (entry,) = report.mail[MailCategory.NEW]
    assert entry.shown_date == datetime.fromisoformat(shown)
