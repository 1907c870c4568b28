"""What every page of the Settings window shares: texts that follow the language, lane work.

A page never touches the keyring, IMAP, the network, SQLite or a file on the
UI thread: ``run`` hands a plain function to a lane, keeps the page's buttons
disabled meanwhile (so nothing starts twice) and shows the outcome or the
one-line error in the page's status line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from mailguard.core.account import AccountConfig
from mailguard.core.errors import UsageError
from mailguard.core.events import ErrorKind
from mailguard.core.settings import AppSettings
from mailguard.store.account_store import AccountStore
from mailguard.store.paths import AppPaths
from mailguard.store.settings_store import SettingsStore
from mailguard.ui.context import UiContext
from mailguard.ui.lanes import Work

#: Settings files and the database; one lane, so writes never overlap.
SETTINGS_LANE = "app:settings"
#: Logging in to test an account (up to 30 s when a server does not answer).
CONNECTION_LANE = "app:connection-test"
#: Reading a schedule source for "Check now".
SOURCE_LANE = "app:source-check"


class LaneRunner:
    """Runs work on lanes for part of a window: controls held meanwhile, outcome in ``status``."""

    def __init__(self, context: UiContext, status: QLabel) -> None:
        self._context = context
        self.status = status
        self._running = 0
        self._controls: list[QWidget] = []
        self._when_idle: list[Callable[[], None]] = []

    @property
    def busy(self) -> bool:
        return self._running > 0

    def hold_while_busy(self, *controls: QWidget) -> None:
        """Controls disabled while work runs, so nothing starts twice."""
        self._controls.extend(controls)

    def when_idle(self, update: Callable[[], None]) -> None:
        """Called after the held controls are enabled again (to disable what needs a choice)."""
        self._when_idle.append(update)

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        *,
        busy_text: str = "",
        lane: str = SETTINGS_LANE,
        on_failure: Callable[[str], None] | None = None,
    ) -> None:
        """``work()`` on ``lane``; ``on_success(result)`` or the error line on the UI thread."""
        self._running += 1
        self._enable(enabled=False)
        if busy_text:
            self.status.setText(busy_text)

        def succeeded(result: object) -> None:
            self._finish()
            if busy_text and self.status.text() == busy_text:
                self.status.clear()
            on_success(result)

        def failed(text: str, _kind: ErrorKind) -> None:
            self._finish()
            (on_failure or self.status.setText)(text)

        job: Work = lambda _report: work()  # noqa: E731 - the lane passes a progress callback
        self._context.lanes.submit(lane, job, on_success=succeeded, on_failure=failed)

    def _finish(self) -> None:
        self._running -= 1
        if self._running == 0:
            self._enable(enabled=True)

    def _enable(self, *, enabled: bool) -> None:
        for control in self._controls:
            control.setEnabled(enabled)
        if enabled:
            for update in self._when_idle:
                update()


class SettingsPage(QWidget):
    """One page; subclasses build their controls, then set their texts in ``retranslate``."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.work = LaneRunner(context, self.status)

    def title(self) -> str:
        """The page's name in the list on the left."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every text of the page in the current language."""

    def reload(self) -> None:
        """Read what the page shows afresh (in a lane)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AccountScopedPage(SettingsPage):
    """A page about one account at a time: the account chosen on top, then what it holds.

    Subclasses build their list, its remove button and a form, hand them to
    ``lay_out``, and show the chosen account's entries in ``account_chosen``.
    """

    def __init__(
        self, context: UiContext, chooser_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, parent)
        self.accounts: list[AccountConfig] = []
        self.account = QComboBox(self)
        self.account.setObjectName(chooser_name)
        self.account.currentIndexChanged.connect(self.account_chosen)
        self.account_label = QLabel(self)
        self.account_label.setBuddy(self.account)
        context.hub.accounts_changed.connect(self.reload)

    def lay_out(
        self, listing: QWidget, remove: QPushButton, form: QWidget, *below: QWidget
    ) -> None:
        top = QHBoxLayout()
        top.addWidget(self.account_label)
        top.addWidget(self.account, 1)
        remove_row = QHBoxLayout()
        remove_row.addWidget(remove)
        remove_row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(listing, 1)
        layout.addLayout(remove_row)
        layout.addWidget(form)
        for widget in below:
            layout.addWidget(widget, 1)
        layout.addWidget(self.status)

    def reload(self) -> None:
        self.work.run(read_accounts(self.context.paths), self.accounts_loaded)

    def accounts_loaded(self, accounts: list[AccountConfig]) -> None:
        self.accounts = accounts
        fill_account_choice(self.account, [a.name for a in accounts])
        self.account_chosen()

    def chosen_account(self) -> AccountConfig | None:
        name = self.account.currentText()
        return next((a for a in self.accounts if a.name == name), None)

    def account_chosen(self) -> None:
        """Show the chosen account's entries."""

    def retranslate(self) -> None:
        # translate() with this class's own context: tr() in a subclass would look
        # the text up under the subclass's name, where lupdate never put it.
        self.account_label.setText(QCoreApplication.translate("AccountScopedPage", "&Account:"))
        self.account.setAccessibleName(QCoreApplication.translate("AccountScopedPage", "Account"))


def entry_table(parent: QWidget, name: str, columns: int, stretch: int) -> QTreeWidget:
    """A flat table of entries, one chosen at a time; column ``stretch`` takes the room."""
    table = QTreeWidget(parent)
    table.setObjectName(name)
    table.setRootIsDecorated(False)
    table.setColumnCount(columns)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.header()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    return table


def confirm_removal(
    parent: QWidget,
    name: str,
    *,
    title: str,
    question: str,
    details: str,
    remove: Callable[[], None],
) -> QMessageBox:
    """Ask before removing (Cancel is the default and Escape); ``remove()`` on yes."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(question)
    box.setInformativeText(details)
    yes = box.addButton(
        QCoreApplication.translate("SettingsPage", "&Remove"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    yes.setObjectName("confirmRemove")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    yes.clicked.connect(remove)
    box.open()
    return box


def settings_work(
    store: SettingsStore, change: Callable[[AppSettings], AppSettings] | None = None
) -> Callable[[], AppSettings]:
    """Work for a lane: the stored settings, with ``change`` applied and saved if given.

    Read fresh each time, so a change made meanwhile elsewhere (a pause from the
    tray menu) is kept rather than overwritten by what this page loaded earlier.
    """

    def work() -> AppSettings:
        settings = store.load()
        if change is None:
            return settings
        changed = change(settings)
        try:
            changed.policy()
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        store.save(changed)
        return changed

    return work


def read_accounts(paths: AppPaths) -> Callable[[], list[AccountConfig]]:
    """Work for a lane: every account, sorted by name."""
    return lambda: AccountStore(paths.config_dir).all()


def fill_account_choice(combo: QComboBox, names: Sequence[str]) -> None:
    """Offer ``names``, keeping the chosen account if it is still there."""
    chosen = combo.currentText()
    combo.blockSignals(True)
    combo.clear()
    combo.addItems(list(names))
    if chosen in names:
        combo.setCurrentText(chosen)
    combo.blockSignals(False)
    combo.setEnabled(bool(names))
