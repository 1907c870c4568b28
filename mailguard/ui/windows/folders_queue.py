"""Queued operations: the account's journal in replay order, and withdrawing a queued entry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTreeWidgetItem, QVBoxLayout, QWidget

from mailguard.core.journal import EntryState, JournalEntry
from mailguard.ui.windows import folders_work as work
from mailguard.ui.windows.folders_desk import FolderDesk
from mailguard.ui.windows.folders_parts import action_button, row_list
from mailguard.ui.windows.folders_text import operation_text, state_text

#: The journal entry's id on each row.
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class QueueTab(QWidget):
    def __init__(self, desk: FolderDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.note = QLabel(self)
        self.note.setObjectName("queueNote")
        self.note.setWordWrap(True)
        left.addWidget(self.note)
        self.list = row_list(
            self,
            "queueList",
            self.tr("Queued operations"),
            [self.tr("#"), self.tr("Operation"), self.tr("State"), self.tr("Queued at"),
             self.tr("Outcome")],
            self.apply,
        )  # fmt: skip
        left.addWidget(self.list)
        layout.addLayout(left, 1)
        buttons = QVBoxLayout()
        self.cancel = action_button(self, "cancelQueued", self.tr("Ca&ncel operation"))
        self.cancel.clicked.connect(self._cancel)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        desk.journal_read.connect(self.show_entries)
        desk.changed.connect(self.apply)
        self.show_entries()

    def show_entries(self) -> None:
        chosen = self.selected_entry()
        self.list.clear()
        render = self.desk.context.render
        for entry in self.desk.journal.entries:
            item = QTreeWidgetItem(
                [
                    str(entry.id),
                    operation_text(entry.operation),
                    state_text(entry.state),
                    render.date_time(entry.created_at),
                    entry.outcome,
                ]
            )
            item.setData(0, ENTRY_ROLE, entry.id)
            item.setToolTip(4, entry.outcome)
            self.list.addTopLevelItem(item)
            if chosen is not None and entry.id == chosen.id:
                item.setSelected(True)
        self.apply()

    def selected_entry(self) -> JournalEntry | None:
        items = self.list.selectedItems()
        if not items:
            return None
        wanted = items[0].data(0, ENTRY_ROLE)
        return next((e for e in self.desk.journal.entries if e.id == wanted), None)

    def apply(self) -> None:
        desk = self.desk
        entry = self.selected_entry()
        queued = entry is not None and entry.state is EntryState.QUEUED
        self.cancel.setEnabled(desk.account is not None and not desk.busy and queued)
        waiting = sum(1 for e in desk.journal.entries if e.state.is_open)
        standing = desk.standing
        if not desk.journal.entries:
            text = self.tr("Nothing was queued for this account.")
        elif waiting and standing is not None and standing.edits_open_at is not None:
            text = self.tr(
                "%n operation(s) wait; they run in this order once edits open again at {reopen}.",
                "",
                waiting,
            ).format(reopen=desk.context.render.moment(standing.edits_open_at))
        elif waiting:
            text = self.tr("%n operation(s) wait for their turn.", "", waiting)
        else:
            text = self.tr("Nothing waits; earlier operations are listed with their outcome.")
        self.note.setText(text)

    def _cancel(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.state is not EntryState.QUEUED:
            return
        paths = self.desk.context.paths
        self.desk.change(
            lambda account: work.cancel_entry(paths, account, entry.id),
            lambda cancelled: self.desk.said.emit(
                self.tr("Cancelled #{id}: {what}").format(
                    id=cancelled.id, what=operation_text(cancelled.operation)
                ),
                False,
            ),
            folders_too=False,
        )
