"""``mailguard messages`` against a real Dovecot: the UIDs ``move`` takes, read without a trace."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.cli.cli_runner import MailguardCli, error_line
from tests.dovecot import Dovecot, MailUser, make_message

ARRIVED = datetime(2026, 7, 18, 21, 35, tzinfo=UTC)  # 23:35 CEST


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")


def deliver(
    dovecot: Dovecot,
    user: MailUser,
    folder: str,
    subject: str,
    *,
    flags: str = "",
    sender: str = "Alice <alice@example.org>",
    date: datetime = ARRIVED,
    message_id: str = "",
) -> None:
    """A message that arrived at ``ARRIVED`` (its INTERNALDATE)."""
    raw = make_message(subject=subject, sender=sender, date=date, message_id=message_id)
    dovecot.deliver(user, folder, raw, flags=flags, internaldate=ARRIVED)


def server_uids(dovecot: Dovecot, user: MailUser, folder: str) -> dict[str, int]:
    """Subject → UID, as the server numbers them."""
    with dovecot.client(user) as client:
        client.select_folder(folder, readonly=True)
        uids = client.search("ALL")
        envelopes = client.fetch(uids, ["ENVELOPE"]) if uids else {}
    return {data[b"ENVELOPE"].subject.decode(): uid for uid, data in envelopes.items()}


def test_the_list_shows_uid_zoned_date_sender_subject_and_flags(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser, berlin: None
) -> None:
    deliver(dovecot, mail_user, "INBOX", "invoice 7", flags="\\Seen \\Flagged")
    deliver(dovecot, mail_user, "INBOX", "hello there", sender="Bob <bob@example.org>")
    cli.add_account(dovecot, mail_user)
    uids = server_uids(dovecot, mail_user, "INBOX")

    listed = cli("messages", "work", "INBOX")

    assert listed.exit_code == 0, listed.err
    expected = {
        uids["invoice 7"]: f"{uids['invoice 7']}  2026-07-18 23:35 CEST  "
        "Alice <alice@example.org>  'invoice 7'  \\Flagged \\Seen",
        uids["hello there"]: f"{uids['hello there']}  2026-07-18 23:35 CEST  "
        "Bob <bob@example.org>  'hello there'",
    }
    assert listed.out.splitlines() == [expected[uid] for uid in sorted(expected)]  # by UID
    assert "mailguard move work --from INBOX --to FOLDER UID" in listed.err


def test_listing_changes_nothing_on_the_server(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    deliver(dovecot, mail_user, "INBOX", "unread")
    cli.add_account(dovecot, mail_user)

    assert cli("messages", "work", "INBOX").exit_code == 0

    with dovecot.client(mail_user) as client:
        client.select_folder("INBOX", readonly=True)
        flags = client.get_flags(client.search("ALL"))
    # Still unread (BODY.PEEK), and still \\Recent: a SELECT would have taken that (RFC 3501 2.3.2).
    assert [sorted(f) for f in flags.values()] == [[b"\\Recent"]]


def test_the_uids_listed_are_the_ones_move_takes(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    for subject in ("keep me", "file me"):
        deliver(dovecot, mail_user, "INBOX", subject)
    dovecot.ensure_folder(mail_user, "Archive")
    cli.add_account(dovecot, mail_user)

    found = cli("messages", "work", "INBOX", "--search", "file", "--json").json()
    (uid,) = [m["uid"] for m in found["messages"]]
    moved = cli("move", "work", "--from", "INBOX", "--to", "Archive", str(uid))

    assert moved.exit_code == 0, moved.err
    archive = cli("messages", "work", "Archive", "--json").json()
    assert [m["subject"] for m in archive["messages"]] == ["file me"]
    inbox = cli("messages", "work", "INBOX", "--json").json()
    assert [m["subject"] for m in inbox["messages"]] == ["keep me"]


@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("INVOICE", ["Invoice 7", "invoice (urgent) 8"]),  # the subject, ignoring case
        ("(urgent)", ["invoice (urgent) 8"]),  # IMAP specials are quoted, not sent bare
        ('say "hi"', ['Quote say "hi"']),  # quotes escaped
        ("shop.example", ["Invoice 7"]),  # the sender's address
        ("Müller", ["Bestätigung 9"]),  # non-ASCII sender name: a UTF-8 literal
        ("bestätigung", ["Bestätigung 9"]),  # non-ASCII subject
        ("nothing like it", []),
    ],
)
def test_search_keeps_messages_whose_subject_or_sender_contains_the_text(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser, search: str, found: list[str]
) -> None:
    deliver(dovecot, mail_user, "INBOX", "Invoice 7", sender="Shop <billing@shop.example>")
    deliver(dovecot, mail_user, "INBOX", "invoice (urgent) 8")
    deliver(dovecot, mail_user, "INBOX", "Bestätigung 9", sender="Jörg Müller <j@example.de>")
    deliver(dovecot, mail_user, "INBOX", 'Quote say "hi"')
    deliver(dovecot, mail_user, "INBOX", "unrelated")
    cli.add_account(dovecot, mail_user)

    result = cli("messages", "work", "INBOX", "--search", search, "--json")

    assert result.exit_code == 0, result.err
    assert sorted(m["subject"] for m in result.json()["messages"]) == found


def test_the_json_names_the_folder_and_each_message_in_full(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    early_clock = ARRIVED + timedelta(seconds=80)  # the sender's clock runs 80 s fast
    deliver(
        dovecot, mail_user, "INBOX", "fast clock",
        date=early_clock, flags="\\Answered", message_id="<fast@x>",
    )  # fmt: skip
    cli.add_account(dovecot, mail_user)

    data = cli("messages", "work", "INBOX", "--json").json()

    with dovecot.client(mail_user) as client:
        uidvalidity = client.select_folder("INBOX", readonly=True)[b"UIDVALIDITY"]
    assert data["account"] == "work"
    assert data["folder"] == "INBOX"
    assert data["uidvalidity"] == uidvalidity
    assert data["search"] is None
    (message,) = data["messages"]
    assert message == {
        "uid": message["uid"],
        "from": "Alice <alice@example.org>",
        "subject": "fast clock",
        "date": early_clock.isoformat(),
        "internaldate": message["internaldate"],
        "shown_date": message["internaldate"],  # a Date later than the arrival is not believed
        "message_id": "<fast@x>",
        "flags": ["\\Answered"],
        "size": message["size"],
    }
    assert datetime.fromisoformat(message["internaldate"]) == ARRIVED


def test_an_empty_folder_and_a_search_without_hits_say_so(
    cli: MailguardCli, dovecot: Dovecot, mail_user: MailUser
) -> None:
    dovecot.ensure_folder(mail_user, "Empty")
    deliver(dovecot, mail_user, "INBOX", "something")
    cli.add_account(dovecot, mail_user)

    empty = cli("messages", "work", "Empty")
    missed = cli("messages", "work", "INBOX", "--search", "nothing")

    assert (empty.exit_code, empty.out) == (0, "")
    assert "Empty holds no messages" in empty.err
    assert (missed.exit_code, missed.out) == (0, "")
    assert "no message in INBOX has 'nothing' in its subject or sender" in missed.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("messages", "work", "Nowhere"), "the server refused to open 'Nowhere'"),
        (("messages", "nobody", "INBOX"), "no account named 'nobody'"),
        (("messages", "work", "INBOX", "--search", " "), "--search needs some text"),
        (("messages", "work", "INBOX", "--search", "a\nb"), "--search needs some text"),
    ],
)
def test_mistakes_get_one_line_and_exit_code_2(
    cli: MailguardCli,
    dovecot: Dovecot,
    mail_user: MailUser,
    argv: tuple[str, ...],
    message: str,
) -> None:
    cli.add_account(dovecot, mail_user)

    result = cli(*argv)

    assert result.exit_code == 2
    assert message in error_line(result)
