"""The Accounts page: the accounts mailguard looks after; add, edit, remove (confirmed)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mailguard.core.account import AccountConfig
from mailguard.service.account_setup import AccountSetup, Removal
from mailguard.store.account_footprint import Footprint
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.secrets import PasswordVault
from mailguard.ui.context import UiContext
from mailguard.ui.windows.settings_account_form import AccountDialog
from mailguard.ui.windows.settings_page import SettingsPage, confirm_removal, read_accounts


class AccountsPage(SettingsPage):
    #: An account was added (its name): the window moves on from the first-run page.
    account_added = Signal(str)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.status.setObjectName("accountsStatus")
        self.accounts: list[AccountConfig] = []
        self.dialog: AccountDialog | None = None
        self.confirmation: QMessageBox | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("accountList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_account())
        self.list.currentRowChanged.connect(self._selection_changed)
        self.add = QPushButton(self)
        self.add.setObjectName("addAccount")
        self.add.clicked.connect(self.add_account)
        self.edit = QPushButton(self)
        self.edit.setObjectName("editAccount")
        self.edit.clicked.connect(self.edit_account)
        self.remove = QPushButton(self)
        self.remove.setObjectName("removeAccount")
        self.remove.clicked.connect(self.remove_account)
        self.work.hold_while_busy(self.add, self.edit, self.remove)
        self.work.when_idle(self._selection_changed)
        buttons = QHBoxLayout()
        for button in (self.add, self.edit, self.remove):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        context.hub.accounts_changed.connect(self.reload)
        self.retranslate()
        self._selection_changed()

    def title(self) -> str:
        return self.tr("Accounts")

    def reload(self) -> None:
        self.work.run(read_accounts(self.context.paths), self._show)

    def selected(self) -> AccountConfig | None:
        row = self.list.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    # -- add and edit --------------------------------------------------------------------

    def add_account(self) -> None:
        self._open_dialog(None)

    def edit_account(self) -> None:
        account = self.selected()
        if account is not None:
            self._open_dialog(account)

    def _open_dialog(self, account: AccountConfig | None) -> None:
        dialog = AccountDialog(self.context, account, self)
        dialog.saved.connect(lambda name: self._saved(name, added=account is None))
        self.dialog = dialog
        dialog.open()

    def _saved(self, name: str, *, added: bool) -> None:
        self.status.setText(
            self.tr("Account {name} added.").format(name=name)
            if added
            else self.tr("Account {name} saved.").format(name=name)
        )
        self.context.hub.accounts_changed.emit()
        self.context.request_check()
        if added:
            self.account_added.emit(name)

    # -- remove --------------------------------------------------------------------------

    def remove_account(self) -> None:
        """Count what goes with it (in a lane), then ask, naming it."""
        account = self.selected()
        if account is None:
            return
        paths = self.context.paths

        def count() -> Footprint:
            with Database(paths.database_file) as db:
                return _setup(self.context).footprint(account.name, db)

        self.work.run(count, lambda footprint: self._confirm(account.name, footprint))

    def _confirm(self, name: str, footprint: Footprint) -> None:
        lost = [
            self.tr("its password in the keyring"),
            self.tr("%n snapshot(s)", "", footprint.snapshots),
            self.tr("%n report(s)", "", footprint.reports),
            self.tr("%n queued folder edit(s), which will not run", "", footprint.queued_edits),
            self.tr("%n manual maintenance window(s)", "", footprint.manual_windows),
            self.tr("%n filing rule(s)", "", footprint.filing_rules),
        ]
        self.confirmation = confirm_removal(
            self,
            "confirmRemoveAccount",
            title=self.tr("Remove account – mailguard"),
            question=self.tr("Remove the account {name}?").format(name=name),
            details=self.tr("This also removes:")
            + "\n"
            + "\n".join(f"• {item}" for item in lost)
            + "\n\n"
            + self.tr("The mail on the server stays as it is."),
            remove=lambda: self._remove(name),
        )

    def _remove(self, name: str) -> None:
        paths, context = self.context.paths, self.context

        def remove() -> Removal:
            with Database(paths.database_file) as db:
                return _setup(context).remove(name, db)

        busy = self.tr("Removing {name}…").format(name=name)
        self.work.run(remove, self._removed, busy_text=busy, lane=UiContext.lane(name))

    def _removed(self, removal: Removal) -> None:
        text = self.tr("Account {name} removed.").format(name=removal.account)
        if removal.keyring_problem:
            text += " " + removal.keyring_problem
        self.status.setText(text)
        self.context.hub.accounts_changed.emit()
        self.context.request_overview()

    # -- showing -------------------------------------------------------------------------

    def _show(self, accounts: list[AccountConfig]) -> None:
        chosen = self.selected()
        self.accounts = accounts
        self.list.clear()
        for account in accounts:
            item = QListWidgetItem(self._line(account))
            item.setData(Qt.ItemDataRole.UserRole, account.name)
            self.list.addItem(item)
        names = [a.name for a in accounts]
        if chosen is not None and chosen.name in names:
            self.list.setCurrentRow(names.index(chosen.name))
        elif accounts:
            self.list.setCurrentRow(0)
        self._selection_changed()

    def _line(self, account: AccountConfig) -> str:
        return self.tr("{name}: {user} at {host}:{port}").format(
            name=account.name,
            user=account.user,
            host=account.host,
            port=account.effective_port,
        )

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        self.edit.setEnabled(chosen)
        self.remove.setEnabled(chosen)

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Accounts"))
        self.add.setText(self.tr("&Add…"))
        self.add.setAccessibleName(self.tr("Add an account"))
        self.edit.setText(self.tr("&Edit…"))
        self.edit.setAccessibleName(self.tr("Edit the chosen account"))
        self.remove.setText(self.tr("&Remove…"))
        self.remove.setAccessibleName(self.tr("Remove the chosen account"))
        for row, account in enumerate(self.accounts):
            item = self.list.item(row)
            if item is not None:
                item.setText(self._line(account))


def _setup(context: UiContext) -> AccountSetup:
    return AccountSetup(AccountStore(context.paths.config_dir), PasswordVault())
