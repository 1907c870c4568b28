"""The Report window: an account's stored reports, and the chosen one's mail by category.

Reports are read and rendered in a lane of their own (``app:reports``), not the
account's: a resync holds that one for minutes, and the report of the last one
should stay readable meanwhile. A newer request drops the results of older
ones. Copy puts the selected rows on the clipboard as tab-separated text;
Export CSV writes the current tab as shown (filter and sort applied).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mailguard.core.events import ErrorKind
from mailguard.core.progress import ReadProgress
from mailguard.service.stored_reports import read_reports
from mailguard.ui.context import UiContext
from mailguard.ui.windows.report_export import ask_csv_path, tab_separated, write_csv
from mailguard.ui.windows.report_model import ReportTableModel
from mailguard.ui.windows.report_tab import ReportTabPage
from mailguard.ui.windows.report_tables import TAB_KEYS, URGENCY, ReportTables, ReportView

#: Reading and exporting reports; never an account's lane (see the module's docstring).
LANE = "app:reports"

#: Typing in the filter box refilters once the typing pauses this long.
FILTER_DELAY_MS = 150


class ReportWindow(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._account: str | None = None
        self._view: ReportView | None = None
        self._latest_shown = True  # a new report replaces the shown one only if that was the latest
        self._serial = 0  # the newest load asked for; results of older ones are dropped
        self._selecting = False  # the code, not the user, is choosing the account or report
        self._resyncing: set[str] = set()
        self._exporting = False
        self._message = ""  # the latest word on what the user did (copied, saved, failed)
        self._resync_text = ""  # the shown account's resync in progress
        #: Asks where to save a CSV file (suggested file name in, path or None out);
        #: tests replace it rather than drive Qt's file dialog.
        self.choose_path: Callable[[str], Path | None] = self._ask_csv_path
        self.setObjectName("reportWindow")
        self.resize(1000, 680)
        self._build()
        self.retranslate()
        hub = context.hub
        hub.report_stored.connect(self._report_stored)
        hub.accounts_changed.connect(self._accounts_changed)
        hub.resync_progress.connect(self._resync_progressed)

    # -- what the app asks for -------------------------------------------------------

    def show_report(self, account: str | None, report_id: int | None) -> None:
        """``account`` None: the first; ``report_id`` None: the latest."""
        self._load(account, report_id, fresh=True)

    # -- building --------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.account_label = QLabel(self)
        self.account_chooser = QComboBox(self)
        self.account_chooser.setObjectName("accountChooser")
        self.account_label.setBuddy(self.account_chooser)
        self.account_chooser.currentTextChanged.connect(self._account_chosen)
        top.addWidget(self.account_label)
        top.addWidget(self.account_chooser, 1)
        top.addStretch(2)
        layout.addLayout(top)
        self._show_account_chooser(False)

        self.empty = QLabel(self)
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout.addWidget(self.empty, 1)

        self.details = QSplitter(Qt.Orientation.Vertical, self)
        self.details.setObjectName("details")
        self.details.setChildrenCollapsible(False)
        self.details.addWidget(self._build_listing())
        self.details.addWidget(self._build_report())
        self.details.setSizes([150, 530])
        self.details.hide()
        layout.addWidget(self.details, 1)

        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addLayout(self._build_buttons())

        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_filter)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)

    def _build_listing(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.listing_label = QLabel(box)
        self.listing_model = ReportTableModel(self)
        self.report_list = QTableView(box)
        self.report_list.setObjectName("reportList")
        self.report_list.setModel(self.listing_model)
        self.report_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.report_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.report_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report_list.setTabKeyNavigation(False)
        self.report_list.verticalHeader().setVisible(False)
        self.report_list.horizontalHeader().setStretchLastSection(True)
        self.report_list.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.report_list.selectionModel().currentRowChanged.connect(self._report_chosen)
        self.listing_label.setBuddy(self.report_list)
        layout.addWidget(self.listing_label)
        layout.addWidget(self.report_list)
        return box

    def _build_report(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(box)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preliminary = QLabel(box)
        self.preliminary.setObjectName("preliminary")
        self.preliminary.setWordWrap(True)
        self.preliminary.setStyleSheet("font-weight: bold")
        self.preliminary.hide()
        layout.addWidget(self.summary)
        layout.addWidget(self.preliminary)

        row = QHBoxLayout()
        self.filter_label = QLabel(box)
        self.filter_box = QLineEdit(box)
        self.filter_box.setObjectName("filterBox")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(lambda _text: self._filter_timer.start())
        self.filter_box.installEventFilter(self)
        self.filter_label.setBuddy(self.filter_box)
        self.shown_count = QLabel(box)
        self.shown_count.setObjectName("shownCount")
        row.addWidget(self.filter_label)
        row.addWidget(self.filter_box, 1)
        row.addWidget(self.shown_count)
        layout.addLayout(row)

        self.tabs = QTabWidget(box)
        self.tabs.setObjectName("reportTabs")
        self.pages: dict[str, ReportTabPage] = {}
        for key in TAB_KEYS:
            page = ReportTabPage(key, self.tabs)
            page.table.copy_requested.connect(self.copy_rows)
            page.table.selectionModel().selectionChanged.connect(self._selection_changed)
            self.pages[key] = page
            self.tabs.addTab(page, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.copy_button = self._button("copyRows", self.copy_rows)
        self.export_button = self._button("exportCsv", self.export_csv)
        self.resync_button = self._button("resyncNow", self._resync)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("close")
        self.close_button.setAutoDefault(False)
        close.rejected.connect(self.close)
        for button in (self.copy_button, self.export_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.resync_button)
        row.addWidget(close)
        self._update_buttons()
        return row

    def _button(self, name: str, clicked: Callable[[], None]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter in the filter box must not press a button
        button.clicked.connect(clicked)
        return button

    def retranslate(self) -> None:
        """Every text in the current language; the shown report is rendered again."""
        self.setWindowTitle(self.tr("Report – mailguard"))
        self.account_label.setText(self.tr("&Account:"))
        self.account_chooser.setAccessibleName(self.tr("Account"))
        self.listing_label.setText(self.tr("Stored &reports, newest first:"))
        self.report_list.setAccessibleName(self.tr("Stored reports"))
        self.filter_label.setText(self.tr("&Filter:"))
        self.filter_box.setAccessibleName(self.tr("Filter the table"))
        self.filter_box.setPlaceholderText(self.tr("Text in any column (Ctrl+F)"))
        self.tabs.setAccessibleName(self.tr("Report categories"))
        texts = (
            (self.copy_button, self.tr("&Copy"), self.tr("Copy"),
             self.tr("Copy the selected rows as tab-separated text")),
            (self.export_button, self.tr("&Export CSV…"), self.tr("Export CSV"),
             self.tr("Save the rows the current tab shows as a CSV file")),
            (self.resync_button, self.tr("Res&ync now"), self.tr("Resync now"),
             self.tr("Compare the mailbox with the snapshot now and store a new report")),
        )  # fmt: skip
        for button, text, name, tip in texts:
            button.setText(text)
            button.setAccessibleName(name)
            button.setToolTip(tip)
        self.close_button.setAccessibleName(self.tr("Close"))
        if self._view is not None and self.isVisible():
            self._load(self._account, self._shown_report_id(), fresh=False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- loading ---------------------------------------------------------------------

    def _load(self, account: str | None, report_id: int | None, *, fresh: bool) -> None:
        self._serial += 1
        serial = self._serial
        paths, render = self._context.paths, self._context.render

        def work(_progress: Callable[[object], None]) -> ReportView | None:
            if serial != self._serial:  # the user has moved on meanwhile
                return None
            return ReportTables(render).view(read_reports(paths, account, report_id))

        self._say(self.tr("Loading the report…"))
        self._context.lanes.submit(
            LANE,
            work,
            on_success=lambda view: self._loaded(serial, view, fresh=fresh),
            on_failure=lambda text, _kind: self._load_failed(serial, text),
        )

    def _loaded(self, serial: int, view: ReportView | None, *, fresh: bool) -> None:
        if serial != self._serial or view is None:
            return
        self._view = view
        reports = view.reports
        self._account = reports.account
        self._show_accounts(reports.accounts, reports.account)
        report = reports.report
        if reports.account is None:
            self.empty.setText(self.tr("No account yet — add one in Settings."))
        elif report is None:
            self.empty.setText(
                self.tr(
                    "No report yet — one is made after each maintenance window, or with Resync now."
                )
            )
        self.empty.setVisible(report is None)
        self.details.setVisible(report is not None)
        self._say(
            self.tr("Report #{number} is no longer stored; the latest is shown.").format(
                number=reports.unknown_id
            )
            if reports.unknown_id is not None
            else ""
        )
        self._show_listing(view)
        if report is not None:
            self._latest_shown = report.outline.id == reports.outlines[0].id
            self.summary.setText(view.summary)
            self.preliminary.setText(view.preliminary)
            self.preliminary.setVisible(bool(view.preliminary))
            for content in view.tabs:
                page = self.pages[content.key]
                page.show_content(content)
                self.tabs.setTabText(self.tabs.indexOf(page), content.title)
            if fresh:
                self.tabs.setCurrentWidget(self._first_page_with_rows(view))
        self._apply_filter()
        self._update_resync(self._account)
        self._update_buttons()

    def _load_failed(self, serial: int, text: str) -> None:
        if serial == self._serial:
            self._say(self.tr("The report cannot be read: {error}").format(error=text))

    def _show_listing(self, view: ReportView) -> None:
        self._selecting = True
        try:
            if view.listing.cells != self.listing_model.table.cells:
                self.listing_model.set_table(view.listing)
            report = view.reports.report
            if report is not None:
                ids = [outline.id for outline in view.reports.outlines]
                self.report_list.selectRow(ids.index(report.outline.id))
        finally:
            self._selecting = False

    def _show_accounts(self, accounts: tuple[str, ...], chosen: str | None) -> None:
        self._selecting = True
        try:
            if tuple(self._chooser_items()) != accounts:
                self.account_chooser.clear()
                self.account_chooser.addItems(list(accounts))
            if chosen is not None:
                self.account_chooser.setCurrentText(chosen)
        finally:
            self._selecting = False
        self._show_account_chooser(len(accounts) > 1)

    def _show_account_chooser(self, visible: bool) -> None:
        self.account_label.setVisible(visible)
        self.account_chooser.setVisible(visible)

    def _chooser_items(self) -> list[str]:
        return [self.account_chooser.itemText(i) for i in range(self.account_chooser.count())]

    def _first_page_with_rows(self, view: ReportView) -> ReportTabPage:
        counts = {content.key: len(content.table) for content in view.tabs}
        key = next((key for key in URGENCY if counts.get(key)), TAB_KEYS[0])
        return self.pages[key]

    def _shown_report_id(self) -> int | None:
        view = self._view
        if view is None or view.reports.report is None:
            return None
        return view.reports.report.outline.id

    # -- what the user does ----------------------------------------------------------

    def _account_chosen(self, account: str) -> None:
        if not self._selecting and account and account != self._account:
            self._load(account, None, fresh=True)

    def _report_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        view = self._view
        if self._selecting or view is None or not current.isValid():
            return
        outline = view.reports.outlines[current.row()]
        if outline.id != self._shown_report_id():
            self._load(self._account, outline.id, fresh=False)

    def _tab_changed(self, _index: int) -> None:
        self._apply_filter()
        self._update_buttons()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _focus_filter(self) -> None:
        self.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_box.selectAll()

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        page = self._current_page()
        if page is None:
            return
        page.set_filter_text(self.filter_box.text())
        filtered = bool(self.filter_box.text().strip())
        self.shown_count.setText(
            self.tr("{shown} of {total} shown").format(shown=page.shown(), total=page.total())
            if filtered
            else ""
        )
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Escape in a filled filter box empties it rather than closing the window."""
        if (
            watched is self.filter_box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.filter_box.text()
        ):
            self.filter_box.clear()
            self._apply_filter()
            return True
        return super().eventFilter(watched, event)

    def copy_rows(self) -> None:
        """The selected rows of the current tab, with the header, as tab-separated text."""
        page = self._current_page()
        rows = page.selected_rows() if page else []
        if page is None or not rows:
            return
        QGuiApplication.clipboard().setText(tab_separated(page.table_data, rows))
        self._say(self.tr("Copied %n row(s).", "", len(rows)))

    def export_csv(self) -> None:
        """The current tab's rows as shown (filtered, sorted) to a CSV file, in the lane."""
        if self._filter_timer.isActive():  # typed just now: what the box says is what counts
            self._apply_filter()
        page = self._current_page()
        report_id = self._shown_report_id()
        if page is None or report_id is None or self._exporting:
            return
        account = re.sub(r"[^\w.-]+", "-", self._account or "")
        path = self.choose_path(f"mailguard-{account}-report-{report_id}-{page.key}.csv")
        if path is None:
            return
        table, rows, zone = page.table_data, page.visible_rows(), self._context.zone
        self._exporting = True
        self._update_buttons()
        self._say(self.tr("Saving {path}…").format(path=path))
        self._context.lanes.submit(
            LANE,
            lambda _progress: write_csv(path, table, rows, zone),
            on_success=lambda count: self._exported(path, count),
            on_failure=self._export_failed,
        )

    def _exported(self, path: Path, count: int) -> None:
        self._exporting = False
        self._say(self.tr("Saved %n row(s) to {path}.", "", count).format(path=path))
        self._update_buttons()

    def _export_failed(self, text: str, _kind: ErrorKind) -> None:
        self._exporting = False
        self._say(self.tr("Nothing was saved: {error}").format(error=text))
        self._update_buttons()

    def _resync(self) -> None:
        if self._account is not None and self._account not in self._resyncing:
            self._context.hub.resync_requested.emit(self._account)

    def _ask_csv_path(self, file_name: str) -> Path | None:
        return ask_csv_path(self, self.tr("Export CSV"), file_name, self.tr("CSV files (*.csv)"))

    # -- what the app tells ----------------------------------------------------------

    def _report_stored(self, account: str, _report_id: int) -> None:
        # A hidden window reads again when it is next opened (show_report).
        if not self.isVisible() or (self._account is not None and account != self._account):
            return
        keep = None if self._latest_shown else self._shown_report_id()
        self._load(account, keep, fresh=False)

    def _accounts_changed(self) -> None:
        if self.isVisible():
            self._load(self._account, self._shown_report_id(), fresh=False)

    def _resync_progressed(self, account: str, progress: object) -> None:
        if progress is None:
            self._resyncing.discard(account)
        else:
            self._resyncing.add(account)
        if account == self._account:
            self._update_resync(account, progress if isinstance(progress, ReadProgress) else None)

    def _update_resync(self, account: str | None, progress: ReadProgress | None = None) -> None:
        running = account in self._resyncing
        self.resync_button.setEnabled(account is not None and not running)
        if not running:
            self._resync_text = ""
        elif progress is not None and progress.folders_total:
            self._resync_text = self.tr(
                "Resyncing… folder {done} of {total}, {messages} messages read"
            ).format(
                done=progress.folders_done, total=progress.folders_total, messages=progress.messages
            )
        else:
            self._resync_text = self._resync_text or self.tr("Resyncing…")
        self._show_status()

    # -- helpers ---------------------------------------------------------------------

    def _current_page(self) -> ReportTabPage | None:
        page = self.tabs.currentWidget()
        return page if isinstance(page, ReportTabPage) and self.details.isVisibleTo(self) else None

    def _update_buttons(self) -> None:
        page = self._current_page()
        self.copy_button.setEnabled(
            page is not None and bool(page.table.selectionModel().hasSelection())
        )
        self.export_button.setEnabled(page is not None and page.shown() > 0 and not self._exporting)

    def _say(self, text: str) -> None:
        self._message = text
        self._show_status()

    def _show_status(self) -> None:
        """A running resync's progress, else the latest message."""
        self.status.setText(self._resync_text or self._message)
