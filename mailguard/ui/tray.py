"""The tray icon and its menu, drawn from a TrayView (see ``core.tray_view``).

It only renders and forwards clicks as signals; what the menu says comes from
the presenter, what a click does is the controller's (``ui.controller``).
Where the desktop has no system tray, a small window with the same menu and
status stands in, so the app still works (``StatusWindow``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from mailguard.core.phrases import Phrase
from mailguard.core.tray_view import TrayIcon, TrayView
from mailguard.ui.resource_files import icon_file


class TrayMenu(QObject):
    """The menu both faces share; its actions raise signals, nothing more."""

    resync_requested = Signal(str)  # account
    check_requested = Signal()
    report_requested = Signal()
    folders_requested = Signal()
    windows_requested = Signal()
    pause_requested = Signal(object)  # datetime (UTC) until which, or None to resume
    settings_requested = Signal()
    quit_requested = Signal()

    def __init__(self, render: Callable[[Phrase], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._render = render
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self._view: TrayView | None = None

    def show_view(self, view: TrayView) -> None:
        """Rebuild the menu for ``view`` (a handful of entries: cheap, and always right)."""
        self._view = view
        menu = self.menu
        menu.clear()
        for line in view.accounts:
            status = menu.addAction(self._account_text(view, line.name, line.status))
            status.setEnabled(False)
            status.setObjectName(f"status:{line.name}")
        if not view.accounts:
            hint = menu.addAction(self._render(view.tooltip[0]))
            hint.setEnabled(False)
        if view.next_window is not None:
            upcoming = menu.addAction(self._render(view.next_window))
            upcoming.setObjectName("nextWindow")
            upcoming.triggered.connect(self.windows_requested)
        menu.addSeparator()
        self._add_resync(view)
        check = menu.addAction(self.tr("Check schedules now"))
        check.setObjectName("checkNow")
        check.triggered.connect(self.check_requested)
        report = menu.addAction(self.tr("Show report…"))
        report.setObjectName("showReport")
        report.setEnabled(bool(view.accounts))
        report.triggered.connect(self.report_requested)
        folders = menu.addAction(self.tr("Folders…"))
        folders.setObjectName("folders")
        folders.setEnabled(bool(view.accounts))
        folders.triggered.connect(self.folders_requested)
        self._add_pause()
        menu.addSeparator()
        settings = menu.addAction(self.tr("Settings…"))
        settings.setObjectName("settings")
        settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        settings.triggered.connect(self.settings_requested)
        quit_action = menu.addAction(self.tr("Quit mailguard"))
        quit_action.setObjectName("quit")
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.quit_requested)

    def action(self, name: str) -> QAction | None:
        """The menu entry with ``objectName`` ``name`` (tests and the fallback window)."""
        for action in self._all_actions(self.menu):
            if action.objectName() == name:
                return action
        return None

    def _account_text(self, view: TrayView, name: str, status: Phrase) -> str:
        text = self._render(status)
        return f"{name}: {text}" if len(view.accounts) > 1 else text

    def _add_resync(self, view: TrayView) -> None:
        if len(view.accounts) == 1:
            line = view.accounts[0]
            resync = self.menu.addAction(self._render(line.resync_label))
            resync.setObjectName(f"resync:{line.name}")
            resync.setEnabled(line.resync_enabled)
            resync.triggered.connect(lambda: self.resync_requested.emit(line.name))
            return
        submenu = self.menu.addMenu(self.tr("Resync now"))
        submenu.setObjectName("resyncMenu")
        submenu.setEnabled(bool(view.accounts))
        for line in view.accounts:
            entry = submenu.addAction(f"{line.name}: {self._render(line.resync_label)}")
            entry.setObjectName(f"resync:{line.name}")
            entry.setEnabled(line.resync_enabled)
            entry.triggered.connect(lambda _=False, n=line.name: self.resync_requested.emit(n))

    def _add_pause(self) -> None:
        pause = self.menu.addMenu(self.tr("Pause warnings"))
        pause.setObjectName("pauseMenu")
        hour = pause.addAction(self.tr("For 1 hour"))
        hour.setObjectName("pauseHour")
        hour.triggered.connect(
            lambda: self.pause_requested.emit(datetime.now(UTC) + timedelta(hours=1))
        )
        tomorrow = pause.addAction(self.tr("Until tomorrow"))
        tomorrow.setObjectName("pauseTomorrow")
        tomorrow.triggered.connect(lambda: self.pause_requested.emit(_tomorrow_morning()))
        resume = pause.addAction(self.tr("Resume warnings"))
        resume.setObjectName("pauseResume")
        resume.triggered.connect(lambda: self.pause_requested.emit(None))

    @staticmethod
    def _all_actions(menu: QMenu) -> list[QAction]:
        found: list[QAction] = []
        for action in menu.actions():
            found.append(action)
            if action.menu() is not None:
                found.extend(TrayMenu._all_actions(action.menu()))  # type: ignore[arg-type]
        return found


def _tomorrow_morning() -> datetime:
    """08:00 tomorrow, local time: "until tomorrow" as a person means it."""
    local = datetime.now().astimezone()
    morning = (local + timedelta(days=1)).replace(hour=8, minute=0, second=0, microsecond=0)
    return morning.astimezone(UTC)


def tray_icon(name: TrayIcon) -> QIcon:
    return QIcon(str(icon_file(name.value)))


class TrayFace(QObject):
    """The system tray icon: its picture, tooltip and menu follow the TrayView."""

    activated = Signal()  # a left click: open the status (settings) window

    def __init__(self, menu: TrayMenu, render: Callable[[Phrase], str]) -> None:
        super().__init__()
        self._render = render
        self.icon = QSystemTrayIcon()
        self.icon.setObjectName("mailguardTray")
        self.icon.setContextMenu(menu.menu)
        self.icon.setIcon(tray_icon(TrayIcon.CLEAR))
        self.icon.activated.connect(self._on_activated)
        self.current = TrayIcon.CLEAR

    def show(self) -> None:
        self.icon.show()

    def show_view(self, view: TrayView) -> None:
        if view.icon is not self.current:
            self.icon.setIcon(tray_icon(view.icon))
            self.current = view.icon
        self.icon.setToolTip("mailguard\n" + "\n".join(self._render(p) for p in view.tooltip))

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason is QSystemTrayIcon.ActivationReason.Trigger:
            self.activated.emit()


class StatusWindow(QMainWindow):
    """Stands in for the tray where there is none: the same status and the same menu."""

    def __init__(self, menu: TrayMenu, render: Callable[[Phrase], str]) -> None:
        super().__init__()
        self._render = render
        self.setObjectName("statusWindow")
        self.setWindowTitle("mailguard")
        self.setWindowIcon(QIcon(str(icon_file("app"))))
        self.current = TrayIcon.CLEAR
        bar = self.menuBar().addMenu(self.tr("&mailguard"))
        bar.setObjectName("statusWindowMenu")
        self._menu = menu
        self._bar = bar
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.status = QLabel(body)
        self.status.setObjectName("statusText")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        layout.addWidget(self.status)
        self.setCentralWidget(body)
        self.resize(420, 140)

    def show_view(self, view: TrayView) -> None:
        self.current = view.icon
        self.setWindowIcon(tray_icon(view.icon))
        self.status.setText("\n".join(self._render(p) for p in view.tooltip))
        self._bar.clear()
        for action in self._menu.menu.actions():
            self._bar.addAction(action)
