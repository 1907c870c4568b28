"""Starting the tray app: its icon on screen first, everything else after.

``run_tray`` is what ``mailguard`` (no subcommand) and ``mailguard tray`` start.
A second launch on the same home hands over to the running app and exits 0;
a home guarded by ``mailguard watch`` is refused (exit 3), as a second watch is.

This module imports only Qt and what the first moments need. The composition
root (``ui.app``: services, IMAP, SQLite, keyring, windows) is imported once
the icon is drawn: imported first, it made the icon appear 1.8x later than a
bare PySide6 tray icon's (bench/tray_bench.py).
"""

from __future__ import annotations

import logging
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from mailguard import __version__
from mailguard.core.errors import GuardAlreadyRunning
from mailguard.store.instance_lock import LOCK_FILE, GuardLock
from mailguard.store.paths import AppPaths
from mailguard.ui.resource_files import icon_file
from mailguard.ui.single_instance import hand_over

log = logging.getLogger("mailguard.ui")

#: The longest the start waits for the tray to take the icon in before going on.
EMBED_WAIT_MS = 200
#: What the home's guard lock says holds it; and how long a second launch waits
#: for a starting tray app to listen for it.
HOLDER = "mailguard tray"
HAND_OVER_WAIT_S = 5.0


@dataclass(frozen=True, slots=True)
class TrayOptions:
    tick_interval_ms: int = 30_000
    force_window: bool = False  # show the status window even where a tray exists


def run_tray(paths: AppPaths, options: TrayOptions | None = None) -> int:
    """The app's event loop; returns its exit code."""
    options = options or TrayOptions()
    qt_app = make_qt_app(sys.argv[:1])
    stop = quit_on_signals(qt_app)  # before the slow part: a Ctrl-C while starting ends it too
    if hand_over(paths):
        log.info("another mailguard runs for this home; it was asked to show its window")
        return 0
    lock = GuardLock(paths.data_dir, HOLDER)
    try:
        lock.acquire()
    except GuardAlreadyRunning:
        if _held_by_a_tray(paths) and _hand_over_once_listening(paths):
            log.info(
                "another mailguard was starting for this home; it was asked to show its window"
            )
            return 0
        raise
    try:
        icon = None
        if not options.force_window and QSystemTrayIcon.isSystemTrayAvailable():
            icon = show_icon_now(qt_app)
        from mailguard.ui.app import TrayApp  # noqa: PLC0415 - once the icon is on screen

        app = TrayApp(qt_app, paths, options, tray_icon=icon)
        qt_app.aboutToQuit.connect(app.shutdown)
        app.start()
        if stop.requested:  # while starting; its posted quit may have been spent already
            app.shutdown()
            return 0
        return qt_app.exec()
    finally:
        lock.release()


def _held_by_a_tray(paths: AppPaths) -> bool:
    """The home's guard lock names a tray app as its holder ("pid N: mailguard tray")."""
    try:
        holder = (paths.data_dir / LOCK_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return holder.strip().endswith(f": {HOLDER}")


def _hand_over_once_listening(paths: AppPaths) -> bool:
    """A tray app that is starting holds the home before it listens for later launches
    (its icon comes first): ask again until it listens, a few seconds at most."""
    deadline = time.monotonic() + HAND_OVER_WAIT_S
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if hand_over(paths):
            return True
    return False


def show_icon_now(qt_app: QApplication) -> QSystemTrayIcon:
    """The "clear" icon, shown and drawn before the rest loads; the tray face adopts it.

    An XEmbed tray moves the icon's window into itself (its geometry leaves the
    corner it was created in); the events that follow draw it. A tray that
    takes icons over D-Bus (StatusNotifierItem) has no geometry here: no wait.
    """
    icon = QSystemTrayIcon(QIcon(str(icon_file("clear"))))
    icon.setToolTip("mailguard")
    icon.show()
    created = icon.geometry()
    if created.isEmpty():
        return icon
    deadline = QDeadlineTimer(EMBED_WAIT_MS)
    while icon.geometry() == created and not deadline.hasExpired():
        qt_app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 10)
    qt_app.processEvents()  # the exposure after the embedding: the icon is drawn
    return icon


def make_qt_app(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setApplicationName("mailguard")
    QCoreApplication.setOrganizationName("mailguard")
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("mailguard")
    # High-DPI scale factors pass through unrounded: Qt 6's default, so not set here
    # (PySide6 builds its ``Qt`` namespace on first use: 15 ms before the icon).
    # The window icon is set by the composition root, once the tray icon shows.
    qt_app = QApplication(list(argv))
    qt_app.setQuitOnLastWindowClosed(False)
    return qt_app


class StopRequest:
    """Whether Ctrl-C or SIGTERM came; the caller checks it before entering the loop."""

    requested = False


def quit_on_signals(qt_app: QApplication) -> StopRequest:
    """Ctrl-C and SIGTERM end the app cleanly (aboutToQuit runs its shutdown).

    ``quit()`` before the event loop runs does nothing, and the start's own
    ``processEvents`` would spend a posted one; so a signal while starting is
    also remembered, for the caller to check before ``exec()``. Python runs
    signal handlers only between bytecodes; the timer hands control back to the
    interpreter four times a second while Qt's loop waits.
    """
    stop = StopRequest()

    def on_signal(*_: object) -> None:
        stop.requested = True
        QTimer.singleShot(0, qt_app.quit)

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, on_signal)
    wake = QTimer(qt_app)
    wake.timeout.connect(lambda: None)
    wake.start(250)
    return stop
