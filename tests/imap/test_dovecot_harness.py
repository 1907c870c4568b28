"""The test Dovecot behaves like the server the rest of the suite assumes."""

from __future__ import annotations

import ssl
from datetime import UTC, datetime

import pytest
from imapclient import IMAPClient

from tests.dovecot import Dovecot, MailUser, make_message


def test_login_over_implicit_tls_trusting_the_generated_certificate(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    with dovecot.client(mail_user) as client:
        assert client.noop()[0].startswith(b"NOOP completed")
        assert client.ssl


def test_untrusted_client_fails_the_handshake(dovecot: Dovecot) -> None:
    with pytest.raises(ssl.SSLCertVerificationError):
        IMAPClient(dovecot.host, port=dovecot.imaps_port, ssl=True, timeout=5)


def test_server_offers_qresync_condstore_idle_and_special_use(
    dovecot: Dovecot, mail_user: MailUser
) -> None:
    with dovecot.client(mail_user) as client:
        caps = set(client.capabilities())
    assert {b"QRESYNC", b"CONDSTORE", b"IDLE", b"SPECIAL-USE", b"ENABLE"} <= caps


def test_plain_port_offers_starttls(dovecot: Dovecot) -> None:
    client = IMAPClient(dovecot.host, port=dovecot.imap_port, ssl=False, timeout=5)
    try:
        assert b"STARTTLS" in client.capabilities()
    finally:
        client.shutdown()


def test_special_use_folders_exist(dovecot: Dovecot, mail_user: MailUser) -> None:
    with dovecot.client(mail_user) as client:
        roles = {name: set(flags) for flags, _, name in client.list_folders()}
    assert b"\\Sent" in roles["Sent"]
    assert b"\\Trash" in roles["Trash"]
    assert b"\\Drafts" in roles["Drafts"]
    assert b"\\Junk" in roles["Junk"]


def test_mail_delivered_while_stopped_appears_after_start(fresh_dovecot: Dovecot) -> None:
    user = fresh_dovecot.add_user()
    moment = datetime(2024, 3, 1, 23, 50, tzinfo=UTC)
    fresh_dovecot.stop()
    fresh_dovecot.deliver(
        user, "INBOX", make_message(subject="late"), flags="\\Seen", internaldate=moment
    )
    fresh_dovecot.deliver(user, "Archiv 2024", make_message(subject="elsewhere"))
    fresh_dovecot.start()
    with fresh_dovecot.client(user) as client:
        client.select_folder("INBOX", readonly=True)
        fetched = client.fetch(client.search("ALL"), ["FLAGS", "INTERNALDATE"])
        ((_, data),) = fetched.items()
        assert b"\\Seen" in data[b"FLAGS"]
        assert data[b"INTERNALDATE"].astimezone(UTC) == moment
        assert "Archiv 2024" in [name for _, _, name in client.list_folders()]


def test_reset_uidvalidity_gives_the_folder_a_new_uidvalidity(fresh_dovecot: Dovecot) -> None:
    user = fresh_dovecot.add_user()
    fresh_dovecot.deliver(user, "INBOX", make_message(subject="one"), flags="\\Flagged")
    with fresh_dovecot.client(user) as client:
        before = client.folder_status("INBOX", ["UIDVALIDITY", "MESSAGES"])
    fresh_dovecot.stop()
    fresh_dovecot.reset_uidvalidity(user, "INBOX")
    fresh_dovecot.start()
    with fresh_dovecot.client(user) as client:
        after = client.folder_status("INBOX", ["UIDVALIDITY", "MESSAGES"])
        client.select_folder("INBOX", readonly=True)
        flags = client.get_flags([1])
    assert after[b"UIDVALIDITY"] != before[b"UIDVALIDITY"]
    assert after[b"MESSAGES"] == 1
    assert b"\\Flagged" in flags[1]


def test_kill_leaves_no_process_behind(fresh_dovecot: Dovecot) -> None:
    from tests.dovecot import group_alive

    user = fresh_dovecot.add_user()
    client = fresh_dovecot.client(user)
    pgid = fresh_dovecot._process.pid if fresh_dovecot._process else 0
    fresh_dovecot.kill()
    assert not group_alive(pgid)
    with pytest.raises((OSError, ssl.SSLError, IMAPClient.Error)):
        client.noop()
