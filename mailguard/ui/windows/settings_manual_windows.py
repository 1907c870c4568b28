"""The Manual windows page: maintenance the provider announced elsewhere, typed in by hand.

Start and end are picked as wall-clock times in the user's zone (Python
applies the zone's rules, daylight saving included); the guard treats these
windows like any announced one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from mailguard.app.zones import utc_now
from mailguard.core.model import MaintenanceWindow
from mailguard.store.database import Database
from mailguard.store.guard_store import ManualWindowStore
from mailguard.store.paths import AppPaths
from mailguard.ui.context import UiContext
from mailguard.ui.windows.settings_page import AccountScopedPage, confirm_removal, entry_table


def wall_clock(edit: QDateTimeEdit, zone: tzinfo) -> datetime:
    """The date and time shown in ``edit``, read in ``zone``."""
    shown = edit.dateTime()
    day, clock = shown.date(), shown.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=zone)


def show_wall_clock(edit: QDateTimeEdit, moment: datetime, zone: tzinfo) -> None:
    local = moment.astimezone(zone)
    day = QDate(local.year, local.month, local.day)
    edit.setDateTime(QDateTime(day, QTime(local.hour, local.minute), QTimeZone.utc()))


def zone_name(zone: tzinfo, now: datetime) -> str:
    """``Europe/Berlin`` where the zone knows its name, else its abbreviation (``CET``)."""
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) else now.astimezone(zone).tzname() or "UTC"


def manual_windows_work(
    paths: AppPaths, account: str, change: Callable[[ManualWindowStore], object] | None = None
) -> Callable[[], list[MaintenanceWindow]]:
    """Work for a lane: apply ``change`` to the account's manual windows, then list them."""

    def work() -> list[MaintenanceWindow]:
        with Database(paths.database_file) as db:
            store = ManualWindowStore(db, utc_now)
            if change is not None:
                change(store)
            return store.windows(account)

    return work


