"""The backfill watch's listeners against a real Dovecot: they notice, they come back, they stop.

A listener only says "new mail may have come" (the runner then refreshes); the
whole path, down to the report and the announcement, is in test_guard_runner.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mailguard.core.account import AccountConfig, Security
from mailguard.service.backfill_watch import BackfillWatch, WatchSettings
from mailguard.service.imap_access import ImapAccess
from mailguard.store.secrets import PasswordVault
from tests.dovecot import Dovecot, MailUser, make_message
from tests.tcp_relay import TcpRelay

QUICK = WatchSettings(poll_every_s=1, retry_after_s=0.2)


def account_at(host: str, port: int, server: Dovecot, user: MailUser) -> AccountConfig:
    return AccountConfig("work", host, user.name, Security.SSL, port, server.ca_file)


@pytest.fixture
def watch(file_keyring: Path, mail_user: MailUser) -> Iterator[BackfillWatch]:
    PasswordVault().store("work", mail_user.password)
    backfill = BackfillWatch(ImapAccess(PasswordVault()).connect, QUICK)
    yield backfill
    backfill.close()


def heard(watch: BackfillWatch, within_s: float = 10) -> bool:
    """Did the listener of "work" notice something within ``within_s``? (Asking clears it.)"""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        watch.wait(deadline - time.monotonic())
        if watch.take_arrivals("work"):
            return True
    return False


def test_a_listener_asks_for_a_refresh_when_it_starts_and_when_mail_comes(
    dovecot: Dovecot, mail_user: MailUser, watch: BackfillWatch
) -> None:
    watch.listen(account_at(dovecot.host, dovecot.imaps_port, dovecot, mail_user))
    assert heard(watch)  # whatever came before it listened is looked for
    assert not heard(watch, within_s=1.5)

    dovecot.deliver_by_lda(mail_user, "Junk", make_message(subject="late"))

    assert heard(watch)
    watch.stop("work")
    assert not watch.listening("work")
    dovecot.deliver_by_lda(mail_user, "INBOX", make_message(subject="later"))
    assert not heard(watch, within_s=1.5)


def test_a_dropped_connection_is_made_again_and_asks_for_a_refresh(
    dovecot: Dovecot, mail_user: MailUser, watch: BackfillWatch
) -> None:
    """Mail delivered while the connection was down cannot be heard of: the listener asks
    for a refresh as soon as it listens again, so that mail is found all the same."""
    relay = TcpRelay(dovecot.host, dovecot.imaps_port)
    try:
        watch.listen(account_at(relay.host, relay.port, dovecot, mail_user))
        assert heard(watch)
        relay.refusing = True
        relay.cut()
        dovecot.deliver_by_lda(mail_user, "INBOX", make_message(subject="while down"))
        assert not heard(watch, within_s=1.5)  # nobody listens
        relay.refusing = False

        assert heard(watch)
        assert watch.listening("work")
    finally:
        relay.close()


def test_a_listener_waits_out_a_server_that_is_still_down(
    fresh_dovecot: Dovecot, file_keyring: Path
) -> None:
    user = fresh_dovecot.add_user()
    PasswordVault().store("work", user.password)
    fresh_dovecot.stop()
    watch = BackfillWatch(ImapAccess(PasswordVault()).connect, QUICK)
    try:
        watch.listen(account_at(fresh_dovecot.host, fresh_dovecot.imaps_port, fresh_dovecot, user))
        assert not heard(watch, within_s=1)
        assert watch.listening("work")  # retrying, not given up
        fresh_dovecot.start()
        assert heard(watch)
    finally:
        watch.close()


def test_the_listener_of_an_account_removed_meanwhile_ends(
    dovecot: Dovecot, mail_user: MailUser, watch: BackfillWatch
) -> None:
    watch.listen(account_at(dovecot.host, dovecot.imaps_port, dovecot, mail_user))
    assert heard(watch)
    watch.keep_only({"work"})
    assert watch.listening("work")

    watch.keep_only({"home"})

    assert not watch.listening("work")
