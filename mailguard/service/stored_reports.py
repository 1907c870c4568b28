"""An account's stored reports, read for a face that shows them (the tray's Report window).

Which reports there are, newest first, with what a listing needs (SQLite picks
those fields out, so a listing parses no mail), and one report in full, its
mail as typed rows per category. A home without a database has no reports,
and looking creates none. Rows keep typed values (moments, reasons, flags):
each face words them in its own language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from mailguard.core.refresh_report import BackfillReason, ReportKind, effective_date
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.paths import AppPaths
from mailguard.store.report_store import ReportStore


class MailCategory(StrEnum):
    """The report's lists of mail (``copies`` holds both its ``added`` and ``removed``)."""

    BACKFILLED = "backfilled"
    NEW = "new"
    MISSING = "missing"
    MOVED = "moved"
    FLAGS_CHANGED = "flags_changed"
    SENT_DURING_WINDOW = "sent_during_window"
    COPIES = "copies"


class CopyChange(StrEnum):
    ADDED = "added"
    REMOVED = "removed"


class FolderChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    RENUMBERED = "uidvalidity_changed"  # the server gave it a new UIDVALIDITY


@dataclass(frozen=True, slots=True)
class ReportedWindow:
    title: str
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class ReportOutline:
    """One stored report as a listing shows it."""

    id: int
    kind: ReportKind
    created_at: datetime
    full: bool
    preliminary: bool
    window: ReportedWindow | None
    counts: Mapping[str, int]  # the report's ``summary``: category → number, zeros included


@dataclass(frozen=True, slots=True)
class ReportedMail:
    """A message of one category; the fields after ``arrived`` belong to some categories only."""

    folder: str  # where it is now (where the baseline saw it, for missing mail)
    uid: int
    sender: str
    subject: str
    message_id: str | None
    shown_date: datetime  # the date a person is shown (see core.refresh_report.effective_date)
    arrived: datetime  # INTERNALDATE
    reason: BackfillReason | None = None  # backfilled
    from_folder: str | None = None  # moved: where it was
    lost: tuple[str, ...] = ()  # flags changed
    gained: tuple[str, ...] = ()
    copy: CopyChange | None = None  # copies
    elsewhere: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FolderChange:
    kind: FolderChangeKind
    folder: str  # for a rename: its old name
    new_name: str | None = None


@dataclass(frozen=True, slots=True)
class StoredReport:
    outline: ReportOutline
    baseline_taken_at: datetime
    preliminary_until: datetime | None
    mail: Mapping[MailCategory, tuple[ReportedMail, ...]]
    folders: tuple[FolderChange, ...]


@dataclass(frozen=True, slots=True)
class AccountReports:
    """What a report view shows: the accounts, the chosen one's reports, one report in full."""

    accounts: tuple[str, ...]
    account: str | None  # None: no account configured
    outlines: tuple[ReportOutline, ...]
    report: StoredReport | None  # None: the account has no reports
    unknown_id: int | None = None  # asked for a report the account does not have (the latest shown)


def read_reports(paths: AppPaths, account: str | None, report_id: int | None) -> AccountReports:
    """``account`` None (or one since removed): the first; ``report_id`` None: the latest."""
    accounts = tuple(a.name for a in AccountStore(paths.config_dir).all())
    chosen = account if account in accounts else (accounts[0] if accounts else None)
    if chosen is None:
        return AccountReports(accounts, None, (), None)
    with stored_reports(paths) as store:
        outlines = tuple(outline_of(o) for o in store.outlines(chosen)) if store else ()
        body = store.report(chosen, report_id) if store and report_id is not None else None
        unknown = report_id if report_id is not None and body is None else None
        if body is None and store and outlines:
            body = store.report(chosen, outlines[0].id)
    report = report_of(body) if body else None
    return AccountReports(accounts, chosen, outlines, report, unknown)


