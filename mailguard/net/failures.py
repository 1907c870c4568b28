"""Why a download failed, in words a user understands.

urllib3 wraps the real cause (a refused connection, an expired certificate)
in one or two layers of its own exceptions; this walks the chain to find it.
"""

from __future__ import annotations

import http.client
import ssl
from collections.abc import Iterator
from http import HTTPStatus
from typing import TypeVar

from urllib3 import exceptions as u3

_E = TypeVar("_E", bound=BaseException)


def http_status_reason(status: int) -> str:
    """``HTTP 404 Not Found``; the server's own reason phrase is not trusted for display."""
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def seconds_text(seconds: float) -> str:
    return f"{seconds:g} s"


def size_text(size: int) -> str:
    """``5 MiB``, ``64 KiB``, ``1000 bytes``."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:g} {unit}"
    return f"{size} bytes"


def describe(exc: BaseException, *, timeout_s: float, max_redirects: int) -> str:
    """One line naming the cause of a urllib3 failure (request or body read)."""
    chain = list(_causes(exc))

    def first(kind: type[_E]) -> _E | None:
        return next((error for error in chain if isinstance(error, kind)), None)

    if (verify := first(ssl.SSLCertVerificationError)) is not None:
        return f"TLS certificate verification failed: {_verify_message(verify)}"
    if first(u3.NameResolutionError) is not None:
        return "host not found"
    if first(u3.NewConnectionError) is not None:
        return f"could not connect ({_connect_cause(chain)})"
    if first(u3.ConnectTimeoutError) is not None:
        return f"timed out after {seconds_text(timeout_s)} while connecting"
    if first(u3.ReadTimeoutError) is not None or first(TimeoutError) is not None:
        return f"timed out after {seconds_text(timeout_s)} waiting for the server"
    if (tls := first(ssl.SSLError)) is not None:
        return f"TLS handshake failed ({_tls_reason(tls)})"
    if (response := first(u3.ResponseError)) is not None and "redirect" in str(response):
        return f"too many redirects (more than {max_redirects})"
    if (scheme := first(u3.URLSchemeUnknown)) is not None:
        return f"unsupported URL scheme {scheme.scheme!r}"
    if first(u3.LocationValueError) is not None:
        return "not a valid URL"
    if first(http.client.IncompleteRead) is not None:
        return "the server closed the connection before the download was complete"
    if first(u3.DecodeError) is not None:
        return "the server sent a compressed download that could not be unpacked"
    if first(http.client.RemoteDisconnected) is not None:
        return "the server closed the connection without answering"
    if first(ConnectionResetError) is not None:
        return "the connection was reset by the server"
    if first(http.client.HTTPException) is not None:
        return "the server did not answer with valid HTTP"
    if first(u3.InvalidHeader) is not None:
        return "the server sent an invalid header"
    return "download failed"


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and all it wraps: ``__cause__``, ``__context__``, ``reason`` and args."""
    pending: list[BaseException] = [exc]
    seen: set[int] = set()
    while pending:
        error = pending.pop(0)
        if id(error) in seen:
            continue
        seen.add(id(error))
        yield error
        wrapped = [error.__cause__, error.__context__, getattr(error, "reason", None), *error.args]
        pending.extend(item for item in wrapped if isinstance(item, BaseException))


def _verify_message(error: ssl.SSLCertVerificationError) -> str:
    """OpenSSL's reason (``self-signed certificate``, ``certificate has expired``…) as a phrase."""
    message = str(error.verify_message or error.reason or "unknown reason").strip().rstrip(".")
    return _mid_sentence(message)


def _tls_reason(error: ssl.SSLError) -> str:
    reason = error.reason or error.strerror or "unknown reason"
    return str(reason).replace("_", " ").lower()


def _connect_cause(chain: list[BaseException]) -> str:
    for error in chain:
        if isinstance(error, ConnectionRefusedError):
            return "connection refused"
        if isinstance(error, OSError) and error.strerror:
            return _mid_sentence(error.strerror)
    return "network error"


def _mid_sentence(text: str) -> str:
    """``Hostname mismatch`` → ``hostname mismatch``, but ``IP address`` stays as it is."""
    if text[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]
