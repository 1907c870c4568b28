"""ArrivalWatch: new mail in any folder ends the wait, whichever way the server can tell.

Mail arrives through Dovecot's LDA, as real mail does: it indexes the message on
arrival, which is what IDLE and NOTIFY report.
"""

from __future__ import annotations

import contextlib
import imaplib
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from imapclient import IMAPClient

from mailguard.core.errors import ConnectionLost
from mailguard.imap.arrival_watch import ArrivalWatch
from tests.dovecot import Dovecot, MailUser, make_message

Listen = Callable[..., ArrivalWatch]


def later(seconds: float, action: Callable[[], object]) -> threading.Thread:
    def run() -> None:
        time.sleep(seconds)
        action()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def listen() -> Iterator[Listen]:
    """``listen(server, user, **options)``: a started ArrivalWatch on a connection of its own."""
    clients: list[IMAPClient] = []

    def start(server: Dovecot, user: MailUser, **options: object) -> ArrivalWatch:
        client = server.client(user, timeout_s=10)
        clients.append(client)
        watch = ArrivalWatch(client, **options)  # type: ignore[arg-type]
        watch.start()
        return watch

    yield start
    for client in clients:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):  # the test may have killed it
            client.logout()


def elapsed(started: float) -> float:
    return time.monotonic() - started


@pytest.mark.parametrize("folder", ["INBOX", "Junk", "Archiv/2024"])
def test_with_notify_mail_in_any_folder_is_heard_of_at_once(
    dovecot: Dovecot, mail_user: MailUser, listen: Listen, folder: str
) -> None:
    dovecot.ensure_folder(mail_user, "Archiv/2024")
    watch = listen(dovecot, mail_user, poll_every_s=600)
    assert watch.mode == "notify"
    later(0.3, lambda: dovecot.deliver_by_lda(mail_user, folder, make_message(subject="late")))
    started = time.monotonic()

    assert watch.wait(20) is True
    assert elapsed(started) < 5  # not the 600 s poll


@pytest.mark.parametrize(
    ("folder", "within_s"),
    [("INBOX", 5), ("Junk", 5)],  # INBOX by IDLE at once, Junk by the next STATUS poll (1 s)
)
def test_without_notify_inbox_is_idled_on_and_the_other_folders_polled(
    dovecot: Dovecot, mail_user: MailUser, listen: Listen, folder: str, within_s: float
) -> None:
    watch = listen(dovecot, mail_user, poll_every_s=1, notify=False)
    assert watch.mode == "idle"
    later(0.3, lambda: dovecot.deliver_by_lda(mail_user, folder, make_message(subject="late")))
    started = time.monotonic()

    assert watch.wait(20) is True
    assert elapsed(started) < within_s


@pytest.mark.parametrize("notify", [True, False], ids=["notify", "idle"])
def test_an_expunge_or_a_flag_change_is_no_arrival(
    dovecot: Dovecot, mail_user: MailUser, listen: Listen, notify: bool
) -> None:
    for folder in ("INBOX", "Junk"):
        dovecot.deliver_by_lda(mail_user, folder, make_message())
    watch = listen(dovecot, mail_user, poll_every_s=0.5, notify=notify)

    def edit() -> None:
        with dovecot.client(mail_user) as other:
            other.select_folder("Junk")
            other.delete_messages(other.search(["ALL"]))
            other.expunge()
            other.select_folder("INBOX")
            other.add_flags(other.search(["ALL"]), [b"\\Flagged"])

    later(0.2, edit)
    started = time.monotonic()

    assert watch.wait(2.5) is False
    assert 2.4 < elapsed(started) < 6


def test_without_idle_every_folder_is_polled(listen: Listen) -> None:
    server = Dovecot(extra_config="imap_capability = IMAP4rev1 LITERAL+ ENABLE\n")
    try:
        server.start()
        user = server.add_user()
        watch = listen(server, user, poll_every_s=0.3)
        assert watch.mode == "poll"
        later(0.3, lambda: server.deliver_by_lda(user, "INBOX", make_message()))
        assert watch.wait(10) is True
        assert watch.wait(1) is False
    finally:
        server.cleanup()


def test_a_server_killed_while_listening_is_connection_lost(
    fresh_dovecot: Dovecot, listen: Listen
) -> None:
    watch = listen(fresh_dovecot, fresh_dovecot.add_user())
    later(0.3, fresh_dovecot.kill)
    with pytest.raises(ConnectionLost, match="while watching for new mail"):
        watch.wait(20)


def test_interrupt_ends_a_wait_from_another_thread_at_once(
    dovecot: Dovecot, mail_user: MailUser, listen: Listen
) -> None:
    watch = listen(dovecot, mail_user, poll_every_s=600)
    later(0.3, watch.interrupt)
    started = time.monotonic()
    with pytest.raises(ConnectionLost):
        watch.wait(60)
    assert elapsed(started) < 5
