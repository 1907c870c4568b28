"""ImapSession.read_snapshot against a real Dovecot: what it records, and full == incremental."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mailguard.core.errors import ImapError
from mailguard.core.mailstate import AccountSnapshot
from mailguard.core.message_map import OverlayMessages, touched_since
from mailguard.imap.session import ImapSession
from mailguard.store.database import Database
from mailguard.store.snapshot_store import SnapshotStore
from tests.dovecot import Dovecot, MailUser, make_message
from tests.imap.conftest import account_for

OpenSession = Callable[[Dovecot, MailUser], ImapSession]
WINDOW = datetime(2024, 3, 1, 23, 45, tzinfo=UTC)


def folders_of(snapshot: AccountSnapshot) -> dict[str, object]:
    return dict(snapshot.folders)


def test_snapshot_records_special_use_roles_and_skips_nothing(
    dovecot: Dovecot, mail_user: MailUser, session_for: OpenSession
) -> None:
    snapshot = session_for(dovecot, mail_user).read_snapshot("acct")
    roles = {name: set(f.special_use) for name, f in snapshot.folders.items()}
    assert roles == {
        "INBOX": set(),
        "Sent": {"\\Sent"},
        "Drafts": {"\\Drafts"},
        "Trash": {"\\Trash"},
        "Junk": {"\\Junk"},
    }
    assert snapshot.account == "acct"
    assert snapshot.taken_at.tzinfo is not None


def test_snapshot_records_flags_dates_size_and_headers(
    dovecot: Dovecot, mail_user: MailUser, session_for: OpenSession
) -> None:
    raw = make_message(
        subject="Wartung: =?utf-8?q?Gr=C3=BC=C3=9Fe?=",
        sender="=?utf-8?q?J=C3=BCrgen?= <j@example.de>",
        date=datetime(2024, 3, 1, 23, 50, tzinfo=UTC),
        message_id="<one@example.de>",
    )
    dovecot.deliver(mail_user, "INBOX", raw, flags="\\Seen \\Answered", internaldate=WINDOW)
    dovecot.deliver(mail_user, "INBOX", make_message(subject="no id", message_id=None))
    with dovecot.client(mail_user) as setup:
        setup.select_folder("INBOX")
        setup.add_flags(setup.search(["SUBJECT", "no id"]), [b"$Label1"])

    inbox = session_for(dovecot, mail_user).read_snapshot("acct").folders["INBOX"]
    first, second = sorted(inbox.messages.values(), key=lambda m: m.subject)
    assert first.subject == "Wartung: Grüße"
    assert first.sender == "Jürgen <j@example.de>"
    assert first.message_id == "<one@example.de>"
    assert first.date == datetime(2024, 3, 1, 23, 50, tzinfo=UTC)
    assert first.internaldate == WINDOW
    assert first.size == len(raw)
    assert first.flags == {"\\Seen", "\\Answered"}
    assert second.subject == "no id"
    assert second.message_id is None
    assert second.flags == {"$Label1"}  # and no \Recent, though the message is new
    assert inbox.message_count == 2
    assert inbox.uidnext == max(inbox.messages) + 1
    assert inbox.highestmodseq is not None
    assert all(m.modseq for m in inbox.messages.values())


def test_snapshot_reads_empty_and_oddly_named_folders(
    dovecot: Dovecot, mail_user: MailUser, session_for: OpenSession
) -> None:
    dovecot.deliver(mail_user, "Entwürfe", make_message(subject="ä"))
    dovecot.deliver(mail_user, 'Archiv 2024/"Zitat" \\ Ordner', make_message(subject="q"))
    with dovecot.client(mail_user) as setup:
        setup.create_folder("Leer & Leer")
    folders = session_for(dovecot, mail_user).read_snapshot("acct").folders
    assert folders["Entwürfe"].message_count == 1
    assert folders['Archiv 2024/"Zitat" \\ Ordner'].message_count == 1
    assert folders["Leer & Leer"].message_count == 0
    assert "Archiv 2024" not in folders  # exists only as a parent: \NonExistent, skipped


def test_reading_a_snapshot_changes_nothing_on_the_server(
    dovecot: Dovecot, mail_user: MailUser, session_for: OpenSession
) -> None:
    dovecot.deliver(mail_user, "INBOX", make_message(subject="unread"))
    session = session_for(dovecot, mail_user)
    session.read_snapshot("acct")
    again = session.read_snapshot("acct", full=True)
    assert [m.flags for m in again.folders["INBOX"].messages.values()] == [frozenset()]


def _change_things(dovecot: Dovecot, user: MailUser) -> None:
    """Flag changes, an expunge, a move, new mail, and a new folder."""
    with dovecot.client(user) as setup:
        setup.select_folder("INBOX")
        uids = setup.search(["ALL"])
        setup.remove_flags(uids[:2], [b"\\Seen"])
        setup.add_flags(uids[2:3], [b"\\Flagged", b"$Important"])
        setup.delete_messages(uids[3:4])
        setup.expunge()
        setup.move(uids[4:5], "Trash")
        setup.create_folder("Neu")
    dovecot.deliver(user, "INBOX", make_message(subject="late 1"), internaldate=WINDOW)
    dovecot.deliver(user, "INBOX", make_message(subject="late 2"), flags="\\Seen")
    dovecot.deliver(user, "Neu", make_message(subject="in new folder"))


def _fill(dovecot: Dovecot, user: MailUser, count: int = 8) -> None:
    for index in range(count):
        dovecot.deliver(user, "INBOX", make_message(subject=f"mail {index}"), flags="\\Seen")
    dovecot.deliver(user, "Sent", make_message(subject="sent"), flags="\\Seen")


def test_incremental_read_equals_full_read_after_changes(
    dovecot: Dovecot, mail_user: MailUser, session_for: OpenSession
) -> None:
    _fill(dovecot, mail_user)
    session = session_for(dovecot, mail_user)
    before = session.read_snapshot("acct")
    _change_things(dovecot, mail_user)

    incremental = session.read_snapshot("acct", before)
    stats = session.last_read
    full = session_for(dovecot, mail_user).read_snapshot("acct", before, full=True)

    assert folders_of(incremental) == folders_of(full)
    assert stats.incremental_folders == 5  # the five old folders; "Neu" was read in full
    assert stats.full_folders == 1
    assert stats.messages_fetched == 4  # 2 late mails, the moved one in Trash, the new folder's
    inbox = incremental.folders["INBOX"]
    assert {m.subject for m in inbox.messages.values()} >= {"late 1", "late 2"}
    assert inbox.message_count == 8 - 2 + 2
    assert incremental.folders["Trash"].message_count == 1


def test_incremental_read_without_changes_fetches_nothing(
    dovecot: Dovecot, mail_user: MailUser, session_for: OpenSession
) -> None:
    _fill(dovecot, mail_user)
    session = session_for(dovecot, mail_user)
    before = session.read_snapshot("acct")
    after = session.read_snapshot("acct", before)
    assert folders_of(after) == folders_of(before)
    assert session.last_read.messages_fetched == 0
    assert session.last_read.full_folders == 0


def test_uidvalidity_reset_falls_back_to_a_full_read(
    fresh_dovecot: Dovecot, session_for: OpenSession
) -> None:
    user = fresh_dovecot.add_user()
    _fill(fresh_dovecot, user, count=3)
    before = session_for(fresh_dovecot, user).read_snapshot("acct")
    fresh_dovecot.stop()
    fresh_dovecot.reset_uidvalidity(user, "INBOX")
    fresh_dovecot.start()

    session = session_for(fresh_dovecot, user)
    incremental = session.read_snapshot("acct", before)
    full = session_for(fresh_dovecot, user).read_snapshot("acct", full=True)

    assert folders_of(incremental) == folders_of(full)
    assert incremental.folders["INBOX"].uidvalidity != before.folders["INBOX"].uidvalidity
    assert session.last_read.full_folders == 1
    assert session.last_read.incremental_folders == 4


def test_server_without_qresync_reads_in_full_with_the_same_result(
    session_for: OpenSession,
) -> None:
    plain = Dovecot(extra_config="imap_capability = IMAP4rev1 LITERAL+ ENABLE IDLE MOVE UIDPLUS\n")
    try:
        plain.start()
        user = plain.add_user()
        _fill(plain, user)
        session = session_for(plain, user)
        assert "QRESYNC" not in session.capabilities
        before = session.read_snapshot("acct")
        _change_things(plain, user)
        again = session.read_snapshot("acct", before)
        assert session.last_read.incremental_folders == 0
        assert before.folders["INBOX"].highestmodseq is None
        assert all(m.modseq is None for m in before.folders["INBOX"].messages.values())
        fresh = session_for(plain, user).read_snapshot("acct")
        assert folders_of(again) == folders_of(fresh)
    finally:
        plain.cleanup()


def test_folder_that_disappears_between_list_and_read_is_an_imap_error(
    dovecot: Dovecot, mail_user: MailUser, session_for: OpenSession
) -> None:
    from mailguard.imap.fetch_parser import ListedFolder
    from mailguard.imap.folder_reader import FolderReader
    from mailguard.imap.raw_command import RawChannel

    session = session_for(dovecot, mail_user)
    reader = FolderReader(RawChannel(session.client), modseq=True, qresync=False)
    ghost = ListedFolder("Nie angelegt", "/", frozenset())
    with pytest.raises(ImapError, match="refused EXAMINE while reading Nie angelegt"):
        reader.read_full(ghost)
    assert session.client.noop()  # the connection is still in step


def test_session_can_be_opened_only_once(dovecot: Dovecot, mail_user: MailUser) -> None:
    session = ImapSession(account_for(dovecot, mail_user), mail_user.password)
    with session:
        assert "IMAP4REV1" in session.capabilities
    with pytest.raises(ImapError, match="closed"):
        session.open()


def test_a_refresh_from_a_stored_baseline_reads_only_changes_over_it(
    dovecot: Dovecot, mail_user: MailUser, session_for: OpenSession, tmp_path: Path
) -> None:
    """The resync of a big account: the previous state is a baseline still on disk, the
    read is written as changes over it, and storing that state writes only the changes."""
    _fill(dovecot, mail_user)
    session = session_for(dovecot, mail_user)
    with Database(tmp_path / "mailguard.sqlite3") as db:
        store = SnapshotStore(db)
        baseline_id = store.save_baseline(session.read_snapshot("acct", full=True))
        with dovecot.client(mail_user) as setup:
            setup.select_folder("INBOX")
            uids = setup.search(["ALL"])
            setup.add_flags(uids[:1], [b"\\Flagged"])
            setup.delete_messages(uids[1:2])
            setup.expunge()
        dovecot.deliver(mail_user, "INBOX", make_message(subject="late"), internaldate=WINDOW)

        previous = store.load_refresh_state("acct")
        statements: list[str] = []
        db.connection.set_trace_callback(statements.append)
        current = session.read_snapshot("acct", previous)
        db.connection.set_trace_callback(None)
        full = session_for(dovecot, mail_user).read_snapshot("acct", full=True)

        assert session.last_read.full_folders == 0
        assert session.last_read.messages_fetched == 1  # only the late mail came over the wire
        unnamed = [s for s in statements if "FROM message" in s and "json_each" not in s]
        assert [s for s in unnamed if "BETWEEN" not in s] == []  # no folder loaded whole
        base = store.load(baseline_id)
        for name, folder in current.folders.items():
            assert isinstance(folder.messages, OverlayMessages), name
            assert folder.messages.base is base.folders[name].messages, name
            assert touched_since(base.folders[name].messages, folder.messages) is not None
        late = max(current.folders["INBOX"].messages)
        inbox = current.folders["INBOX"].messages
        assert touched_since(base.folders["INBOX"].messages, inbox) == {uids[0], uids[1], late}
        assert folders_of(current) == folders_of(full)

        store.save_refresh_state(current)
        rows = db.connection.execute(
            "SELECT folder, uid, present FROM refresh_message ORDER BY uid"
        ).fetchall()
        assert rows == [("INBOX", uids[0], 1), ("INBOX", uids[1], 0), ("INBOX", late, 1)]
        stored = SnapshotStore(db).load_refresh_state("acct")
        assert stored is not None
        assert folders_of(stored) == folders_of(full)
