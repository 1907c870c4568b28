"""A connection dropped during login is a network failure, not a wrong password.

imapclient reports every failed login as LoginError; only the server's NO (or
BAD) means the user name or password was rejected. A relay between mailguard
and Dovecot cuts the connection the moment the client sends AUTHENTICATE
(closed, or reset with a RST), as a server going down for maintenance would.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from mailguard.core.account import Security
from mailguard.core.errors import AuthenticationFailed, ConnectionLost, ServerUnreachable
from mailguard.core.events import ErrorKind, error_kind
from mailguard.imap.connection import open_client
from tests.dovecot import Dovecot, MailUser
from tests.imap.conftest import account_for
from tests.tcp_relay import TcpRelay


@pytest.fixture
def relay(dovecot: Dovecot) -> Iterator[TcpRelay]:
    relay = TcpRelay(dovecot.host, dovecot.imap_port)
    yield relay
    relay.close()


def through(relay: TcpRelay, dovecot: Dovecot, user: MailUser) -> object:
    """Clear text on loopback, so the relay can see the AUTHENTICATE command go by."""
    return account_for(dovecot, user, Security.NONE, host=relay.host, port=relay.port)


@pytest.mark.parametrize(("reset", "how"), [(False, "closed"), (True, "reset")])
def test_a_connection_dropped_during_login_says_so_and_is_a_network_failure(
    relay: TcpRelay, dovecot: Dovecot, mail_user: MailUser, reset: bool, how: str
) -> None:
    relay.cut_when_client_sends(b"AUTHENTICATE", reset=reset)

    with pytest.raises(ConnectionLost) as caught:
        open_client(through(relay, dovecot, mail_user), mail_user.password, timeout_s=10)  # type: ignore[arg-type]

    message = str(caught.value)
    assert relay.wait_triggered()
    assert f"was {how} during login" in message
    assert "not a password problem" in message
    assert "rejected" not in message
    assert mail_user.password not in message
    assert error_kind(caught.value) is ErrorKind.NETWORK  # retried, not an urgent "fix it"


def test_a_server_that_goes_silent_during_login_timed_out_not_closed(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    """It greets, then never answers AUTHENTICATE: the client's timeout ends the wait."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]

        def greet_then_hang() -> None:
            connection, _ = listener.accept()
            with connection, connection.makefile("rb") as commands:
                connection.sendall(b"* OK IMAP4rev1 ready\r\n")
                for line in commands:  # CAPABILITY is answered; the login never is
                    tag, _, command = line.partition(b" ")
                    if command.upper().startswith(b"CAPABILITY"):
                        connection.sendall(
                            b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK done\r\n"
                        )

        threading.Thread(target=greet_then_hang, daemon=True).start()
        account = account_for(dovecot, mail_user, Security.NONE, host="127.0.0.1", port=port)
        with pytest.raises(ConnectionLost) as caught:
            open_client(account, mail_user.password, timeout_s=1)  # type: ignore[arg-type]

    assert str(caught.value) == (
        f"127.0.0.1:{port} did not answer the login in time "
        "(not a password problem; it is tried again like any network failure)"
    )
    assert error_kind(caught.value) is ErrorKind.NETWORK


def test_the_same_login_through_an_intact_relay_succeeds(
    relay: TcpRelay, dovecot: Dovecot, mail_user: MailUser
) -> None:
    """The failure above is the cut, not the relay or the clear-text login."""
    client = open_client(through(relay, dovecot, mail_user), mail_user.password, timeout_s=10)  # type: ignore[arg-type]
    client.logout()


def test_only_the_servers_no_is_a_wrong_password(
    relay: TcpRelay, dovecot: Dovecot, mail_user: MailUser
) -> None:
    with pytest.raises(AuthenticationFailed) as caught:
        open_client(through(relay, dovecot, mail_user), "not-the-password", timeout_s=10)  # type: ignore[arg-type]

    assert "rejected the user name or password" in str(caught.value)
    assert error_kind(caught.value) is ErrorKind.AUTHENTICATION


def test_a_connection_dropped_during_the_tls_handshake_is_not_an_untrusted_certificate(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    relay = TcpRelay(dovecot.host, dovecot.imaps_port)
    try:
        relay.arm(1, lambda: None)  # cut as the server's first handshake bytes arrive
        account = account_for(dovecot, mail_user, host=relay.host, port=relay.port)
        with pytest.raises(ServerUnreachable) as caught:
            open_client(account, mail_user.password, timeout_s=10)
    finally:
        relay.close()

    assert str(caught.value).endswith("closed the connection during the TLS handshake")
    assert error_kind(caught.value) is ErrorKind.NETWORK
