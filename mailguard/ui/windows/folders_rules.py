"""Filing rules in the Folders window: list, add, remove, and run one now through the gate.

The same FilingRule and RuleStore as ``mailguard rule``; "Run now" is the
guard's own rule run (``service.filing_run``), so a rule's move waits out a
window like any edit. The guard also runs every rule by itself once edits are open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mailguard.core.errors import UsageError
from mailguard.core.filing_rules import FilingRule
from mailguard.ui.windows import folders_work as work
from mailguard.ui.windows.folders_desk import FolderDesk
from mailguard.ui.windows.folders_dialogs import confirm
from mailguard.ui.windows.folders_parts import action_button, row_list


class RulesTab(QWidget):
    def __init__(self, desk: FolderDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        intro = QLabel(
            self.tr(
                "Mail in a folder that matches every condition of a rule goes to its target "
                "folder. mailguard runs the rules whenever folder edits are open."
            ),
            self,
        )
        intro.setWordWrap(True)
        left.addWidget(intro)
        self.list = row_list(
            self,
            "ruleList",
            self.tr("Filing rules"),
            [self.tr("Rule"), self.tr("From folder"), self.tr("To folder"), self.tr("When")],
            self.apply,
        )
        left.addWidget(self.list)
        layout.addLayout(left, 1)
        buttons = QVBoxLayout()
        self.new_rule = action_button(self, "newRule", self.tr("N&ew rule…"))
        self.run_now = action_button(self, "runRule", self.tr("Run &now"))
        self.queue_run = action_button(self, "queueRunRule", self.tr("Queue run"))
        self.remove = action_button(self, "removeRule", self.tr("Re&move…"))
        for button in (self.new_rule, self.run_now, self.queue_run, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.new_rule.clicked.connect(
            lambda: open_rule_dialog(self, desk, source="INBOX", queue=False, choose=False)
        )
        self.run_now.clicked.connect(lambda: self._run(queue=False))
        self.queue_run.clicked.connect(lambda: self._run(queue=True))
        self.remove.clicked.connect(self._confirm_remove)
        desk.journal_read.connect(self.show_rules)
        desk.changed.connect(self.apply)
        self.show_rules()

    def show_rules(self) -> None:
        chosen = self.selected_rule()
        self.list.clear()
        for rule in self.desk.journal.rules:
            item = QTreeWidgetItem(
                [rule.name, rule.folder, rule.target, self.conditions_text(rule)]
            )
            self.list.addTopLevelItem(item)
            if rule.name == chosen:
                item.setSelected(True)
        self.apply()

    def selected_rule(self) -> str:
        items = self.list.selectedItems()
        return items[0].text(0) if items else ""

    def apply(self) -> None:
        desk = self.desk
        closed = desk.closed_reason()
        usable = desk.account is not None and not desk.busy
        chosen = bool(self.selected_rule())
        self.new_rule.setEnabled(usable)
        self.remove.setEnabled(usable and chosen)
        self.run_now.setEnabled(usable and chosen and closed is None)
        self.run_now.setToolTip(closed or "")
        self.queue_run.setVisible(closed is not None)
        self.queue_run.setEnabled(usable and chosen)
        self.queue_run.setToolTip(closed or "")

    def conditions_text(self, rule: FilingRule) -> str:
        """``sender contains 'shop', subject contains 'invoice'``."""
        parts = []
        if rule.sender_contains:
            parts.append(self.tr("sender contains '{text}'").format(text=rule.sender_contains))
        if rule.recipient_contains:
            parts.append(
                self.tr("recipient contains '{text}'").format(text=rule.recipient_contains)
            )
        if rule.subject_contains:
            parts.append(self.tr("subject contains '{text}'").format(text=rule.subject_contains))
        return ", ".join(parts)

    def _run(self, *, queue: bool) -> None:
        if name := self.selected_rule():
            self.desk.run_rule(name, queue=queue)

    def _confirm_remove(self) -> None:
        name = self.selected_rule()
        if not name:
            return
        paths = self.desk.context.paths
        confirm(
            self,
            name="confirmRemoveRule",
            title=self.tr("Remove filing rule"),
            question=self.tr("Remove the filing rule '{rule}'?").format(rule=name),
            details=self.tr("Mail it moved stays where it is."),
            yes_label=self.tr("&Remove"),
            on_yes=lambda: self.desk.change(
                lambda account: work.remove_rule(paths, account, name),
                lambda _none: self.desk.said.emit(
                    self.tr("Removed the filing rule '{rule}'.").format(rule=name), False
                ),
                folders_too=False,
                journal_too=False,
            ),
        )


class RuleDialog(QDialog):
    """Choose a filing rule or define a new one; then save it, run it now, or queue its run."""

    def __init__(
        self,
        parent: QWidget,
        desk: FolderDesk,
        *,
        source: str,
        queue: bool,
        choose: bool,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.queue = queue
        self.setObjectName("ruleDialog")
        self.setWindowTitle(self.tr("Move messages by rule") if choose else self.tr("New rule"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.choice = QComboBox(self)
        self.choice.setObjectName("ruleChoice")
        self.choice.setAccessibleName(self.tr("Filing rule"))
        self.choice.addItem(self.tr("A new rule"), "")
        for rule in desk.journal.rules:
            self.choice.addItem(rule.name, rule.name)
        if choose and desk.journal.rules:
            self._row(form, self.tr("R&ule:"), self.choice)
        else:
            self.choice.hide()
        self.name = self._text("ruleName", self.tr("Rule name"))
        self._row(form, self.tr("&Name:"), self.name)
        folders = desk.folder_names()
        self.folder = self._folder_box("ruleFolder", self.tr("From folder"), folders, source)
        self._row(form, self.tr("&From folder:"), self.folder)
        target = next((f for f in folders if f != source and f.upper() != "INBOX"), "")
        self.target = self._folder_box("ruleTarget", self.tr("To folder"), folders, target)
        self._row(form, self.tr("&To folder:"), self.target)
        self.sender_field = self._text("ruleSender", self.tr("Sender contains"))
        self._row(form, self.tr("&Sender contains:"), self.sender_field)
        self.recipient_field = self._text("ruleRecipient", self.tr("Recipient contains"))
        self._row(form, self.tr("Re&cipient (To or Cc) contains:"), self.recipient_field)
        self.subject_field = self._text("ruleSubject", self.tr("Subject contains"))
        self._row(form, self.tr("Su&bject contains:"), self.subject_field)
        layout.addLayout(form)
        self.run = QCheckBox(
            self.tr("Also queue moving the matching mail no&w")
            if queue
            else self.tr("Also move the matching mail no&w"),
            self,
        )
        self.run.setObjectName("ruleRunNow")
        self.run.setAccessibleName(self.run.text().replace("&", ""))
        self.run.setChecked(choose)
        layout.addWidget(self.run)
        self.problem = QLabel(self)
        self.problem.setObjectName("ruleProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(self.tr("Sa&ve rule"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("ruleOk")
        self.ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.choice.currentIndexChanged.connect(self._chosen)
        self._chosen()

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, self)
        label.setBuddy(field)
        form.addRow(label, field)

    def _text(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        return edit

    def _folder_box(self, name: str, accessible: str, folders: list[str], text: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItems(folders)
        box.setCurrentText(text)
        return box

    def chosen_rule(self) -> FilingRule | None:
        name = self.choice.currentData()
        return next((r for r in self.desk.journal.rules if r.name == name), None)

    def _chosen(self) -> None:
        """An existing rule fills the form, read-only: the dialog then only runs it."""
        rule = self.chosen_rule()
        fields = (self.name, self.sender_field, self.recipient_field, self.subject_field)
        for field in (*fields, self.folder, self.target, self.run):
            field.setEnabled(rule is None)
        if rule is not None:
            self.name.setText(rule.name)
            self.folder.setCurrentText(rule.folder)
            self.target.setCurrentText(rule.target)
            self.sender_field.setText(rule.sender_contains or "")
            self.recipient_field.setText(rule.recipient_contains or "")
            self.subject_field.setText(rule.subject_contains or "")
            self.ok.setText(self.tr("&Queue run") if self.queue else self.tr("&Run now"))
        else:
            self.ok.setText(self.tr("Sa&ve rule"))

    def accept(self) -> None:
        """Check the rule here (one line, the dialog stays); save and run it on the lane."""
        existing = self.chosen_rule()
        paths, queue = self.desk.context.paths, self.queue
        if existing is not None:
            self.desk.run_rule(existing.name, queue=queue)
            super().accept()
            return
        try:
            rule = FilingRule(
                name=self.name.text().strip(),
                folder=self.folder.currentText().strip(),
                target=self.target.currentText().strip(),
                sender_contains=self.sender_field.text().strip() or None,
                recipient_contains=self.recipient_field.text().strip() or None,
                subject_contains=self.subject_field.text().strip() or None,
            )
        except UsageError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        run = self.run.isChecked()
        desk = self.desk
        added = self.tr("Added the filing rule '{rule}'.").format(rule=rule.name)
        no_match = self.tr("No mail matches it now.")

        def said(ran: work.RuleRun | None) -> None:
            if ran is None:
                desk.said.emit(added, False)
            elif ran.refused:
                desk.said.emit(f"{added}\n{ran.refused}", True)
            elif ran.done is None:
                desk.said.emit(f"{added} {no_match}", False)
            else:
                desk.said.emit(f"{added}\n{desk.done_text(ran.done)}", False)

        desk.change(
            lambda account: work.add_rule(paths, account, rule, run=run, queue=queue),
            said,
            folders_too=run,
            journal_too=run,
        )
        super().accept()


def open_rule_dialog(
    parent: QWidget, desk: FolderDesk, *, source: str, queue: bool, choose: bool = True
) -> RuleDialog:
    dialog = RuleDialog(parent, desk, source=source, queue=queue, choose=choose)
    dialog.open()
    return dialog
