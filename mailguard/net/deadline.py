"""One download's total deadline, over connecting, the TLS handshake, headers and body.

urllib3's timeouts bound each socket operation, so a server that sends its
status line one byte every few seconds restarts the read timeout with every
byte and is never cut off. A :class:`Deadline` shuts the download's sockets
down when its time is up, wherever the download is waiting; its retry policy
neither waits past it nor starts another attempt after it.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from typing import Any

from urllib3 import HTTPConnectionPool, HTTPSConnectionPool, Retry
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import HTTPError


class DeadlineExceeded(HTTPError):
    """The download was still running when its deadline passed."""


class Deadline:
    """Cuts the sockets it watches once ``seconds`` have passed since it was made."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._ends_at = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._expired = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    @property
    def expired(self) -> bool:
        return self._expired or time.monotonic() >= self._ends_at

    def remaining(self) -> float:
        return max(0.0, self._ends_at - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        """Cut ``sock`` when the deadline passes (at once if it has)."""
        with self._lock:
            self._sockets.append(sock)
            expired = self._expired
        if expired:
            _cut(sock)

    def close(self) -> None:
        """The download is over: the timer stops, the sockets go back to the pool uncut."""
        self._timer.cancel()
        with self._lock:
            self._sockets.clear()

    def _expire(self) -> None:
        with self._lock:
            self._expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _cut(sock)


def _cut(sock: socket.socket) -> None:
    # shutdown, not close: a thread blocked in recv() wakes up with end-of-file,
    # and the descriptor is closed by its owner as usual.
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class DeadlineSlot(threading.local):
    """The deadline of the download in progress, for the connections a pool opens for it.

    Per thread: a connection is opened and used in the thread that downloads, so two
    threads sharing a Fetcher each see their own download's deadline.
    """

    current: Deadline | None = None


def watched_pool_classes(slot: DeadlineSlot) -> dict[str, type[HTTPConnectionPool]]:
    """Pool classes (for ``PoolManager.pool_classes_by_scheme``) whose connections obey ``slot``."""

    class WatchedHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            return _watched_socket(self, slot, super()._new_conn)

        def request(self, *args: Any, **kw: Any) -> None:
            _watch_reused(self, slot)
            super().request(*args, **kw)

    class WatchedHTTPSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            return _watched_socket(self, slot, super()._new_conn)

        def request(self, *args: Any, **kw: Any) -> None:
            _watch_reused(self, slot)
            super().request(*args, **kw)

    class WatchedHTTPConnectionPool(HTTPConnectionPool):
        ConnectionCls = WatchedHTTPConnection

    class WatchedHTTPSConnectionPool(HTTPSConnectionPool):
        ConnectionCls = WatchedHTTPSConnection

    return {"http": WatchedHTTPConnectionPool, "https": WatchedHTTPSConnectionPool}


def _watched_socket(connection: HTTPConnection, slot: DeadlineSlot, connect: Any) -> socket.socket:
    """Connect for no longer than the deadline leaves, then let the deadline cut the socket."""
    deadline = slot.current
    if deadline is not None:
        if deadline.expired:
            raise DeadlineExceeded("the download's deadline passed before connecting")
        if isinstance(connection.timeout, int | float):
            connection.timeout = min(connection.timeout, deadline.remaining())
    sock: socket.socket = connect()
    if deadline is not None:
        deadline.watch(sock)
    return sock


def _watch_reused(connection: HTTPConnection, slot: DeadlineSlot) -> None:
    """A kept-alive connection from an earlier download is watched by this one's deadline."""
    if slot.current is not None and connection.sock is not None:
        slot.current.watch(connection.sock)


class DeadlineRetry(Retry):
    """urllib3's retries, but no wait runs past the deadline and no attempt starts after it."""

    deadline: Deadline | None = None

    def for_download(self, deadline: Deadline) -> DeadlineRetry:
        retry = self.new()
        retry.deadline = deadline
        return retry

    def new(self, **kw: Any) -> DeadlineRetry:
        retry = super().new(**kw)
        retry.deadline = self.deadline
        return retry

    def increment(self, *args: Any, **kw: Any) -> DeadlineRetry:
        if self.deadline is not None and self.deadline.expired:
            raise DeadlineExceeded("the download's deadline passed")
        return super().increment(*args, **kw)

    def sleep(self, response: Any = None) -> None:
        if self.deadline is None:
            super().sleep(response)
            return
        wait = None
        if response is not None and self.respect_retry_after_header:
            wait = self.get_retry_after(response)
        if wait is None:
            wait = self.get_backoff_time()
        time.sleep(max(0.0, min(wait, self.deadline.remaining())))
