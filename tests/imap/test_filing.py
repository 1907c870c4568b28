"""plan_filing against a real Dovecot: the plan names exactly the matching mail, and reads only."""

from __future__ import annotations

from collections.abc import Iterator
from email.header import decode_header, make_header

import pytest
from imapclient import IMAPClient

from mailguard.core.errors import ImapError
from mailguard.core.filing_rules import FilingRule
from mailguard.core.journal import OperationKind
from mailguard.imap.connection import open_client
from mailguard.imap.filing import plan_filing, recipients_of
from mailguard.imap.operations import FolderExecutor
from tests.dovecot import Dovecot, MailUser, make_message
from tests.imap.conftest import account_for


@pytest.fixture
def client(dovecot: Dovecot, mail_user: MailUser) -> Iterator[IMAPClient]:
    connection = open_client(account_for(dovecot, mail_user), mail_user.password, timeout_s=10)
    yield connection
    connection.logout()


def deliver(
    server: Dovecot,
    user: MailUser,
    subject: str,
    *,
    sender: str = "Alice <alice@example.org>",
    cc: str | None = None,
) -> str:
    message_id = f"<{subject.replace(' ', '-')}@example.org>"
    extra = {"Cc": cc} if cc else None
    raw = make_message(subject=subject, sender=sender, message_id=message_id, extra_headers=extra)
    server.deliver(user, "INBOX", raw)
    return message_id


def subjects(server: Dovecot, user: MailUser, folder: str) -> list[str]:
    with server.client(user) as look:
        look.select_folder(folder, readonly=True)
        uids = look.search("ALL")
        envelopes = look.fetch(uids, ["ENVELOPE"]) if uids else {}
    return sorted(
        str(make_header(decode_header(item[b"ENVELOPE"].subject.decode())))
        for item in envelopes.values()
    )


def test_filing_moves_exactly_the_matching_mail_and_a_second_run_moves_nothing(
    dovecot: Dovecot, mail_user: MailUser, client: IMAPClient
) -> None:
    billing = "Stadtwerke <Rechnung@stadtwerke.example>"
    deliver(dovecot, mail_user, "Ihre Rechnung März", sender=billing)
    deliver(dovecot, mail_user, "RECHNUNG April", sender=billing)
    deliver(dovecot, mail_user, "Störungsmeldung", sender=billing)  # sender only
    deliver(dovecot, mail_user, "Rechnung vom Nachbarn", sender="nachbar@example.org")
    deliver(dovecot, mail_user, "Hallo")
    dovecot.ensure_folder(mail_user, "Rechnungen")
    rule = FilingRule(
        "Stadtwerke",
        "INBOX",
        "Rechnungen",
        sender_contains="@STADTWERKE.example",
        subject_contains="rechnung",
    )

    operation = plan_filing(client, rule)
    assert operation.kind is OperationKind.MOVE_MESSAGES
    assert (operation.folder, operation.target) == ("INBOX", "Rechnungen")
    assert sorted(operation.message_keys) == [
        "mid:<Ihre-Rechnung-März@example.org>",
        "mid:<RECHNUNG-April@example.org>",
    ]
    executor = FolderExecutor(client)
    assert executor.apply(operation) == "moved 2 messages from 'INBOX' to 'Rechnungen'"

    assert subjects(dovecot, mail_user, "Rechnungen") == ["Ihre Rechnung März", "RECHNUNG April"]
    assert subjects(dovecot, mail_user, "INBOX") == [
        "Hallo",
        "Rechnung vom Nachbarn",
        "Störungsmeldung",
    ]
    again = plan_filing(client, rule)
    assert again.message_keys == ()
    assert executor.apply(again) == "nothing to move from 'INBOX' to 'Rechnungen'"
    assert len(subjects(dovecot, mail_user, "Rechnungen")) == 2


def test_a_recipient_rule_matches_encoded_cc_and_planning_marks_nothing_seen(
    dovecot: Dovecot, mail_user: MailUser, client: IMAPClient
) -> None:
    deliver(
        dovecot,
        mail_user,
        "Vereinsrundbrief",
        cc="=?utf-8?q?Vereinsliste_M=C3=BChlental?= <verein@lists.example>",
    )
    deliver(dovecot, mail_user, "Privat", cc="Bob <bob@example.org>")
    rule = FilingRule("Verein", "INBOX", "Verein", recipient_contains="mühlental")

    operation = plan_filing(client, rule)

    assert operation.message_keys == ("mid:<Vereinsrundbrief@example.org>",)
    with dovecot.client(mail_user) as look:
        look.select_folder("INBOX", readonly=True)
        assert look.search("UNSEEN") == look.search("ALL")


def test_planning_for_a_missing_folder_is_a_one_line_error_naming_it(
    client: IMAPClient,
) -> None:
    rule = FilingRule("x", "Gibtsnicht", "Archiv", subject_contains="x")
    with pytest.raises(ImapError, match=r"^the server refused to open 'Gibtsnicht': .*exist"):
        plan_filing(client, rule)


def test_recipients_are_unfolded_and_decoded_from_to_and_cc() -> None:
    block = (
        b"To: anna@example.org,\r\n\tbert@example.org\r\n"
        b"Cc: =?iso-8859-1?q?J=FCrgen?= <j@example.de>\r\n\r\n"
    )
    assert recipients_of(block) == "anna@example.org, bert@example.org, Jürgen <j@example.de>"


def test_a_match_sharing_its_message_id_with_a_non_match_is_left_out(
    dovecot: Dovecot, mail_user: MailUser, client: IMAPClient
) -> None:
    # A list copy and a direct copy of one mail: same Message-ID, the list tags the subject.
    for subject in ("[verein] Treffen", "Treffen"):
        raw = make_message(subject=subject, message_id="<treffen@example.org>")
        dovecot.deliver(mail_user, "INBOX", raw)
    deliver(dovecot, mail_user, "[verein] Protokoll")
    rule = FilingRule("Verein", "INBOX", "Verein", subject_contains="[verein]")

    assert plan_filing(client, rule).message_keys == ("mid:<[verein]-Protokoll@example.org>",)
