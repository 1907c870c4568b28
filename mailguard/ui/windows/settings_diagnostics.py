"""The Diagnostics page: ``mailguard doctor``'s checks, each problem with its fix.

The checks are the CLI's (``app.diagnostics``), run in a lane; only the tray
question is answered here, by the Qt that already runs, instead of a child
process. They log in to every account, so they run when asked, not on open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from mailguard.app.diagnostics import Check, run_checks, tray_check
from mailguard.ui.context import UiContext
from mailguard.ui.windows.settings_page import SettingsPage

LANE = "app:diagnostics"


class DiagnosticsPage(SettingsPage):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.status.setObjectName("diagnosticsStatus")
        self.checks: list[Check] = []
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QListWidget(self)
        self.table.setObjectName("diagnosticChecks")
        self.table.setWordWrap(True)
        self.table.setResizeMode(QListView.ResizeMode.Adjust)
        self.table.setSpacing(3)
        self.run_button = QPushButton(self)
        self.run_button.setObjectName("runDiagnostics")
        self.run_button.clicked.connect(self.run_checks)
        self.work.hold_while_busy(self.run_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Diagnostics")

    def run_checks(self) -> None:
        tray = tray_check(QSystemTrayIcon.isSystemTrayAvailable(), QGuiApplication.platformName())
        paths = self.context.paths
        self.work.run(
            lambda: run_checks(paths, tray=lambda: tray),
            self._show,
            busy_text=self.tr("Checking… (this logs in to every account)"),
            lane=LANE,
        )

    def _show(self, checks: list[Check]) -> None:
        self.checks = checks
        self.table.clear()
        style = self.style()
        for check in checks:
            lines = [
                self.tr("ok: {check}").format(check=check.name)
                if check.ok
                else self.tr("problem: {check}").format(check=check.name),
                check.detail,
            ]
            if not check.ok and check.fix:
                lines.append(self.tr("Fix: {fix}").format(fix=check.fix))
            icon = (
                QStyle.StandardPixmap.SP_DialogApplyButton
                if check.ok
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            item = QListWidgetItem(style.standardIcon(icon), "\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, check.name)
            self.table.addItem(item)
        problems = sum(not check.ok for check in checks)
        self.status.setText(
            self.tr("All is well.")
            if problems == 0
            else self.tr("%n problem(s) found; each says how to fix it.", "", problems)
        )

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "What mailguard needs, checked: the keyring, the tray, notifications, "
                "its files, every account's login and every schedule source "
                "(the same checks as: mailguard doctor)."
            )
        )
        self.run_button.setText(self.tr("&Run the checks"))
        self.table.setAccessibleName(self.tr("Results of the checks"))
        if self.checks:
            self._show(self.checks)
