"""wait_for_change: IDLE (or NOOP polling) on INBOX, as the backfill watch uses it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from mailguard.core.errors import ConnectionLost
from mailguard.imap.session import ImapSession
from tests.dovecot import Dovecot, MailUser, make_message

OpenSession = Callable[[Dovecot, MailUser], ImapSession]


def later(seconds: float, action: Callable[[], object]) -> threading.Thread:
    def run() -> None:
        time.sleep(seconds)
        action()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_new_mail_ends_the_wait_with_true(
    dovecot: Dovecot, mail_user: MailUser, session_for: OpenSession
) -> None:
    session = session_for(dovecot, mail_user)
    later(0.3, lambda: dovecot.deliver(mail_user, "INBOX", make_message(subject="late")))
    started = time.monotonic()
    assert session.wait_for_change("INBOX", timeout_s=10) is True
    assert time.monotonic() - started < 5


def test_flag_change_by_another_client_ends_the_wait(
    dovecot: Dovecot, mail_user: MailUser, session_for: OpenSession
) -> None:
    dovecot.deliver(mail_user, "INBOX", make_message())
    session = session_for(dovecot, mail_user)

    def mark_seen() -> None:
        with dovecot.client(mail_user) as other:
            other.select_folder("INBOX")
            other.add_flags(other.search(["ALL"]), [b"\\Seen"])

    later(0.3, mark_seen)
    assert session.wait_for_change("INBOX", timeout_s=10) is True


def test_quiet_folder_times_out_with_false_and_the_session_stays_usable(
    dovecot: Dovecot, mail_user: MailUser, session_for: OpenSession
) -> None:
    session = session_for(dovecot, mail_user)
    started = time.monotonic()
    assert session.wait_for_change("INBOX", timeout_s=1.5) is False
    assert 1.4 < time.monotonic() - started < 4
    assert "INBOX" in session.read_snapshot("acct").folders


def test_server_killed_while_waiting_is_connection_lost(
    fresh_dovecot: Dovecot, session_for: OpenSession
) -> None:
    user = fresh_dovecot.add_user()
    session = session_for(fresh_dovecot, user)
    later(0.3, fresh_dovecot.kill)
    with pytest.raises(ConnectionLost, match="while watching INBOX"):
        session.wait_for_change("INBOX", timeout_s=10)


def test_without_idle_the_session_polls_with_noop(session_for: OpenSession) -> None:
    server = Dovecot(extra_config="imap_capability = IMAP4rev1 LITERAL+ ENABLE\n")
    try:
        server.start()
        user = server.add_user()
        session = session_for(server, user)
        assert "IDLE" not in session.capabilities
        later(0.3, lambda: server.deliver(user, "INBOX", make_message()))
        assert session.wait_for_change("INBOX", timeout_s=10, poll_s=0.2) is True
        assert session.wait_for_change("INBOX", timeout_s=0.5, poll_s=0.2) is False
    finally:
        server.cleanup()
