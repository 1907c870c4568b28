"""Opens the app's windows on request, one of each, raised when already open."""

from __future__ import annotations

import subprocess
from typing import Protocol, TypeVar

from PySide6.QtWidgets import QApplication, QWidget

from mailguard.app.relaunch import mailguard_command
from mailguard.ui.context import UiContext
from mailguard.ui.controller import WindowOpener
from mailguard.ui.tab_style import keep_tab_labels_whole


class _ContextWindow(Protocol):
    def __init__(self, context: UiContext) -> None: ...


W = TypeVar("W", bound=QWidget)


class AppWindows(WindowOpener):
    """Creates each window on first use (start-up stays fast) and keeps it."""

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self._context = context
        self._open: dict[str, QWidget] = {}

    def show_settings(self, *, first_run: bool = False) -> None:
        from mailguard.ui.windows.settings import SettingsWindow  # noqa: PLC0415

        fresh = not isinstance(self._open.get("settings"), SettingsWindow)
        window = self._window("settings", SettingsWindow)
        if fresh:
            window.demo_requested.connect(start_demo)
            window.offer_demo()
        window.show_page(first_run=first_run)
        _raise(window)

    def show_report(self, account: str | None = None, report_id: int | None = None) -> None:
        from mailguard.ui.windows.report import ReportWindow  # noqa: PLC0415

        window = self._window("report", ReportWindow)
        window.show_report(account, report_id)
        _raise(window)

    def show_folders(self, account: str | None = None) -> None:
        from mailguard.ui.windows.folders import FoldersWindow  # noqa: PLC0415

        window = self._window("folders", FoldersWindow)
        window.show_account(account)
        _raise(window)

    def show_windows(self) -> None:
        from mailguard.ui.windows.upcoming import UpcomingWindows  # noqa: PLC0415

        _raise(self._window("upcoming", UpcomingWindows))

    def opened(self, name: str) -> QWidget | None:
        """The window called ``name`` if it was opened (tests, screenshots)."""
        return self._open.get(name)

    def _window(self, name: str, kind: type[W]) -> W:
        window = self._open.get(name)
        if not isinstance(window, kind):
            app = QApplication.instance()
            if isinstance(app, QApplication):
                keep_tab_labels_whole(app)
            window = kind(self._context)  # type: ignore[arg-type]
            self._open[name] = window
        return window


def _raise(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()


def start_demo() -> None:
    """The "Try the demo" button: ``mailguard demo`` in a process, home and tray of its own."""
    subprocess.Popen([*mailguard_command(), "demo"], start_new_session=True)
