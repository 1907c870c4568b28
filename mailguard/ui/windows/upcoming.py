"""Upcoming maintenance windows of every account: when, from which source, how sure.

Fed by the guard's rounds (no I/O here); opening it asks for a fresh round.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mailguard.core.model import MaintenanceWindow
from mailguard.ui.context import UiContext
from mailguard.ui.guard_engine import GuardRound

#: Sort by the real moment, not by its text.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class UpcomingWindows(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.setObjectName("upcomingWindows")
        self.setWindowTitle(self.tr("Maintenance windows – mailguard"))
        self.resize(860, 360)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Windows announced by your providers' schedules and those you entered. "
                "During a window and its backfill watch, folder edits wait."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = QStandardItemModel(0, 7, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("Account"),
                self.tr("Title"),
                self.tr("Starts"),
                self.tr("Ends"),
                self.tr("Source"),
                self.tr("Confidence"),
                self.tr("Warnings"),
            ]
        )
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setObjectName("windowsTable")
        self.table.setAccessibleName(self.tr("Maintenance windows"))
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        self.empty = QLabel(self.tr("No maintenance window is known."))
        self.empty.setObjectName("noWindows")
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        check = QPushButton(self.tr("Check schedules now"), self)
        check.setObjectName("checkNow")
        check.clicked.connect(context.request_check)
        buttons.addButton(check, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        context.hub.round_finished.connect(self.show_round)
        context.request_overview()

    def show_round(self, guard_round: GuardRound) -> None:
        self.model.removeRows(0, self.model.rowCount())
        now = datetime.now(UTC)
        for overview in guard_round.overview:
            for window in overview.windows:
                if window.end.astimezone(UTC) > now:
                    self.model.appendRow(self._row(overview.account.name, window))
        self.empty.setVisible(self.model.rowCount() == 0)
        self.table.setVisible(self.model.rowCount() > 0)

    def _row(self, account: str, window: MaintenanceWindow) -> list[QStandardItem]:
        render = self._context.render
        confidence = {
            "high": self.tr("high"),
            "medium": self.tr("medium"),
            "low": self.tr("low"),
        }[window.confidence.value]
        cells = [
            (account, account),
            (window.title, window.title),
            (render.date_time(window.start), window.start.timestamp()),
            (render.date_time(window.end), window.end.timestamp()),
            (window.source, window.source),
            (confidence, window.confidence.value),
            ("; ".join(window.warnings), "; ".join(window.warnings)),
        ]
        row = []
        for text, key in cells:
            item = QStandardItem(text)
            item.setData(key, SORT_ROLE)
            item.setToolTip(text)
            row.append(item)
        return row
