"""Getting a schedule source's bytes: over HTTP(S) with a cache, or from a local file.

A provider's status page is someone else's server, so every download is bounded:
per-read timeouts, a total deadline a trickling server cannot stretch, a size
cap, a redirect limit and a few polite retries. Every failure becomes one
FetchError line that names the location (never its credentials).
"""

from __future__ import annotations

import ssl
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from urllib3 import BaseHTTPResponse, PoolManager, Timeout
from urllib3.exceptions import HTTPError
from urllib3.util import make_headers

from mailguard import __version__
from mailguard.core.errors import ConfigError, FetchError, UsageError
from mailguard.net.cache import SourceCache
from mailguard.net.deadline import (
    Deadline,
    DeadlineExceeded,
    DeadlineRetry,
    DeadlineSlot,
    watched_pool_classes,
)
from mailguard.net.failures import describe, http_status_reason, seconds_text, size_text
from mailguard.net.fetched import Fetched
from mailguard.net.local import read_local
from mailguard.net.locations import (
    auth_headers,
    display_location,
    file_url_path,
    is_remote,
    request_url,
    url_scheme,
)

__all__ = ["Fetched", "Fetcher", "display_location", "is_remote"]

USER_AGENT = f"mailguard/{__version__} (+https://github.com/mailguard/mailguard)"
#: The formats mailguard's sources read, most specific first.
ACCEPT = (
    "application/json, text/calendar, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, text/plain;q=0.8, */*;q=0.1"
)
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: Longest single wait between retries, whatever Retry-After asks for.
_MAX_WAIT_S = 10.0
_CHUNK = 64 * 1024


