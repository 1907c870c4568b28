"""The Folders window with edits open, driven as a user would, over Dovecot and SQLite.

The tray app runs offscreen with its guard; the window reads the tree in the
account's lane and every edit goes through the gate, so each test checks the
server (and the journal) afterwards, not only what the window says.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mailguard.core.account import AccountConfig, Security
from mailguard.core.journal import EntryState
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.journal_store import JournalStore
from mailguard.store.paths import AppPaths
from mailguard.store.secrets import PasswordVault
from mailguard.ui.app import TrayApp, TrayOptions
from mailguard.ui.windows.folders import FoldersWindow
from tests.dovecot import Dovecot, MailUser, make_message
from tests.ui.test_tray_app import add_account

LANE_TIMEOUT_MS = 30_000


def fill(dovecot: Dovecot, user: MailUser, folder: str, count: int, subject: str = "Hello") -> None:
    for n in range(count):
        message = make_message(subject=f"{subject} {n}", message_id=f"<{folder}-{subject}{n}@x>")
        dovecot.deliver(user, folder, message)


@pytest.fixture
def app(
    qapp: QApplication, home: AppPaths, dovecot: Dovecot, mail_user: MailUser, qtbot: QtBot
) -> Iterator[TrayApp]:
    add_account(home, dovecot, mail_user)
    fill(dovecot, mail_user, "INBOX", 2)
    fill(dovecot, mail_user, "Archive/2026", 3)
    fill(dovecot, mail_user, "Old", 4)
    tray = TrayApp(qapp, home, TrayOptions(tick_interval_ms=3_600_000))
    with qtbot.waitSignal(tray.hub.round_finished, timeout=LANE_TIMEOUT_MS):
        tray.start()
    yield tray
    tray.shutdown()


def open_folders(app: TrayApp, qtbot: QtBot) -> FoldersWindow:
    app.windows.show_folders("work")
    window = app.windows.opened("folders")
    assert isinstance(window, FoldersWindow)
    qtbot.waitUntil(lambda: "INBOX" in tree_rows(window), timeout=LANE_TIMEOUT_MS)
    return window


def tree_rows(window: FoldersWindow) -> dict[str, str]:
    """Each row as ``indented label -> count``, in the order shown."""
    model = window.folders.model
    rows: dict[str, str] = {}

    def walk(parent: QStandardItem, depth: int) -> None:
        for row in range(parent.rowCount()):
            name, count = parent.child(row, 0), parent.child(row, 1)
            rows["  " * depth + name.text()] = count.text()
            walk(name, depth + 1)

    walk(model.invisibleRootItem(), 0)
    return rows


def button(window: QWidget, name: str) -> QPushButton:
    found = window.findChild(QPushButton, name)
    assert found is not None, name
    return found


def click(qtbot: QtBot, window: QWidget, name: str) -> None:
    target = button(window, name)
    assert target.isEnabled() and target.isVisible(), name
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)


def shown(qtbot: QtBot, window: QWidget, kind: type[QDialog], name: str) -> QDialog:
    """The visible dialog ``name`` once it is up."""

    def find() -> QDialog | None:
        return next((d for d in window.findChildren(kind, name) if d.isVisible()), None)

    qtbot.waitUntil(lambda: find() is not None, timeout=LANE_TIMEOUT_MS)
    dialog = find()
    assert dialog is not None
    return dialog


def status_says(qtbot: QtBot, window: FoldersWindow, text: str) -> None:
    qtbot.waitUntil(lambda: text in window.status.text(), timeout=LANE_TIMEOUT_MS)


def type_name(qtbot: QtBot, dialog: QDialog, name: str) -> None:
    field = dialog.findChild(QLineEdit, "folderName")
    assert field is not None
    field.clear()
    qtbot.keyClicks(field, name)


def define_rule(qtbot: QtBot, dialog: QDialog, name: str, *, subject: str, target: str) -> None:
    """Type a new rule's name, its subject condition and its target folder."""
    for field, text in (("ruleName", name), ("ruleSubject", subject)):
        edit = dialog.findChild(QLineEdit, field)
        assert edit is not None
        qtbot.keyClicks(edit, text)
    box = dialog.findChild(QComboBox, "ruleTarget")
    assert box is not None
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), target)


