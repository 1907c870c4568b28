"""Placeholder until the ReportWindow lands (issue 9); the opener's interface is fixed here."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from mailguard.ui.context import UiContext


class ReportWindow(QDialog):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context

    def show_report(self, account: str | None, report_id: int | None) -> None:
        pass
