"""Folders: the account's folder tree, edits through the guard's gate, filing rules, the queue.

While a window keeps edits closed, the edit buttons are disabled with a
tooltip naming the window and when edits open again, and "Queue it" buttons
take their place: the edit is journaled and runs once, afterwards. A delete of
a folder holding mail asks first, naming the count (checked again when a
queued delete runs). Everything is read and done on the account's lane.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mailguard.core.errors import MailguardError
from mailguard.core.events import ErrorKind
from mailguard.core.filing_rules import FilingRule
from mailguard.core.journal import FolderOperation, JournalEntry, OperationKind, entry_text
from mailguard.service.operation_gate import DeleteFolder, GateResult, Request
from mailguard.store.account_store import AccountStore
from mailguard.ui.context import UiContext
from mailguard.ui.windows import folders_data
from mailguard.ui.windows.folders_data import FolderPicture

log = logging.getLogger("mailguard.ui")

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class FoldersWindow(QDialog):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._account: str | None = None
        self._picture: FolderPicture | None = None
        self._outcome = ""  # what the last edit did, one or more lines
        self.setObjectName("foldersWindow")
        self.setWindowTitle(self.tr("Folders – mailguard"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.accounts = QComboBox(self)
        self.accounts.setObjectName("accountChooser")
        self.accounts.setAccessibleName(self.tr("Account"))
        self.accounts.currentTextChanged.connect(self._account_chosen)
        chooser_label = QLabel(self.tr("&Account:"), self)
        chooser_label.setBuddy(self.accounts)
        top.addWidget(chooser_label)
        top.addWidget(self.accounts, 1)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.clicked.connect(self.reload)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)

        self.banner = QLabel(self)
        self.banner.setObjectName("standing")
        self.banner.setWordWrap(True)
        layout.addWidget(self.banner)
        self.release_button = QPushButton(self.tr("Open edits now…"), self)
        self.release_button.setObjectName("release")
        self.release_button.clicked.connect(self._release)
        self.release_button.hide()
        layout.addWidget(self.release_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._folders_tab(), self.tr("&Folders"))
        self.tabs.addTab(self._rules_tab(), self.tr("Filing &rules"))
        self.tabs.addTab(self._queue_tab(), self.tr("&Queue"))
        layout.addWidget(self.tabs, 1)

        self.status = QLabel(self)
        self.status.setObjectName("statusLine")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        layout.addWidget(close)

        #: Asks yes/no; tests replace it to answer as a user would.
        self.confirm: Callable[[str, str], bool] = self._ask
        #: Asks for a text (a folder name); tests replace it.
        self.ask_text: Callable[[str, str, str], str | None] = self._ask_text
        #: Asks for a new filing rule (the dialog); tests fill it in instead.
        self.edit_rule: Callable[[list[str]], FilingRule | None] = self._edit_rule
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        context.hub.queue_changed.connect(self._queue_changed)
        context.lanes.busy_changed.connect(self._lane_busy_changed)
        context.hub.round_finished.connect(lambda _round: self._standing_may_have_changed())

    # -- building ------------------------------------------------------------------

    def _folders_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.tree_model = QStandardItemModel(0, 2, self)
        self.tree_model.setHorizontalHeaderLabels([self.tr("Folder"), self.tr("Messages")])
        self.tree = QTreeView(page)
        self.tree.setObjectName("folderTree")
        self.tree.setAccessibleName(self.tr("Folders of the account"))
        self.tree.setModel(self.tree_model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        layout.addWidget(self.tree, 1)
        now_row = QHBoxLayout()
        queue_row = QHBoxLayout()
        self.create_button = self._button(now_row, "create", self.tr("&New folder…"))
        self.rename_button = self._button(now_row, "rename", self.tr("Re&name…"))
        self.delete_button = self._button(now_row, "delete", self.tr("&Delete…"))
        self.queue_label = QLabel(self.tr("Queue it for after the window:"), page)
        queue_row.addWidget(self.queue_label)
        self.queue_create = self._button(queue_row, "queueCreate", self.tr("New folder…"))
        self.queue_rename = self._button(queue_row, "queueRename", self.tr("Rename…"))
        self.queue_delete = self._button(queue_row, "queueDelete", self.tr("Delete…"))
        self.create_button.clicked.connect(lambda: self._create(queue=False))
        self.rename_button.clicked.connect(lambda: self._rename(queue=False))
        self.delete_button.clicked.connect(lambda: self._delete(queue=False))
        self.queue_create.clicked.connect(lambda: self._create(queue=True))
        self.queue_rename.clicked.connect(lambda: self._rename(queue=True))
        self.queue_delete.clicked.connect(lambda: self._delete(queue=True))
        now_row.addStretch(1)
        queue_row.addStretch(1)
        layout.addLayout(now_row)
        layout.addLayout(queue_row)
        return page

    def _rules_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "Filing rules move matching mail from one folder to another. They go through "
                "the same gate as your own edits: during a maintenance window they wait."
            ),
            page,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.rules = QListWidget(page)
        self.rules.setObjectName("rules")
        self.rules.setAccessibleName(self.tr("Filing rules"))
        self.rules.currentRowChanged.connect(self._selection_changed)
        layout.addWidget(self.rules, 1)
        row = QHBoxLayout()
        self.add_rule_button = self._button(row, "addRule", self.tr("&Add rule…"))
        self.add_rule_button.clicked.connect(self._add_rule)
        self.run_rule_button = self._button(row, "runRule", self.tr("R&un now"))
        self.run_rule_button.clicked.connect(self._run_rule)
        self.remove_rule_button = self._button(row, "removeRule", self.tr("Re&move"))
        self.remove_rule_button.clicked.connect(self._remove_rule)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _queue_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.queue = QListWidget(page)
        self.queue.setObjectName("queue")
        self.queue.setAccessibleName(self.tr("Queued folder edits"))
        self.queue.currentRowChanged.connect(self._selection_changed)
        layout.addWidget(self.queue, 1)
        row = QHBoxLayout()
        self.cancel_button = self._button(row, "cancelEntry", self.tr("&Cancel queued edit"))
        self.cancel_button.clicked.connect(self._cancel)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _button(self, row: QHBoxLayout, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        row.addWidget(button)
        return button

    # -- showing -------------------------------------------------------------------

    def show_account(self, account: str | None) -> None:
        names = [a.name for a in AccountStore(self._context.paths.config_dir).all()]
        self.accounts.blockSignals(True)
        self.accounts.clear()
        self.accounts.addItems(names)
        self.accounts.blockSignals(False)
        self.accounts.setVisible(len(names) > 1)
        chosen = account if account in names else (names[0] if names else None)
        if chosen is None:
            self.status.setText(self.tr("No account yet: add one in Settings."))
            return
        self.accounts.setCurrentText(chosen)
        self._account_chosen(chosen)

    def reload(self) -> None:
        account = self._account
        if account is None:
            return
        if not self._outcome:
            self.status.setText(self.tr("Reading the folders…"))
        self.refresh_button.setEnabled(False)
        paths = self._context.paths
        self._submit(
            lambda _report: folders_data.load(paths, account), self._show_picture, busy=False
        )

    def _account_chosen(self, account: str) -> None:
        if account:
            self._account = account
            self.reload()

    def _show_picture(self, picture: FolderPicture) -> None:
        if picture.account != self._account:
            return
        self._picture = picture
        self.refresh_button.setEnabled(True)
        self.status.setText(self._outcome)  # the last edit's outcome stays readable
        self._fill_tree(picture)
        self._fill_rules(picture)
        self._fill_queue(picture)
        self._show_standing(picture)

    def _fill_tree(self, picture: FolderPicture) -> None:
        selected = self.selected_folder()
        self.tree_model.removeRows(0, self.tree_model.rowCount())
        items: dict[str, QStandardItem] = {}
        for entry in picture.folders:
            parts = entry.name.split(entry.delimiter) if entry.delimiter else [entry.name]
            parent = self.tree_model.invisibleRootItem()
            for depth in range(len(parts) - 1):
                prefix = (entry.delimiter or "").join(parts[: depth + 1])
                if prefix not in items:  # a \\Noselect level: shown, not selectable
                    level = QStandardItem(parts[depth])
                    level.setSelectable(False)
                    parent.appendRow([level, QStandardItem("")])
                    items[prefix] = level
                parent = items[prefix]
            name = QStandardItem(parts[-1])
            name.setData(entry.name, NAME_ROLE)
            name.setToolTip(entry.name)
            count = QStandardItem(str(entry.messages))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            parent.appendRow([name, count])
            items[entry.name] = name
        self.tree.expandAll()
        if selected in items:
            self.tree.setCurrentIndex(items[selected].index())
        self._selection_changed()

    def _fill_rules(self, picture: FolderPicture) -> None:
        self.rules.clear()
        for rule in picture.rules:
            conditions = ", ".join(
                f"{label} “{value}”"
                for label, value in (
                    (self.tr("from"), rule.sender_contains),
                    (self.tr("to"), rule.recipient_contains),
                    (self.tr("subject"), rule.subject_contains),
                )
                if value
            )
            item = QListWidgetItem(f"{rule.name}: {rule.folder} → {rule.target} ({conditions})")
            item.setData(NAME_ROLE, rule.name)
            self.rules.addItem(item)
        self._selection_changed()

    def _fill_queue(self, picture: FolderPicture) -> None:
        self.queue.clear()
        for entry in reversed(picture.entries):
            created = self._context.render.date_time(entry.created_at)
            item = QListWidgetItem(f"#{entry.id}  {created}  {entry_text(entry)}")
            item.setData(NAME_ROLE, entry.id)
            item.setData(Qt.ItemDataRole.UserRole + 2, entry.state.value)
            self.queue.addItem(item)
        waiting = sum(1 for e in picture.entries if e.state.is_open)
        self.tabs.setTabText(2, self.tr("&Queue (%n)", "", waiting))
        self._selection_changed()

    def _show_standing(self, picture: FolderPicture) -> None:
        standing = picture.standing
        closed = standing.edits_closed
        render = self._context.render
        if closed:
            window = standing.window
            reopen = render.date_time(standing.edits_open_at) if standing.edits_open_at else ""
            if window is not None:
                why = self.tr(
                    "Maintenance window '{title}' {start}–{end}: folder edits wait until {reopen}."
                ).format(
                    title=window.title,
                    start=render.date_time(window.start),
                    end=render.moment(window.end),
                    reopen=reopen,
                )
            else:
                why = self.tr("Folder edits wait until {reopen}.").format(reopen=reopen)
        else:
            why = self.tr("No maintenance window near: folder edits run at once.")
        self.banner.setText(why)
        for button in (self.create_button, self.rename_button, self.delete_button):
            button.setToolTip(why if closed else "")
        for widget in (self.queue_label, self.queue_create, self.queue_rename, self.queue_delete):
            widget.setVisible(closed)
        self.release_button.setVisible(picture.release is not None)
        if picture.release is not None:
            self.release_button.setToolTip(picture.release.consequences(self._context.zone))
        self._selection_changed()

    def _selection_changed(self, *_args: Any) -> None:
        closed = self._picture is not None and self._picture.standing.edits_closed
        folder = self.selected_folder() is not None
        busy = self._context.lanes.busy(self._lane) if self._account else False
        ready = self._picture is not None and not busy
        self.create_button.setEnabled(ready and not closed)
        self.rename_button.setEnabled(ready and folder and not closed)
        self.delete_button.setEnabled(ready and folder and not closed)
        self.queue_create.setEnabled(ready and closed)
        self.queue_rename.setEnabled(ready and folder and closed)
        self.queue_delete.setEnabled(ready and folder and closed)
        rule = self.rules.currentItem() is not None
        self.run_rule_button.setEnabled(ready and rule)
        self.remove_rule_button.setEnabled(ready and rule)
        entry = self.queue.currentItem()
        queued = entry is not None and entry.data(Qt.ItemDataRole.UserRole + 2) == "queued"
        self.cancel_button.setEnabled(ready and queued)

    def selected_folder(self) -> str | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        name = self.tree_model.itemFromIndex(index.siblingAtColumn(0)).data(NAME_ROLE)
        return str(name) if name else None

    # -- edits -----------------------------------------------------------------------

    def _create(self, *, queue: bool) -> None:
        parent = self.selected_folder()
        delimiter = self._delimiter()
        suggestion = f"{parent}{delimiter}" if parent and delimiter else ""
        name = self.ask_text(
            self.tr("New folder"), self.tr("Name of the new folder (its full path):"), suggestion
        )
        if name and name.strip():
            self._request(FolderOperation(OperationKind.CREATE_FOLDER, name.strip()), queue)

    def _rename(self, *, queue: bool) -> None:
        folder = self.selected_folder()
        if folder is None:
            return
        new = self.ask_text(
            self.tr("Rename folder"), self.tr("New name for '{folder}':").format(folder=folder),
            folder,
        )  # fmt: skip
        if new and new.strip() and new.strip() != folder:
            self._request(
                FolderOperation(OperationKind.RENAME_FOLDER, folder, new_name=new.strip()), queue
            )

    def _delete(self, *, queue: bool) -> None:
        folder = self.selected_folder()
        if folder is None or self._picture is None:
            return
        held = next((e.messages for e in self._picture.folders if e.name == folder), 0)
        if held:
            question = self.tr(
                "Delete '{folder}' and its %n message(s)? They cannot be restored.", "", held
            ).format(folder=folder)
        else:
            question = self.tr("Delete the empty folder '{folder}'?").format(folder=folder)
        if queue:
            question += " " + self.tr(
                "It runs after the window; if the folder holds more mail by then, "
                "nothing is deleted."
            )
        if self.confirm(self.tr("Delete folder"), question):
            self._request(DeleteFolder(folder, with_messages=held > 0), queue)

    def _request(self, operation: Request, queue: bool) -> None:
        account, paths = self._account, self._context.paths
        if account is None:
            return
        self._say(self.tr("Working…"))
        self._submit(
            lambda _report: folders_data.request(paths, account, operation, queue=queue),
            self._requested,
        )

    def _requested(self, result: GateResult) -> None:
        lines = list(result.notes)
        if result.queued is not None:
            reopen = self._picture.standing.edits_open_at if self._picture else None
            text = self.tr("Queued as #{id}: {what}").format(
                id=result.queued.id, what=result.queued.operation.describe()
            )
            if reopen is not None:
                text += " " + self.tr("(runs after {when})").format(
                    when=self._context.render.date_time(reopen)
                )
            lines.insert(0, text)
        lines += [f"#{item.entry.id}: {item.outcome.text}" for item in result.replayed]
        self._say("\n".join(lines) or self.tr("Nothing to do."))
        self._changed()

    # -- rules -----------------------------------------------------------------------

    def _add_rule(self) -> None:
        folders = [e.name for e in self._picture.folders] if self._picture else []
        try:
            rule = self.edit_rule(folders)
        except MailguardError as exc:
            self._say(str(exc))
            return
        if rule is None or self._account is None:
            return
        account, paths = self._account, self._context.paths
        self._submit(lambda _report: folders_data.add_rule(paths, account, rule), self._changed)

    def _remove_rule(self) -> None:
        item = self.rules.currentItem()
        if item is None or self._account is None:
            return
        name = str(item.data(NAME_ROLE))
        if not self.confirm(
            self.tr("Remove rule"), self.tr("Remove the filing rule '{name}'?").format(name=name)
        ):
            return
        account, paths = self._account, self._context.paths
        self._submit(lambda _report: folders_data.remove_rule(paths, account, name), self._changed)

    def _run_rule(self) -> None:
        item = self.rules.currentItem()
        if item is None or self._account is None:
            return
        name = str(item.data(NAME_ROLE))
        account, paths = self._account, self._context.paths
        self._submit(lambda _report: folders_data.run_rule(paths, account, name), self._requested)

    # -- queue and release --------------------------------------------------------------

    def _cancel(self) -> None:
        item = self.queue.currentItem()
        if item is None or self._account is None:
            return
        entry_id = int(item.data(NAME_ROLE))
        account, paths = self._account, self._context.paths
        self._submit(lambda _report: folders_data.cancel(paths, account, entry_id), self._cancelled)

    def _release(self) -> None:
        picture = self._picture
        if picture is None or picture.release is None or self._account is None:
            return
        question = self.tr("Open folder edits now? {consequences}").format(
            consequences=picture.release.consequences(self._context.zone)
        )
        if not self.confirm(self.tr("Open edits now"), question):
            return
        account, paths = self._account, self._context.paths
        self._submit(lambda _report: folders_data.release(paths, account), self._released)

    def _cancelled(self, entry: JournalEntry) -> None:
        self._say(self.tr("Cancelled #{id}.").format(id=entry.id))
        self._changed()

    def _released(self, ran: int) -> None:
        self._say(self.tr("Folder edits are open; %n queued edit(s) ran.", "", ran))
        self._changed()

    # -- plumbing -------------------------------------------------------------------------

    @property
    def _lane(self) -> str:
        return UiContext.lane(self._account or "")

    def _delimiter(self) -> str | None:
        if self._picture is None:
            return None
        return next((e.delimiter for e in self._picture.folders if e.delimiter), None)

    def _submit(
        self, work: Callable[[Callable[[object], None]], object], done: Callable[[Any], None],
        *, busy: bool = True,
    ) -> None:  # fmt: skip
        self._context.lanes.submit(self._lane, work, on_success=done, on_failure=self._failed)
        if busy:
            self._selection_changed()

    def _failed(self, text: str, _kind: ErrorKind) -> None:
        self.refresh_button.setEnabled(True)
        self._say(text)
        self._selection_changed()

    def _say(self, text: str) -> None:
        self._outcome = text
        self.status.setText(text)

    def _changed(self, *_args: object) -> None:
        if self._account is not None:
            self._context.hub.queue_changed.emit(self._account)
        self._context.request_overview()
        self.reload()

    def _lane_busy_changed(self, lane: str, _busy: bool) -> None:
        if self._account is not None and lane == self._lane:
            self._selection_changed()

    def _queue_changed(self, account: str) -> None:
        if account == self._account and not self._context.lanes.busy(self._lane):
            self.reload()

    def _standing_may_have_changed(self) -> None:
        if self.isVisible() and self._account and not self._context.lanes.busy(self._lane):
            self.reload()

    def _ask(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(
            self, title, question, defaultButton=QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes

    def _edit_rule(self, folders: list[str]) -> FilingRule | None:
        dialog = RuleDialog(self, folders)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.rule()

    def _ask_text(self, title: str, label: str, text: str) -> str | None:
        value, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None


class RuleDialog(QDialog):
    """A new filing rule: a name, the two folders, and at least one condition."""

    def __init__(self, parent: QWidget, folders: list[str]) -> None:
        super().__init__(parent)
        self.setObjectName("ruleDialog")
        self.setWindowTitle(self.tr("New filing rule"))
        form = QFormLayout(self)
        self.name = QLineEdit(self)
        self.name.setObjectName("ruleName")
        self.source = QComboBox(self)
        self.source.setObjectName("ruleSource")
        self.target = QComboBox(self)
        self.target.setObjectName("ruleTarget")
        for combo in (self.source, self.target):
            combo.setEditable(True)
            combo.addItems(folders)
        if "INBOX" in folders:
            self.source.setCurrentText("INBOX")
        self.from_text = QLineEdit(self)
        self.from_text.setObjectName("ruleSender")
        self.recipient = QLineEdit(self)
        self.recipient.setObjectName("ruleRecipient")
        self.subject = QLineEdit(self)
        self.subject.setObjectName("ruleSubject")
        for label, widget, accessible in (
            (self.tr("&Name:"), self.name, self.tr("Rule name")),
            (self.tr("&From folder:"), self.source, self.tr("Folder the mail is in")),
            (self.tr("&To folder:"), self.target, self.tr("Folder the mail goes to")),
            (self.tr("Sender &contains:"), self.from_text, self.tr("Sender contains")),
            (self.tr("&Recipient contains:"), self.recipient, self.tr("Recipient contains")),
            (self.tr("&Subject contains:"), self.subject, self.tr("Subject contains")),
        ):
            widget.setAccessibleName(accessible)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def rule(self) -> FilingRule:
        """The rule as entered; a rule that makes no sense is refused with one line."""
        return FilingRule(
            self.name.text().strip(),
            self.source.currentText().strip(),
            self.target.currentText().strip(),
            sender_contains=self.from_text.text().strip() or None,
            recipient_contains=self.recipient.text().strip() or None,
            subject_contains=self.subject.text().strip() or None,
        )
