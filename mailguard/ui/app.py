"""The tray app's composition root: Qt, the guard's thread, the tray, notifications, windows.

``run_tray`` is what ``mailguard`` (no subcommand) and ``mailguard tray`` start.
A second launch on the same home hands over to the running app and exits 0;
a home guarded by ``mailguard watch`` is refused (exit 3), as a second watch is.
"""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from mailguard import __version__
from mailguard.app.zones import system_zone
from mailguard.core.notification_policy import NotificationPolicy
from mailguard.core.settings import AppSettings
from mailguard.core.tray_view import TrayView
from mailguard.store.account_store import AccountStore
from mailguard.store.instance_lock import GuardLock
from mailguard.store.paths import AppPaths
from mailguard.store.settings_store import SettingsStore
from mailguard.ui.context import UiContext, UiHub
from mailguard.ui.controller import TrayController
from mailguard.ui.guard_engine import GuardEngine, GuardThread
from mailguard.ui.i18n import PhraseRenderer, Translations
from mailguard.ui.lanes import Lanes
from mailguard.ui.notifier import Notifier
from mailguard.ui.resource_files import icon_file
from mailguard.ui.single_instance import InstanceServer, hand_over
from mailguard.ui.tray import StatusWindow, TrayFace, TrayMenu
from mailguard.ui.window_opener import AppWindows

log = logging.getLogger("mailguard.ui")


@dataclass(frozen=True, slots=True)
class TrayOptions:
    tick_interval_ms: int = 30_000
    force_window: bool = False  # show the status window even where a tray exists


class TrayApp:
    """Everything the running app holds; ``start`` shows it, ``shutdown`` ends it cleanly."""

    def __init__(self, qt_app: QApplication, paths: AppPaths, options: TrayOptions) -> None:
        self.qt_app = qt_app
        self.paths = paths
        self.settings_store = SettingsStore(paths.config_dir)
        settings = self.settings_store.load()
        self._policy = settings.policy()
        self.translations = Translations(qt_app)
        self.translations.use(settings.language)
        zone = system_zone()
        self.lanes = Lanes()
        self.hub = UiHub()
        self.engine = GuardEngine(paths, tick_interval_ms=options.tick_interval_ms)
        self.guard_thread = GuardThread(self.engine)
        self.engine.round_finished.connect(self.hub.round_finished)
        self.engine.failed.connect(lambda text: log.error("the guard cannot run: %s", text))
        render = PhraseRenderer(zone)
        self.context = UiContext(
            paths=paths,
            lanes=self.lanes,
            render=render,
            zone=zone,
            settings=self.settings_store,
            hub=self.hub,
            request_check=self.guard_thread.request_check.emit,
            request_overview=self.guard_thread.request_overview.emit,
        )
        self.menu = TrayMenu(render)
        self.tray: TrayFace | None = None
        self.status_window: StatusWindow | None = None
        faces: list[Callable[[TrayView], None]] = []
        if QSystemTrayIcon.isSystemTrayAvailable() and not options.force_window:
            self.tray = TrayFace(self.menu, render)
            faces.append(self.tray.show_view)
        else:
            self.status_window = StatusWindow(self.menu, render)
            faces.append(self.status_window.show_view)
        self.notifier = Notifier(self.lanes, render, self.tray.icon if self.tray else None)
        self.windows = AppWindows(self.context)
        self.controller = TrayController(
            context=self.context,
            menu=self.menu,
            faces=faces,
            notifier=self.notifier,
            windows=self.windows,
            policy=NotificationPolicy(paused_until=settings.paused_until),
            quit_app=qt_app.quit,
        )
        if self.tray is not None:
            self.tray.activated.connect(self.windows.show_settings)
        self.instance = InstanceServer(paths)
        self.instance.show_requested.connect(self.windows.show_settings)
        self.hub.settings_changed.connect(self._settings_changed)

    def _settings_changed(self, settings: AppSettings) -> None:
        self.translations.use(settings.language)
        if settings.policy() != self._policy:  # the guard's timing: it takes it at once
            self._policy = settings.policy()
            self.guard_thread.request_reload.emit()

    def start(self) -> None:
        self.instance.listen()
        self.controller.start()
        if self.tray is not None:
            self.tray.show()
        if self.status_window is not None:
            self.status_window.show()
        self.notifier.start()
        self.guard_thread.start()
        if not AccountStore(self.paths.config_dir).all():
            self.windows.show_settings(first_run=True)

    def shutdown(self) -> None:
        """Stop the guard (finishing its tick), wait for background work, close the bus."""
        self.instance.close()
        self.guard_thread.stop()
        self.lanes.wait()
        self.notifier.stop()
        if self.tray is not None:
            self.tray.icon.hide()


def make_qt_app(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setApplicationName("mailguard")
    QCoreApplication.setOrganizationName("mailguard")
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("mailguard")
    QApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    qt_app = QApplication(list(argv))
    qt_app.setQuitOnLastWindowClosed(False)
    qt_app.setWindowIcon(QIcon(str(icon_file("app"))))
    return qt_app


def quit_on_signals(qt_app: QApplication) -> None:
    """Ctrl-C and SIGTERM end the app cleanly (aboutToQuit runs its shutdown).

    Python runs signal handlers only between bytecodes; the timer hands control
    back to the interpreter four times a second while Qt's loop waits.
    """
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: qt_app.quit())
    wake = QTimer(qt_app)
    wake.timeout.connect(lambda: None)
    wake.start(250)


def run_tray(paths: AppPaths, options: TrayOptions | None = None) -> int:
    """The app's event loop; returns its exit code."""
    qt_app = make_qt_app(sys.argv[:1])
    if hand_over(paths):
        log.info("another mailguard runs for this home; it was asked to show its window")
        return 0
    with GuardLock(paths.data_dir, "mailguard tray"):
        app = TrayApp(qt_app, paths, options or TrayOptions())
        qt_app.aboutToQuit.connect(app.shutdown)
        quit_on_signals(qt_app)
        app.start()
        return qt_app.exec()
