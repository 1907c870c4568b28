"""Takes the README's screenshots of the real app on the demo, in English and German.

Run inside an X session that has a system tray and a notification daemon, e.g.

    ../shared/tools/desktop-session -- .venv/bin/python packaging/screenshots.py

It plays a two-minute demo per language with the tray app in-process and
captures, at the moments they show something: the tray menu and a notification
during the window, Folders (edits held back, queue offered), Settings, and the
Report once the late mail is in. Pictures go to docs/screenshots/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from mailguard.app.zones import utc_now
from mailguard.core.settings import Language
from mailguard.demo.world import demo_world
from mailguard.store.settings_store import SettingsStore
from mailguard.ui.demo_tray import demo_app
from mailguard.ui.launch import make_qt_app

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def wait_until(app: QApplication, condition: Callable[[], bool], timeout_s: float) -> bool:
    """Runs the event loop until ``condition()`` holds or the time is up."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.05)
    return False


def screen_region(rect: QRect) -> QPixmap:
    screen = QGuiApplication.primaryScreen()
    return screen.grabWindow(0, rect.x(), rect.y(), rect.width(), rect.height())


def save(pixmap: QPixmap, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    if not pixmap.save(str(path)):
        raise OSError(f"cannot write {path}")
    print(path)


def window_shot(widget: QWidget, name: str, app: QApplication) -> None:
    widget.resize(widget.sizeHint().expandedTo(widget.size()))
    widget.show()
    widget.raise_()
    wait_until(app, lambda: False, 1.5)  # let it read and paint
    save(widget.grab(), name)


def take(language: Language, app: QApplication) -> None:
    code = language.value
    subprocess.run(["dunstctl", "close-all"], check=False)  # the last language's bubbles
    with demo_world(timedelta(minutes=2), keep=False, say=print) as setup:
        store = SettingsStore(setup.paths.config_dir)
        store.save(replace(store.load(), language=language))
        tray, player = demo_app(app, setup)
        tray.start()
        player.start()
        try:
            timeline = setup.timeline
            wait_until(app, lambda: utc_now() > timeline.window_start + timedelta(seconds=6), 90)
            screen = QGuiApplication.primaryScreen().geometry()
            save(screen_region(QRect(screen.width() - 330, 0, 330, 190)), f"notification-{code}")
            if tray.tray is not None:
                menu = tray.menu.menu
                anchor = tray.tray.icon.geometry()
                menu.popup(QPoint(max(0, anchor.x() - 420), max(0, anchor.y() - 330)))
                wait_until(app, lambda: False, 1.0)
                save(menu.grab(), f"tray-menu-{code}")
                menu.hide()
            tray.windows.show_folders()
            window_shot(tray.windows.opened("folders"), f"folders-{code}", app)  # type: ignore[arg-type]
            tray.windows.opened("folders").hide()  # type: ignore[union-attr]
            tray.windows.show_settings()
            settings = tray.windows.opened("settings")
            settings.show_named(settings.sources)  # type: ignore[union-attr]
            settings.resize(820, 560)  # type: ignore[union-attr]
            window_shot(settings, f"settings-{code}", app)  # type: ignore[arg-type]
            tray.windows.opened("settings").hide()  # type: ignore[union-attr]
            wait_until(app, lambda: player.progress.late_listed, 120)
            stored: list[int] = []  # a last "Resync now": one report with all the late mail
            tray.hub.report_stored.connect(lambda _account, number: stored.append(number))
            tray.controller.resync("demo")
            wait_until(app, lambda: bool(stored), 60)
            tray.windows.show_report()
            window_shot(tray.windows.opened("report"), f"report-{code}", app)  # type: ignore[arg-type]
        finally:
            tray.shutdown()
            for widget in QApplication.topLevelWidgets():
                widget.close()


def main() -> int:
    app = make_qt_app(sys.argv[:1])
    for language in (Language.ENGLISH, Language.GERMAN):
        take(language, app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
