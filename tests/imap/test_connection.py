"""open_client: every way of connecting, and every failure said in one line without secrets."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailguard.core.account import Security
from mailguard.core.errors import (
    AuthenticationFailed,
    ConfigError,
    MissingCapability,
    ServerUnreachable,
    TlsFailure,
)
from mailguard.imap.connection import open_client
from tests.dovecot import Dovecot, MailUser, make_certificate
from tests.imap.conftest import account_for


def _logged_in_ok(client: object) -> bool:
    try:
        return bool(client.noop())  # type: ignore[attr-defined]
    finally:
        client.logout()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def tls_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("certs")


def _server_with(certificate_dir: Path, **certificate: object) -> Iterator[Dovecot]:
    server = Dovecot(certificate=make_certificate(certificate_dir, **certificate))  # type: ignore[arg-type]
    server.start()
    yield server
    server.cleanup()


@pytest.fixture(scope="module")
def expired_server(tls_dir: Path) -> Iterator[Dovecot]:
    yield from _server_with(tls_dir, expired=True, stem="expired")


@pytest.fixture(scope="module")
def other_name_server(tls_dir: Path) -> Iterator[Dovecot]:
    yield from _server_with(tls_dir, names=("mail.example.org",), stem="other-name")


def test_implicit_tls_trusting_the_ca_file_logs_in(dovecot: Dovecot, mail_user: MailUser) -> None:
    assert _logged_in_ok(open_client(account_for(dovecot, mail_user), mail_user.password))


def test_starttls_logs_in_over_an_encrypted_connection(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    client = open_client(account_for(dovecot, mail_user, Security.STARTTLS), mail_user.password)
    try:
        assert client.socket().version().startswith("TLS")
    finally:
        client.logout()


def test_security_none_on_loopback_logs_in_in_clear(dovecot: Dovecot, mail_user: MailUser) -> None:
    client = open_client(account_for(dovecot, mail_user, Security.NONE), mail_user.password)
    try:
        assert not hasattr(client.socket(), "version")
    finally:
        client.logout()


def test_wrong_password_is_an_authentication_failure_without_the_password(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    attempt = "Tr0ub4dor&3-wrong"
    with pytest.raises(AuthenticationFailed) as caught:
        open_client(account_for(dovecot, mail_user), attempt)
    message = str(caught.value)
    assert "rejected the user name or password" in message
    assert mail_user.name in message
    assert attempt not in message
    assert "\n" not in message


def test_non_ascii_password_logs_in_with_sasl_plain(dovecot: Dovecot) -> None:
    user = dovecot.add_user(password="pässwört-ß€")
    assert _logged_in_ok(open_client(account_for(dovecot, user), user.password))


def test_wrong_non_ascii_password_is_an_authentication_failure(dovecot: Dovecot) -> None:
    user = dovecot.add_user(password="right")
    with pytest.raises(AuthenticationFailed, match="rejected"):
        open_client(account_for(dovecot, user), "wröng")


def test_refused_connection_names_host_and_port(dovecot: Dovecot, mail_user: MailUser) -> None:
    with socket.socket() as probe:  # a port that certainly has no listener
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    with pytest.raises(ServerUnreachable, match=f"connection refused by 127.0.0.1:{free_port}"):
        open_client(account_for(dovecot, mail_user, port=free_port), mail_user.password)


def test_unknown_host_says_host_not_found(dovecot: Dovecot, mail_user: MailUser) -> None:
    config = account_for(dovecot, mail_user, host="no-such-host.invalid")
    with pytest.raises(ServerUnreachable, match=r"host not found: no-such-host\.invalid"):
        open_client(config, mail_user.password, timeout_s=5)


def test_self_signed_certificate_without_ca_file_is_rejected_as_unknown_ca(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    with pytest.raises(TlsFailure, match="self-signed or from an unknown CA") as caught:
        open_client(account_for(dovecot, mail_user, ca_file=None), mail_user.password)
    assert "\n" not in str(caught.value)


def test_self_signed_certificate_over_starttls_is_rejected_too(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    config = account_for(dovecot, mail_user, Security.STARTTLS, ca_file=None)
    with pytest.raises(TlsFailure, match="unknown CA"):
        open_client(config, mail_user.password)


def test_pinned_fingerprint_trusts_a_self_signed_certificate(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    pin = dovecot.certificate.sha256()
    with_colons = ":".join(pin[i : i + 2] for i in range(0, 64, 2)).upper()
    config = account_for(dovecot, mail_user, ca_file=None, fingerprint=with_colons)
    assert _logged_in_ok(open_client(config, mail_user.password))


def test_fingerprint_mismatch_fails_before_the_password_is_sent(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    config = account_for(dovecot, mail_user, ca_file=None, fingerprint="ab" * 32)
    with pytest.raises(TlsFailure, match="does not match the pinned fingerprint") as caught:
        open_client(config, mail_user.password)
    assert dovecot.certificate.sha256()[:8] in str(caught.value).replace(":", "")
    assert f"user=<{mail_user.name}>" not in dovecot.log_tail(50)  # no login was attempted


def test_malformed_fingerprint_is_a_config_error(dovecot: Dovecot, mail_user: MailUser) -> None:
    config = account_for(dovecot, mail_user, ca_file=None, fingerprint="not-a-sha256")
    with pytest.raises(ConfigError, match="64 hex digits"):
        open_client(config, mail_user.password)


def test_unreadable_ca_file_is_a_config_error(
    dovecot: Dovecot, mail_user: MailUser, tmp_path: Path
) -> None:
    config = account_for(dovecot, mail_user, ca_file=tmp_path / "missing.pem")
    with pytest.raises(ConfigError, match="cannot read the CA file"):
        open_client(config, mail_user.password)


def test_expired_certificate_says_expired(expired_server: Dovecot) -> None:
    user = expired_server.add_user()
    with pytest.raises(TlsFailure, match="has expired"):
        open_client(account_for(expired_server, user), user.password)


def test_certificate_for_another_name_says_wrong_host(other_name_server: Dovecot) -> None:
    user = other_name_server.add_user()
    with pytest.raises(TlsFailure, match="wrong host"):
        open_client(account_for(other_name_server, user), user.password)


def test_implicit_tls_against_the_plain_port_is_a_tls_failure(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    config = account_for(dovecot, mail_user, port=dovecot.imap_port)
    with pytest.raises(TlsFailure, match="TLS handshake"):
        open_client(config, mail_user.password, timeout_s=5)


def test_missing_required_capability_is_named(dovecot: Dovecot, mail_user: MailUser) -> None:
    with pytest.raises(MissingCapability, match="X-MAILGUARD-NEVER"):
        open_client(
            account_for(dovecot, mail_user),
            mail_user.password,
            required=("IMAP4rev1", "X-MAILGUARD-NEVER"),
        )
