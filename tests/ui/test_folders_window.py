"""The Folders window against a real Dovecot: the tree, edits through the gate, the queue, rules."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from mailguard.core.filing_rules import FilingRule
from mailguard.store.database import Database
from mailguard.store.guard_store import ManualWindowStore
from mailguard.store.journal_store import JournalStore
from mailguard.store.paths import AppPaths
from mailguard.ui.app import TrayApp
from mailguard.ui.windows.folders import NAME_ROLE, FoldersWindow, RuleDialog
from tests.dovecot import Dovecot, MailUser, make_message
from tests.ui.test_tray_app import add_account


@pytest.fixture
def window(
    tray_app: TrayApp, home: AppPaths, dovecot: Dovecot, mail_user: MailUser, qtbot: QtBot
) -> Iterator[FoldersWindow]:
    add_account(home, dovecot, mail_user)
    for n in range(3):
        dovecot.deliver(mail_user, "Archive/2026", make_message(message_id=f"<a{n}@x>"))
    dovecot.deliver(mail_user, "INBOX", make_message(subject="Invoice 7", message_id="<i@x>"))
    tray_app.windows.show_folders("work")
    opened = tray_app.windows.opened("folders")
    assert isinstance(opened, FoldersWindow)
    wait_loaded(opened, qtbot)
    yield opened
    tray_app.lanes.wait()


def wait_loaded(window: FoldersWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(
        lambda: window.refresh_button.isEnabled() and window.tree_model.rowCount() > 0,
        timeout=15_000,
    )
    qtbot.waitUntil(
        lambda: window.create_button.isEnabled() or window.queue_create.isEnabled(),
        timeout=15_000,
    )


def select(window: FoldersWindow, folder: str) -> None:
    def find(parent: QModelIndex) -> QModelIndex | None:
        for row in range(window.tree_model.rowCount(parent)):
            index = window.tree_model.index(row, 0, parent)
            if index.data(NAME_ROLE) == folder:
                return index
            found = find(index)
            if found is not None:
                return found
        return None

    index = find(QModelIndex())
    assert index is not None, folder
    window.tree.setCurrentIndex(index)


def counts(window: FoldersWindow) -> dict[str, str]:
    found: dict[str, str] = {}

    def walk(parent: QModelIndex) -> None:
        for row in range(window.tree_model.rowCount(parent)):
            index = window.tree_model.index(row, 0, parent)
            name = index.data(NAME_ROLE)
            if name:
                found[str(name)] = str(index.siblingAtColumn(1).data())
            walk(index)

    walk(QModelIndex())
    return found


def test_the_tree_shows_the_hierarchy_with_message_counts(window: FoldersWindow) -> None:
    found = counts(window)
    assert (found["INBOX"], found["Archive/2026"]) == ("1", "3")
    assert "No maintenance window near" in window.banner.text()
    assert not window.queue_create.isVisible()


def test_a_new_folder_is_created_through_the_gate(
    window: FoldersWindow, qtbot: QtBot, dovecot: Dovecot, mail_user: MailUser
) -> None:
    window.ask_text = lambda _title, _label, _text: "Projects"
    qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Projects" in window.status.text(), timeout=15_000)
    assert "created folder 'Projects'" in window.status.text(), window.status.text()
    assert "Projects" in dovecot.folder_names(mail_user)
    qtbot.waitUntil(lambda: "Projects" in counts(window))


def test_deleting_a_folder_with_mail_asks_naming_the_count_and_no_means_no(
    window: FoldersWindow, qtbot: QtBot, dovecot: Dovecot, mail_user: MailUser
) -> None:
    questions: list[str] = []
    window.confirm = lambda _title, question: questions.append(question) or False
    select(window, "Archive/2026")
    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    assert "Delete 'Archive/2026' and its 3 messages?" in questions[0]
    assert "Archive/2026" in dovecot.folder_names(mail_user)

    window.confirm = lambda _title, _question: True
    qtbot.mouseClick(window.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "deleted folder 'Archive/2026' and its 3 messages" in window.status.text(),
        timeout=15_000,
    )
    assert "Archive/2026" not in dovecot.folder_names(mail_user)


def test_during_a_window_edits_are_disabled_with_why_and_can_be_queued_and_cancelled(
    window: FoldersWindow, qtbot: QtBot, home: AppPaths, tray_app: TrayApp
) -> None:
    now = datetime.now(UTC)
    with Database(home.database_file) as db:
        ManualWindowStore(db, lambda: now).add(
            "work", now - timedelta(minutes=5), now + timedelta(hours=1), "Storage upgrade"
        )
    window.reload()
    qtbot.waitUntil(window.queue_create.isEnabled, timeout=15_000)
    assert not window.create_button.isEnabled()
    assert "Maintenance window 'Storage upgrade'" in window.create_button.toolTip()
    assert "folder edits wait until" in window.banner.text()

    window.ask_text = lambda _title, _label, _text: "Later"
    qtbot.mouseClick(window.queue_create, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Queued" in window.status.text(), timeout=15_000)
    assert window.status.text().startswith("Queued as #1"), window.status.text()
    with Database(home.database_file) as db:
        (entry,) = JournalStore(db, lambda: now).open_entries("work")
    assert entry.operation.folder == "Later"
    qtbot.waitUntil(lambda: window.queue.count() == 1)
    assert window.tabs.tabText(2) == "&Queue (1)"

    window.queue.setCurrentRow(0)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.status.text() == "Cancelled #1.", timeout=15_000)
    qtbot.waitUntil(lambda: "cancelled: create folder 'Later'" in window.queue.item(0).text())


def test_an_edit_the_queue_plan_refuses_shows_its_one_line(
    window: FoldersWindow, qtbot: QtBot, home: AppPaths
) -> None:
    now = datetime.now(UTC)
    with Database(home.database_file) as db:
        ManualWindowStore(db, lambda: now).add(
            "work", now - timedelta(minutes=5), now + timedelta(hours=1), "Storage upgrade"
        )
    window.reload()
    qtbot.waitUntil(window.queue_create.isEnabled, timeout=15_000)
    window.confirm = lambda _title, _question: True
    select(window, "Archive/2026")
    assert window.queue_delete.isEnabled()
    qtbot.mouseClick(window.queue_delete, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.status.text().startswith("Queued as #1"), timeout=15_000)
    qtbot.waitUntil(window.queue_create.isEnabled, timeout=15_000)  # reloaded
    select(window, "Archive/2026")
    window.ask_text = lambda _title, _label, _text: "Archiv"
    qtbot.mouseClick(window.queue_rename, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "queued #1 deletes 'Archive/2026' first" in window.status.text())


def test_a_filing_rule_added_and_run_moves_the_matching_mail(
    window: FoldersWindow, qtbot: QtBot, dovecot: Dovecot, mail_user: MailUser
) -> None:
    def fill_in(folders: list[str]) -> FilingRule:
        dialog = RuleDialog(window, folders)
        qtbot.keyClicks(dialog.name, "bills")
        dialog.source.setCurrentText("INBOX")
        dialog.target.setCurrentText("Archive/2026")
        qtbot.keyClicks(dialog.subject, "invoice")
        return dialog.rule()

    window.edit_rule = fill_in
    window.tabs.setCurrentIndex(1)
    qtbot.mouseClick(window.add_rule_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.rules.count() == 1, timeout=15_000)
    assert window.rules.item(0).text().startswith("bills: INBOX → Archive/2026 (subject “invoice”)")
    window.rules.setCurrentRow(0)
    qtbot.mouseClick(window.run_rule_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "moved 1 message" in window.status.text(), timeout=15_000)
    assert dovecot.message_ids(mail_user, "Archive/2026")["<i@x>"] == 1
