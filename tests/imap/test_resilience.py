"""The server vanishing mid-read (the maintenance itself): a clear error, and later runs work."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from mailguard.core.errors import ConnectionLost, ServerUnreachable
from mailguard.imap.session import ImapSession
from tests.dovecot import Dovecot, MailUser, make_message
from tests.imap.conftest import account_for

OpenSession = Callable[[Dovecot, MailUser], ImapSession]
LARGE = 5000


def _kill_when_reading(
    server: Dovecot, session: ImapSession, after_fetches: int
) -> threading.Thread:
    """Kill the server from another thread once ``after_fetches`` FETCH responses arrived.

    The session's reads are only watched (the connection is real). The reading
    thread waits until the kill is done, so the kill lands while the server is
    still sending, not after it has already written everything into the socket.
    """
    imap = session.client._imap
    file = imap.file
    real_readline = file.readline
    reached, killed = threading.Event(), threading.Event()
    fetches = 0

    def watching_readline(*limit: int) -> bytes:
        nonlocal fetches
        line = bytes(real_readline(*limit))
        if b" FETCH (" in line and not reached.is_set():
            fetches += 1
            if fetches == after_fetches:
                reached.set()
                killed.wait(10)
        return line

    def kill_when_reached() -> None:
        if reached.wait(30):
            server.kill()
        killed.set()

    file.readline = watching_readline
    killer = threading.Thread(target=kill_when_reached, daemon=True)
    killer.start()
    return killer


def test_server_killed_mid_fetch_is_connection_lost_and_a_later_session_works(
    fresh_dovecot: Dovecot, session_for: OpenSession
) -> None:
    user = fresh_dovecot.add_user()
    for index in range(LARGE):
        fresh_dovecot.deliver(user, "Archiv", make_message(subject=f"old {index}"), flags="\\Seen")
    session = session_for(fresh_dovecot, user)
    killer = _kill_when_reading(fresh_dovecot, session, after_fetches=10)

    with pytest.raises(ConnectionLost) as caught:
        session.read_snapshot("acct")
    killer.join(5)

    message = str(caught.value)
    assert "closed the connection while reading" in message
    assert "maintenance?" in message
    assert "\n" not in message
    with pytest.raises(ServerUnreachable, match="connection refused"):
        ImapSession(account_for(fresh_dovecot, user), user.password).open()

    fresh_dovecot.start()
    snapshot = session_for(fresh_dovecot, user).read_snapshot("acct")
    assert snapshot.folders["Archiv"].message_count == LARGE


def test_server_stopped_mid_session_is_connection_lost(
    fresh_dovecot: Dovecot, session_for: OpenSession
) -> None:
    user = fresh_dovecot.add_user()
    fresh_dovecot.deliver(user, "INBOX", make_message())
    session = session_for(fresh_dovecot, user)
    before = session.read_snapshot("acct")
    fresh_dovecot.stop()  # the imap process says BYE and leaves
    with pytest.raises(ConnectionLost, match="maintenance"):
        session.read_snapshot("acct", before)
    fresh_dovecot.start()
    again = session_for(fresh_dovecot, user).read_snapshot("acct", before)
    assert dict(again.folders) == dict(before.folders)


def test_incremental_read_killed_midway_leaves_the_previous_snapshot_untouched(
    fresh_dovecot: Dovecot, session_for: OpenSession
) -> None:
    user = fresh_dovecot.add_user()
    for index in range(50):
        fresh_dovecot.deliver(user, "INBOX", make_message(subject=f"m{index}"))
    session = session_for(fresh_dovecot, user)
    before = session.read_snapshot("acct")
    frozen = {name: dict(folder.messages) for name, folder in before.folders.items()}
    for index in range(LARGE):
        fresh_dovecot.deliver(user, "INBOX", make_message(subject=f"new {index}"))
    killer = _kill_when_reading(fresh_dovecot, session, after_fetches=10)
    with pytest.raises(ConnectionLost):
        session.read_snapshot("acct", before)
    killer.join(5)
    assert {name: dict(folder.messages) for name, folder in before.folders.items()} == frozen