class Fetcher:
    """Fetches sources through one connection pool; owns the on-disk cache of good copies.

    ``ca_file`` replaces the system's certificate authorities (like ``curl --cacert``),
    for a provider behind a private CA.
    """

    def __init__(
        self,
        cache_dir: Path,
        *,
        timeout_s: float = 15.0,
        deadline_s: float = 30.0,
        max_bytes: int = 5 * 1024 * 1024,
        max_redirects: int = 5,
        retries: int = 2,
        backoff_s: float = 0.5,
        ca_file: Path | None = None,
    ) -> None:
        _check_limits(
            timeout_s=timeout_s,
            deadline_s=deadline_s,
            max_bytes=max_bytes,
            max_redirects=max_redirects,
            retries=retries,
            backoff_s=backoff_s,
        )
        self._cache = SourceCache(cache_dir)
        self._deadline_s = deadline_s
        self._max_bytes = max_bytes
        self._max_redirects = max_redirects
        # A single read can never be allowed to outlast the whole deadline.
        self._timeout_s = min(timeout_s, deadline_s)
        self._headers = {
            **make_headers(user_agent=USER_AGENT, accept_encoding=True),
            "Accept": ACCEPT,
        }
        # Waits stay short enough that at least one retry fits in the deadline.
        max_wait_s = min(_MAX_WAIT_S, deadline_s / 2)
        self._retry = DeadlineRetry(
            total=None,
            connect=retries,
            status=retries,
            read=0,  # a server that accepted the request and went silent won't answer a retry
            other=0,  # TLS and protocol errors don't heal by retrying
            redirect=max_redirects,
            status_forcelist=_RETRY_STATUSES,
            allowed_methods=frozenset({"GET"}),
            backoff_factor=backoff_s,
            backoff_max=max_wait_s,
            retry_after_max=int(max_wait_s),
            respect_retry_after_header=True,
            raise_on_status=False,
            raise_on_redirect=True,
        )
        self._deadline = DeadlineSlot()
        self._pool = PoolManager(
            timeout=Timeout(connect=self._timeout_s, read=self._timeout_s),
            cert_reqs="CERT_REQUIRED",
            ssl_context=_tls_context(ca_file),
        )
        self._pool.pool_classes_by_scheme = watched_pool_classes(self._deadline)

    def fetch(self, location: str) -> Fetched:
        """The bytes at an http(s) URL, ``file://`` URL or path; raises FetchError.

        When a good copy is cached the request is conditional, and a 304 answer
        returns that copy with ``not_modified=True``.
        """
        scheme = url_scheme(location)
        shown = display_location(location)
        if scheme is None:
            return read_local(Path(location), shown, max_bytes=self._max_bytes)
        if scheme == "file":
            path = file_url_path(location)
            if path is None:
                raise FetchError(shown, "file URLs naming another computer are not supported")
            return read_local(path, shown, max_bytes=self._max_bytes)
        if scheme not in ("http", "https"):
            raise FetchError(shown, f"unsupported URL scheme {scheme!r}")
        return self._download(location)

    def remember(self, fetched: Fetched) -> None:
        """Keep ``fetched`` as the last good copy; call only once it parsed."""
        if is_remote(fetched.location):
            self._cache.store(fetched)

    def cached(self, location: str) -> Fetched | None:
        """The last good copy of a remote source (``from_cache=True``), or None."""
        return self._cache.load(location) if is_remote(location) else None

    def close(self) -> None:
        self._pool.clear()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _download(self, location: str) -> Fetched:
        """One download, all of it (connecting, every retry, headers, body) within the deadline."""
        shown = display_location(location)
        cached = self._cache.load(location)
        headers = {**self._headers, **auth_headers(location), **_conditions(cached)}
        deadline = Deadline(self._deadline_s)
        self._deadline.current = deadline
        try:
            return self._request(location, shown, headers, cached, deadline)
        except HTTPError as exc:
            if deadline.expired:
                raise FetchError(shown, self._timed_out()) from exc
            raise FetchError(shown, self._describe(exc)) from exc
        finally:
            self._deadline.current = None
            deadline.close()

    def _request(
        self,
        location: str,
        shown: str,
        headers: dict[str, str],
        cached: Fetched | None,
        deadline: Deadline,
    ) -> Fetched:
        response = self._pool.request(
            "GET",
            request_url(location),
            headers=headers,
            preload_content=False,
            retries=self._retry.for_download(deadline),
        )
        complete = False
        try:
            fetched = self._answer(response, shown, cached, deadline)
            complete = True
        finally:
            if not complete:
                # Unread body bytes must not reach the next request on this connection.
                response.close()
            response.release_conn()
        return fetched

    def _answer(
        self, response: BaseHTTPResponse, shown: str, cached: Fetched | None, deadline: Deadline
    ) -> Fetched:
        etag = response.headers.get("ETag")
        last_modified = response.headers.get("Last-Modified")
        if response.status == 304:
            if cached is None:
                raise FetchError(shown, "the server answered 304 Not Modified to a plain request")
            return replace(
                cached,
                location=shown,
                from_cache=False,
                not_modified=True,
                fetched_at=datetime.now(UTC),
                etag=etag or cached.etag,
                last_modified=last_modified or cached.last_modified,
            )
        if not 200 <= response.status < 300:
            raise FetchError(shown, http_status_reason(response.status))
        return Fetched(
            location=shown,
            data=self._read_body(response, shown, deadline),
            from_cache=False,
            fetched_at=datetime.now(UTC),
            etag=etag,
            last_modified=last_modified,
            content_type=response.headers.get("Content-Type"),
            not_modified=False,
        )

    def _read_body(self, response: BaseHTTPResponse, shown: str, deadline: Deadline) -> bytes:
        """The body, read in pieces so the size cap cannot be evaded.

        The deadline cuts the connection wherever it waits; the end of the body it
        causes is a timeout, not the end of the schedule.
        """
        too_large = f"download larger than {size_text(self._max_bytes)}"
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self._max_bytes:
            raise FetchError(shown, too_large)
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = response.read1(min(_CHUNK, self._max_bytes + 1 - size))
            if deadline.expired:
                raise DeadlineExceeded("the body was still arriving")
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self._max_bytes:
                raise FetchError(shown, too_large)
            chunks.append(chunk)

    def _describe(self, exc: HTTPError) -> str:
        return describe(exc, timeout_s=self._timeout_s, max_redirects=self._max_redirects)

    def _timed_out(self) -> str:
        return f"timed out after {seconds_text(self._deadline_s)} (the download took too long)"


def _conditions(cached: Fetched | None) -> dict[str, str]:
    """Headers asking the server to answer 304 if our copy is still current."""
    if cached is None:
        return {}
    headers: dict[str, str] = {}
    if cached.etag:
        headers["If-None-Match"] = cached.etag
    if cached.last_modified:
        headers["If-Modified-Since"] = cached.last_modified
    return headers


def _tls_context(ca_file: Path | None) -> ssl.SSLContext:
    """Certificate checks against the system store, or against ``ca_file`` alone."""
    try:
        return ssl.create_default_context(cafile=None if ca_file is None else str(ca_file))
    except FileNotFoundError as exc:
        raise ConfigError(f"CA file {ca_file}: file not found") from exc
    except ssl.SSLError as exc:
        raise ConfigError(f"CA file {ca_file}: not a PEM certificate file") from exc
    except OSError as exc:
        raise ConfigError(f"CA file {ca_file}: {exc.strerror or 'could not be read'}") from exc


def _check_limits(
    *,
    timeout_s: float,
    deadline_s: float,
    max_bytes: int,
    max_redirects: int,
    retries: int,
    backoff_s: float,
) -> None:
    if timeout_s <= 0 or deadline_s <= 0:
        raise UsageError("timeouts must be more than 0 seconds")
    if max_bytes <= 0:
        raise UsageError("the download size limit must be more than 0 bytes")
    if max_redirects < 0 or retries < 0 or backoff_s < 0:
        raise UsageError("redirect, retry and backoff limits cannot be negative")