def ask_to_delete(qtbot: QtBot, window: FoldersWindow, folder: str, action: str) -> QMessageBox:
    """Select ``folder``, click ``action`` (delete or queue delete): the confirmation it shows."""
    assert window.folders.select(folder)
    qtbot.waitUntil(lambda: button(window, action).isEnabled(), timeout=LANE_TIMEOUT_MS)
    click(qtbot, window, action)
    box = shown(qtbot, window, QMessageBox, "confirmDelete")
    assert isinstance(box, QMessageBox)
    return box


def name_folder(qtbot: QtBot, window: FoldersWindow, action: str, name: str) -> None:
    """Click ``action`` (a new folder or a rename, now or queued) and answer with ``name``."""
    qtbot.waitUntil(lambda: button(window, action).isEnabled(), timeout=LANE_TIMEOUT_MS)
    click(qtbot, window, action)
    dialog = shown(qtbot, window, QDialog, "folderNameDialog")
    type_name(qtbot, dialog, name)
    click(qtbot, dialog, "folderNameOk")


def file_from_inbox(
    qtbot: QtBot, window: FoldersWindow, action: str, rule: str, *, subject: str, target: str
) -> None:
    """With INBOX selected, click ``action`` (move by rule, now or queued) and define ``rule``."""
    assert window.folders.select("INBOX")
    click(qtbot, window, action)
    dialog = shown(qtbot, window, QDialog, "ruleDialog")
    define_rule(qtbot, dialog, rule, subject=subject, target=target)
    click(qtbot, dialog, "ruleOk")


def journal(home: AppPaths) -> list[tuple[str, EntryState]]:
    with Database(home.database_file) as db:
        entries = JournalStore(db, lambda: datetime.now(UTC)).all("work")
    return [(e.operation.describe(), e.state) for e in entries]


def test_the_tree_shows_every_folder_by_its_hierarchy_with_message_counts(
    app: TrayApp, qtbot: QtBot
) -> None:
    window = open_folders(app, qtbot)
    rows = tree_rows(window)
    assert next(iter(rows)) == "INBOX"
    assert rows["INBOX"] == "2"
    assert rows["Archive"] == ""  # a level of the hierarchy, not a folder of its own
    assert rows["  2026"] == "3"
    assert rows["Old"] == "4"
    assert rows["Trash"] == "0"
    assert not window.closed.isVisible()  # edits are open: no banner
    assert not button(window, "queueNewFolder").isVisible()


def test_a_folder_is_created_and_renamed_through_dialogs(
    app: TrayApp, qtbot: QtBot, dovecot: Dovecot, mail_user: MailUser
) -> None:
    window = open_folders(app, qtbot)
    click(qtbot, window, "newFolder")
    dialog = shown(qtbot, window, QDialog, "folderNameDialog")
    type_name(qtbot, dialog, "Old")
    assert not button(dialog, "folderNameOk").isEnabled()  # that name is taken
    type_name(qtbot, dialog, "Projects")
    click(qtbot, dialog, "folderNameOk")
    status_says(qtbot, window, "#1: created folder 'Projects'")
    assert "Projects" in dovecot.folder_names(mail_user)
    qtbot.waitUntil(lambda: "Projects" in tree_rows(window), timeout=LANE_TIMEOUT_MS)

    assert window.folders.select("Projects")
    click(qtbot, window, "renameFolder")
    dialog = shown(qtbot, window, QDialog, "folderNameDialog")
    assert not button(dialog, "folderNameOk").isEnabled()  # unchanged
    type_name(qtbot, dialog, "Projekte")
    click(qtbot, dialog, "folderNameOk")
    status_says(qtbot, window, "#2: renamed folder 'Projects' to 'Projekte'")
    folders = dovecot.folder_names(mail_user)
    assert "Projekte" in folders and "Projects" not in folders


