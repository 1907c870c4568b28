"""Placeholder until the FoldersWindow lands (issue 9); the opener's interface is fixed here."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from mailguard.ui.context import UiContext


class FoldersWindow(QDialog):
    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context

    def show_account(self, account: str | None) -> None:
        pass
