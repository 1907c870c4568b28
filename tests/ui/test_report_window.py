"""The Report window, driven as a user would, over reports that real resyncs of Dovecot made.

The mailbox: one message in INBOX, then a snapshot, then three messages the
provider "delivers late" (dated days before the snapshot, arriving after it) in
INBOX and Bestellungen; a resync stores report #1 listing them as late mail.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTabWidget,
)
from pytestqt.qtbot import QtBot

from mailguard.app.refresh_wiring import refresh_service
from mailguard.core.account import AccountConfig, Security
from mailguard.store.account_store import AccountStore
from mailguard.store.paths import AppPaths
from mailguard.store.settings_store import SettingsStore
from mailguard.ui.context import UiContext, UiHub
from mailguard.ui.i18n import PhraseRenderer
from mailguard.ui.lanes import Lanes
from mailguard.ui.windows.report import ReportWindow
from mailguard.ui.windows.report_tab import ReportTabPage
from tests.dovecot import Dovecot, MailUser, make_message
from tests.ui.test_tray_app import add_account

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import translations  # noqa: E402

ZONE = ZoneInfo("Asia/Tokyo")  # no DST: a moment renders the same all year

#: The late mail: (folder, sender, subject, dated and arrived); listed by folder, then UID.
LATE = [
    (
        "Bestellungen",
        "Shop <shop@example.org>",
        "Bestätigung Ihrer Bestellung",
        datetime(2026, 1, 9, 8, 30, tzinfo=UTC),
    ),
    (
        "INBOX",
        "Billing <billing@example.org>",
        "Invoice 2026-01",
        datetime(2026, 1, 5, 9, 0, tzinfo=UTC),
    ),
    (
        "INBOX",
        "Billing <billing@example.org>",
        "Invoice 2026-02",
        datetime(2026, 1, 7, 23, 15, tzinfo=UTC),
    ),
]  # fmt: skip  (shown as Fri Jan 9, Mon Jan 5, Thu Jan 8: as text they sort apart from time)
BEFORE_SNAPSHOT = "dated before the snapshot"

GERMAN_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context><name>ReportWindow</name>
<message><source>Report – mailguard</source><translation>Bericht – mailguard</translation></message>
</context>
<context><name>ReportTables</name>
<message numerus="yes"><source>&amp;Late (%n)</source>
<translation><numerusform>&amp;Verspätet (%n)</numerusform>
<numerusform>&amp;Verspätet (%n)</numerusform></translation></message>
<message><source>Folder</source><translation>Ordner</translation></message>
</context>
</TS>
"""


def deliver_late(dovecot: Dovecot, user: MailUser) -> None:
    for folder, sender, subject, when in LATE:
        message = make_message(subject=subject, sender=sender, date=when)
        dovecot.deliver(user, folder, message, internaldate=when)


def resync(home: AppPaths) -> int:
    with refresh_service(home, print) as service:
        report = service.resync("work")
    assert report.id is not None
    return report.id


@pytest.fixture
def mailbox(home: AppPaths, dovecot: Dovecot, mail_user: MailUser) -> MailUser:
    """The account with report #1: the three late mails."""
    add_account(home, dovecot, mail_user)
    dovecot.ensure_folder(mail_user, "Bestellungen")
    dovecot.deliver(mail_user, "INBOX", make_message(subject="kept", message_id="<kept@x>"))
    with refresh_service(home, print) as service:
        service.snapshot("work")
    deliver_late(dovecot, mail_user)
    assert resync(home) == 1
    return mail_user


@pytest.fixture
def context(qapp: object, home: AppPaths) -> Iterator[UiContext]:
    lanes = Lanes()
    yield UiContext(
        paths=home,
        lanes=lanes,
        render=PhraseRenderer(ZONE),
        zone=ZONE,
        settings=SettingsStore(home.config_dir),
        hub=UiHub(),
        request_check=lambda: None,
        request_overview=lambda: None,
    )
    assert lanes.wait()


def open_window(
    context: UiContext, qtbot: QtBot, account: str | None = None, report_id: int | None = None
) -> ReportWindow:
    window = ReportWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.show_report(account, report_id)
    wait_loaded(window, qtbot)
    return window


def wait_loaded(window: ReportWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window._context.lanes.busy("app:reports"), timeout=10_000)
    qtbot.waitUntil(lambda: window.details.isVisible() or window.empty.isVisible())


