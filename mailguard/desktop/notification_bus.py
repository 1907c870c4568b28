"""Desktop notifications over the freedesktop D-Bus interface (Linux, BSD).

Spoken with jeepney (pure Python, already there on Linux as keyring's D-Bus
library) rather than QtDBus: PySide6 6.12 marshals a Python int as ``int32``
through QDBusMessage and as ``uint16`` through ``QDBusArgument <<``, and the
daemon refuses a ``Notify`` whose ``replaces_id`` is not ``uint32`` ("Type of
message (sisssava{sv}i) does not match expected type (susssasa{sv}i)", measured
against dunst 1.9). jeepney writes the signature we give it.

Used by the tray (through a Qt wrapper) and by ``mailguard doctor``.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from mailguard.core.errors import MailguardError

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
CALL_TIMEOUT_S = 3.0


class NotificationsUnavailable(MailguardError):
    """No session bus, or nobody owns org.freedesktop.Notifications on it."""


@dataclass(frozen=True, slots=True)
class ServerInfo:
    name: str
    vendor: str
    version: str
    spec_version: str
    capabilities: frozenset[str]

    @property
    def supports_actions(self) -> bool:
        return "actions" in self.capabilities


@dataclass(frozen=True, slots=True)
class BusSignal:
    """``ActionInvoked`` (``action`` set) or ``NotificationClosed`` (``reason`` set)."""

    notification_id: int
    action: str | None = None
    reason: int | None = None


class NotificationBus:
    """One session-bus connection; ``notify`` may be called from any thread."""

    def __init__(self, connection: Any, router: Any) -> None:
        from jeepney import DBusAddress  # noqa: PLC0415 - only where notifications are used

        self._connection = connection
        self._router = router
        self._address = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
        self._listener: threading.Thread | None = None
        self._stopped = threading.Event()

    @classmethod
    def open(cls) -> NotificationBus:
        """Connect to the session bus and check that a notification service answers."""
        try:
            from jeepney.io.threading import DBusRouter, open_dbus_connection  # noqa: PLC0415
        except ImportError as exc:
            raise NotificationsUnavailable("no D-Bus library (jeepney) is installed") from exc
        try:
            connection = open_dbus_connection(bus="SESSION")
        except KeyError as exc:
            raise NotificationsUnavailable(
                "no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)"
            ) from exc
        except (OSError, ValueError) as exc:
            raise NotificationsUnavailable(f"no D-Bus session bus: {exc}") from exc
        bus = cls(connection, DBusRouter(connection))
        try:
            bus.server_info()
        except NotificationsUnavailable:
            bus.close()
            raise
        return bus

    def server_info(self) -> ServerInfo:
        name, vendor, version, spec = self._call("GetServerInformation", "", ())
        (capabilities,) = self._call("GetCapabilities", "", ())
        return ServerInfo(name, vendor, version, spec, frozenset(capabilities))

    def notify(
        self,
        *,
        app_name: str,
        title: str,
        body: str,
        icon: str = "",
        actions: Sequence[tuple[str, str]] = (),
        urgency: int = 1,
        desktop_entry: str = "",
        replaces_id: int = 0,
        timeout_ms: int = -1,
    ) -> int:
        """Show a notification; returns the daemon's id for it (a ``uint32``)."""
        flat: list[str] = []
        for key, label in actions:
            flat += [key, label]
        hints: dict[str, tuple[str, Any]] = {"urgency": ("y", urgency)}  # variants: (type, value)
        if desktop_entry:
            hints["desktop-entry"] = ("s", desktop_entry)
        (notification_id,) = self._call(
            "Notify",
            "susssasa{sv}i",
            (app_name, replaces_id, icon, title, body, flat, hints, timeout_ms),
        )
        return int(notification_id)

    def close_notification(self, notification_id: int) -> None:
        self._call("CloseNotification", "u", (notification_id,))

    def listen(self, deliver: Callable[[BusSignal], None]) -> None:
        """Call ``deliver`` (in a background thread) for every ActionInvoked/NotificationClosed."""
        from jeepney import HeaderFields, MatchRule, message_bus  # noqa: PLC0415
        from jeepney.io.threading import Proxy  # noqa: PLC0415

        signals: queue.Queue[Any] = queue.Queue()
        bus = Proxy(message_bus, self._router)
        for member in ("ActionInvoked", "NotificationClosed"):
            rule = MatchRule(type="signal", interface=INTERFACE, path=PATH, member=member)
            bus.AddMatch(rule)
            self._router.filter(rule, queue=signals, bufsize=0)

        def pump() -> None:
            while not self._stopped.is_set():
                try:
                    message = signals.get(timeout=0.5)
                except queue.Empty:
                    continue
                member = message.header.fields.get(HeaderFields.member)
                first, second = message.body
                if member == "ActionInvoked":
                    deliver(BusSignal(int(first), action=str(second)))
                else:
                    deliver(BusSignal(int(first), reason=int(second)))

        self._listener = threading.Thread(target=pump, name="mailguard-notifications", daemon=True)
        self._listener.start()

    def close(self) -> None:
        self._stopped.set()
        self._router.close()
        self._connection.close()
        if self._listener is not None:
            self._listener.join(timeout=2)

    def __enter__(self) -> NotificationBus:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _call(self, method: str, signature: str, body: tuple[Any, ...]) -> tuple[Any, ...]:
        from jeepney import new_method_call  # noqa: PLC0415
        from jeepney.io.threading import RouterClosed  # noqa: PLC0415
        from jeepney.wrappers import DBusErrorResponse, unwrap_msg  # noqa: PLC0415

        message = new_method_call(self._address, method, signature, body)
        try:
            reply = self._router.send_and_get_reply(message, timeout=CALL_TIMEOUT_S)
            return tuple(unwrap_msg(reply))
        except DBusErrorResponse as exc:
            raise NotificationsUnavailable(
                f"the notification service refused {method}: {exc}"
            ) from exc
        except (OSError, TimeoutError, RouterClosed) as exc:
            raise NotificationsUnavailable(
                f"the notification service did not answer: {exc}"
            ) from exc