def test_inbox_can_be_neither_renamed_nor_deleted(app: TrayApp, qtbot: QtBot) -> None:
    window = open_folders(app, qtbot)
    assert window.folders.select("INBOX")
    for name in ("renameFolder", "deleteFolder"):
        assert not button(window, name).isEnabled()
        assert button(window, name).toolTip() == "INBOX cannot be renamed or deleted."


def test_deleting_a_folder_with_mail_names_its_count_and_happens_only_after_yes(
    app: TrayApp, qtbot: QtBot, dovecot: Dovecot, mail_user: MailUser, home: AppPaths
) -> None:
    window = open_folders(app, qtbot)
    box = ask_to_delete(qtbot, window, "Old", "deleteFolder")
    assert box.text().startswith("Delete 'Old' and its 4 message")
    assert box.text().endswith("They cannot be restored.")
    assert box.defaultButton() is box.escapeButton()  # Enter and Escape both cancel
    click(qtbot, box, "confirmNo")
    qtbot.waitUntil(lambda: not box.isVisible())
    assert dovecot.message_ids(mail_user, "Old") == Counter(
        {f"<Old-Hello{n}@x>": 1 for n in range(4)}
    )
    assert journal(home) == []

    click(qtbot, window, "deleteFolder")
    box = shown(qtbot, window, QMessageBox, "confirmDelete")
    click(qtbot, box, "confirmYes")
    status_says(qtbot, window, "#1: deleted folder 'Old' and its 4 messages")
    assert "Old" not in dovecot.folder_names(mail_user)
    qtbot.waitUntil(lambda: "Old" not in tree_rows(window), timeout=LANE_TIMEOUT_MS)


def test_an_empty_folder_is_deleted_after_a_plain_confirmation(
    app: TrayApp, qtbot: QtBot, dovecot: Dovecot, mail_user: MailUser
) -> None:
    dovecot.ensure_folder(mail_user, "Empty")
    window = open_folders(app, qtbot)
    assert window.folders.select("Empty")
    click(qtbot, window, "deleteFolder")
    box = shown(qtbot, window, QMessageBox, "confirmDelete")
    assert isinstance(box, QMessageBox)
    assert box.text() == "Delete the empty folder 'Empty'?"
    click(qtbot, box, "confirmYes")
    status_says(qtbot, window, "#1: deleted folder 'Empty'")
    assert "Empty" not in dovecot.folder_names(mail_user)


