"""Driving the Settings window in tests: open it on a page, type into a field as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mailguard.ui.app import TrayApp
from mailguard.ui.windows.settings import SettingsWindow


def settings_of(app: TrayApp) -> SettingsWindow:
    window = app.windows.opened("settings")
    assert isinstance(window, SettingsWindow)
    return window


def open_settings(app: TrayApp, qtbot: QtBot, page: str) -> SettingsWindow:
    """Settings opened from the tray, on ``page`` (an attribute name), once it has loaded."""
    app.windows.show_settings()
    window = settings_of(app)
    window.show_named(getattr(window, page))
    qtbot.waitUntil(lambda: not any(p.work.busy for p in window.listed), timeout=10_000)
    return window


def type_into(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Select what the field holds, delete it, type ``text``."""
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
