"""The tray app's composition root: Qt, the guard's thread, the tray, notifications, windows.

``ui.launch.run_tray`` starts it (``mailguard`` alone, ``mailguard tray``), once
the tray icon is on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from mailguard.app.zones import system_zone
from mailguard.core.notification_policy import NotificationPolicy
from mailguard.core.settings import AppSettings
from mailguard.core.tray_view import TrayView
from mailguard.store.account_store import AccountStore
from mailguard.store.paths import AppPaths
from mailguard.store.settings_store import SettingsStore
from mailguard.ui.context import UiContext, UiHub
from mailguard.ui.controller import TrayController
from mailguard.ui.guard_engine import GuardEngine, GuardThread
from mailguard.ui.i18n import PhraseRenderer, Translations
from mailguard.ui.lanes import Lanes
from mailguard.ui.launch import TrayOptions
from mailguard.ui.notifier import Notifier
from mailguard.ui.resource_files import icon_file
from mailguard.ui.single_instance import InstanceServer
from mailguard.ui.tray import StatusWindow, TrayFace, TrayMenu
from mailguard.ui.window_opener import AppWindows

log = logging.getLogger("mailguard.ui")


class TrayApp:
    """Everything the running app holds; ``start`` shows it, ``shutdown`` ends it cleanly."""

    def __init__(
        self,
        qt_app: QApplication,
        paths: AppPaths,
        options: TrayOptions,
        tray_icon: QSystemTrayIcon | None = None,  # shown already (ui.launch): adopted
    ) -> None:
        self.qt_app = qt_app
        qt_app.setWindowIcon(QIcon(str(icon_file("app"))))
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
            self.tray = TrayFace(self.menu, render, tray_icon)
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
