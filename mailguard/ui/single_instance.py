"""One tray app per home: a second launch hands over to the running one and exits.

The running app listens on a local socket named after its home; a second
launch connects, asks it to bring its Settings window to the front, and quits
(exit 0). The name hashes the home's data folder, so profiles (``--home``)
run side by side.

Where local sockets are Unix sockets, the second launch connects with Python's
own ``socket``: QLocalServer puts a name that is not a path in
``QDir.tempPath()``. QtNetwork then loads only in the running app, after its
icon shows (its import was 8 of the 35 ms the app added before the icon,
bench/tray_bench.py).
"""

from __future__ import annotations

import getpass
import hashlib
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QObject, Signal

from mailguard.store.paths import AppPaths

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

SHOW_SETTINGS = b"show-settings\n"
CONNECT_TIMEOUT_MS = 1000


def server_name(paths: AppPaths) -> str:
    digest = hashlib.sha256(str(paths.data_dir).encode()).hexdigest()[:16]
    return f"mailguard-{getpass.getuser()}-{digest}"


def hand_over(paths: AppPaths) -> bool:
    """True when a running app took the request (this launch should exit)."""
    if sys.platform == "win32":  # named pipes: Qt's own client
        return _hand_over_with_qt(server_name(paths))
    address = Path(QDir.tempPath()) / server_name(paths)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(CONNECT_TIMEOUT_MS / 1000)
            connection.connect(str(address))
            connection.sendall(SHOW_SETTINGS)
    except OSError:  # nobody listens (no socket, or one left by a crashed run)
        return False
    return True


def _hand_over_with_qt(name: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket  # noqa: PLC0415 - see the module's docstring

    client = QLocalSocket()
    client.connectToServer(name)
    if not client.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    client.write(SHOW_SETTINGS)
    client.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    client.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches; ``show_requested`` when one hands over."""

    show_requested = Signal()

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer  # noqa: PLC0415 - see the module's docstring

        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._name = server_name(paths)

    def listen(self) -> bool:
        if self._server.listen(self._name):
            return True
        self._server.removeServer(self._name)  # a stale socket from a crashed run
        return self._server.listen(self._name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._read(c))

    def _read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).startswith(SHOW_SETTINGS.strip()):
            self.show_requested.emit()
        connection.disconnectFromServer()