def rows(page: ReportTabPage) -> list[list[str]]:
    proxy = page.proxy
    return [
        [proxy.index(row, column).data() for column in range(proxy.columnCount())]
        for row in range(proxy.rowCount())
    ]


def subjects(page: ReportTabPage) -> list[str]:
    return [row[2] for row in rows(page)]


def tab_titles(window: ReportWindow) -> dict[str, str]:
    return {
        key: window.tabs.tabText(window.tabs.indexOf(page)).replace("&", "")
        for key, page in window.pages.items()
    }


def click_header(page: ReportTabPage, qtbot: QtBot, column: int) -> None:
    header = page.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(column) + 4, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)


def click_row(view: QAbstractItemView, qtbot: QtBot, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_latest_report_lists_the_late_mail_with_folder_subject_dates_and_reason(
    context: UiContext, mailbox: MailUser, qtbot: QtBot
) -> None:
    window = open_window(context, qtbot)

    late = window.pages["backfilled"]
    assert window.tabs.currentWidget() is late  # the report's most urgent category
    render = context.render
    assert rows(late) == [
        [folder, sender, subject, render.date_time(when), render.date_time(when), BEFORE_SNAPSHOT]
        for folder, sender, subject, when in LATE
    ]
    assert [late.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Folder", "From", "Subject", "Date", "Arrived", "Reason",
    ]  # fmt: skip
    assert tab_titles(window) == {
        "backfilled": "Late (3)", "new": "New (0)", "missing": "Missing (0)",
        "moved": "Moved (0)", "flags_changed": "Flags changed (0)",
        "sent_during_window": "Sent during the window (0)", "copies": "Copies (0)",
        "folders": "Folders (0)",
    }  # fmt: skip
    assert window.summary.text().startswith("Report #1: incremental resync at ")
    assert "compared with the snapshot of" in window.summary.text()
    assert window.report_list.model().rowCount() == 1
    assert window.report_list.model().index(0, 4).data() == "3 late"
    assert not window.account_chooser.isVisible()  # one account: nothing to choose


def test_sorting_by_date_orders_by_time_not_by_the_text(
    context: UiContext, mailbox: MailUser, qtbot: QtBot
) -> None:
    window = open_window(context, qtbot)
    late = window.pages["backfilled"]
    by_time = ["Invoice 2026-01", "Invoice 2026-02", "Bestätigung Ihrer Bestellung"]
    by_text = [row[2] for row in sorted(rows(late), key=lambda row: row[3])]
    assert by_text != by_time  # "Fri …" sorts before "Mon …" as text: the test can tell

    click_header(late, qtbot, 3)
    assert subjects(late) == by_time
    click_header(late, qtbot, 3)
    assert subjects(late) == list(reversed(by_time))
    click_header(late, qtbot, 2)
    assert subjects(late) == sorted(by_time)


def test_each_category_shows_what_is_particular_to_it(
    context: UiContext, home: AppPaths, dovecot: Dovecot, mail_user: MailUser, qtbot: QtBot
) -> None:
    add_account(home, dovecot, mail_user)
    dovecot.ensure_folder(mail_user, "Archiv")
    for subject in ("to move", "to flag", "to lose"):
        message = make_message(subject=subject, message_id=f"<{subject.split()[1]}@x>")
        dovecot.deliver(mail_user, "INBOX", message, flags="\\Seen")
    for subject in ("bill 1", "bill 2"):
        dovecot.deliver(mail_user, "Rechnungen", make_message(subject=subject))
    with refresh_service(home, print) as service:
        service.snapshot("work")
    with dovecot.client(mail_user) as client:
        client.select_folder("INBOX")
        uid = {name: client.search(["HEADER", "Message-ID", f"<{name}@x>"])[0]
               for name in ("move", "flag", "lose")}  # fmt: skip
        client.move([uid["move"]], "Archiv")
        client.add_flags([uid["flag"]], [b"\\Flagged"])
        client.remove_flags([uid["flag"]], [b"\\Seen"])
        client.delete_messages([uid["lose"]])
        client.expunge()
        client.rename_folder("Rechnungen", "Bills")
        client.create_folder("Neu")
    resync(home)

    window = open_window(context, qtbot)

    def particular(key: str) -> list[list[str]]:
        page = window.pages[key]
        first = 0 if key == "folders" else 5  # mail tables: after folder, from, subject, dates
        return [[row[0], *row[first:]] if first else row for row in rows(page)]

    def headers(key: str) -> list[str]:
        model = window.pages[key].model
        return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]

    assert window.tabs.currentWidget() is window.pages["missing"]
    assert headers("missing")[5:] == ["UID", "Message-ID"]
    assert particular("missing") == [["INBOX", str(uid["lose"]), "<lose@x>"]]
    assert headers("moved")[5:] == ["Moved"]
    assert particular("moved") == [["Archiv", "INBOX → Archiv"]]
    assert headers("flags_changed")[5:] == ["Lost flags", "Gained flags"]
    assert particular("flags_changed") == [["INBOX", "read", "flagged"]]
    assert headers("folders") == ["Change", "Folder", "New name"]
    assert sorted(particular("folders")) == [
        ["added", "Neu", ""],
        ["renamed", "Rechnungen", "Bills"],
    ]
    titles = tab_titles(window)
    assert [titles[key] for key in ("missing", "moved", "flags_changed", "folders")] == [
        "Missing (1)", "Moved (1)", "Flags changed (1)", "Folders (2)",
    ]  # fmt: skip
    assert "Message-ID" in window.pages["missing"].description.text()  # and what to do


