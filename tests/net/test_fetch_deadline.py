"""The total deadline covers a download from connecting to the last byte, retries included.

Each read of a trickling server returns well within the read timeout, so only
the deadline can stop it, wherever it trickles: the TLS handshake, the status
line, the headers or the body.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from mailguard.core.errors import FetchError
from mailguard.net.fetcher import Fetcher
from tests.certificates import Certificate
from tests.httpserver import Reply, ScriptedServer
from tests.net.conftest import MakeFetcher

DEADLINE_S = 1.0
SCHEDULE = b'{"scheduled_maintenances": []}'


def timed_fetch_error(fetcher: Fetcher, url: str) -> tuple[str, float]:
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    return str(caught.value), time.monotonic() - started


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_status_line_trickled_a_byte_at_a_time_is_cut_at_the_deadline(
    scheme: str,
    http_server: ScriptedServer,
    https_server: ScriptedServer,
    make_fetcher: MakeFetcher,
    self_signed: Certificate,
) -> None:
    server = http_server if scheme == "http" else https_server
    server.reply("/status.json", Reply(200, SCHEDULE, head_trickle_s=0.1))
    fetcher = make_fetcher(timeout_s=0.5, deadline_s=DEADLINE_S, ca_file=self_signed.cert_file)

    message, elapsed = timed_fetch_error(fetcher, server.url("/status.json"))

    assert DEADLINE_S <= elapsed < DEADLINE_S + 2.0  # the trickle alone would take 7 s and more
    assert (
        message == f"{server.url('/status.json')}: timed out after 1 s (the download took too long)"
    )


def test_headers_trickled_after_a_prompt_status_line_are_cut_at_the_deadline(
    http_server: ScriptedServer, make_fetcher: MakeFetcher
) -> None:
    padding = {f"X-Padding-{n}": "y" * 20 for n in range(20)}
    http_server.reply("/s.json", Reply(200, SCHEDULE, headers=padding, head_trickle_s=0.01))
    fetcher = make_fetcher(timeout_s=0.5, deadline_s=DEADLINE_S)

    message, elapsed = timed_fetch_error(fetcher, http_server.url("/s.json"))

    assert DEADLINE_S <= elapsed < DEADLINE_S + 2.0  # the trickle alone would take 7 s and more
    assert "timed out after 1 s" in message


@contextlib.contextmanager
def tls_handshake_trickler() -> Iterator[int]:
    """A port whose server answers a ClientHello with one byte of a record every 0.1 s."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        with contextlib.suppress(OSError):
            conn, _ = listener.accept()
            with conn:
                conn.recv(4096)
                for byte in b"\x16\x03\x03\x40\x00" + b"\x02" * 10_000:
                    if stop.wait(0.1):
                        return
                    conn.sendall(bytes([byte]))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=5)


def test_a_tls_handshake_trickled_a_byte_at_a_time_is_cut_at_the_deadline(
    make_fetcher: MakeFetcher,
) -> None:
    """The connect timeout alone (5 s here) would allow more: what is left of the deadline wins."""
    fetcher = make_fetcher(timeout_s=5.0, deadline_s=DEADLINE_S)
    with tls_handshake_trickler() as port:
        message, elapsed = timed_fetch_error(fetcher, f"https://127.0.0.1:{port}/s.json")

    assert DEADLINE_S <= elapsed < DEADLINE_S + 2.0  # the trickle alone would take 7 s and more
    assert "timed out after 1 s" in message


def test_retries_stop_at_the_deadline(
    http_server: ScriptedServer, make_fetcher: MakeFetcher
) -> None:
    """Each wait is within the cap (half the deadline, 1 s); their sum may not outlast it."""
    http_server.reply("/busy", Reply(503, headers={"Retry-After": "3600"}))
    fetcher = make_fetcher(timeout_s=0.5, deadline_s=2.0, retries=10)

    message, elapsed = timed_fetch_error(fetcher, http_server.url("/busy"))

    assert 2.0 <= elapsed < 4.0  # ten retries of 1 s waits would take 10 s
    assert message.endswith("timed out after 2 s (the download took too long)")
    assert len(http_server.requests("/busy")) in (2, 3)


def test_a_download_within_the_deadline_leaves_its_connection_for_the_next(
    http_server: ScriptedServer, make_fetcher: MakeFetcher
) -> None:
    """The deadline's timer is stopped after the download: a kept-alive connection, used
    again after the first download's deadline has passed, is not cut."""
    http_server.reply("/a", Reply(200, SCHEDULE))
    fetcher = make_fetcher(deadline_s=0.3)

    assert fetcher.fetch(http_server.url("/a")).data == SCHEDULE
    time.sleep(0.5)
    assert fetcher.fetch(http_server.url("/a")).data == SCHEDULE


def test_two_threads_sharing_a_fetcher_each_keep_their_own_deadline(
    http_server: ScriptedServer, make_fetcher: MakeFetcher
) -> None:
    """A quick download beside a trickling one is neither cut by the other's deadline nor
    does it end the other's: the deadline belongs to the thread that downloads."""
    http_server.reply("/slow", Reply(200, SCHEDULE, head_trickle_s=0.1))
    http_server.reply("/fast", Reply(200, SCHEDULE))
    fetcher = make_fetcher(timeout_s=0.5, deadline_s=DEADLINE_S)
    slow: list[tuple[str, float]] = []
    thread = threading.Thread(
        target=lambda: slow.append(timed_fetch_error(fetcher, http_server.url("/slow")))
    )
    thread.start()
    fast = [fetcher.fetch(http_server.url("/fast")).data for _ in range(5)]
    thread.join(timeout=10)

    assert fast == [SCHEDULE] * 5
    [(message, elapsed)] = slow
    assert "timed out after 1 s" in message
    assert DEADLINE_S <= elapsed < DEADLINE_S + 2.0
