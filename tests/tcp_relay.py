"""A TCP relay between mailguard and the test server that can pull the plug at an exact moment.

Killing a server "in the middle of a refresh" by the clock is a race; counting
bytes is not. The relay forwards bytes unchanged (TLS passes through, the
certificate still matches 127.0.0.1) and calls ``on_trigger`` once the server
has sent N bytes since ``arm(N, ...)``, then cuts the connection before
forwarding the chunk that crossed N. The server's bytes are counted, not the
client's commands: the client pipelines a whole account's reads in one write,
while the server's answer grows with every folder it reads.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections.abc import Callable


class TcpRelay:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self._upstream = (upstream_host, upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.host = "127.0.0.1"
        self.port = int(self._listener.getsockname()[1])
        self._lock = threading.Lock()
        self._bytes_left: int | None = None
        self.server_bytes = 0  # since the last arm(), for choosing thresholds
        self._on_trigger: Callable[[], None] = lambda: None
        self._done = threading.Event()
        self._client_marker: bytes | None = None
        self._reset = False
        self._sockets: list[socket.socket] = []
        self.refusing = False  # while True, each connection is closed as soon as it comes
        threading.Thread(target=self._accept, daemon=True).start()

    def arm(self, after_server_bytes: int, on_trigger: Callable[[], None]) -> None:
        """Call ``on_trigger`` (then cut the connection) once the server sent that many bytes."""
        with self._lock:
            self._bytes_left = after_server_bytes
            self.server_bytes = 0
            self._on_trigger = on_trigger
            self._done.clear()

    def cut_when_client_sends(self, marker: bytes, *, reset: bool = False) -> None:
        """Drop the connection (a RST with ``reset``) when the client's next bytes hold
        ``marker``, before the server sees them: e.g. ``b"AUTHENTICATE"`` cuts a login."""
        with self._lock:
            self._client_marker = marker
            self._reset = reset
            self._done.clear()

    def wait_triggered(self, timeout_s: float = 10.0) -> bool:
        """True once ``on_trigger`` has run to its end (the client may notice before that)."""
        return self._done.wait(timeout_s)

    def cut(self) -> None:
        """Drop every open connection now, as a NAT timeout or a network change does."""
        sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()

    def close(self) -> None:
        self._listener.close()
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self.refusing:
                client.close()
                continue
            try:
                server = socket.create_connection(self._upstream, timeout=5)
            except OSError:
                client.close()  # like the server itself: connection refused, more or less
                continue
            server.settimeout(None)
            self._sockets += [client, server]
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, from_client: bool) -> None:
        try:
            while data := source.recv(65536):
                if not from_client and self._count_server_bytes(len(data)):
                    self._on_trigger()
                    self._done.set()
                    break
                if from_client and self._client_sent_marker(data):
                    if self._reset:  # SO_LINGER 0: close() sends RST, the client sees a reset
                        source.setsockopt(
                            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                        )
                        source.close()
                    self._done.set()
                    break
                target.sendall(data)
        except OSError:
            pass
        for sock in (source, target):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()

    def _client_sent_marker(self, data: bytes) -> bool:
        with self._lock:
            if self._client_marker is None or self._client_marker not in data:
                return False
            self._client_marker = None
            return True

    def _count_server_bytes(self, count: int) -> bool:
        with self._lock:
            self.server_bytes += count
            if self._bytes_left is None:
                return False
            self._bytes_left -= count
            if self._bytes_left > 0:
                return False
            self._bytes_left = None
            return True