def test_ctrl_f_focuses_the_filter_which_narrows_the_rows_and_escape_empties_it(
    context: UiContext, mailbox: MailUser, qtbot: QtBot
) -> None:
    window = open_window(context, qtbot)
    late = window.pages["backfilled"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_box.hasFocus()
    qtbot.keyClicks(window.filter_box, "invoice")
    qtbot.waitUntil(lambda: len(rows(late)) == 2)

    assert subjects(late) == ["Invoice 2026-01", "Invoice 2026-02"]
    assert window.shown_count.text() == "2 of 3 shown"
    window.filter_box.setText("example.org")  # the sender column counts too
    qtbot.waitUntil(lambda: len(rows(late)) == 3)
    window.filter_box.setText("bestellungen")  # and the folder, ignoring case
    qtbot.waitUntil(lambda: subjects(late) == ["Bestätigung Ihrer Bestellung"])

    QTest.keyClick(window.filter_box, Qt.Key.Key_Escape)
    assert window.filter_box.text() == ""
    assert len(rows(late)) == 3
    assert window.isVisible()  # Escape emptied the filter; it did not close the window


def test_copy_puts_the_selected_rows_on_the_clipboard_as_tab_separated_text(
    context: UiContext, mailbox: MailUser, qtbot: QtBot
) -> None:
    window = open_window(context, qtbot)
    late = window.pages["backfilled"]
    render = context.render
    assert not window.copy_button.isEnabled()  # nothing selected yet

    click_row(late.table, qtbot, 1)
    QTest.keyClick(late.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    folder, sender, subject, when = LATE[1]
    header = "Folder\tFrom\tSubject\tDate\tArrived\tReason\n"
    shown = render.date_time(when)
    assert QGuiApplication.clipboard().text() == (
        header + f"{folder}\t{sender}\t{subject}\t{shown}\t{shown}\t{BEFORE_SNAPSHOT}\n"
    )
    QTest.keyClick(late.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(window.copy_button, Qt.MouseButton.LeftButton)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert [line.split("\t")[2] for line in lines[1:]] == [subject for _, _, subject, _ in LATE]
    assert window.status.text() == "Copied 3 row(s)."  # no translator: the source text


def test_export_csv_writes_the_current_tab_as_shown_in_utf8_with_iso_dates(
    context: UiContext, mailbox: MailUser, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(context, qtbot)
    late = window.pages["backfilled"]
    asked: list[str] = []

    def export(path: Path) -> list[list[str]]:
        window.choose_path = lambda suggested: asked.append(suggested) or path
        window.status.clear()
        qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.status.text().startswith("Saved"), timeout=10_000)
        with path.open(encoding="utf-8", newline="") as file:
            return list(csv.reader(file))

    def line(folder: str, sender: str, subject: str, when: datetime) -> list[str]:
        iso = when.astimezone(ZONE).isoformat()
        return [folder, sender, subject, iso, iso, BEFORE_SNAPSHOT]

    header = ["Folder", "From", "Subject", "Date", "Arrived", "Reason"]
    newest_first = sorted(LATE, key=lambda mail: mail[3], reverse=True)
    click_header(late, qtbot, 3)
    click_header(late, qtbot, 3)

    everything = tmp_path / "late mail.csv"
    assert export(everything) == [header, *(line(*mail) for mail in newest_first)]
    assert "Bestätigung".encode() in everything.read_bytes()  # UTF-8
    assert window.status.text() == f"Saved 3 row(s) to {everything}."
    window.filter_box.setText("invoice")  # and Export at once, before the table refilters
    assert export(tmp_path / "invoices.csv") == [
        header,
        *(line(*mail) for mail in newest_first if "Invoice" in mail[2]),
    ]
    assert asked == ["mailguard-work-report-1-backfilled.csv"] * 2
    assert window.export_button.isEnabled()


def test_an_export_that_cannot_be_written_says_why_in_one_line(
    context: UiContext, mailbox: MailUser, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(context, qtbot)
    window.choose_path = lambda _suggested: tmp_path / "no such folder" / "late.csv"

    qtbot.mouseClick(window.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.status.text().startswith("Nothing was saved"), timeout=10_000)

    assert "no such folder" in window.status.text()
    assert "\n" not in window.status.text()
    assert window.export_button.isEnabled()


def test_choosing_an_earlier_report_in_the_list_shows_it(
    context: UiContext, mailbox: MailUser, dovecot: Dovecot, qtbot: QtBot, home: AppPaths
) -> None:
    with dovecot.client(mailbox) as client:  # "kept" goes missing behind mailguard's back
        client.select_folder("INBOX")
        client.delete_messages(client.search(["HEADER", "Message-ID", "<kept@x>"]))
        client.expunge()
    assert resync(home) == 2
    window = open_window(context, qtbot)
    assert window.summary.text().startswith("Report #2")
    assert window.tabs.currentWidget() is window.pages["missing"]  # missing mail comes first
    assert [row[2] for row in rows(window.pages["missing"])] == ["kept"]
    listing = window.report_list.model()
    assert [listing.index(row, 0).data() for row in range(listing.rowCount())] == ["2", "1"]
    assert listing.index(0, 4).data() == "3 late, 1 missing"

    click_row(window.report_list, qtbot, 1)
    qtbot.waitUntil(lambda: window.summary.text().startswith("Report #1"), timeout=10_000)

    assert tab_titles(window)["missing"] == "Missing (0)"
    assert rows(window.pages["missing"]) == []
    assert window.tabs.currentWidget() is window.pages["missing"]  # the user's tab stays
    assert window.report_list.currentIndex().row() == 1


def test_a_stored_report_refreshes_the_list_and_replaces_the_latest_but_not_an_earlier_one(
    context: UiContext, mailbox: MailUser, qtbot: QtBot, home: AppPaths
) -> None:
    window = open_window(context, qtbot)
    listing = window.report_list.model()

    context.hub.report_stored.emit("work", resync(home))
    qtbot.waitUntil(lambda: listing.rowCount() == 2, timeout=10_000)
    assert window.summary.text().startswith("Report #2")  # the latest was shown: now the new one

    window.show_report("work", 1)
    qtbot.waitUntil(lambda: window.summary.text().startswith("Report #1"), timeout=10_000)
    context.hub.report_stored.emit("work", resync(home))
    qtbot.waitUntil(lambda: listing.rowCount() == 3, timeout=10_000)
    wait_loaded(window, qtbot)
    assert window.summary.text().startswith("Report #1")  # the user's choice stays
    assert window.report_list.currentIndex().row() == 2


def test_a_report_that_is_gone_shows_the_latest_and_says_so(
    context: UiContext, mailbox: MailUser, qtbot: QtBot
) -> None:
    window = open_window(context, qtbot, "work", 7)

    assert window.summary.text().startswith("Report #1")
    assert window.status.text() == "Report #7 is no longer stored; the latest is shown."


def test_without_a_report_the_window_says_how_one_is_made(
    context: UiContext, home: AppPaths, dovecot: Dovecot, mail_user: MailUser, qtbot: QtBot
) -> None:
    add_account(home, dovecot, mail_user)

    window = open_window(context, qtbot)

    assert window.empty.isVisible()
    assert window.empty.text() == (
        "No report yet — one is made after each maintenance window, or with Resync now."
    )
    assert not window.details.isVisible()
    assert window.resync_button.isEnabled()
    assert not window.export_button.isEnabled()
    assert not home.database_file.exists()  # looking created no database


def test_with_several_accounts_a_chooser_picks_whose_reports_are_shown(
    context: UiContext, mailbox: MailUser, dovecot: Dovecot, qtbot: QtBot, home: AppPaths
) -> None:
    AccountStore(home.config_dir).add(
        AccountConfig("archive", dovecot.host, "nobody", Security.SSL, dovecot.imaps_port)
    )
    window = open_window(context, qtbot)
    chooser = window.account_chooser
    assert chooser.isVisible()
    assert [chooser.itemText(i) for i in range(chooser.count())] == ["archive", "work"]
    assert window.empty.isVisible()  # the first account has no report yet

    chooser.setFocus()
    QTest.keyClick(chooser, Qt.Key.Key_Down)
    qtbot.waitUntil(window.details.isVisible, timeout=10_000)

    assert chooser.currentText() == "work"
    assert len(rows(window.pages["backfilled"])) == 3


def test_resync_now_runs_through_the_app_is_disabled_meanwhile_and_shows_the_new_report(
    qapp: object, home: AppPaths, mailbox: MailUser, qtbot: QtBot
) -> None:
    from mailguard.ui.app import TrayApp, TrayOptions

    app = TrayApp(qapp, home, TrayOptions(tick_interval_ms=3_600_000))  # type: ignore[arg-type]
    app.start()
    try:
        app.windows.show_report("work", None)
        window = app.windows.opened("report")
        assert isinstance(window, ReportWindow)
        wait_loaded(window, qtbot)
        assert window.resync_button.isEnabled()

        with qtbot.waitSignal(app.hub.report_stored, timeout=30_000):
            qtbot.mouseClick(window.resync_button, Qt.MouseButton.LeftButton)
            assert not window.resync_button.isEnabled()
            assert window.status.text().startswith("Resyncing…")
        qtbot.waitUntil(lambda: window.report_list.model().rowCount() == 2, timeout=10_000)

        assert window.summary.text().startswith("Report #2")
        assert window.resync_button.isEnabled()
    finally:
        app.shutdown()


def test_tab_walks_the_controls_in_reading_order(
    context: UiContext, mailbox: MailUser, qtbot: QtBot
) -> None:
    window = open_window(context, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.report_list.setFocus()
    click_row(window.pages["backfilled"].table, qtbot, 0)  # a selection: Copy is enabled
    window.report_list.setFocus()

    walked = []
    for _ in range(9):
        focused = QApplication.focusWidget()
        walked.append(focused.objectName())
        QTest.keyClick(focused, Qt.Key.Key_Tab)

    assert walked == [
        "reportList", "filterBox", "qt_tabwidget_tabbar", "table:backfilled",
        "copyRows", "exportCsv", "resyncNow", "close", "reportList",
    ]  # fmt: skip


def test_an_installed_translation_retranslates_the_open_window_and_its_tables(
    context: UiContext, mailbox: MailUser, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_window(context, qtbot)
    late = window.pages["backfilled"]
    ts, qm = tmp_path / "report_de.ts", tmp_path / "report_de.qm"
    ts.write_text(GERMAN_TS, encoding="utf-8")
    subprocess.run([translations.tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)
    german = QTranslator()
    assert german.load(str(qm))

    QCoreApplication.installTranslator(german)
    try:
        qtbot.waitUntil(lambda: tab_titles(window)["backfilled"] == "Verspätet (3)", timeout=10_000)
        assert window.windowTitle() == "Bericht – mailguard"
        assert late.model.headerData(0, Qt.Orientation.Horizontal) == "Ordner"
        assert len(rows(late)) == 3
    finally:
        QCoreApplication.removeTranslator(german)
    qtbot.waitUntil(lambda: tab_titles(window)["backfilled"] == "Late (3)", timeout=10_000)
    assert window.windowTitle() == "Report – mailguard"


def test_every_control_has_an_accessible_name_and_enter_in_the_filter_presses_nothing(
    context: UiContext, mailbox: MailUser, qtbot: QtBot
) -> None:
    window = open_window(context, qtbot)
    requested: list[str] = []
    context.hub.resync_requested.connect(requested.append)
    controls = [
        widget
        for kind in (QLineEdit, QComboBox, QPushButton, QAbstractItemView, QTabWidget)
        for widget in window.findChildren(kind)
        if widget.window() is window and not isinstance(widget, QHeaderView)
    ]  # a combo box's popup list is a window of its own; headers are part of their table
    names = {w.objectName(): w.accessibleName() for w in controls}
    assert len(names) == 16  # filter, chooser, 4 buttons, the list, the tabs, 8 tables
    assert [name for name, accessible in names.items() if not accessible] == []
    assert names["table:backfilled"] == "Late mail"

    window.filter_box.setFocus()
    QTest.keyClick(window.filter_box, Qt.Key.Key_Return)

    assert window.isVisible()
    assert requested == []
