"""The Folders window: an account's folders, filing rules and queued operations.

Every edit goes through the guard's gate on the account's lane (see
``folders_desk``); while a maintenance window keeps edits closed the window
says so at the top, each action says why it is disabled and until when, and
"Queue …" journals it to run afterwards. After a window and a resync, edits
can be opened early ("Open edits now…", the CLI's ``release``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mailguard.core.errors import MailguardError
from mailguard.core.guard_policy import GuardState
from mailguard.service.operation_gate import Replayed
from mailguard.store.account_store import AccountStore
from mailguard.ui.context import UiContext
from mailguard.ui.windows import folders_work as work
from mailguard.ui.windows.folders_desk import FolderDesk
from mailguard.ui.windows.folders_dialogs import confirm
from mailguard.ui.windows.folders_queue import QueueTab
from mailguard.ui.windows.folders_rules import RulesTab
from mailguard.ui.windows.folders_tree import FolderTreeTab


class FoldersWindow(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setObjectName("foldersWindow")
        self.setWindowTitle(self.tr("Folders – mailguard"))
        self.resize(820, 520)
        self.desk = FolderDesk(context, self)
        layout = QVBoxLayout(self)

        chooser = QHBoxLayout()
        self.account_label = QLabel(self.tr("&Account:"), self)
        self.account = QComboBox(self)
        self.account.setObjectName("account")
        self.account.setAccessibleName(self.tr("Account"))
        self.account_label.setBuddy(self.account)
        chooser.addWidget(self.account_label)
        chooser.addWidget(self.account, 1)
        layout.addLayout(chooser)

        banner = QHBoxLayout()
        self.closed = QLabel(self)
        self.closed.setObjectName("editsClosed")
        self.closed.setWordWrap(True)
        banner.addWidget(self.closed, 1)
        self.open_edits = QPushButton(self.tr("&Open edits now…"), self)
        self.open_edits.setObjectName("openEditsNow")
        self.open_edits.setAccessibleName(self.tr("Open folder edits now"))
        self.open_edits.clicked.connect(self._confirm_release)
        banner.addWidget(self.open_edits)
        layout.addLayout(banner)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("folderTabs")
        self.folders = FolderTreeTab(self.desk, self)
        self.rules = RulesTab(self.desk, self)
        self.queue = QueueTab(self.desk, self)
        self.tabs.addTab(self.folders, self.tr("&Folders"))
        self.tabs.addTab(self.rules, self.tr("Filing r&ules"))
        self.tabs.addTab(self.queue, self.tr("&Queued operations"))
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.desk.reload)

        self.status = QLabel(self)
        self.status.setObjectName("folderStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)

        self.account.currentIndexChanged.connect(self._account_chosen)
        self.desk.said.connect(self._say)
        self.desk.changed.connect(self._show_standing)
        self.desk.journal_read.connect(self._show_standing)
        self.desk.journal_read.connect(self._count_waiting)
        context.hub.accounts_changed.connect(lambda: self.show_account(self.desk.account))
        self._show_standing()

    def show_account(self, account: str | None) -> None:
        """Show ``account`` (None: the one shown, else the first); the chooser lists them all."""
        try:
            names = [a.name for a in AccountStore(self._context.paths.config_dir).all()]
        except MailguardError as error:
            names = []
            self._say(str(error), True)
        wanted = account if account in names else self.desk.account
        if wanted not in names:
            wanted = names[0] if names else None
        self.account.blockSignals(True)
        self.account.clear()
        self.account.addItems(names)
        if wanted is not None:
            self.account.setCurrentText(wanted)
        self.account.blockSignals(False)
        several = len(names) > 1
        self.account_label.setVisible(several)
        self.account.setVisible(several)
        if not names:
            self._say(self.tr("No account yet: add one in Settings."), False)
        self.desk.use_account(wanted)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self.desk.watching = True
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self.desk.watching = False
        super().hideEvent(event)

    def _account_chosen(self) -> None:
        self._say("", False)
        self.desk.use_account(self.account.currentText() or None)

    def _say(self, text: str, error: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("font-weight: bold;" if error else "")

    def _count_waiting(self) -> None:
        """The queue's tab says how many operations wait."""
        waiting = sum(1 for e in self.desk.journal.entries if e.state.is_open)
        self.tabs.setTabText(
            self.tabs.indexOf(self.queue),
            self.tr("&Queued operations (%n)", "", waiting)
            if waiting
            else self.tr("&Queued operations"),
        )

    def _show_standing(self) -> None:
        desk = self.desk
        reason = desk.closed_reason()
        self.closed.setText(reason or "")
        self.closed.setVisible(reason is not None)
        standing = desk.standing
        settling = standing is not None and standing.state is GuardState.SETTLING
        offer = desk.journal.release
        self.open_edits.setVisible(bool(reason) and settling and offer is not None)
        self.open_edits.setEnabled(offer is not None and not offer.refusal and not desk.busy)
        self.open_edits.setToolTip(offer.refusal if offer is not None else "")

    def _confirm_release(self) -> None:
        offer = self.desk.journal.release
        if offer is None or offer.refusal:
            return
        paths = self._context.paths
        confirm(
            self,
            name="confirmRelease",
            title=self.tr("Open folder edits now"),
            question=self.tr("Open folder edits before the backfill watch ends?"),
            details=offer.consequences,
            yes_label=self.tr("&Open edits now"),
            on_yes=lambda: self.desk.change(
                lambda account: work.release_edits(paths, account),
                self._released,
            ),
        )

    def _released(self, replayed: tuple[Replayed, ...] | None) -> None:
        lines = [self.tr("Folder edits are open again.")]
        lines += [f"#{item.entry.id}: {item.outcome.text}" for item in replayed or ()]
        self._say("\n".join(lines), False)
