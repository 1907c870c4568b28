"""One tray app per home: a second launch hands over to the running one and exits.

The running app listens on a local socket named after its home; a second
launch connects, asks it to bring its Settings window to the front, and quits
(exit 0). The name hashes the home's data folder, so profiles (``--home``)
run side by side.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from mailguard.store.paths import AppPaths

SHOW_SETTINGS = b"show-settings\n"
CONNECT_TIMEOUT_MS = 1000


def server_name(paths: AppPaths) -> str:
    digest = hashlib.sha256(str(paths.data_dir).encode()).hexdigest()[:16]
    return f"mailguard-{getpass.getuser()}-{digest}"


def hand_over(paths: AppPaths) -> bool:
    """True when a running app took the request (this launch should exit)."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(paths))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(SHOW_SETTINGS)
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches; ``show_requested`` when one hands over."""

    show_requested = Signal()

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._name = server_name(paths)

    def listen(self) -> bool:
        if self._server.listen(self._name):
            return True
        QLocalServer.removeServer(self._name)  # a stale socket from a crashed run
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
