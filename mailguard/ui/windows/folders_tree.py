"""The Folders tab: the account's folder tree with counts; create, rename, delete, move by rule.

Every action asks (a name, a confirmation naming the mail a delete loses),
then hands a request to the desk, which takes it through the gate. While a
window keeps edits closed the actions are disabled, saying why and until
when, and their "Queue …" twins appear.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mailguard.core.folder_tree import FolderNode, folder_tree
from mailguard.core.journal import FolderOperation, OperationKind
from mailguard.service.operation_gate import DeleteFolder
from mailguard.ui.windows import folders_work as work
from mailguard.ui.windows.folders_desk import FolderDesk
from mailguard.ui.windows.folders_dialogs import FolderNameDialog, confirm
from mailguard.ui.windows.folders_parts import action_button
from mailguard.ui.windows.folders_rules import open_rule_dialog

#: The full name of the folder an item stands for ("" for a level that is no folder).
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class FolderTreeTab(QWidget):
    def __init__(self, desk: FolderDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([self.tr("Folder"), self.tr("Messages")])
        self.tree = QTreeView(self)
        self.tree.setObjectName("folderTree")
        self.tree.setAccessibleName(self.tr("Folders"))
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self.apply())
        left.addWidget(self.tree)
        self.note = QLabel(self)
        self.note.setObjectName("folderTreeNote")
        self.note.setWordWrap(True)
        left.addWidget(self.note)
        layout.addLayout(left, 1)

        actions = QGridLayout()
        self.new_folder = action_button(self, "newFolder", self.tr("&New folder…"))
        self.queue_new_folder = action_button(self, "queueNewFolder", self.tr("Queue new folder…"))
        self.rename = action_button(self, "renameFolder", self.tr("&Rename…"))
        self.queue_rename = action_button(self, "queueRenameFolder", self.tr("Queue rename…"))
        self.delete = action_button(self, "deleteFolder", self.tr("&Delete…"))
        self.queue_delete = action_button(self, "queueDeleteFolder", self.tr("Queue delete…"))
        self.move_by_rule = action_button(self, "moveByRule", self.tr("&Move messages by rule…"))
        self.queue_move_by_rule = action_button(
            self, "queueMoveByRule", self.tr("Queue move by rule…")
        )
        self._pairs: list[tuple[QPushButton, QPushButton, bool, Callable[[bool], None]]] = [
            (self.new_folder, self.queue_new_folder, False, self._ask_new_name),
            (self.rename, self.queue_rename, True, self._ask_rename),
            (self.delete, self.queue_delete, True, self._count_then_confirm_delete),
            (self.move_by_rule, self.queue_move_by_rule, False, self._ask_rule),
        ]
        for row, (now, queued, _selection, act) in enumerate(self._pairs):
            now.clicked.connect(lambda _=False, act=act: act(False))
            queued.clicked.connect(lambda _=False, act=act: act(True))
            actions.addWidget(now, row, 0)
            actions.addWidget(queued, row, 1)
        self.refresh = action_button(self, "refreshFolders", self.tr("Refres&h"))
        self.refresh.clicked.connect(desk.reload_folders)
        actions.addWidget(self.refresh, len(self._pairs), 0)
        actions.setRowStretch(len(self._pairs) + 1, 1)
        layout.addLayout(actions)
        desk.folders_read.connect(self.show_folders)
        desk.changed.connect(self.apply)
        self.show_folders()

    # -- showing ---------------------------------------------------------------------

    def show_folders(self) -> None:
        chosen = self.selected_path()
        self.model.removeRows(0, self.model.rowCount())
        root = self.model.invisibleRootItem()
        for node in folder_tree(self.desk.folders):
            self._append(root, node)
        self.tree.expandAll()
        if chosen:
            self.select(chosen)
        if self.desk.reading_folders:
            self.note.setText(self.tr("Reading the folders…"))
        elif self.desk.folders_error:
            self.note.setText(self.desk.folders_error)
        else:
            self.note.setText("")
        self.note.setVisible(bool(self.note.text()))
        self.apply()

    def _append(self, parent: QStandardItem, node: FolderNode) -> None:
        name = QStandardItem(node.label)
        name.setData(node.path if node.is_folder else "", PATH_ROLE)
        name.setToolTip(node.path)
        count = QStandardItem("" if node.messages is None else str(node.messages))
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not node.is_folder:
            name.setForeground(self.palette().placeholderText())
        parent.appendRow([name, count])
        for child in node.children:
            self._append(name, child)

    def selected_path(self) -> str:
        """The full name of the selected folder ("" when none, or a level that is no folder)."""
        indexes = self.tree.selectionModel().selectedRows(0)
        return str(indexes[0].data(PATH_ROLE) or "") if indexes else ""

    def select(self, path: str) -> bool:
        """Select the folder ``path`` (tests, and keeping the selection across a refresh)."""
        found = self.model.match(
            self.model.index(0, 0),
            PATH_ROLE,
            path,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        if found:
            self.tree.setCurrentIndex(found[0])
        return bool(found)

    def apply(self) -> None:
        """Enable what may run now; while edits are closed, say why and offer "Queue …"."""
        desk = self.desk
        closed = desk.closed_reason()
        path = self.selected_path()
        protected = path.upper() == "INBOX"
        for now, queued, needs_folder, _act in self._pairs:
            usable = desk.account is not None and not desk.busy
            if needs_folder:
                usable = usable and bool(path) and not protected
            now.setEnabled(usable and closed is None)
            queued.setVisible(closed is not None)
            queued.setEnabled(usable)
            tip = closed or ""
            if needs_folder and protected:
                tip = self.tr("INBOX cannot be renamed or deleted.")
            now.setToolTip(tip)
            queued.setToolTip(closed or "")
        self.refresh.setEnabled(desk.account is not None and not desk.reading_folders)

    # -- asking ----------------------------------------------------------------------

    def _ask_new_name(self, queue: bool) -> None:
        delimiter = next((f.delimiter for f in self.desk.folders if f.delimiter), "/")
        FolderNameDialog(
            self,
            title=self.tr("New folder"),
            intro=self.tr(
                "The new folder's full name; '{delimiter}' separates the levels, "
                "as in 'Archive{delimiter}2026'."
            ).format(delimiter=delimiter),
            accept_label=self.tr("&Queue creation") if queue else self.tr("&Create"),
            name="",
            taken=set(self.desk.folder_names()),
            on_name=lambda name: self.desk.edit(
                FolderOperation(OperationKind.CREATE_FOLDER, name), queue=queue
            ),
        ).open()

    def _ask_rename(self, queue: bool) -> None:
        old = self.selected_path()
        if not old:
            return
        FolderNameDialog(
            self,
            title=self.tr("Rename folder"),
            intro=self.tr("The new full name of '{folder}':").format(folder=old),
            accept_label=self.tr("&Queue renaming") if queue else self.tr("&Rename"),
            name=old,
            taken=set(self.desk.folder_names()),
            on_name=lambda name: self.desk.edit(
                FolderOperation(OperationKind.RENAME_FOLDER, old, new_name=name), queue=queue
            ),
        ).open()

    def _count_then_confirm_delete(self, queue: bool) -> None:
        """The count is read afresh: the confirmation names what the folder holds now."""
        folder = self.selected_path()
        if not folder:
            return
        paths = self.desk.context.paths
        self.desk.read(
            lambda account: work.count_messages(paths, account, folder),
            lambda count: self._confirm_delete(folder, count, queue),
            doing=self.tr("Counting the messages in '{folder}'…").format(folder=folder),
        )

    def _confirm_delete(self, folder: str, count: int, queue: bool) -> None:
        if count:
            question = self.tr(
                "Delete '{folder}' and its %n message(s)? They cannot be restored.", "", count
            ).format(folder=folder)
        else:
            question = self.tr("Delete the empty folder '{folder}'?").format(folder=folder)
        details = ""
        standing = self.desk.standing
        if queue and standing is not None and standing.edits_open_at is not None:
            details = self.tr(
                "It runs once edits open again at {reopen}. Should the folder hold more mail "
                "by then, nothing is deleted."
            ).format(reopen=self.desk.context.render.moment(standing.edits_open_at))
        request = DeleteFolder(folder, with_messages=count > 0, confirmed_messages=count)
        confirm(
            self,
            name="confirmDelete",
            title=self.tr("Delete folder"),
            question=question,
            details=details,
            yes_label=self.tr("&Queue delete") if queue else self.tr("&Delete"),
            on_yes=lambda: self.desk.edit(request, queue=queue),
            destructive=True,
        )

    def _ask_rule(self, queue: bool) -> None:
        open_rule_dialog(self, self.desk, source=self.selected_path() or "INBOX", queue=queue)
