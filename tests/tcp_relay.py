"""A TCP relay between mailguard and the test server that can pull the plug at an exact moment.

Killing a server "in the middle of a refresh" by the clock is a race; counting
what the client sends is not. The relay forwards bytes unchanged (TLS passes
through, the certificate still matches 127.0.0.1) and calls ``on_trigger``
once the client has sent its N-th chunk since ``arm(N, ...)``. Each IMAP
command the client sends after login arrives as one TLS record, so N counts
commands closely enough to land inside a multi-folder read.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable


class TcpRelay:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self._upstream = (upstream_host, upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.host = "127.0.0.1"
        self.port = int(self._listener.getsockname()[1])
        self._lock = threading.Lock()
        self._sends_left: int | None = None
        self._on_trigger: Callable[[], None] = lambda: None
        self._done = threading.Event()
        self._sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def arm(self, after_sends: int, on_trigger: Callable[[], None]) -> None:
        """Call ``on_trigger`` (then cut every connection) at the client's N-th chunk from now."""
        with self._lock:
            self._sends_left = after_sends
            self._on_trigger = on_trigger
            self._done.clear()

    def wait_triggered(self, timeout_s: float = 10.0) -> bool:
        """True once ``on_trigger`` has run to its end (the client may notice before that)."""
        return self._done.wait(timeout_s)

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
                if from_client and self._count_send():
                    self._on_trigger()
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

    def _count_send(self) -> bool:
        with self._lock:
            if self._sends_left is None:
                return False
            self._sends_left -= 1
            if self._sends_left > 0:
                return False
            self._sends_left = None
            return True
