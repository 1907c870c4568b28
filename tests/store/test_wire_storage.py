"""Messages saved as fetched: stored raw, loaded back as the records a decoder builds."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mailguard.core.mailstate import AccountSnapshot, FolderState
from mailguard.core.message_map import OverlayMessages
from mailguard.core.wire_messages import WireMessage, WireMessages
from mailguard.store.database import Database
from mailguard.store.snapshot_store import SnapshotStore

T = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with Database(tmp_path / "mailguard.sqlite3") as database:
        yield database


def fetched(count: int, *, start: int = 1) -> WireMessages:
    messages = WireMessages()
    for uid in range(start, start + count):
        header = (
            (f"Message-ID: <{uid}@example.org>\r\n" if uid % 3 else "")
            + f"Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe_{uid}?=\r\n"
            + "From: Jörg <j@example.de>\r\n"
            + "Date: Tue, 3 Mar 2026 09:29:00 -0500\r\n\r\n"
        ).encode()
        flags = frozenset({"\\Seen"} if uid % 2 else set())
        messages.add(WireMessage(uid, flags, b" 3-Mar-2026 09:30:15 +0100", 900 + uid, uid, header))
    return messages


def snapshot(folders: dict[str, WireMessages], taken_at: datetime = T) -> AccountSnapshot:
    return AccountSnapshot(
        account="work",
        taken_at=taken_at,
        folders={
            name: FolderState(name, 7, len(m) + 1, 500, m, frozenset(), "/")
            for name, m in folders.items()
        },
    )


def test_a_fetched_baseline_is_stored_raw_and_loads_as_decoded_records(db: Database) -> None:
    inbox = fetched(12)
    snapshot_id = SnapshotStore(db).save_baseline(snapshot({"INBOX": inbox}))
    rows = db.connection.execute(
        "SELECT message_id, sender, subject, header IS NOT NULL FROM message ORDER BY uid"
    ).fetchall()
    assert rows[0] == ("<1@example.org>", "", "", 1)  # decoded only when loaded
    assert rows[2][0] is None  # no Message-ID: found by fingerprint
    loaded = SnapshotStore(db).load(snapshot_id).folders["INBOX"].messages
    assert len(loaded) == 12
    assert dict(loaded.items()) == {uid: inbox.wire[uid].decode() for uid in inbox}
    assert loaded[1].subject == "Grüße 1" and loaded[1].sender == "Jörg <j@example.de>"


def test_batch_look_ups_of_a_raw_baseline_find_messages_by_identity(db: Database) -> None:
    inbox = fetched(9)
    snapshot_id = SnapshotStore(db).save_baseline(snapshot({"INBOX": inbox}))
    stored = SnapshotStore(db).load(snapshot_id).folders["INBOX"].messages
    wanted = {inbox[2].identity(), inbox[3].identity(), "mid:<nowhere@x>"}
    assert stored.with_identities(wanted) == {2: inbox[2], 3: inbox[3]}  # type: ignore[attr-defined]
    assert stored.records([4, 99]) == {4: inbox[4]}  # type: ignore[attr-defined]


def test_a_new_folder_read_in_full_goes_into_the_refresh_state_raw(db: Database) -> None:
    store = SnapshotStore(db)
    store.save_baseline(snapshot({"INBOX": fetched(3)}))
    later = snapshot({"INBOX": fetched(3), "Archiv": fetched(4, start=10)}, T.replace(hour=13))
    store.save_refresh_state(later)
    assert db.connection.execute(
        "SELECT COUNT(*) FROM refresh_message WHERE header IS NOT NULL"
    ).fetchone() == (4,)
    state = SnapshotStore(db).load_refresh_state("work")
    assert state is not None
    assert dict(state.folders["Archiv"].messages) == dict(later.folders["Archiv"].messages)
    assert dict(state.folders["INBOX"].messages) == dict(later.folders["INBOX"].messages)


def test_rows_stored_decoded_before_schema_4_still_load(tmp_path: Path) -> None:
    """Old rows have no header and no folder count: they load as they were stored."""
    path = tmp_path / "old.sqlite3"
    with Database(path) as database:
        SnapshotStore(database).save_baseline(snapshot({"INBOX": fetched(5)}))
        expected = dict(SnapshotStore(database).load(1).folders["INBOX"].messages)
    with sqlite3.connect(path) as conn:  # what schema 3 wrote: decoded columns, no count
        for uid, record in expected.items():
            conn.execute(
                "UPDATE message SET internaldate = ?, date = ?, sender = ?, subject = ?,"
                " header = NULL WHERE uid = ?",
                (
                    record.internaldate.isoformat(),
                    record.date.isoformat() if record.date else None,
                    record.sender,
                    record.subject,
                    uid,
                ),
            )
        conn.execute("UPDATE folder SET message_count = NULL")
    with Database(path) as database:
        loaded = SnapshotStore(database).load(1).folders["INBOX"].messages
        assert len(loaded) == 5
        assert dict(loaded.items()) == expected


def stored_rows(db: Database, snapshot_id: int) -> list[tuple[object, ...]]:
    return db.connection.execute(
        "SELECT f.name, m.uid, m.flags, m.internaldate, m.size, m.message_id, m.date, m.sender,"
        " m.subject, m.modseq, m.header FROM message m JOIN folder f ON f.id = m.folder_id"
        " WHERE f.snapshot_id = ? ORDER BY f.name, m.uid",
        (snapshot_id,),
    ).fetchall()


def test_a_staged_baseline_stores_exactly_what_a_direct_save_stores(tmp_path: Path) -> None:
    """Folders staged while the rest is read (one of them twice: read again) end up as if
    the whole snapshot had been saved at once; a folder that was not staged is saved too,
    and one staged but no longer in the read is not."""
    read = snapshot({"INBOX": fetched(30), "Archiv": fetched(7, start=50), "Leer": fetched(0)})
    with Database(tmp_path / "direct.sqlite3") as direct:
        expected = stored_rows(direct, SnapshotStore(direct).save_baseline(read))
    with Database(tmp_path / "staged.sqlite3") as db:
        store = SnapshotStore(db)
        with store.staging("work", T) as staging:
            staging.stage(replace(read.folders["INBOX"], messages=fetched(3, start=900)))
            staging.stage(read.folders["INBOX"])  # read again: replaces what was staged
            staging.stage(read.folders["Archiv"])
            staging.stage(snapshot({"Weg": fetched(2)}).folders["Weg"])  # vanished meanwhile
            snapshot_id = staging.save_baseline(read)
        assert stored_rows(db, snapshot_id) == expected
        assert SnapshotStore(db).load(snapshot_id).folders["Leer"].messages == {}
        assert set(SnapshotStore(db).load(snapshot_id).folders) == {"INBOX", "Archiv", "Leer"}


def test_a_baseline_being_staged_is_no_baseline_yet(db: Database) -> None:
    """Folders written while the read goes on are seen by no query of baselines."""
    store = SnapshotStore(db)
    before = store.save_baseline(snapshot({"INBOX": fetched(2)}))
    later = T.replace(hour=14)
    with store.staging("work", later) as staging:
        staging.stage(snapshot({"INBOX": fetched(40)}).folders["INBOX"])
        other = SnapshotStore(db)  # another process looking meanwhile
        assert set(other.baselines("work")) == {before}
        assert other.prune("work") == 0
        assert len(other.load_refresh_state("work").folders["INBOX"].messages) == 2  # type: ignore[union-attr]
        saved = staging.save_baseline(snapshot({"INBOX": fetched(40)}, later))
    assert set(store.baselines("work")) == {before, saved}
    assert len(store.load_refresh_state("work").folders["INBOX"].messages) == 40  # type: ignore[union-attr]


def test_staging_locks_nothing_and_a_failed_read_leaves_no_trace(tmp_path: Path) -> None:
    path = tmp_path / "mailguard.sqlite3"
    with Database(path) as db:
        store = SnapshotStore(db)
        before = store.save_baseline(snapshot({"INBOX": fetched(2)}))
        with pytest.raises(ConnectionError), store.staging("work", T) as staging:
            staging.stage(snapshot({"INBOX": fetched(40)}).folders["INBOX"])
            with sqlite3.connect(path, timeout=0.1) as other:  # another process writes meanwhile
                other.execute("BEGIN IMMEDIATE")
                other.execute("DELETE FROM report")
            raise ConnectionError("the server went away mid-read")
        assert set(SnapshotStore(db).baselines("work")) == {before}
        assert db.connection.execute("SELECT COUNT(*) FROM message").fetchone() == (2,)
        assert db.connection.execute("SELECT COUNT(*) FROM snapshot").fetchone() == (1,)


def test_what_a_killed_snapshot_left_behind_goes_with_a_later_one(db: Database) -> None:
    """A process killed mid-read cannot clean up; a snapshot of the same account hours
    later removes its rows (a younger one may be another process, still reading)."""
    store = SnapshotStore(db)
    for started in (T, T.replace(hour=17)):
        died = store.staging("work", started).__enter__()  # never left: the process died
        died.stage(snapshot({"INBOX": fetched(5)}).folders["INBOX"])
    saved = store.save_baseline(snapshot({"INBOX": fetched(1)}, T.replace(hour=19)))
    rows = db.connection.execute("SELECT id, pending FROM snapshot ORDER BY id").fetchall()
    assert [pending for _, pending in rows] == [1, 0]  # the one from 17:00 may still be alive
    assert rows[1][0] == saved
    assert db.connection.execute("SELECT COUNT(*) FROM message").fetchone() == (5 + 1,)


def test_a_folder_read_again_in_full_is_stored_as_its_changes_over_the_base(
    db: Database,
) -> None:
    """resync --full: only messages whose fetched bytes differ are decoded and stored."""
    store = SnapshotStore(db)
    store.save_baseline(snapshot({"INBOX": fetched(10)}))
    again = fetched(10)
    del again.wire[4]  # expunged
    again.add(again.wire[2]._replace(flags=frozenset({"\\Flagged"})))  # flags changed
    again.add(again.wire[3]._replace(header=b"Subject: rewritten\r\n\r\n"))  # bytes differ
    again.add(fetched(1, start=11).wire[11])  # arrived
    relative = store.over_base(snapshot({"INBOX": again}, T.replace(hour=13)))
    inbox = relative.folders["INBOX"].messages
    assert isinstance(inbox, OverlayMessages)
    assert inbox.removed == {4}
    assert sorted(inbox.changed) == [2, 3, 11]
    assert dict(inbox.items()) == {uid: again[uid] for uid in again}
    store.save_refresh_state(relative)
    assert db.connection.execute("SELECT COUNT(*) FROM refresh_message").fetchone() == (4,)


def test_rows_stored_decoded_are_compared_decoded(tmp_path: Path) -> None:
    """A baseline stored before schema 4 has no raw bytes: equal records are unchanged."""
    path = tmp_path / "mailguard.sqlite3"
    with Database(path) as db:
        decoded = dict(fetched(3).items())  # plain records: stored decoded
        state = FolderState("INBOX", 7, 4, 500, decoded, frozenset(), "/")
        SnapshotStore(db).save_baseline(AccountSnapshot("work", T, {"INBOX": state}))
        again = fetched(3)
        again.add(again.wire[1]._replace(size=1))
        relative = SnapshotStore(db).over_base(snapshot({"INBOX": again}, T.replace(hour=13)))
        inbox = relative.folders["INBOX"].messages
        assert isinstance(inbox, OverlayMessages)
        assert sorted(inbox.changed) == [1] and not inbox.removed