def test_a_filing_rule_is_added_runs_through_the_gate_and_can_be_removed(
    app: TrayApp, qtbot: QtBot, dovecot: Dovecot, mail_user: MailUser, home: AppPaths
) -> None:
    dovecot.deliver(mail_user, "INBOX", make_message(subject="Invoice 7", message_id="<i7@x>"))
    dovecot.ensure_folder(mail_user, "Bills")
    window = open_folders(app, qtbot)
    assert window.folders.select("INBOX")
    click(qtbot, window, "moveByRule")
    dialog = shown(qtbot, window, QDialog, "ruleDialog")
    define_rule(qtbot, dialog, "bills", subject="invoice", target="Bills")
    source = dialog.findChild(QComboBox, "ruleFolder")
    assert source is not None and source.currentText() == "INBOX"  # the folder selected
    run_now = dialog.findChild(QCheckBox, "ruleRunNow")
    assert run_now is not None and run_now.isChecked()
    click(qtbot, dialog, "ruleOk")
    status_says(qtbot, window, "#1: moved 1 message from 'INBOX' to 'Bills'")
    assert window.status.text().startswith("Added the filing rule 'bills'.")
    assert dovecot.message_ids(mail_user, "Bills") == Counter({"<i7@x>": 1})
    assert "<i7@x>" not in dovecot.message_ids(mail_user, "INBOX")
    assert journal(home) == [("move 1 message from 'INBOX' to 'Bills'", EntryState.DONE)]

    window.tabs.setCurrentWidget(window.rules)
    rules = window.rules.list
    qtbot.waitUntil(lambda: rules.topLevelItemCount() == 1, timeout=LANE_TIMEOUT_MS)
    item = rules.topLevelItem(0)
    assert [item.text(c) for c in range(4)] == [
        "bills",
        "INBOX",
        "Bills",
        "subject contains 'invoice'",
    ]
    item.setSelected(True)
    click(qtbot, window, "runRule")
    status_says(qtbot, window, "No mail matches the filing rule 'bills' now.")
    qtbot.waitUntil(lambda: button(window, "removeRule").isEnabled(), timeout=LANE_TIMEOUT_MS)
    click(qtbot, window, "removeRule")
    box = shown(qtbot, window, QMessageBox, "confirmRemoveRule")
    click(qtbot, box, "confirmYes")
    status_says(qtbot, window, "Removed the filing rule 'bills'.")
    qtbot.waitUntil(lambda: rules.topLevelItemCount() == 0, timeout=LANE_TIMEOUT_MS)


def test_with_several_accounts_a_chooser_shows_the_first_and_switches(
    qapp: QApplication, home: AppPaths, dovecot: Dovecot, mail_user: MailUser, qtbot: QtBot
) -> None:
    add_account(home, dovecot, mail_user)  # "work"
    other = dovecot.add_user()
    fill(dovecot, other, "Hobby", 5)
    AccountStore(home.config_dir).add(
        AccountConfig(
            "alpha", dovecot.host, other.name, Security.SSL, dovecot.imaps_port, dovecot.ca_file
        )
    )
    PasswordVault().store("alpha", other.password)
    tray = TrayApp(qapp, home, TrayOptions(tick_interval_ms=3_600_000))
    with qtbot.waitSignal(tray.hub.round_finished, timeout=LANE_TIMEOUT_MS):
        tray.start()
    try:
        tray.windows.show_folders(None)
        window = tray.windows.opened("folders")
        assert isinstance(window, FoldersWindow)
        assert window.account.isVisible()
        assert [window.account.itemText(i) for i in range(window.account.count())] == [
            "alpha",
            "work",
        ]
        qtbot.waitUntil(lambda: tree_rows(window).get("Hobby") == "5", timeout=LANE_TIMEOUT_MS)
        window.account.setCurrentText("work")
        qtbot.waitUntil(lambda: "Hobby" not in tree_rows(window), timeout=LANE_TIMEOUT_MS)
        qtbot.waitUntil(lambda: "INBOX" in tree_rows(window), timeout=LANE_TIMEOUT_MS)
        assert tree_rows(window)["INBOX"] == "0"
    finally:
        tray.shutdown()


def test_mail_arriving_while_the_delete_is_asked_about_stops_the_delete(
    app: TrayApp, qtbot: QtBot, dovecot: Dovecot, mail_user: MailUser, home: AppPaths
) -> None:
    window = open_folders(app, qtbot)
    box = ask_to_delete(qtbot, window, "Old", "deleteFolder")
    assert box.text().startswith("Delete 'Old' and its 4 message")
    dovecot.deliver(mail_user, "Old", make_message(message_id="<late@x>"))  # while it asks
    click(qtbot, box, "confirmYes")
    status_says(qtbot, window, "folder 'Old' now holds 5 messages, more than the 4 confirmed")
    assert dovecot.message_ids(mail_user, "Old")["<late@x>"] == 1
    assert journal(home) == []
    qtbot.waitUntil(lambda: tree_rows(window).get("Old") == "5", timeout=LANE_TIMEOUT_MS)
