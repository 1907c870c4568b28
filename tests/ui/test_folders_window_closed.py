"""The Folders window while a maintenance window keeps edits closed: why, queue, cancel, release.

A manual window that started ten minutes ago makes the account active; one
that ended twenty minutes ago (and was compared by a resync) leaves it
settling, where edits can be opened early.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from mailguard.app.refresh_wiring import refresh_service
from mailguard.core.journal import EntryState
from mailguard.store.paths import AppPaths
from mailguard.ui.app import TrayApp, TrayOptions
from tests.dovecot import Dovecot, MailUser, make_message
from tests.ui.test_folders import (
    LANE_TIMEOUT_MS,
    ask_to_delete,
    button,
    click,
    file_from_inbox,
    fill,
    journal,
    name_folder,
    open_folders,
    shown,
    status_says,
    type_name,
)
from tests.ui.test_tray_app import add_account, add_window


def start(qapp: QApplication, home: AppPaths, qtbot: QtBot) -> TrayApp:
    tray = TrayApp(qapp, home, TrayOptions(tick_interval_ms=3_600_000))
    with qtbot.waitSignal(tray.hub.round_finished, timeout=LANE_TIMEOUT_MS):
        tray.start()
    return tray


@pytest.fixture
def app(
    qapp: QApplication, home: AppPaths, dovecot: Dovecot, mail_user: MailUser, qtbot: QtBot
) -> Iterator[TrayApp]:
    """An account in the middle of the manual window 'Storage upgrade'."""
    add_account(home, dovecot, mail_user)
    fill(dovecot, mail_user, "INBOX", 1, "Invoice")
    fill(dovecot, mail_user, "Old", 2)
    add_window(home, timedelta(minutes=-10), timedelta(hours=1), "Storage upgrade")
    tray = start(qapp, home, qtbot)
    yield tray
    tray.shutdown()


def test_during_a_window_the_actions_say_why_and_until_when_and_queue_it_journals_the_edit(
    app: TrayApp, qtbot: QtBot, dovecot: Dovecot, mail_user: MailUser, home: AppPaths
) -> None:
    window = open_folders(app, qtbot)
    assert window.folders.select("Old")
    qtbot.waitUntil(lambda: not button(window, "newFolder").isEnabled(), timeout=LANE_TIMEOUT_MS)
    for name in ("newFolder", "renameFolder", "deleteFolder", "moveByRule"):
        tip = button(window, name).toolTip()
        assert not button(window, name).isEnabled()
        assert tip.startswith("Maintenance window 'Storage upgrade' until "), tip
        assert "; folder edits open again at " in tip
    assert (
        window.closed.isVisible() and window.closed.text() == button(window, "newFolder").toolTip()
    )
    assert not button(window, "openEditsNow").isVisible()  # the window is still running

    click(qtbot, window, "queueNewFolder")
    dialog = shown(qtbot, window, QDialog, "folderNameDialog")
    assert button(dialog, "folderNameOk").text() == "&Queue creation"
    type_name(qtbot, dialog, "Later")
    click(qtbot, dialog, "folderNameOk")
    status_says(
        qtbot, window, "Queued as #1: Create folder 'Later'; it runs once edits open again at "
    )
    assert journal(home) == [("create folder 'Later'", EntryState.QUEUED)]
    assert "Later" not in dovecot.folder_names(mail_user)

    window.tabs.setCurrentWidget(window.queue)
    queue = window.queue.list
    qtbot.waitUntil(lambda: queue.topLevelItemCount() == 1, timeout=LANE_TIMEOUT_MS)
    row = queue.topLevelItem(0)
    assert [row.text(c) for c in range(3)] == ["1", "Create folder 'Later'", "queued"]
    assert window.queue.note.text().startswith("1 operation")
    row.setSelected(True)
    click(qtbot, window, "cancelQueued")
    status_says(qtbot, window, "Cancelled #1: Create folder 'Later'")
    assert journal(home) == [("create folder 'Later'", EntryState.CANCELLED)]
    qtbot.waitUntil(lambda: queue.topLevelItem(0).text(2) == "cancelled", timeout=LANE_TIMEOUT_MS)
    assert not button(window, "cancelQueued").isEnabled()


def test_a_move_into_a_folder_a_queued_delete_removes_is_refused_with_one_line(
    app: TrayApp, qtbot: QtBot, home: AppPaths, dovecot: Dovecot, mail_user: MailUser
) -> None:
    window = open_folders(app, qtbot)
    box = ask_to_delete(qtbot, window, "Old", "queueDeleteFolder")
    assert box.text().startswith("Delete 'Old' and its 2 message")
    assert "Should the folder hold more mail by then, nothing is deleted." in box.informativeText()
    click(qtbot, box, "confirmYes")
    status_says(qtbot, window, "Queued as #1: Delete folder 'Old' and its 2 message")
    queue_tab = window.tabs.indexOf(window.queue)
    qtbot.waitUntil(
        lambda: window.tabs.tabText(queue_tab).startswith("&Queued operations (1"),
        timeout=LANE_TIMEOUT_MS,
    )

    assert window.folders.select("Old")
    name_folder(qtbot, window, "queueRenameFolder", "Older")
    status_says(qtbot, window, "refused: rename folder 'Old' to 'Older': queued #1 deletes 'Old'")

    file_from_inbox(
        qtbot, window, "queueMoveByRule", "old invoices", subject="invoice", target="Old"
    )
    status_says(qtbot, window, "refused: move 1 message from 'INBOX' to 'Old': queued #1 deletes")
    assert window.status.text().startswith("Added the filing rule 'old invoices'.")
    assert journal(home) == [("delete folder 'Old' and its 2 messages", EntryState.QUEUED)]
    assert dovecot.message_ids(mail_user, "INBOX") == {"<INBOX-Invoice0@x>": 1}


def test_a_queued_move_into_a_folder_a_queued_rename_renames_follows_it_and_says_so(
    app: TrayApp, qtbot: QtBot, home: AppPaths
) -> None:
    window = open_folders(app, qtbot)
    assert window.folders.select("Old")
    name_folder(qtbot, window, "queueRenameFolder", "Older")
    status_says(qtbot, window, "Queued as #1: Rename folder 'Old' to 'Older'")

    file_from_inbox(qtbot, window, "queueMoveByRule", "invoices", subject="invoice", target="Old")
    status_says(qtbot, window, "'Old' follows queued #1, which renames it to 'Older'")
    assert "Queued as #2: Move 1 message" in window.status.text()
    assert "to 'Older'; it runs once edits open again at " in window.status.text()
    assert journal(home) == [
        ("rename folder 'Old' to 'Older'", EntryState.QUEUED),
        ("move 1 message from 'INBOX' to 'Older'", EntryState.QUEUED),
    ]


def test_after_a_window_and_a_resync_edits_can_be_opened_early(
    qapp: QApplication, home: AppPaths, dovecot: Dovecot, mail_user: MailUser, qtbot: QtBot
) -> None:
    add_account(home, dovecot, mail_user)
    dovecot.deliver(mail_user, "INBOX", make_message(message_id="<a@x>"))
    with refresh_service(home, print) as service:
        service.snapshot("work")
    add_window(home, timedelta(minutes=-50), timedelta(minutes=30), "Short upgrade")
    with refresh_service(home, print) as service:
        service.resync("work")
    tray = start(qapp, home, qtbot)
    try:
        window = open_folders(tray, qtbot)
        release = button(window, "openEditsNow")
        qtbot.waitUntil(
            lambda: release.isVisible() and release.isEnabled(), timeout=LANE_TIMEOUT_MS
        )
        assert window.closed.text().startswith("Maintenance window 'Short upgrade' ended at ")
        assert not button(window, "newFolder").isEnabled()
        click(qtbot, window, "openEditsNow")
        box = shown(qtbot, window, QMessageBox, "confirmRelease")
        assert isinstance(box, QMessageBox)
        assert "the provider may still deliver late mail until" in box.informativeText()
        click(qtbot, box, "confirmYes")
        status_says(qtbot, window, "Folder edits are open again.")
        qtbot.waitUntil(lambda: button(window, "newFolder").isEnabled(), timeout=LANE_TIMEOUT_MS)
        assert not window.closed.isVisible()
        assert not release.isVisible()
    finally:
        tray.shutdown()
