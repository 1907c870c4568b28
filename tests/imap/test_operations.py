"""FolderExecutor and take_census against a real Dovecot.

Interruptions are played by doing part of the work by hand with another
client (a COPY without the EXPUNGE, a rename already done) and then applying
the operation: the server must end up as after one clean run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator

import pytest
from imapclient import IMAPClient

from mailguard.core.errors import ConnectionLost, ImapError, MissingCapability
from mailguard.core.foreign_edits import EditKind, detect_foreign_edits
from mailguard.core.journal import EntryState, FolderOperation, OperationKind
from mailguard.imap.connection import open_client
from mailguard.imap.operations import FolderExecutor
from mailguard.imap.server_view import examine, fetch_records, locate_messages, take_census
from mailguard.imap.session import ImapSession
from tests.dovecot import Dovecot, MailUser, make_message
from tests.imap.conftest import account_for

K = OperationKind
Connect = Callable[[Dovecot, MailUser], IMAPClient]
OpenSession = Callable[[Dovecot, MailUser], ImapSession]

# Dovecot advertises what imap_capability says (it still accepts MOVE, but a
# client that follows the capability list will not send it).
_BASE_CAPABILITIES = "IMAP4rev1 LITERAL+ SASL-IR ENABLE IDLE AUTH=PLAIN"
WITHOUT_MOVE = f"protocol imap {{\n  imap_capability = {_BASE_CAPABILITIES} UIDPLUS\n}}\n"
WITHOUT_MOVE_OR_UIDPLUS = f"protocol imap {{\n  imap_capability = {_BASE_CAPABILITIES}\n}}\n"


@pytest.fixture
def connect() -> Iterator[Connect]:
    """Logged-in clients opened the way the guard opens them; logged out at teardown."""
    opened: list[IMAPClient] = []

    def open_one(server: Dovecot, user: MailUser) -> IMAPClient:
        client = open_client(account_for(server, user), user.password, timeout_s=10)
        opened.append(client)
        return client

    yield open_one
    for client in opened:
        try:
            client.logout()
        except Exception:
            client.shutdown()


def _server_with(config: str) -> Iterator[Dovecot]:
    server = Dovecot(extra_config=config)
    server.start()
    yield server
    server.cleanup()


@pytest.fixture(scope="module")
def dovecot_without_move() -> Iterator[Dovecot]:
    yield from _server_with(WITHOUT_MOVE)


@pytest.fixture(scope="module")
def dovecot_without_move_or_uidplus() -> Iterator[Dovecot]:
    yield from _server_with(WITHOUT_MOVE_OR_UIDPLUS)


def deliver(
    server: Dovecot,
    user: MailUser,
    folder: str,
    subject: str,
    *,
    message_id: str | None = None,
    flags: str = "",
) -> str:
    """Deliver one message (Message-ID made from the subject unless given); returns the ID."""
    message_id = message_id or f"<{subject.replace(' ', '-')}@example.org>"
    server.deliver(user, folder, make_message(subject=subject, message_id=message_id), flags=flags)
    return message_id


def contents(server: Dovecot, user: MailUser, folder: str) -> Counter[str]:
    return server.message_ids(user, folder)


def folder_names(server: Dovecot, user: MailUser) -> set[str]:
    return server.folder_names(user)


def move_op(source: str, target: str, *message_ids: str) -> FolderOperation:
    keys = tuple(f"mid:{mid}" for mid in message_ids)
    return FolderOperation(K.MOVE_MESSAGES, source, target=target, message_keys=keys)


# -- folder steps --------------------------------------------------------------------------


def test_create_rename_delete_each_act_once_then_say_already_done(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect
) -> None:
    executor = FolderExecutor(connect(dovecot, mail_user))
    steps = [
        (FolderOperation(K.CREATE_FOLDER, "Rechnungen"), "created folder 'Rechnungen'"),
        (
            FolderOperation(K.RENAME_FOLDER, "Rechnungen", new_name="Belege/2024"),
            "renamed folder 'Rechnungen' to 'Belege/2024'",
        ),
        (FolderOperation(K.DELETE_FOLDER, "Belege/2024"), "deleted folder 'Belege/2024'"),
    ]
    for operation, first_outcome in steps:
        assert executor.apply(operation) == first_outcome
        after_once = folder_names(dovecot, mail_user)
        again = executor.execute(operation)
        assert again.state is EntryState.DONE
        assert again.text == f"already done: {operation.describe()}"
        assert folder_names(dovecot, mail_user) == after_once
    assert "Rechnungen" not in after_once
    assert "Belege/2024" not in after_once


def test_a_rename_already_done_by_an_interrupted_run_is_not_repeated(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect
) -> None:
    deliver(dovecot, mail_user, "Alt", "kept")
    with dovecot.client(mail_user) as other:
        other.rename_folder("Alt", "Archiv")
    executor = FolderExecutor(connect(dovecot, mail_user))
    outcome = executor.apply(FolderOperation(K.RENAME_FOLDER, "Alt", new_name="Archiv"))
    assert outcome == "already done: rename folder 'Alt' to 'Archiv'"
    assert contents(dovecot, mail_user, "Archiv") == {"<kept@example.org>": 1}


def test_a_rename_onto_an_existing_folder_is_skipped_and_both_stay(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect
) -> None:
    deliver(dovecot, mail_user, "A", "in a")
    deliver(dovecot, mail_user, "B", "in b")
    outcome = FolderExecutor(connect(dovecot, mail_user)).execute(
        FolderOperation(K.RENAME_FOLDER, "A", new_name="B")
    )
    assert outcome.state is EntryState.SKIPPED
    assert outcome.text == "skipped: rename folder 'A' to 'B': both 'A' and 'B' exist"
    assert contents(dovecot, mail_user, "A") == {"<in-a@example.org>": 1}
    assert contents(dovecot, mail_user, "B") == {"<in-b@example.org>": 1}


def test_renaming_inbox_is_skipped_because_it_would_empty_the_inbox(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect
) -> None:
    deliver(dovecot, mail_user, "INBOX", "stays")
    outcome = FolderExecutor(connect(dovecot, mail_user)).execute(
        FolderOperation(K.RENAME_FOLDER, "INBOX", new_name="Old")
    )
    assert outcome.state is EntryState.SKIPPED
    assert "Old" not in folder_names(dovecot, mail_user)
    assert contents(dovecot, mail_user, "INBOX") == {"<stays@example.org>": 1}


def test_a_refused_delete_is_one_line_naming_the_folder_and_the_server_reason(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect
) -> None:
    executor = FolderExecutor(connect(dovecot, mail_user))
    with pytest.raises(ImapError) as caught:
        executor.delete("Nirgends")
    assert (
        str(caught.value)
        == "the server refused to delete 'Nirgends': Mailbox doesn't exist: Nirgends"
    )

    dovecot.ensure_folder(mail_user, "Eltern/Kind")
    with pytest.raises(ImapError, match=r"^the server refused to create 'Eltern/Kind': .*exists"):
        executor.create("Eltern/Kind")


# -- moving messages -----------------------------------------------------------------------


def test_a_move_takes_exactly_the_named_messages_and_a_second_apply_changes_nothing(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect
) -> None:
    ids = [deliver(dovecot, mail_user, "INBOX", f"mail {n}") for n in range(4)]
    dovecot.ensure_folder(mail_user, "Archiv")
    executor = FolderExecutor(connect(dovecot, mail_user))
    assert "MOVE" in executor.capabilities
    operation = move_op("INBOX", "Archiv", ids[1], ids[3])

    assert executor.apply(operation) == "moved 2 messages from 'INBOX' to 'Archiv'"
    expected_inbox, expected_archive = {ids[0]: 1, ids[2]: 1}, {ids[1]: 1, ids[3]: 1}
    assert contents(dovecot, mail_user, "INBOX") == expected_inbox
    assert contents(dovecot, mail_user, "Archiv") == expected_archive

    again = executor.execute(operation)
    assert again.state is EntryState.DONE
    assert again.text == "already done: move 2 messages from 'INBOX' to 'Archiv'"
    assert contents(dovecot, mail_user, "INBOX") == expected_inbox
    assert contents(dovecot, mail_user, "Archiv") == expected_archive


def test_messages_without_message_id_are_found_by_their_snapshot_fingerprint(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect, session_for: OpenSession
) -> None:
    for subject in ("no id one", "no id two", "no id three"):
        dovecot.deliver(mail_user, "INBOX", make_message(subject=subject, message_id=None))
    dovecot.ensure_folder(mail_user, "Archiv")
    inbox = session_for(dovecot, mail_user).read_snapshot("acct").folders["INBOX"]
    keys = {m.subject: m.identity() for m in inbox.messages.values()}
    assert all(key.startswith("fp:") for key in keys.values())
    operation = FolderOperation(
        K.MOVE_MESSAGES,
        "INBOX",
        target="Archiv",
        message_keys=(keys["no id one"], keys["no id three"]),
    )
    executor = FolderExecutor(connect(dovecot, mail_user))

    assert executor.apply(operation) == "moved 2 messages from 'INBOX' to 'Archiv'"
    assert executor.apply(operation).startswith("already done:")
    archive = session_for(dovecot, mail_user).read_snapshot("acct").folders
    assert sorted(m.subject for m in archive["Archiv"].messages.values()) == [
        "no id one",
        "no id three",
    ]
    assert [m.subject for m in archive["INBOX"].messages.values()] == ["no id two"]


def test_message_ids_with_imap_specials_are_searched_quoted_and_matched_case_sensitively(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect
) -> None:
    odd = deliver(dovecot, mail_user, "INBOX", "odd", message_id='<"a"\\(c)%*{3}]@example.org>')
    upper = deliver(dovecot, mail_user, "INBOX", "upper", message_id="<Case@example.org>")
    lower = deliver(dovecot, mail_user, "INBOX", "lower", message_id="<case@example.org>")
    client = connect(dovecot, mail_user)
    examine(client, "INBOX")
    uid_of = {m.message_id: uid for uid, m in fetch_records(client, "INBOX").items()}

    found = locate_messages(client, "INBOX", [f"mid:{odd}", f"mid:{lower}"])  # SEARCH only

    assert found == {f"mid:{odd}": (uid_of[odd],), f"mid:{lower}": (uid_of[lower],)}
    assert uid_of[upper] not in {uid for uids in found.values() for uid in uids}


def test_a_message_id_with_inner_whitespace_is_still_found_and_moved(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect, session_for: OpenSession
) -> None:
    deliver(dovecot, mail_user, "INBOX", "quoted", message_id='<"john smith"@example.org>')
    deliver(dovecot, mail_user, "INBOX", "other")
    dovecot.ensure_folder(mail_user, "Archiv")
    inbox = session_for(dovecot, mail_user).read_snapshot("acct").folders["INBOX"]
    key = next(m.identity() for m in inbox.messages.values() if m.subject == "quoted")
    assert key == 'mid:<"johnsmith"@example.org>'  # the snapshot drops the space; SEARCH cannot
    operation = FolderOperation(K.MOVE_MESSAGES, "INBOX", target="Archiv", message_keys=(key,))

    assert FolderExecutor(connect(dovecot, mail_user)).apply(operation) == (
        "moved 1 message from 'INBOX' to 'Archiv'"
    )
    assert contents(dovecot, mail_user, "Archiv") == {'<"john smith"@example.org>': 1}
    assert contents(dovecot, mail_user, "INBOX") == {"<other@example.org>": 1}


def test_a_move_works_on_a_snapshot_session_connection_with_qresync_enabled(
    dovecot: Dovecot, mail_user: MailUser, session_for: OpenSession
) -> None:
    ids = [deliver(dovecot, mail_user, "INBOX", f"mail {n}") for n in range(3)]
    dovecot.ensure_folder(mail_user, "Archiv")
    session = session_for(dovecot, mail_user)
    session.read_snapshot("acct")
    assert "QRESYNC" in session.capabilities
    executor = FolderExecutor(session.client)

    assert executor.apply(move_op("INBOX", "Archiv", ids[0])).startswith("moved 1 message")
    assert executor.apply(move_op("INBOX", "Archiv", ids[0])).startswith("already done")
    snapshot = session.read_snapshot("acct")
    assert {m.message_id for m in snapshot.folders["Archiv"].messages.values()} == {ids[0]}
    assert snapshot.folders["INBOX"].message_count == 2


def test_a_move_interrupted_after_copy_finishes_without_duplicating_anything(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect
) -> None:
    ids = [deliver(dovecot, mail_user, "INBOX", f"mail {n}") for n in range(4)]
    dovecot.ensure_folder(mail_user, "Archiv")
    with dovecot.client(mail_user) as earlier_run:  # copied two of three, then died
        earlier_run.select_folder("INBOX")
        earlier_run.copy(earlier_run.search(["SUBJECT", "mail 1"]), "Archiv")
        earlier_run.copy(earlier_run.search(["SUBJECT", "mail 2"]), "Archiv")
    operation = move_op("INBOX", "Archiv", ids[1], ids[2], ids[3])

    outcome = FolderExecutor(connect(dovecot, mail_user)).apply(operation)

    assert outcome == (
        "moved 3 messages from 'INBOX' to 'Archiv' "
        "(2 already copied there by an interrupted run: only the original was removed)"
    )
    assert contents(dovecot, mail_user, "INBOX") == {ids[0]: 1}
    assert contents(dovecot, mail_user, "Archiv") == {ids[1]: 1, ids[2]: 1, ids[3]: 1}


def test_a_move_interrupted_before_its_expunge_removes_only_the_marked_originals(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect
) -> None:
    ids = [deliver(dovecot, mail_user, "INBOX", f"mail {n}") for n in range(3)]
    dovecot.ensure_folder(mail_user, "Archiv")
    with dovecot.client(mail_user) as earlier_run:  # copied and flagged, then died
        earlier_run.select_folder("INBOX")
        uids = earlier_run.search(["SUBJECT", "mail 0"]) + earlier_run.search(["SUBJECT", "mail 1"])
        earlier_run.copy(uids, "Archiv")
        earlier_run.add_flags(uids, [b"\\Deleted"])

    executor = FolderExecutor(connect(dovecot, mail_user))
    assert executor.apply(move_op("INBOX", "Archiv", ids[0], ids[1])).startswith("moved 2")
    assert executor.apply(move_op("INBOX", "Archiv", ids[0], ids[1])).startswith("already done")
    assert contents(dovecot, mail_user, "INBOX") == {ids[2]: 1}
    assert contents(dovecot, mail_user, "Archiv") == {ids[0]: 1, ids[1]: 1}


def test_missing_messages_are_reported_and_the_rest_is_moved(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect
) -> None:
    present = deliver(dovecot, mail_user, "INBOX", "present")
    dovecot.ensure_folder(mail_user, "Archiv")
    operation = move_op("INBOX", "Archiv", present, "<deleted-meanwhile@example.org>")
    executor = FolderExecutor(connect(dovecot, mail_user))

    assert executor.apply(operation) == (
        "moved 1 message from 'INBOX' to 'Archiv'; "
        "1 message is in neither 'INBOX' nor 'Archiv' (left alone)"
    )
    assert contents(dovecot, mail_user, "Archiv") == {present: 1}
    nothing_found = executor.execute(move_op("INBOX", "Archiv", "<gone@example.org>"))
    assert nothing_found.state is EntryState.SKIPPED


def test_a_vanished_target_skips_the_move_and_leaves_the_mail_where_it_is(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect
) -> None:
    mail = deliver(dovecot, mail_user, "INBOX", "stays")
    outcome = FolderExecutor(connect(dovecot, mail_user)).execute(move_op("INBOX", "Weg", mail))
    assert outcome.state is EntryState.SKIPPED
    assert outcome.text == "skipped: move 1 message from 'INBOX' to 'Weg': folder 'Weg' is gone"
    assert contents(dovecot, mail_user, "INBOX") == {mail: 1}


def test_a_move_into_its_own_folder_is_skipped_not_expunged(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect
) -> None:
    mail = deliver(dovecot, mail_user, "INBOX", "only copy")
    outcome = FolderExecutor(connect(dovecot, mail_user)).execute(move_op("INBOX", "inbox", mail))
    assert outcome.state is EntryState.SKIPPED
    assert contents(dovecot, mail_user, "INBOX") == {mail: 1}


def test_without_move_a_copy_expunges_only_its_own_messages_not_other_deleted_mail(
    dovecot_without_move: Dovecot, connect: Connect
) -> None:
    server = dovecot_without_move
    user = server.add_user()
    ids = [deliver(server, user, "INBOX", f"mail {n}") for n in range(2)]
    marked = deliver(server, user, "INBOX", "marked by the user", flags="\\Deleted")
    server.ensure_folder(user, "Archiv")
    executor = FolderExecutor(connect(server, user))
    assert "MOVE" not in executor.capabilities
    assert "UIDPLUS" in executor.capabilities

    assert executor.apply(move_op("INBOX", "Archiv", *ids)) == (
        "moved 2 messages from 'INBOX' to 'Archiv'"
    )
    assert executor.apply(move_op("INBOX", "Archiv", *ids)).startswith("already done")
    assert contents(server, user, "INBOX") == {marked: 1}
    assert contents(server, user, "Archiv") == {ids[0]: 1, ids[1]: 1}
    with server.client(user) as check:
        check.select_folder("INBOX", readonly=True)
        assert check.search(["DELETED"]) != []  # still there, still marked: the user's call


def test_without_move_or_uidplus_nothing_is_moved_and_the_reason_is_said(
    dovecot_without_move_or_uidplus: Dovecot, connect: Connect
) -> None:
    server = dovecot_without_move_or_uidplus
    user = server.add_user()
    mail = deliver(server, user, "INBOX", "stays")
    server.ensure_folder(user, "Archiv")
    executor = FolderExecutor(connect(server, user))
    with pytest.raises(MissingCapability, match=r"neither MOVE \(RFC 6851\) nor UIDPLUS"):
        executor.apply(move_op("INBOX", "Archiv", mail))
    assert contents(server, user, "INBOX") == {mail: 1}
    assert contents(server, user, "Archiv") == {}


def test_a_move_is_refused_when_the_folder_was_renumbered_since_it_was_observed(
    fresh_dovecot: Dovecot, connect: Connect
) -> None:
    user = fresh_dovecot.add_user()
    mail = deliver(fresh_dovecot, user, "INBOX", "mail")
    fresh_dovecot.ensure_folder(user, "Archiv")
    executor = FolderExecutor(connect(fresh_dovecot, user))
    operation = move_op("INBOX", "Archiv", mail)
    uids = executor.observe(operation).locations[f"mid:{mail}"]["INBOX"]
    with fresh_dovecot.client(user) as look:
        seen_uidvalidity = look.select_folder("INBOX", readonly=True)[b"UIDVALIDITY"]
    fresh_dovecot.stop()
    fresh_dovecot.reset_uidvalidity(user, "INBOX")
    fresh_dovecot.start()

    executor = FolderExecutor(connect(fresh_dovecot, user))
    with pytest.raises(ImapError, match="renumbered the messages of 'INBOX'"):
        executor.move("INBOX", "Archiv", uids, uidvalidity=seen_uidvalidity)
    assert contents(fresh_dovecot, user, "INBOX") == {mail: 1}


def test_a_server_gone_mid_apply_is_connection_lost_in_one_line(
    fresh_dovecot: Dovecot, connect: Connect
) -> None:
    user = fresh_dovecot.add_user()
    executor = FolderExecutor(connect(fresh_dovecot, user))
    fresh_dovecot.kill()
    with pytest.raises(ConnectionLost) as caught:
        executor.apply(FolderOperation(K.CREATE_FOLDER, "Neu"))
    assert "\n" not in str(caught.value)
    assert "maintenance?" in str(caught.value)


# -- census --------------------------------------------------------------------------------


def test_census_counts_messages_and_uids_per_folder(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect
) -> None:
    for n in range(3):
        deliver(dovecot, mail_user, "Archiv", f"old {n}")
    census = take_census(connect(dovecot, mail_user))
    assert set(census) == {"INBOX", "Sent", "Drafts", "Trash", "Junk", "Archiv"}
    assert (census["Archiv"].messages, census["Archiv"].uidnext) == (3, 4)
    assert census["INBOX"].messages == 0


def test_census_sees_another_client_rename_create_delete_and_move(
    dovecot: Dovecot, mail_user: MailUser, connect: Connect
) -> None:
    for n in range(3):
        deliver(dovecot, mail_user, "Projekte", f"project {n}")
    for n in range(2):
        deliver(dovecot, mail_user, "INBOX", f"new {n}")
    dovecot.ensure_folder(mail_user, "Alt")
    client = connect(dovecot, mail_user)
    before = take_census(client)

    with dovecot.client(mail_user) as phone:  # the user's phone, during the window
        phone.rename_folder("Projekte", "Projekte 2024")
        phone.create_folder("Neu")
        phone.delete_folder("Alt")
        phone.select_folder("INBOX")
        phone.move(phone.search("ALL"), "Trash")
    after = take_census(client)

    edits = {(e.kind, e.folder, e.other, e.count) for e in detect_foreign_edits(before, after)}
    assert edits == {
        (EditKind.RENAMED, "Projekte", "Projekte 2024", 0),
        (EditKind.CREATED, "Neu", None, 0),
        (EditKind.DELETED, "Alt", None, 0),
        (EditKind.MOVED, "INBOX", "Trash", 2),
    }
