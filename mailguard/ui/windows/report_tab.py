"""One tab of the Report window: what the category means, and its mail in a sortable table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mailguard.ui.windows.report_model import ReportFilterProxy, ReportTableModel, TableData
from mailguard.ui.windows.report_tables import TabContent

#: Columns fit the first rows of a table only: measuring Qt's default of 1,000 rows
#: in eight tabs held the UI thread for 0.28 s.
FITTED_ROWS = 100

#: A long subject or sender does not push the other columns out of sight (the tooltip has it).
MAX_WIDTH = 320


class ReportTableView(QTableView):
    """A read-only table whose Ctrl+C copies whole rows (Qt's own copies one cell)."""

    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setResizeContentsPrecision(FITTED_ROWS)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ReportTabPage(QWidget):
    """A category's table with a filter; rows are sorted by the model, filtered by the proxy."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"tab:{key}")
        self.model = ReportTableModel(self)
        self.proxy = ReportFilterProxy(self.model, self)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = ReportTableView(self)
        self.table.setObjectName(f"table:{key}")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.description)
        layout.addWidget(self.table, 1)

    def show_content(self, content: TabContent) -> None:
        """A new report's rows; the user's sort and the filter stay as they were."""
        self.description.setText(content.description)
        self.table.setAccessibleName(content.accessible_name)
        self.table.setAccessibleDescription(content.description)
        unsized = self.model.rowCount() == 0  # first rows: fit the columns to them
        self.model.set_table(content.table)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if unsized:
            self.table.resizeColumnsToContents()
            for column in range(self.model.columnCount()):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_WIDTH))

    def set_filter_text(self, text: str) -> None:
        self.proxy.set_filter_text(text)

    @property
    def table_data(self) -> TableData:
        return self.model.table

    def total(self) -> int:
        return self.model.rowCount()

    def shown(self) -> int:
        return self.proxy.rowCount()

    def selected_rows(self) -> list[int]:
        """The TableData rows selected, in the order the table shows them."""
        view_rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [
            self.model.data_row(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            for row in view_rows
        ]

    def visible_rows(self) -> list[int]:
        return self.proxy.visible_rows()
