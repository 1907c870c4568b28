"""A real HTTP(S) server on 127.0.0.1 with scripted answers, for tests that download.

    with ScriptedServer() as server:
        server.document("/status.json", body, etag='"v1"')   # answers 304 when asked
        server.reply("/flaky", Reply(503), Reply(200, b"ok"))  # one reply per request
        fetch(server.url("/status.json"))
        assert server.requests("/status.json")[0].header("User-Agent")

Every request is recorded. Slow, trickling and lying replies pause on an event
that ``stop()`` sets, so the server shuts down at once whatever it was doing.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

from tests.certificates import Certificate


@dataclass
class Reply:
    """One scripted answer.

    ``delay_s`` holds back the status line (a slow server); ``head_trickle_s``
    sends the status line and headers one byte at a time, pausing before each;
    ``trickle_s`` pauses before every ``chunk_size`` piece of the body; ``chunked`` sends no
    Content-Length; ``declared_length`` announces a length other than the body's.
    """

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0
    head_trickle_s: float = 0.0
    trickle_s: float = 0.0
    chunk_size: int = 64 * 1024
    chunked: bool = False
    declared_length: int | None = None

    @classmethod
    def redirect(cls, location: str, status: int = 302) -> Reply:
        return cls(status, headers={"Location": location})


@dataclass(frozen=True)
class SeenRequest:
    method: str
    path: str
    headers: dict[str, str]

    def header(self, name: str) -> str | None:
        """A request header by case-insensitive name."""
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)


Handler = Callable[[SeenRequest], Reply]
_IDLE_S = 10.0


class ScriptedServer:
    """Serves scripted replies per path from a background thread; 404 for unknown paths.

    Pass ``tls`` (a server-side SSLContext) for HTTPS.
    """

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self._tls = tls
        self._handlers: dict[str, Handler] = {}
        self._seen: list[SeenRequest] = []
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self._httpd = _Server(self)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"{'https' if self._tls else 'http'}://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def start(self) -> ScriptedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def handle(self, path: str, handler: Handler) -> None:
        """Answer requests for ``path`` (query string included, if any) with ``handler``."""
        with self._lock:
            self._handlers[path] = handler

    def reply(self, path: str, *replies: Reply) -> None:
        """Answer the n-th request for ``path`` with the n-th reply; the last one repeats."""
        queue = list(replies)

        def next_reply(_: SeenRequest) -> Reply:
            with self._lock:
                return queue.pop(0) if len(queue) > 1 else queue[0]

        self.handle(path, next_reply)

    def document(
        self,
        path: str,
        body: bytes,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        content_type: str = "application/octet-stream",
    ) -> None:
        """Serve ``body`` like a static file server: validators, and 304 when they match."""
        headers = {"Content-Type": content_type}
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified

        def answer(request: SeenRequest) -> Reply:
            if_none_match = request.header("If-None-Match")
            if_modified_since = request.header("If-Modified-Since")
            if (etag and if_none_match == etag) or (
                if_none_match is None and last_modified and if_modified_since == last_modified
            ):
                return Reply(304, headers={k: v for k, v in headers.items() if k != "Content-Type"})
            return Reply(200, body, headers)

        self.handle(path, answer)

    def serve_file(self, path: str, file: Path, content_type: str = "text/plain") -> str:
        """Serve a file's current bytes at ``path``; returns its URL."""
        self.document(path, file.read_bytes(), content_type=content_type)
        return self.url(path)

    def requests(self, path: str | None = None) -> list[SeenRequest]:
        """Requests received so far, optionally only those for ``path``."""
        with self._lock:
            return [r for r in self._seen if path is None or r.path == path]

    def _record(self, request: SeenRequest) -> Handler | None:
        with self._lock:
            self._seen.append(request)
            return self._handlers.get(request.path)

    def _wrap(self, sock: Any) -> Any:
        sock.settimeout(_IDLE_S)  # no test may leave a connection thread waiting forever
        return self._tls.wrap_socket(sock, server_side=True) if self._tls else sock


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, owner: ScriptedServer) -> None:
        self.owner = owner
        super().__init__(("127.0.0.1", 0), _RequestHandler)

    def finish_request(self, request: Any, client_address: Any) -> None:
        # TLS handshakes happen here, in the connection's own thread, so a client
        # that rejects our certificate cannot stall the accept loop.
        conn = self.owner._wrap(request)
        try:
            super().finish_request(conn, client_address)
        finally:
            if conn is not request:
                conn.close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients in these tests hang up mid-reply on purpose (size caps, timeouts).
        pass


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        owner = self.server.owner
        request = SeenRequest(self.command, self.path, dict(self.headers.items()))
        handler = owner._record(request)
        reply = handler(request) if handler else Reply(404, b"not found")
        try:
            self._send(reply, owner.stopping)
        except OSError:
            self.close_connection = True

    def _send(self, reply: Reply, stopping: threading.Event) -> None:
        if reply.delay_s and stopping.wait(reply.delay_s):
            self.close_connection = True
            return
        if reply.head_trickle_s:
            self._trickle_head(reply, stopping)
            return
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.chunked:
            self.send_header("Transfer-Encoding", "chunked")
        elif reply.status != 304:
            length = len(reply.body) if reply.declared_length is None else reply.declared_length
            self.send_header("Content-Length", str(length))
        self.end_headers()
        for start in range(0, len(reply.body), reply.chunk_size):
            if reply.trickle_s and stopping.wait(reply.trickle_s):
                self.close_connection = True
                return
            piece = reply.body[start : start + reply.chunk_size]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if reply.chunked else piece)
            self.wfile.flush()
        if reply.chunked:
            self.wfile.write(b"0\r\n\r\n")
        if reply.declared_length is not None and reply.declared_length != len(reply.body):
            self.close_connection = True

    def _trickle_head(self, reply: Reply, stopping: threading.Event) -> None:
        head = f"HTTP/1.1 {reply.status} OK\r\n" + "".join(
            f"{name}: {value}\r\n" for name, value in reply.headers.items()
        )
        head += f"Content-Length: {len(reply.body)}\r\n\r\n"
        for byte in head.encode():
            if stopping.wait(reply.head_trickle_s):
                break
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
        else:
            self.wfile.write(reply.body)
        self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        pass


def tls_server_context(certificate: Certificate) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate.cert_file, certificate.key_file)
    return context
