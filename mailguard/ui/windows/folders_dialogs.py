"""The Folders window's questions: a folder's name, and "are you sure" naming what is lost.

All open window-modal (``open()``, never a blocking ``exec()``), so the guard's
rounds and lane results keep arriving while one is up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)


class FolderNameDialog(QDialog):
    """Asks for a folder's full name; OK only for a new, non-empty name."""

    def __init__(
        self,
        parent: QWidget,
        *,
        title: str,
        intro: str,
        accept_label: str,
        name: str,
        taken: set[str],
        on_name: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("folderNameDialog")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._taken = taken
        layout = QVBoxLayout(self)
        explanation = QLabel(intro, self)
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        form = QFormLayout()
        self.name = QLineEdit(name, self)
        self.name.setObjectName("folderName")
        self.name.setAccessibleName(self.tr("Folder name"))
        label = QLabel(self.tr("&Name:"), self)
        label.setBuddy(self.name)
        form.addRow(label, self.name)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setObjectName("folderNameProblem")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(accept_label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("folderNameOk")
        self.ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.accepted.connect(lambda: on_name(self.name.text().strip()))
        self.name.textChanged.connect(self._check)
        self._check(name)
        self.name.selectAll()

    def _check(self, text: str) -> None:
        name = text.strip()
        problem = ""
        if name in self._taken:
            problem = self.tr("A folder with this name exists already.")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.ok.setEnabled(bool(name) and not problem)


def confirm(
    parent: QWidget,
    *,
    name: str,
    title: str,
    question: str,
    details: str,
    yes_label: str,
    on_yes: Callable[[], None],
    destructive: bool = False,
) -> QMessageBox:
    """Ask before acting; Cancel is the default and Escape. ``on_yes()`` on yes."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(question)
    box.setInformativeText(details)
    role = QMessageBox.ButtonRole.DestructiveRole if destructive else QMessageBox.ButtonRole.YesRole
    yes = box.addButton(yes_label, role)
    yes.setObjectName("confirmYes")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("confirmNo")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    yes.clicked.connect(on_yes)
    box.open()
    return box