@contextmanager
def stored_reports(paths: AppPaths) -> Iterator[ReportStore | None]:
    """The report store; None before anything was stored (looking creates no database)."""
    if not paths.database_file.exists():
        yield None
        return
    with Database(paths.database_file) as db:
        yield ReportStore(db)


def outline_of(data: Mapping[str, Any]) -> ReportOutline:
    """From a stored report's JSON, or the outline ``ReportStore.outlines`` gives."""
    window = data.get("window")
    return ReportOutline(
        id=int(data["id"]),
        kind=ReportKind(data.get("kind", ReportKind.RESYNC.value)),
        created_at=_at(data["created_at"]),
        full=bool(data.get("full")),
        preliminary=bool(data.get("preliminary")),
        window=(
            ReportedWindow(window.get("title", ""), _at(window["start"]), _at(window["end"]))
            if window
            else None
        ),
        counts=dict(data.get("summary") or {}),
    )


def report_of(data: Mapping[str, Any]) -> StoredReport:
    """A stored report's public JSON as typed rows (reports stored by older versions too)."""
    made_at = _at(data["created_at"])

    def mail(entry: Mapping[str, Any], **extra: Any) -> ReportedMail:
        return ReportedMail(
            folder=entry["folder"],
            uid=int(entry["uid"]),
            sender=entry.get("from") or "",
            subject=entry.get("subject") or "",
            message_id=entry.get("message_id"),
            shown_date=shown_date(entry, made_at),
            arrived=_at(entry["internaldate"]),
            **extra,
        )

    copies = data.get("copies") or {}
    rows = {
        MailCategory.BACKFILLED: tuple(
            mail(e, reason=BackfillReason(e["reason"])) for e in data.get("backfilled", [])
        ),
        MailCategory.NEW: tuple(mail(e) for e in data.get("new", [])),
        MailCategory.MISSING: tuple(mail(e) for e in data.get("missing", [])),
        MailCategory.MOVED: tuple(
            mail(e, from_folder=e["from_folder"]) for e in data.get("moved", [])
        ),
        MailCategory.FLAGS_CHANGED: tuple(
            mail(
                e,
                lost=tuple(sorted(set(e["before"]) - set(e["after"]))),
                gained=tuple(sorted(set(e["after"]) - set(e["before"]))),
            )
            for e in data.get("flags_changed", [])
        ),
        MailCategory.SENT_DURING_WINDOW: tuple(mail(e) for e in data.get("sent_during_window", [])),
        MailCategory.COPIES: tuple(
            mail(e, copy=change, elsewhere=tuple(e.get("elsewhere", [])))
            for change in CopyChange
            for e in copies.get(change.value, [])
        ),
    }
    preliminary_until = data.get("preliminary_until")
    return StoredReport(
        outline=outline_of(data),
        baseline_taken_at=_at(data["baseline"]["taken_at"]),
        preliminary_until=_at(preliminary_until) if preliminary_until else None,
        mail=rows,
        folders=_folder_changes(data.get("folders") or {}),
    )


def shown_date(entry: Mapping[str, Any], made_at: datetime) -> datetime:
    """The stored ``shown_date``; reports stored before it existed get the same rule here."""
    if entry.get("shown_date"):
        return _at(entry["shown_date"])
    date = _at(entry["date"]) if entry.get("date") else None
    return effective_date(_at(entry["internaldate"]), date, made_at)


def _folder_changes(folders: Mapping[str, Any]) -> tuple[FolderChange, ...]:
    changes = [
        FolderChange(kind, name)
        for kind in (FolderChangeKind.ADDED, FolderChangeKind.REMOVED, FolderChangeKind.RENUMBERED)
        for name in folders.get(kind.value, [])
    ]
    changes += [
        FolderChange(FolderChangeKind.RENAMED, r["from"], r["to"])
        for r in folders.get("renamed", [])
    ]
    return tuple(changes)


def _at(iso: str) -> datetime:
    return datetime.fromisoformat(iso)
