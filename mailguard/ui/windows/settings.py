"""The Settings window: pages listed on the left, the first-run page when there is no account.

Pages: Accounts, Schedule sources, Manual windows, Timing, General,
Diagnostics (one module each, ``settings_*.py``). Every page reads and
writes in lanes, and every text follows a language switch (Qt's
LanguageChange) without reopening.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mailguard.ui.context import UiContext
from mailguard.ui.windows.settings_accounts import AccountsPage
from mailguard.ui.windows.settings_diagnostics import DiagnosticsPage
from mailguard.ui.windows.settings_general import GeneralPage
from mailguard.ui.windows.settings_manual_windows import ManualWindowsPage
from mailguard.ui.windows.settings_page import SettingsPage
from mailguard.ui.windows.settings_sources import SourcesPage
from mailguard.ui.windows.settings_timing import TimingPage
from mailguard.ui.windows.settings_welcome import WelcomePage


class SettingsWindow(QDialog):
    #: The first-run page's "Try the demo" (shown once ``offer_demo`` is called).
    demo_requested = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setObjectName("settingsWindow")
        self.resize(900, 640)
        self.welcome = WelcomePage(context, self)
        self.accounts = AccountsPage(context, self)
        self.sources = SourcesPage(context, self)
        self.manual_windows = ManualWindowsPage(context, self)
        self.timing = TimingPage(context, self)
        self.general = GeneralPage(context, self)
        self.diagnostics = DiagnosticsPage(context, self)
        self.listed: list[SettingsPage] = [
            self.accounts,
            self.sources,
            self.manual_windows,
            self.timing,
            self.general,
            self.diagnostics,
        ]
        self.nav = QListWidget(self)
        self.nav.setObjectName("settingsPages")
        self.nav.setMaximumWidth(180)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        for page in self.listed:
            self.nav.addItem(page.title())
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self._page_chosen)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.welcome.add_account_requested.connect(self.accounts.add_account)
        self.welcome.demo_requested.connect(self.demo_requested)
        self.accounts.account_added.connect(lambda _name: self.show_named(self.accounts))
        self.setTabOrder(self.nav, self.stack)
        self.retranslate()

    def show_page(self, *, first_run: bool = False) -> None:
        """The first-run page, or the page shown last (Accounts at first)."""
        if first_run:
            self.stack.setCurrentWidget(self.welcome)
            self.nav.setCurrentRow(-1)
            self.welcome.add_account.setFocus()
        elif self.stack.currentWidget() is self.welcome:
            self.show_named(self.accounts)
        for page in self.listed:  # afresh: the CLI may have changed something meanwhile
            page.reload()

    def show_named(self, page: SettingsPage) -> None:
        self.nav.setCurrentRow(self.listed.index(page))

    def offer_demo(self, offered: bool = True) -> None:
        """Show "Try the demo" on the first-run page (the demo's wiring calls this)."""
        self.welcome.offer_demo(offered)

    def _page_chosen(self, row: int) -> None:
        if 0 <= row < len(self.listed):
            self.stack.setCurrentWidget(self.listed[row])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings – mailguard"))
        self.nav.setAccessibleName(self.tr("Settings pages"))
        for row, page in enumerate(self.listed):
            item = self.nav.item(row)
            if item is not None:
                item.setText(page.title())
