"""A baseline's digest of Message-IDs: never wrong about a Message-ID it holds."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from mailguard.core.mailstate import AccountSnapshot, FolderState
from mailguard.core.wire_messages import WireMessage, WireMessages
from mailguard.store.database import Database
from mailguard.store.identity_digest import IdentityDigest, message_id_crc, message_id_crcs, pack
from mailguard.store.snapshot_store import SnapshotStore

message_ids = st.text(st.characters(min_codepoint=33, max_codepoint=0x2FF), min_size=1)


@given(held=st.sets(message_ids, max_size=300), asked=st.lists(message_ids, max_size=30))
def test_a_message_id_the_baseline_holds_is_always_possibly_present(
    held: set[str], asked: list[str]
) -> None:
    crcs = message_id_crcs()
    crcs.extend(message_id_crc(m) for m in held)
    digest = IdentityDigest(pack([crcs, message_id_crcs()]))

    found = digest.possibly_present([*asked, *held])

    assert held <= set(found)
    assert set(found) - held <= set(asked)  # the rest: only what was asked (CRC collisions)


def test_new_mail_is_looked_for_in_the_baseline_without_reading_it(tmp_path: Path) -> None:
    """The usual refresh after a window: the changed messages are mail the baseline never
    held, so finding their other copies reads no stored message at all."""
    inbox = WireMessages()
    for uid in range(1, 51):
        header = f"Message-ID: <{uid}@example.org>\r\nSubject: s{uid}\r\n\r\n".encode()
        inbox.add(WireMessage(uid, frozenset(), b"03-Mar-2026 09:30:15 +0100", 900, uid, header))
    taken = datetime(2026, 3, 3, 12, tzinfo=UTC)
    read = AccountSnapshot("work", taken, {"INBOX": FolderState("INBOX", 7, 51, 60, inbox)})
    with Database(tmp_path / "mailguard.sqlite3") as db:
        stored = SnapshotStore(db).load(SnapshotStore(db).save_baseline(read))
        messages = stored.folders["INBOX"].messages
        statements: list[str] = []
        db.connection.set_trace_callback(statements.append)

        assert messages.with_identities({"mid:<new-1@example.org>", "mid:<new-2@x>"}) == {}
        assert [s for s in statements if "FROM message" in s] == []
        assert set(messages.with_identities({"mid:<7@example.org>", "mid:<new-1@x>"})) == {7}
