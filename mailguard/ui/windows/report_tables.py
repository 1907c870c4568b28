"""What the Report window shows, as text: the list of reports, a summary, one table per category.

Built in a lane (a report can list tens of thousands of mails, and rendering a
moment in the user's locale takes about 18 µs): ``QCoreApplication.translate``
and Qt's locale classes are thread-safe, and nothing here touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject

from mailguard.core.refresh_report import BackfillReason, ReportKind
from mailguard.service.stored_reports import (
    AccountReports,
    CopyChange,
    FolderChange,
    FolderChangeKind,
    MailCategory,
    ReportedMail,
    ReportOutline,
    StoredReport,
)
from mailguard.ui.i18n import PhraseRenderer
from mailguard.ui.windows.report_model import Column, ColumnKind, TableData

#: The folders tab's key beside the mail categories'.
FOLDERS = "folders"

#: The tabs, in the order they are shown.
TAB_KEYS = (*(category.value for category in MailCategory), FOLDERS)

#: Which tab a freshly opened report shows: the first of these that has rows.
URGENCY = (
    MailCategory.MISSING.value,
    MailCategory.SENT_DURING_WINDOW.value,
    MailCategory.BACKFILLED.value,
    MailCategory.MOVED.value,
    MailCategory.FLAGS_CHANGED.value,
    FOLDERS,
    MailCategory.COPIES.value,
    MailCategory.NEW.value,
)

#: The columns every mail table starts with, and where the two moments are.
DATE_COLUMN, ARRIVED_COLUMN = 3, 4


@dataclass(frozen=True, slots=True)
class TabContent:
    key: str  # a MailCategory value or FOLDERS
    title: str  # with the count
    description: str
    accessible_name: str
    table: TableData


@dataclass(frozen=True, slots=True)
class ReportView:
    """Everything the window shows for one account, rendered."""

    reports: AccountReports
    listing: TableData  # the stored reports, newest first; row i is reports.outlines[i]
    summary: str
    preliminary: str  # empty unless the report is preliminary
    tabs: tuple[TabContent, ...]


class ReportTables(QObject):
    """Words and renders reports (a QObject for ``tr``; it lives only inside a lane's job)."""

    def __init__(self, render: PhraseRenderer) -> None:
        super().__init__()
        self._render = render
        self._moment_texts: dict[int, str] = {}

    def view(self, reports: AccountReports) -> ReportView:
        report = reports.report
        return ReportView(
            reports=reports,
            listing=self.listing(reports.outlines),
            summary=self.summary(report) if report else "",
            preliminary=self.preliminary(report) if report and report.outline.preliminary else "",
            tabs=self.tabs(report) if report else (),
        )

    # -- the list of stored reports --------------------------------------------------

    def listing(self, outlines: Sequence[ReportOutline]) -> TableData:
        columns = (
            Column(self.tr("#"), ColumnKind.NUMBER),
            Column(self.tr("Made"), ColumnKind.MOMENT),
            Column(self.tr("Kind")),
            Column(self.tr("Maintenance window")),
            Column(self.tr("Changes")),
        )
        cells = [
            (
                str(o.id),
                self.moment(o.created_at),
                self.kind(o),
                self.window(o),
                self.changes(o),
            )
            for o in outlines
        ]
        return TableData(columns, cells, {1: [o.created_at for o in outlines]})

    def kind(self, outline: ReportOutline) -> str:
        if outline.kind is ReportKind.BACKFILL:
            text = self.tr("Late mail (backfill watch)")
        elif outline.full:
            text = self.tr("Resync, full")
        else:
            text = self.tr("Resync, incremental")
        return self.tr("{kind}, preliminary").format(kind=text) if outline.preliminary else text

    def window(self, outline: ReportOutline) -> str:
        window = outline.window
        if window is None:
            return self.tr("No window")
        return self.tr("“{title}”, {start} – {end}").format(
            title=window.title, start=self.moment(window.start), end=self.moment(window.end)
        )

    def changes(self, outline: ReportOutline) -> str:
        counts = outline.counts

        def total(*keys: str) -> int:
            return sum(int(counts.get(key, 0)) for key in keys)

        parts = [
            (total("backfilled"), self.tr("%n late", "", total("backfilled"))),
            (total("missing"), self.tr("%n missing", "", total("missing"))),
            (
                total("sent_during_window"),
                self.tr("%n sent during the window", "", total("sent_during_window")),
            ),
            (total("moved"), self.tr("%n moved", "", total("moved"))),
            (total("flags_changed"), self.tr("%n with changed flags", "", total("flags_changed"))),
            (total("new"), self.tr("%n new", "", total("new"))),
        ]
        folders = total("folders_added", "folders_removed", "folders_renamed")
        copies = total("copies_added", "copies_removed")
        parts.append((folders, self.tr("%n folder change(s)", "", folders)))
        parts.append((copies, self.tr("%n copy change(s)", "", copies)))
        return ", ".join(text for count, text in parts if count) or self.tr("Nothing changed")

    # -- the chosen report -----------------------------------------------------------

    def summary(self, report: StoredReport) -> str:
        outline = report.outline
        if outline.kind is ReportKind.BACKFILL:
            made = self.tr(
                "Report #{number}: late mail found by the backfill watch at {made}, "
                "compared with the snapshot of {taken}."
            )
        elif outline.full:
            made = self.tr(
                "Report #{number}: full resync at {made}, compared with the snapshot of {taken}."
            )
        else:
            made = self.tr(
                "Report #{number}: incremental resync at {made}, "
                "compared with the snapshot of {taken}."
            )
        text = made.format(
            number=outline.id,
            made=self.moment(outline.created_at),
            taken=self.moment(report.baseline_taken_at),
        )
        if outline.window is not None:
            text += " " + self.tr("Maintenance window: {window}.").format(
                window=self.window(outline)
            )
        return text

    def preliminary(self, report: StoredReport) -> str:
        text = self.tr(
            "Preliminary: made before the maintenance window was over; "
            "the provider may still deliver or change mail."
        )
        if report.preliminary_until is not None:
            text += " " + self.tr("Resync after {moment} for the final comparison.").format(
                moment=self.moment(report.preliminary_until)
            )
        return text

    def tabs(self, report: StoredReport) -> tuple[TabContent, ...]:
        mail = report.mail
        late = mail[MailCategory.BACKFILLED]
        new = mail[MailCategory.NEW]
        missing = mail[MailCategory.MISSING]
        moved = mail[MailCategory.MOVED]
        flags = mail[MailCategory.FLAGS_CHANGED]
        sent = mail[MailCategory.SENT_DURING_WINDOW]
        copies = mail[MailCategory.COPIES]
        return (
            TabContent(
                MailCategory.BACKFILLED.value,
                self.tr("&Late (%n)", "", len(late)),
                self.tr(
                    "Mail that was not in the snapshot although it is dated before it or inside "
                    "the maintenance window: the provider delivered it late."
                ),
                self.tr("Late mail"),
                self.mail_table(late, (self.tr("Reason"), self.reason)),
            ),
            TabContent(
                MailCategory.NEW.value,
                self.tr("&New (%n)", "", len(new)),
                self.tr("Mail that arrived after the snapshot, dated after it."),
                self.tr("New mail"),
                self.mail_table(new),
            ),
            TabContent(
                MailCategory.MISSING.value,
                self.tr("&Missing (%n)", "", len(missing)),
                self.tr(
                    "Mail the snapshot saw that is now in no folder. What you can do: look in "
                    "your webmail, its trash too, searching for the subject or the Message-ID; "
                    "wait, as the provider may still restore it (mailguard reports mail that "
                    "comes back); or ask the provider to restore it, naming the Message-ID and "
                    "the folder and UID shown here."
                ),
                self.tr("Missing mail"),
                self.mail_table(
                    missing,
                    (self.tr("UID"), lambda m: str(m.uid)),
                    (self.tr("Message-ID"), lambda m: m.message_id or self.tr("(none)")),
                    number_columns=1,
                ),
            ),
            TabContent(
                MailCategory.MOVED.value,
                self.tr("Mo&ved (%n)", "", len(moved)),
                self.tr("Mail now in another folder than in the snapshot."),
                self.tr("Moved mail"),
                self.mail_table(
                    moved,
                    (
                        self.tr("Moved"),
                        lambda m: self.tr("{source} → {target}").format(
                            source=m.from_folder, target=m.folder
                        ),
                    ),
                ),
            ),
            TabContent(
                MailCategory.FLAGS_CHANGED.value,
                self.tr("Fla&gs changed (%n)", "", len(flags)),
                self.tr("Mail whose flags (read, flagged, answered …) changed since the snapshot."),
                self.tr("Mail with changed flags"),
                self.mail_table(
                    flags,
                    (self.tr("Lost flags"), lambda m: self.flag_words(m.lost)),
                    (self.tr("Gained flags"), lambda m: self.flag_words(m.gained)),
                ),
            ),
            TabContent(
                MailCategory.SENT_DURING_WINDOW.value,
                self.tr("&Sent during the window (%n)", "", len(sent)),
                self.tr(
                    "Mail you sent during the maintenance window. It may not have been "
                    "delivered; consider re-sending it."
                ),
                self.tr("Mail sent during the window"),
                self.mail_table(sent),
            ),
            TabContent(
                MailCategory.COPIES.value,
                self.tr("Co&pies (%n)", "", len(copies)),
                self.tr(
                    "Copies of a message that is also in another folder, added or removed "
                    "(servers such as Gmail keep one message in several folders)."
                ),
                self.tr("Copies added or removed"),
                self.mail_table(
                    copies,
                    (self.tr("Copy"), self.copy_change),
                    (self.tr("Also in"), lambda m: ", ".join(m.elsewhere)),
                ),
            ),
            TabContent(
                FOLDERS,
                self.tr("F&olders (%n)", "", len(report.folders)),
                self.tr("Folders added, removed, renamed or renumbered since the snapshot."),
                self.tr("Folder changes"),
                self.folder_table(report.folders),
            ),
        )

    def mail_table(
        self,
        mails: Sequence[ReportedMail],
        *extra: tuple[str, Callable[[ReportedMail], str]],
        number_columns: int = 0,
    ) -> TableData:
        """Folder, from, subject, date, arrived, then ``extra`` (the first ``number_columns``
        of them numbers)."""
        columns = (
            Column(self.tr("Folder")),
            Column(self.tr("From")),
            Column(self.tr("Subject")),
            Column(self.tr("Date"), ColumnKind.MOMENT),
            Column(self.tr("Arrived"), ColumnKind.MOMENT),
            *(
                Column(header, ColumnKind.NUMBER if at < number_columns else ColumnKind.TEXT)
                for at, (header, _) in enumerate(extra)
            ),
        )
        mails = sorted(mails, key=lambda m: m.folder.casefold())  # as the table's first sort
        no_subject = self.tr("(no subject)")
        cells = [
            (
                m.folder,
                m.sender,
                m.subject or no_subject,
                self.moment(m.shown_date),
                self.moment(m.arrived),
                *(text(m) for _, text in extra),
            )
            for m in mails
        ]
        moments = {
            DATE_COLUMN: [m.shown_date for m in mails],
            ARRIVED_COLUMN: [m.arrived for m in mails],
        }
        return TableData(columns, cells, moments, presorted=0)

    def folder_table(self, changes: Iterable[FolderChange]) -> TableData:
        columns = (
            Column(self.tr("Change")),
            Column(self.tr("Folder")),
            Column(self.tr("New name")),
        )
        words = {
            FolderChangeKind.ADDED: self.tr("added"),
            FolderChangeKind.REMOVED: self.tr("removed"),
            FolderChangeKind.RENAMED: self.tr("renamed"),
            FolderChangeKind.RENUMBERED: self.tr("renumbered by the server"),
        }
        cells = [(words[c.kind], c.folder, c.new_name or "") for c in changes]
        return TableData(columns, cells)

    # -- single values ---------------------------------------------------------------

    def moment(self, moment: datetime) -> str:
        """In the user's locale and zone; cached by the minute, the finest it shows."""
        minute = int(moment.timestamp()) // 60
        text = self._moment_texts.get(minute)
        if text is None:
            text = self._moment_texts[minute] = self._render.date_time(moment)
        return text

    def reason(self, mail: ReportedMail) -> str:
        if mail.reason is BackfillReason.BEFORE_BASELINE:
            return self.tr("dated before the snapshot")
        if mail.reason is BackfillReason.DURING_WINDOW:
            return self.tr("dated inside the window")
        return ""

    def copy_change(self, mail: ReportedMail) -> str:
        return self.tr("added") if mail.copy is CopyChange.ADDED else self.tr("removed")

    def flag_words(self, flags: Iterable[str]) -> str:
        """System flags in words (\\Seen: read); keywords as the server names them."""
        words = {
            "\\seen": self.tr("read"),
            "\\answered": self.tr("answered"),
            "\\flagged": self.tr("flagged"),
            "\\deleted": self.tr("deleted"),
            "\\draft": self.tr("draft"),
        }
        return ", ".join(words.get(flag.casefold(), flag) for flag in flags)
