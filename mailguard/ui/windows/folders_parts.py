"""Pieces the Folders window's tabs share: a labelled action button, a flat list of rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTreeWidget, QWidget


def action_button(parent: QWidget, name: str, text: str) -> QPushButton:
    """A button with a mnemonic in ``text``; its accessible name is the text without it."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", ""))
    return button


def row_list(
    parent: QWidget,
    name: str,
    accessible: str,
    headers: list[str],
    on_selection: Callable[[], None],
) -> QTreeWidget:
    """One selectable row per item, columns sized to their content, the last one stretched."""
    rows = QTreeWidget(parent)
    rows.setObjectName(name)
    rows.setAccessibleName(accessible)
    rows.setRootIsDecorated(False)
    rows.setHeaderLabels(headers)
    rows.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    rows.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    rows.header().setStretchLastSection(True)
    rows.itemSelectionChanged.connect(on_selection)
    return rows
