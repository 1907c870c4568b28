"""Settings, first run and accounts, driven as a user would: a real Dovecot, the file keyring.

The tray app runs offscreen on a fresh home, so it opens the first-run page by itself.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mailguard.core.account import AccountConfig, Security
from mailguard.core.errors import AccountError
from mailguard.core.journal import FolderOperation, OperationKind
from mailguard.service.connection_check import colon_hex
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.guard_store import ManualWindowStore
from mailguard.store.journal_store import JournalStore
from mailguard.store.secrets import PasswordVault
from mailguard.ui.app import TrayApp
from mailguard.ui.windows.settings_account_form import AccountDialog
from tests.dovecot import Dovecot, MailUser
from tests.ui.settings_driver import settings_of, type_into


def open_add_dialog(app: TrayApp, qtbot: QtBot) -> AccountDialog:
    settings = settings_of(app)
    qtbot.mouseClick(settings.welcome.add_account, Qt.MouseButton.LeftButton)
    dialog = settings.accounts.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def fill(
    qtbot: QtBot, dialog: AccountDialog, dovecot: Dovecot, user: MailUser, password: str, *,
    ca_file: bool = True,
) -> None:  # fmt: skip
    type_into(qtbot, dialog.name, "work")
    type_into(qtbot, dialog.host, dovecot.host)
    type_into(qtbot, dialog.port, str(dovecot.imaps_port))
    type_into(qtbot, dialog.user, user.name)
    type_into(qtbot, dialog.password, password)
    if ca_file:
        type_into(qtbot, dialog.ca_file, str(dovecot.ca_file))


def test_first_run_leads_to_an_account_that_is_tested_then_saved_with_its_password_in_the_keyring(
    tray_app: TrayApp, qtbot: QtBot, dovecot: Dovecot, mail_user: MailUser
) -> None:
    settings = settings_of(tray_app)
    assert settings.stack.currentWidget() is settings.welcome
    assert "maintenance" in settings.welcome.intro.text()
    assert settings.welcome.demo.isVisibleTo(settings)  # the app offers the demo
    dialog = open_add_dialog(tray_app, qtbot)
    fill(qtbot, dialog, dovecot, mail_user, mail_user.password)

    qtbot.mouseClick(dialog.test, Qt.MouseButton.LeftButton)
    assert not dialog.test.isEnabled()  # running: it cannot be started twice
    qtbot.waitUntil(lambda: "Capabilities:" in dialog.answer.toPlainText(), timeout=20_000)
    answer = dialog.answer.toPlainText()
    assert f"logged in as {mail_user.name}" in answer
    assert "IMAP4REV1" in answer and "IDLE" in answer
    assert AccountStore(tray_app.paths.config_dir).all() == []  # a test saves nothing

    with qtbot.waitSignal(tray_app.hub.accounts_changed, timeout=20_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = AccountStore(tray_app.paths.config_dir).get("work")
    assert (stored.host, stored.port, stored.user) == (
        dovecot.host, dovecot.imaps_port, mail_user.name,
    )  # fmt: skip
    assert (stored.security, stored.ca_file) == (Security.SSL, dovecot.ca_file)
    assert PasswordVault().password("work") == mail_user.password
    config_text = (tray_app.paths.config_dir / "accounts.json").read_text(encoding="utf-8")
    assert mail_user.password not in config_text
    assert settings.stack.currentWidget() is settings.accounts
    qtbot.waitUntil(lambda: settings.accounts.list.count() == 1, timeout=10_000)
    assert settings.accounts.list.item(0).text().startswith("work: ")


def test_a_wrong_password_shows_the_one_line_error_and_saves_nothing(
    tray_app: TrayApp, qtbot: QtBot, dovecot: Dovecot, mail_user: MailUser
) -> None:
    dialog = open_add_dialog(tray_app, qtbot)
    fill(qtbot, dialog, dovecot, mail_user, "wrong-password")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=20_000)
    error = dialog.status.text()
    assert "rejected the user name or password" in error
    assert "\n" not in error and "wrong-password" not in error
    assert dialog.isVisible()  # the form stays, to be corrected
    assert AccountStore(tray_app.paths.config_dir).all() == []
    with pytest.raises(AccountError):
        PasswordVault().password("work")


def test_an_unverifiable_certificate_shows_its_fingerprint_and_can_be_trusted(
    tray_app: TrayApp, qtbot: QtBot, dovecot: Dovecot, mail_user: MailUser
) -> None:
    dialog = open_add_dialog(tray_app, qtbot)
    fill(qtbot, dialog, dovecot, mail_user, mail_user.password, ca_file=False)
    qtbot.mouseClick(dialog.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.trust.isVisibleTo(dialog), timeout=20_000)
    fingerprint = colon_hex(dovecot.certificate.sha256())
    assert fingerprint in dialog.answer.toPlainText()
    assert "self-signed or from an unknown CA" in dialog.answer.toPlainText()

    qtbot.mouseClick(dialog.trust, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Capabilities:" in dialog.answer.toPlainText(), timeout=20_000)
    assert dialog.pin.text() == fingerprint
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        QTest.keyClick(dialog.password, Qt.Key.Key_Return)  # Save is the default button
    stored = AccountStore(tray_app.paths.config_dir).get("work")
    assert stored.fingerprint == dovecot.certificate.sha256() and stored.ca_file is None


def test_removing_an_account_names_what_goes_and_takes_it_after_confirmation(
    tray_app: TrayApp, qtbot: QtBot, dovecot: Dovecot, mail_user: MailUser
) -> None:
    paths = tray_app.paths
    AccountStore(paths.config_dir).add(
        AccountConfig("work", dovecot.host, mail_user.name, port=dovecot.imaps_port)
    )
    PasswordVault().store("work", mail_user.password)
    now = datetime.now(UTC)
    with Database(paths.database_file) as db:
        windows = ManualWindowStore(db, lambda: now)
        windows.add("work", now + timedelta(days=1), now + timedelta(days=1, hours=1), "a")
        windows.add("work", now + timedelta(days=2), now + timedelta(days=2, hours=1), "b")
        JournalStore(db, lambda: now).add(
            "work", FolderOperation(OperationKind.CREATE_FOLDER, "Archive")
        )
    settings = settings_of(tray_app)
    settings.show_page()
    page = settings.accounts
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=10_000)
    page.list.setCurrentRow(0)
    qtbot.mouseClick(page.remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.confirmation is not None, timeout=10_000)
    box = page.confirmation
    assert box is not None and "work" in box.text()
    details = box.informativeText()
    assert re.search(r"\b1 queued folder edit", details)
    assert re.search(r"\b2 manual maintenance window", details)
    assert "password" in details and re.search(r"\b0 snapshot", details)
    assert AccountStore(paths.config_dir).all() != []  # nothing gone before the yes

    with qtbot.waitSignal(tray_app.hub.accounts_changed, timeout=20_000):
        qtbot.mouseClick(box.findChild(QWidget, "confirmRemove"), Qt.MouseButton.LeftButton)
    assert AccountStore(paths.config_dir).all() == []
    with pytest.raises(AccountError):
        PasswordVault().password("work")
    with Database(paths.database_file) as db:
        assert ManualWindowStore(db, lambda: now).windows("work") == []
        assert JournalStore(db, lambda: now).all("work") == []
    qtbot.waitUntil(lambda: page.list.count() == 0, timeout=10_000)


def test_every_input_has_an_accessible_name_and_every_field_label_a_mnemonic(
    tray_app: TrayApp, qtbot: QtBot
) -> None:
    settings = settings_of(tray_app)
    dialog = open_add_dialog(tray_app, qtbot)
    inputs = (QLineEdit, QComboBox, QAbstractSpinBox, QListWidget, QTreeWidget, QPlainTextEdit)
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for root in (settings, dialog)
        for w in root.findChildren(QWidget)
        if isinstance(w, inputs) and not w.objectName().startswith("qt_") and w.objectName()
        and not w.accessibleName()
    ]  # fmt: skip
    assert unnamed == []
    for label in dialog.labels.values():
        assert label.buddy() is not None
    assert "&" in dialog.labels["host"].text()
    dialog.name.setFocus()
    QTest.keyClick(dialog.name, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.host  # tab order follows the form


def test_diagnostics_run_doctors_checks_and_show_each_problem_with_its_fix(
    tray_app: TrayApp, qtbot: QtBot, dovecot: Dovecot, mail_user: MailUser
) -> None:
    AccountStore(tray_app.paths.config_dir).add(
        AccountConfig(
            "work", dovecot.host, mail_user.name, port=dovecot.imaps_port,
            ca_file=dovecot.ca_file,
        )
    )  # fmt: skip
    PasswordVault().store("work", "not-the-password")
    settings = settings_of(tray_app)
    settings.show_named(settings.diagnostics)
    page = settings.diagnostics
    assert page.table.count() == 0  # they log in: run when asked only
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.count() > 0, timeout=30_000)
    rows = {
        page.table.item(i).data(Qt.ItemDataRole.UserRole): page.table.item(i).text()
        for i in range(page.table.count())
    }
    assert {"config", "keyring", "tray", "database", "account:work", "log"} <= set(rows)
    assert rows["keyring"].startswith("ok: keyring\n") and "PlaintextKeyring" in rows["keyring"]
    assert rows["tray"].startswith("problem: tray\n") and "offscreen" in rows["tray"]
    login = rows["account:work"].splitlines()
    assert login[0] == "problem: account:work"
    assert "rejected the user name or password" in login[1]
    assert login[2].startswith("Fix: ") and "password in Settings" in login[2]
    assert re.search(r"\b\d+ problem", page.status.text())


def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter of every label, button and group box shown with ``root``."""
    found = []
    for widget in root.findChildren(QWidget):
        text = widget.title() if isinstance(widget, QGroupBox) else getattr(widget, "text", None)
        if not callable(text) or not widget.isVisibleTo(root):
            continue
        shown = text() if not isinstance(widget, QGroupBox) else text
        match = re.search(r"&([^&])", shown.replace("&&", "")) if isinstance(shown, str) else None
        if match:
            found.append(match.group(1).lower())
    return found


def test_no_two_controls_of_a_page_or_the_account_form_share_a_mnemonic(
    tray_app: TrayApp, qtbot: QtBot
) -> None:
    settings = settings_of(tray_app)
    dialog = open_add_dialog(tray_app, qtbot)
    for root in [*settings.listed, settings.welcome, dialog]:
        keys = mnemonics(root)
        assert keys, type(root).__name__
        assert len(keys) == len(set(keys)), (type(root).__name__, sorted(keys))
