"""Desktop notifications from the tray: the freedesktop service where there is one.

On Linux the notification goes to ``org.freedesktop.Notifications`` (see
``desktop.notification_bus``), with the app icon and action buttons; the
daemon's ``ActionInvoked`` comes back as ``action_invoked``. Where no such
service answers (Windows, macOS, a bare X session) Qt's tray balloon is the
fallback: ``QSystemTrayIcon.showMessage`` never reaches the freedesktop
service next to an XEmbed tray, so it is used only when nothing else is there.
D-Bus calls run on their own lane, never on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QSystemTrayIcon

from mailguard.core.events import ErrorKind
from mailguard.core.notification_policy import ACTION_LABELS, Action, Notification, Urgency
from mailguard.core.phrases import Phrase
from mailguard.desktop.notification_bus import BusSignal, NotificationBus, ServerInfo
from mailguard.ui.lanes import Lanes
from mailguard.ui.resource_files import icon_file

log = logging.getLogger("mailguard.ui")

LANE = "app:notifications"
APP_NAME = "mailguard"
DESKTOP_ENTRY = "mailguard"


class Notifier(QObject):
    action_invoked = Signal(str, object)  # Action value, the Notification it was on
    shown = Signal(object, int)  # Notification, the daemon's id (0: Qt's balloon)
    _bus_signalled = Signal(object)  # from the D-Bus listener thread to the UI thread

    def __init__(
        self,
        lanes: Lanes,
        render: Callable[[Phrase], str],
        tray: QSystemTrayIcon | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lanes = lanes
        self._render = render
        self._tray = tray
        self._bus: NotificationBus | None = None
        self._sent: dict[int, Notification] = {}
        # The daemon's id showing each thread; read and written only by the lane's jobs
        # (one after another), so a send knows the id of the send just before it.
        self._bubble_of_thread: dict[str, int] = {}
        self._last_balloon: Notification | None = None
        # Held while the service is looked for: the guard's first round can finish first.
        self._waiting: list[Notification] | None = None
        self.service: str | None = None  # "dunst 1.9.0", once connected
        self._bus_signalled.connect(self._on_bus_signal)
        if tray is not None:
            tray.messageClicked.connect(self._on_balloon_clicked)

    def start(self) -> None:
        """Look for the notification service (in the background)."""
        self._waiting = []

        def connect(_report: Callable[[object], None]) -> tuple[NotificationBus, ServerInfo]:
            bus = NotificationBus.open()
            return bus, bus.server_info()

        self._lanes.submit(LANE, connect, on_success=self._connected, on_failure=self._no_service)

    def show(self, note: Notification) -> None:
        if self._waiting is not None:
            self._waiting.append(note)
            return
        title, body = self._render(note.title), self._render(note.body)
        if self._bus is None:
            self._balloon(note, title, body)
            return
        bus = self._bus
        actions = [(a.value, self._render(ACTION_LABELS[a])) for a in note.actions]
        if note.actions:  # a click on the bubble does the first action
            actions.insert(0, ("default", actions[0][1]))
        bubbles = self._bubble_of_thread

        def send(_report: Callable[[object], None]) -> int:
            replaces = bubbles.get(note.thread, 0) if note.thread else 0
            notification_id = bus.notify(
                app_name=APP_NAME,
                title=title,
                body=body,
                icon=str(icon_file("app")),
                actions=actions,
                urgency=int(note.urgency),
                desktop_entry=DESKTOP_ENTRY,
                replaces_id=replaces,
            )
            if note.thread:
                bubbles[note.thread] = notification_id
            return notification_id

        self._lanes.submit(
            LANE,
            send,
            on_success=lambda notification_id: self._sent_ok(note, int(notification_id)),
            on_failure=lambda text, _kind: self._send_failed(note, title, body, text),
        )

    def stop(self) -> None:
        if self._bus is not None:
            self._bus.close()
            self._bus = None

    # -- plumbing --------------------------------------------------------------------

    def _connected(self, found: tuple[NotificationBus, ServerInfo]) -> None:
        bus, info = found
        self._bus = bus
        self.service = f"{info.name} {info.version}"
        bus.listen(self._bus_signalled.emit)
        log.info("notifications go to %s", self.service)
        self._show_waiting()

    def _no_service(self, text: str, _kind: ErrorKind) -> None:
        log.info("no notification service (%s); using the tray's balloon", text)
        self._show_waiting()

    def _show_waiting(self) -> None:
        waiting, self._waiting = self._waiting or [], None
        for note in waiting:
            self.show(note)

    def _sent_ok(self, note: Notification, notification_id: int) -> None:
        self._sent[notification_id] = note
        self.shown.emit(note, notification_id)

    def _send_failed(self, note: Notification, title: str, body: str, text: str) -> None:
        log.warning("the notification service refused a notification: %s", text)
        self._balloon(note, title, body)

    def _balloon(self, note: Notification, title: str, body: str) -> None:
        if self._tray is None or not QSystemTrayIcon.supportsMessages():
            log.info("notification (nowhere to show it): %s: %s", title, body)
            return
        icon = (
            QSystemTrayIcon.MessageIcon.Critical
            if note.urgency is Urgency.CRITICAL
            else QSystemTrayIcon.MessageIcon.Information
        )
        self._last_balloon = note
        self._tray.showMessage(title, body, icon, 15_000)
        self.shown.emit(note, 0)

    @Slot(object)
    def _on_bus_signal(self, signal: BusSignal) -> None:
        note = self._sent.get(signal.notification_id)
        if note is None:
            return  # another program's notification
        if signal.reason is not None:
            del self._sent[signal.notification_id]
            if note.thread is not None:
                self._forget_bubble(note.thread, signal.notification_id)
            return
        action = signal.action
        if action == "default":
            action = note.actions[0].value if note.actions else None
        if action in {a.value for a in Action}:
            self.action_invoked.emit(action, note)
            self._close(signal.notification_id)  # done with: the bubble goes away

    def _forget_bubble(self, thread: str, notification_id: int) -> None:
        """A closed bubble is not replaced: the thread's next notification is a new one."""
        bubbles = self._bubble_of_thread

        def forget(_report: Callable[[object], None]) -> None:
            if bubbles.get(thread) == notification_id:
                del bubbles[thread]

        self._lanes.submit(LANE, forget)

    def _close(self, notification_id: int) -> None:
        bus = self._bus
        if bus is not None:
            self._lanes.submit(LANE, lambda _report: bus.close_notification(notification_id))

    @Slot()
    def _on_balloon_clicked(self) -> None:
        note = self._last_balloon
        if note is not None and note.actions:
            self.action_invoked.emit(note.actions[0].value, note)
