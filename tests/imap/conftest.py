"""Fixtures for the IMAP adapter tests: accounts pointing at the test Dovecot."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from mailguard.core.account import AccountConfig, Security
from mailguard.imap.session import ImapSession
from tests.dovecot import Dovecot, MailUser

AccountFor = Callable[..., AccountConfig]


def account_for(
    server: Dovecot, user: MailUser, security: Security = Security.SSL, **overrides: object
) -> AccountConfig:
    """An account for ``user``: implicit TLS on the imaps port, or the plain port otherwise."""
    settings: dict[str, object] = {
        "name": "test",
        "host": server.host,
        "user": user.name,
        "security": security,
        "port": server.imaps_port if security is Security.SSL else server.imap_port,
        "ca_file": server.ca_file,
    }
    settings.update(overrides)
    return AccountConfig(**settings)  # type: ignore[arg-type]


@pytest.fixture
def session_for() -> Iterator[Callable[[Dovecot, MailUser], ImapSession]]:
    """Open sessions that are closed at teardown, whatever the test did."""
    opened: list[ImapSession] = []

    def open_session(server: Dovecot, user: MailUser) -> ImapSession:
        session = ImapSession(account_for(server, user), user.password, timeout_s=10)
        session.open()
        opened.append(session)
        return session

    yield open_session
    for session in opened:
        session.close()
