"""HTTPS: certificates are checked by default, and failures say why in plain words."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mailguard.core.errors import ConfigError, FetchError
from mailguard.net.fetcher import Fetcher
from tests.certificates import Certificate, make_certificate
from tests.httpserver import ScriptedServer, tls_server_context
from tests.net.conftest import MakeFetcher

SCHEDULE = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
StartServer = Callable[..., tuple[ScriptedServer, Path]]


def fetch_error(fetcher: Fetcher, location: str) -> str:
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(location)
    assert "\n" not in str(caught.value)
    return str(caught.value)


@pytest.fixture
def server_with(tmp_path: Path) -> Iterator[StartServer]:
    """Start an HTTPS server whose certificate is made by make_certificate(**options)."""
    servers: list[ScriptedServer] = []

    def start(**options: Any) -> tuple[ScriptedServer, Path]:
        certificate = make_certificate(tmp_path / f"cert{len(servers)}", **options)
        server = ScriptedServer(tls=tls_server_context(certificate)).start()
        servers.append(server)
        server.document("/s.ics", SCHEDULE, content_type="text/calendar")
        return server, certificate.cert_file

    yield start
    for server in servers:
        server.stop()


def test_self_signed_certificate_is_rejected_by_default(
    https_server: ScriptedServer, fetcher: Fetcher
) -> None:
    https_server.document("/s.ics", SCHEDULE)
    url = https_server.url("/s.ics")

    message = fetch_error(fetcher, url)

    assert message == f"{url}: TLS certificate verification failed: self-signed certificate"
    assert https_server.requests() == []


def test_certificate_trusted_through_ca_file_is_accepted(
    https_server: ScriptedServer, make_fetcher: MakeFetcher, self_signed: Certificate
) -> None:
    https_server.document("/s.ics", SCHEDULE)

    fetched = make_fetcher(ca_file=self_signed.cert_file).fetch(https_server.url("/s.ics"))

    assert fetched.data == SCHEDULE


def test_certificate_for_another_host_is_rejected(
    server_with: StartServer, make_fetcher: MakeFetcher
) -> None:
    server, cert = server_with(names=("status.example.org",))

    message = fetch_error(make_fetcher(ca_file=cert), server.url("/s.ics"))

    assert message.endswith(
        "TLS certificate verification failed: "
        "IP address mismatch, certificate is not valid for '127.0.0.1'"
    )


def test_expired_certificate_is_rejected(
    server_with: StartServer, make_fetcher: MakeFetcher
) -> None:
    server, cert = server_with(expired=True)

    message = fetch_error(make_fetcher(ca_file=cert), server.url("/s.ics"))

    assert message.endswith("TLS certificate verification failed: certificate has expired")


def test_https_to_a_plain_http_server_fails_the_handshake(
    http_server: ScriptedServer, fetcher: Fetcher
) -> None:
    url = http_server.url("/s.ics").replace("http://", "https://")

    message = fetch_error(fetcher, url)

    assert message.startswith(f"{url}: TLS handshake failed (")


def test_missing_ca_file_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        Fetcher(tmp_path / "cache", ca_file=tmp_path / "absent.pem")


def test_ca_file_that_is_not_a_certificate_is_a_configuration_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n")

    with pytest.raises(ConfigError, match="not a PEM certificate"):
        Fetcher(tmp_path / "cache", ca_file=junk)