class ManualWindowsPage(AccountScopedPage):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "windowAccount", parent)
        self.status.setObjectName("windowsStatus")
        self.windows: list[MaintenanceWindow] = []
        self.confirmation: QMessageBox | None = None
        self.table = entry_table(self, "manualWindows", columns=4, stretch=1)
        self.table.currentItemChanged.connect(self._update_buttons)
        self.remove = QPushButton(self)
        self.remove.setObjectName("removeWindow")
        self.remove.clicked.connect(self.remove_window)

        self.form = QGroupBox(self)
        self.title_edit = QLineEdit(self.form)
        self.title_edit.setObjectName("windowTitle")
        self.start = self._picker("windowStart")
        self.end = self._picker("windowEnd")
        self.zone_hint = QLabel(self.form)
        self.zone_hint.setObjectName("windowZone")
        self.add = QPushButton(self.form)
        self.add.setObjectName("addWindow")
        self.add.clicked.connect(self.add_window)
        self.labels = {key: QLabel(self.form) for key in ("title", "start", "end")}
        form = QFormLayout(self.form)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for key, field in (("title", self.title_edit), ("start", self.start), ("end", self.end)):
            self.labels[key].setBuddy(field)
            form.addRow(self.labels[key], field)
        form.addRow(self.zone_hint)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add)
        add_row.addStretch()
        form.addRow(add_row)
        self.work.hold_while_busy(self.add, self.remove)
        self.work.when_idle(self._update_buttons)

        self.lay_out(self.table, self.remove, self.form)
        now = datetime.now(UTC)
        starts = (now + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
        show_wall_clock(self.start, starts, context.zone)
        show_wall_clock(self.end, starts + timedelta(hours=2), context.zone)
        self.retranslate()
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Manual windows")

    # -- what the user does ------------------------------------------------------------

    def add_window(self) -> None:
        account = self.account.currentText()
        if not account:
            return
        zone = self.context.zone
        start, end = wall_clock(self.start, zone), wall_clock(self.end, zone)
        title = self.title_edit.text().strip()
        if end <= start:
            self.status.setText(self.tr("A window must end after it starts."))
            return

        def add(store: ManualWindowStore) -> None:
            store.add(account, start, end, title)

        self.work.run(manual_windows_work(self.context.paths, account, add), self._changed)

    def remove_window(self) -> None:
        account, window = self.account.currentText(), self._chosen()
        if not account or window is None:
            return
        number = int(window.native_id or 0)

        def drop(store: ManualWindowStore) -> None:
            store.remove(account, number)

        self.confirmation = confirm_removal(
            self,
            "confirmRemoveWindow",
            title=self.tr("Remove window – mailguard"),
            question=self.tr("Remove the window “{title}” ({start} – {end})?").format(
                title=window.title,
                start=self.context.render.date_time(window.start),
                end=self.context.render.date_time(window.end),
            ),
            details=self.tr("mailguard will no longer hold back folder edits for it."),
            remove=lambda: self.work.run(
                manual_windows_work(self.context.paths, account, drop), self._changed
            ),
        )

    # -- results -------------------------------------------------------------------------

    def account_chosen(self) -> None:
        account = self.account.currentText()
        if not account:
            self._show([])
            return
        self.work.run(manual_windows_work(self.context.paths, account), self._show)

    def _changed(self, windows: list[MaintenanceWindow]) -> None:
        self._show(windows)
        self.status.setText(self.tr("Saved."))
        self.context.hub.windows_changed.emit()
        self.context.request_overview()

    def _show(self, windows: list[MaintenanceWindow]) -> None:
        self.windows = windows
        self.table.clear()
        render, zone = self.context.render, self.context.zone
        for window in windows:
            item = QTreeWidgetItem(
                [
                    f"#{window.native_id}",
                    window.title,
                    render.date_time(window.start),
                    f"{render.date_time(window.end)} {window.end.astimezone(zone).tzname()}",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, window.native_id)
            self.table.addTopLevelItem(item)
        self._update_buttons()

    def _chosen(self) -> MaintenanceWindow | None:
        item = self.table.currentItem()
        if item is None:
            return None
        number = item.data(0, Qt.ItemDataRole.UserRole)
        return next((w for w in self.windows if w.native_id == number), None)

    def _update_buttons(self) -> None:
        if self.work.busy:
            return
        self.add.setEnabled(bool(self.account.currentText()))
        self.remove.setEnabled(self._chosen() is not None)

    def _picker(self, name: str) -> QDateTimeEdit:
        picker = QDateTimeEdit(self.form)
        picker.setObjectName(name)
        picker.setTimeZone(QTimeZone.utc())  # a wall clock: the zone is applied in Python
        picker.setCalendarPopup(True)
        return picker

    def retranslate(self) -> None:
        super().retranslate()
        self.table.setHeaderLabels(
            [self.tr("No."), self.tr("Title"), self.tr("Starts"), self.tr("Ends")]
        )
        self.table.setAccessibleName(self.tr("Manual maintenance windows"))
        self.remove.setText(self.tr("&Remove window…"))
        self.remove.setAccessibleName(self.tr("Remove the chosen window"))
        self.form.setTitle(self.tr("New window"))
        self.labels["title"].setText(self.tr("&Title:"))
        self.labels["start"].setText(self.tr("&Starts:"))
        self.labels["end"].setText(self.tr("&Ends:"))
        self.title_edit.setAccessibleName(self.tr("Title of the window"))
        self.title_edit.setPlaceholderText(self.tr("what the provider calls it"))
        self.start.setAccessibleName(self.tr("Start of the window"))
        self.end.setAccessibleName(self.tr("End of the window"))
        self.zone_hint.setText(
            self.tr("Times are in your time zone, {zone}.").format(
                zone=zone_name(self.context.zone, datetime.now(UTC))
            )
        )
        self.add.setText(self.tr("A&dd window"))
        self.add.setAccessibleName(self.tr("Add the window"))
        if self.windows:
            self._show(self.windows)
