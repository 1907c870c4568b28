"""Snapshots in SQLite: exact round trips, one transaction each, baselines kept apart and pruned."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailguard.core.mailstate import AccountSnapshot, FolderState, MessageRecord
from mailguard.core.message_map import (
    MessageMap,
    OverlayMessages,
    known_uids,
    messages_with_identities,
    overlay,
    records_among,
    touched_since,
    uids_within,
)
from mailguard.core.refresh_report import RefreshReport
from mailguard.core.wire_messages import WireMessage, WireMessages
from mailguard.store.database import MIGRATIONS, Database
from mailguard.store.report_store import ReportStore
from mailguard.store.snapshot_store import SnapshotStore
from mailguard.store.stored_messages import StoredMessages

T = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
CET = timezone(timedelta(hours=1))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with Database(tmp_path / "mailguard.sqlite3") as database:
        yield database


def record(uid: int, **changes: object) -> MessageRecord:
    base = MessageRecord(
        uid=uid,
        flags=frozenset({"\\Seen", "$Forwarded"}),
        internaldate=datetime(2026, 3, 1, 9, 30, 15, tzinfo=CET),
        size=2048 + uid,
        message_id=f"<{uid}@example.org>",
        date=datetime(2026, 3, 1, 9, 29, tzinfo=timezone(timedelta(hours=-5))),
        sender="Jörg Müller <joerg@example.de>",
        subject=f"Grüße {uid}",
        modseq=100 + uid,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def snapshot(taken_at: datetime = T, count: int = 3, account: str = "work") -> AccountSnapshot:
    inbox = FolderState(
        name="INBOX",
        uidvalidity=1700000000,
        uidnext=count + 1,
        highestmodseq=500,
        messages={uid: record(uid) for uid in range(1, count + 1)},
    )
    sent = FolderState(
        name="Gesendete Objekte",
        uidvalidity=1700000001,
        uidnext=3,
        highestmodseq=None,
        messages={
            1: record(1, flags=frozenset(), message_id=None, date=None),
            2: record(2, subject=""),
        },
        special_use=frozenset({"\\Sent"}),
        delimiter=".",
    )
    empty = FolderState(
        name="Archiv/2025", uidvalidity=7, uidnext=1, highestmodseq=1, messages={}, delimiter=None
    )
    folders = {f.name: f for f in (inbox, sent, empty)}
    return AccountSnapshot(account=account, taken_at=taken_at, folders=folders)


def count(db: Database, table: str) -> int:
    return int(db.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # noqa: S608


def test_a_baseline_comes_back_exactly_as_saved(db: Database) -> None:
    store = SnapshotStore(db)
    original = snapshot()
    loaded = store.load(store.save_baseline(original))
    assert loaded == original
    assert loaded.folders["INBOX"].messages[1].internaldate.utcoffset() == timedelta(hours=1)


def test_a_baseline_is_also_where_the_next_refresh_starts(db: Database) -> None:
    store = SnapshotStore(db)
    store.save_baseline(snapshot())
    assert store.load_refresh_state("work") == snapshot()
    assert count(db, "snapshot") == 1  # pointed to, not copied


def test_a_refresh_replaces_the_refresh_state_but_never_a_baseline(db: Database) -> None:
    store = SnapshotStore(db)
    baseline_id = store.save_baseline(snapshot())
    store.save_refresh_state(snapshot(T + timedelta(hours=1), count=4))
    store.save_refresh_state(snapshot(T + timedelta(hours=2), count=5))
    assert store.baselines("work") == {baseline_id: T}
    assert SnapshotStore(db).load(baseline_id) == snapshot()
    state = SnapshotStore(db).load_refresh_state("work")
    assert state == snapshot(T + timedelta(hours=2), count=5)
    assert count(db, "snapshot") == 1
    assert count(db, "refresh_message") == 2  # only what differs from the baseline


def changed(base: AccountSnapshot) -> dict[str, AccountSnapshot]:
    """Ways a later read can differ from ``base``, one per table row."""
    inbox, sent = base.folders["INBOX"], base.folders["Gesendete Objekte"]
    later = base.taken_at + timedelta(hours=1)

    def with_folders(*folders: FolderState, drop: tuple[str, ...] = ()) -> AccountSnapshot:
        kept = {n: f for n, f in base.folders.items() if n not in drop}
        return replace(base, taken_at=later, folders={**kept, **{f.name: f for f in folders}})

    return {
        "nothing": replace(base, taken_at=later),
        "a flag": with_folders(
            replace(inbox, messages={**inbox.messages, 2: record(2, flags=frozenset())})
        ),
        "a message gone": with_folders(
            replace(inbox, messages={u: m for u, m in inbox.messages.items() if u != 1})
        ),
        "a message added": with_folders(
            replace(inbox, uidnext=9, messages={**inbox.messages, 8: record(8)})
        ),
        "only the bookkeeping": with_folders(replace(sent, highestmodseq=77)),
        "a new UIDVALIDITY": with_folders(
            replace(inbox, uidvalidity=5, messages={9: record(9), 10: record(10)})
        ),
        "a folder gone": with_folders(drop=("Archiv/2025",)),
        "a folder added": with_folders(
            FolderState("Neu", 3, 2, None, {1: record(1, subject="neu")}, frozenset(), "/")
        ),
        "a folder renamed": with_folders(replace(inbox, name="Eingang"), drop=("INBOX",)),
    }


@pytest.mark.parametrize("change", list(changed(snapshot())))
def test_the_refresh_state_comes_back_exactly_as_saved(db: Database, change: str) -> None:
    store = SnapshotStore(db)
    store.save_baseline(snapshot())
    later = changed(store.load_refresh_state("work") or snapshot())[change]
    store.save_refresh_state(later)
    assert SnapshotStore(db).load_refresh_state("work") == later
    store.save_refresh_state(snapshot(later.taken_at))  # and back
    assert SnapshotStore(db).load_refresh_state("work") == snapshot(later.taken_at)


def test_a_new_baseline_resets_the_refresh_state(db: Database) -> None:
    store = SnapshotStore(db)
    store.save_baseline(snapshot())
    store.save_refresh_state(snapshot(T + timedelta(hours=1), count=9))
    store.save_baseline(snapshot(T + timedelta(hours=2), count=4))
    assert store.load_refresh_state("work") == snapshot(T + timedelta(hours=2), count=4)
    assert count(db, "refresh_message") == 0


def test_an_account_without_snapshots_has_no_refresh_state(db: Database) -> None:
    assert SnapshotStore(db).load_refresh_state("nobody") is None


def test_a_failure_mid_save_leaves_the_previous_state(db: Database) -> None:
    store = SnapshotStore(db)
    store.save_baseline(snapshot())
    before = {t: count(db, t) for t in ("snapshot", "folder", "message", "refresh_state")}
    broken = snapshot(T + timedelta(hours=1))
    sent = broken.folders["Gesendete Objekte"]
    bad = replace(sent, messages={**sent.messages, 9: record(9, sender=None)})
    broken = replace(broken, folders={**broken.folders, bad.name: bad})
    with pytest.raises(Exception, match="NOT NULL"):
        store.save_baseline(broken)
    assert {t: count(db, t) for t in before} == before
    assert store.load_refresh_state("work") == snapshot()


def test_a_refresh_state_and_a_report_are_saved_together_or_not_at_all(db: Database) -> None:
    snapshots, reports = SnapshotStore(db), ReportStore(db)
    baseline_id = snapshots.save_baseline(snapshot())
    with pytest.raises(RuntimeError), db.transaction():
        snapshots.save_refresh_state(snapshot(T + timedelta(hours=1), count=9))
        reports.save(RefreshReport("work", T, T), baseline_id=baseline_id)
        raise RuntimeError("the process died here")
    assert snapshots.load_refresh_state("work") == snapshot()
    assert reports.latest("work") == []


def test_old_baselines_are_pruned_keeping_the_newest_five(db: Database) -> None:
    store = SnapshotStore(db)
    ids = [store.save_baseline(snapshot(T + timedelta(days=i))) for i in range(8)]
    assert sorted(store.baselines("work")) == ids[-5:]
    assert count(db, "message") == 5 * 5  # cascaded: 3 + 2 messages per snapshot


def test_the_baseline_of_the_latest_report_survives_pruning(db: Database) -> None:
    store, reports = SnapshotStore(db), ReportStore(db)
    first = store.save_baseline(snapshot(T))
    reports.save(RefreshReport("work", T, T), baseline_id=first)
    ids = [store.save_baseline(snapshot(T + timedelta(days=i))) for i in range(1, 8)]
    assert sorted(store.baselines("work")) == [first, *ids[-5:]]


def test_pruning_one_account_leaves_the_others_alone(db: Database) -> None:
    store = SnapshotStore(db)
    other = store.save_baseline(snapshot(T, account="home"))
    for i in range(7):
        store.save_baseline(snapshot(T + timedelta(days=i)))
    assert list(store.baselines("home")) == [other]


def test_deleting_an_account_forgets_its_snapshots(db: Database) -> None:
    store = SnapshotStore(db)
    store.save_baseline(snapshot())
    store.save_refresh_state(snapshot(T + timedelta(hours=1), count=5))
    kept = store.save_baseline(snapshot(account="home"))
    store.delete_account("work")
    assert store.baselines("work") == {}
    assert store.load_refresh_state("work") is None
    assert list(store.baselines("home")) == [kept]
    assert count(db, "refresh_message") == 0


def test_a_snapshot_of_100k_messages_is_saved_in_about_a_second(db: Database) -> None:
    big = snapshot(count=100_000)
    store = SnapshotStore(db)
    started = time.perf_counter()
    snapshot_id = store.save_baseline(big)
    elapsed = time.perf_counter() - started
    assert count(db, "message") == 100_002
    assert elapsed < 3.0, f"saving 100k messages took {elapsed:.2f} s"
    assert store.load(snapshot_id).message_count == 100_002


# -- lazily loaded baselines and refresh states written as overlays -------------------


def varied_snapshot(account: str = "work") -> AccountSnapshot:
    """UIDs with gaps; Message-IDs shared within and across folders, missing or empty,
    so look-ups by identity also match by fingerprint."""

    def varied(uid: int) -> MessageRecord:
        message_id = [None, "", "<shared@example.org>", f"<{uid}@example.org>"][uid % 4]
        return record(
            uid,
            message_id=message_id,
            size=100 + uid % 3,
            subject=["Grüße", ""][uid % 2],
            date=None if uid % 5 == 0 else T,
        )

    base = snapshot(account=account)
    inbox = replace(base.folders["INBOX"], messages={u: varied(u) for u in range(1, 61, 2)})
    sent = replace(
        base.folders["Gesendete Objekte"],
        messages={u: replace(varied(u + 20), uid=u) for u in range(1, 12)},
    )
    fetched = FolderState("Abgeholt", 9, 24, 70, as_fetched(range(3, 24)), frozenset(), "/")
    folders = {f.name: f for f in (inbox, sent, base.folders["Archiv/2025"], fetched)}
    return replace(base, folders=folders)


def as_fetched(uids: Iterable[int]) -> WireMessages:
    """Messages as a full read keeps them (stored raw): Message-IDs shared with the other
    folders, missing, folded over two lines or with white space inside the brackets."""
    message_ids = [
        "",
        "Message-ID: <shared@example.org>\r\n",
        "Message-ID:\r\n <7@example.org>\r\n",
        "Message-ID: < 11@example.org >\r\n",
    ]
    messages = WireMessages()
    for uid in uids:
        header = (
            message_ids[uid % 4]
            + ("Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n" if uid % 3 else "")
            + "From: Jörg <j@example.de>\r\n"
            + ("Date: Tue, 3 Mar 2026 09:29:00 -0500\r\n" if uid % 5 else "")
            + "\r\n"
        ).encode()
        internaldate = b" 1-Mar-2026 09:30:15 +0100"
        messages.add(WireMessage(uid, frozenset(), internaldate, 100 + uid % 3, uid, header))
    return messages


def reads_of_messages(statements: list[str]) -> list[str]:
    """SQL that read message rows without naming which: what a lazy folder must not do."""
    return [
        s for s in statements if "FROM message" in s and "json_each" not in s and "BETWEEN" not in s
    ]


def test_batch_look_ups_of_a_stored_folder_equal_those_of_the_snapshot_in_memory(
    db: Database,
) -> None:
    original = varied_snapshot()
    snapshot_id = SnapshotStore(db).save_baseline(original)
    SnapshotStore(db).save_baseline(varied_snapshot("home"))  # the same identities elsewhere
    identities = sorted(
        {r.identity() for f in original.folders.values() for r in f.messages.values()}
    )
    wanted = st.frozensets(
        st.sampled_from([*identities, "mid:<nowhere@example.org>", "fp:1|nowhen|"]), max_size=6
    )
    spans = st.lists(
        st.tuples(st.integers(0, 70), st.integers(0, 6)).map(lambda s: (s[0], s[0] + s[1])),
        max_size=5,
    )

    @settings(max_examples=60, deadline=None)
    @given(
        uids=st.lists(st.integers(0, 70), max_size=15),
        spans=spans,
        first=wanted,
        second=wanted,
        many_spans=st.booleans(),
    )
    def check(
        uids: list[int],
        spans: list[tuple[int, int]],
        first: frozenset[str],
        second: frozenset[str],
        many_spans: bool,
    ) -> None:
        loaded = SnapshotStore(db).load(snapshot_id)
        for stage in ("lazy", "loaded"):
            statements: list[str] = []
            db.connection.set_trace_callback(statements.append)
            for name, folder in original.folders.items():
                stored, mine = loaded.folders[name].messages, folder.messages
                assert isinstance(stored, StoredMessages)
                assert len(stored) == len(mine)
                assert stored.known(uids) == known_uids(mine, uids), (stage, name)
                assert stored.known(iter(uids)) == known_uids(mine, uids)
                assert stored.records(uids) == records_among(mine, uids), (stage, name)
                assert stored.within(spans) == uids_within(mine, spans), (stage, name)
                for asked in (first, second):  # one query serves all folders: still per set
                    expected = messages_with_identities(mine, asked)
                    assert stored.with_identities(asked) == expected, (stage, name, asked)
                    assert messages_with_identities(stored, asked) == expected
            db.connection.set_trace_callback(None)
            if stage == "lazy":
                assert reads_of_messages(statements) == []
                if many_spans:  # more spans than queries are worth: answered by a walk
                    lots = [(u, u) for u in range(0, 300, 2)]
                    for name, folder in original.folders.items():
                        stored = loaded.folders[name].messages
                        assert stored.within(lots) == uids_within(folder.messages, lots)
                for folder in loaded.folders.values():
                    assert dict(folder.messages) == original.folders[folder.name].messages
        assert loaded == original

    check()


def test_a_stored_folder_knows_its_size_without_reading_its_messages(db: Database) -> None:
    snapshot_id = SnapshotStore(db).save_baseline(snapshot(count=7))
    statements: list[str] = []
    db.connection.set_trace_callback(statements.append)
    loaded = SnapshotStore(db).load(snapshot_id)
    sizes = {name: len(f.messages) for name, f in loaded.folders.items()}
    db.connection.set_trace_callback(None)
    assert sizes == {"INBOX": 7, "Gesendete Objekte": 2, "Archiv/2025": 0}
    assert [s for s in statements if "FROM message" in s] == []
    # The stored count is what len() reports, even when the rows went behind the store's back.
    db.connection.execute(
        "DELETE FROM message WHERE folder_id IN (SELECT id FROM folder WHERE name = 'INBOX')"
    )
    assert len(SnapshotStore(db).load(snapshot_id).folders["INBOX"].messages) == 7


def test_a_folder_stored_without_its_count_is_counted(db: Database) -> None:
    snapshot_id = SnapshotStore(db).save_baseline(snapshot(count=7))
    db.connection.execute("UPDATE folder SET message_count = NULL")  # as stored before schema 4
    loaded = SnapshotStore(db).load(snapshot_id)
    sizes = {name: len(f.messages) for name, f in loaded.folders.items()}
    assert sizes == {"INBOX": 7, "Gesendete Objekte": 2, "Archiv/2025": 0}
    assert loaded.message_count == 9
    assert loaded == snapshot(count=7)


def write_baseline_as_schema_3_did(conn: sqlite3.Connection, snap: AccountSnapshot) -> int:
    """The rows a mailguard before message counts wrote, by hand (its store is gone)."""
    cursor = conn.execute(
        "INSERT INTO snapshot (account, taken_at, taken_at_us) VALUES (?, ?, ?)",
        (snap.account, snap.taken_at.isoformat(), int(snap.taken_at.timestamp() * 1_000_000)),
    )
    snapshot_id = cursor.lastrowid
    for f in snap.folders.values():
        folder_id = conn.execute(
            "INSERT INTO folder (snapshot_id, name, uidvalidity, uidnext, highestmodseq,"
            " special_use, delimiter) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                snapshot_id,
                f.name,
                f.uidvalidity,
                f.uidnext,
                f.highestmodseq,
                " ".join(sorted(f.special_use)),
                f.delimiter,
            ),
        ).lastrowid
        conn.executemany(
            "INSERT INTO message (folder_id, uid, flags, internaldate, size, message_id, date,"
            " sender, subject, modseq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    folder_id,
                    m.uid,
                    " ".join(sorted(m.flags)),
                    m.internaldate.isoformat(),
                    m.size,
                    m.message_id,
                    m.date.isoformat() if m.date else None,
                    m.sender,
                    m.subject,
                    m.modseq,
                )
                for m in f.messages.values()
            ],
        )
    assert snapshot_id is not None
    return snapshot_id


def test_a_database_from_before_message_counts_loads_with_the_right_counts(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    original = snapshot(count=4)
    with Database(path, migrations=MIGRATIONS[:3]) as old:
        assert old.version == 3
        with old.transaction() as conn:
            snapshot_id = write_baseline_as_schema_3_did(conn, original)
            conn.execute(
                "INSERT INTO refresh_state (account, base_id, taken_at) VALUES (?, ?, ?)",
                ("work", snapshot_id, T.isoformat()),
            )
    with Database(path) as db:
        assert db.version == len(MIGRATIONS)
        counts = db.connection.execute("SELECT DISTINCT message_count FROM folder").fetchall()
        assert counts == [(None,)]
        store = SnapshotStore(db)
        loaded = store.load(snapshot_id)
        sizes = {name: len(f.messages) for name, f in loaded.folders.items()}
        assert sizes == {"INBOX": 4, "Gesendete Objekte": 2, "Archiv/2025": 0}
        assert loaded == original
        assert store.load_refresh_state("work") == original
        newer = store.save_baseline(snapshot(T + timedelta(days=1), count=5))
        stored = db.connection.execute(
            "SELECT name, message_count FROM folder WHERE snapshot_id = ?", (newer,)
        ).fetchall()
        assert dict(stored) == {"INBOX": 5, "Gesendete Objekte": 2, "Archiv/2025": 0}


def roomy_snapshot() -> AccountSnapshot:
    """20 messages in INBOX and a folder that will not change, besides the usual three."""
    base = snapshot(count=20)
    calm = FolderState(
        "Unverändert", 11, 6, 40, {u: record(u, subject="ruhig") for u in range(1, 6)}
    )
    return replace(base, folders={**base.folders, calm.name: calm})


def refreshed(base: AccountSnapshot, *, plain: bool = False) -> AccountSnapshot:
    """``base`` a refresh later, each folder written as changes over ``base``'s very messages
    (as the IMAP reader does), or (``plain``) as a full read gives it: plain dicts.

    INBOX: two flags changed, two messages came, three went (spans also naming UIDs that
    do not exist); the sent folder got a new UIDVALIDITY; "Archiv/2025" went; "Neu" came;
    "Unverändert" did not change.
    """
    inbox, sent = base.folders["INBOX"], base.folders["Gesendete Objekte"]
    calm = base.folders["Unverändert"]
    came = {
        2: record(2, flags=frozenset({"\\Flagged"}), modseq=600),
        5: record(5, flags=frozenset(), modseq=601),
        21: record(21),
        22: record(22, message_id=None, date=None),
    }
    folders = [
        replace(
            inbox,
            uidnext=23,
            highestmodseq=601,
            messages=overlay(inbox.messages, came, [(7, 8), (40, 50), (3, 3), (8, 8)]),
        ),
        replace(
            sent,
            uidvalidity=1700000099,
            messages={1: record(1, subject="neu"), 2: record(2, message_id=None)},
        ),
        replace(calm, messages=overlay(calm.messages, {})),
        FolderState("Neu", 3, 2, None, {1: record(1, subject="neu")}, frozenset(), "/"),
    ]
    if plain:
        folders = [replace(f, messages=dict(f.messages.items())) for f in folders]
    return AccountSnapshot(
        account=base.account,
        taken_at=base.taken_at + timedelta(hours=1),
        folders={f.name: f for f in folders},
    )


def refresh_rows(db: Database) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    conn = db.connection
    return (
        conn.execute("SELECT * FROM refresh_folder ORDER BY account, name").fetchall(),
        conn.execute("SELECT * FROM refresh_message ORDER BY account, folder, uid").fetchall(),
    )


def rows_by_folder(db: Database) -> dict[str, tuple[list[int], list[int]]]:
    """Per folder: the UIDs of present and of absent message rows in the refresh state."""
    found: dict[str, tuple[list[int], list[int]]] = {}
    for folder, uid, present in db.connection.execute(
        "SELECT folder, uid, present FROM refresh_message ORDER BY folder, uid"
    ):
        found.setdefault(folder, ([], []))[0 if present else 1].append(uid)
    return found


def assert_same_snapshot(loaded: AccountSnapshot | None, expected: AccountSnapshot) -> None:
    assert loaded is not None
    assert loaded.folders.keys() == expected.folders.keys()
    for name, folder in expected.folders.items():
        got = loaded.folders[name]
        assert dict(got.messages.items()) == dict(folder.messages.items()), name
        assert replace(got, messages={}) == replace(folder, messages={}), name
    assert loaded == expected


def test_a_refresh_state_written_as_overlays_stores_only_what_changed(db: Database) -> None:
    store = SnapshotStore(db)
    baseline_id = store.save_baseline(roomy_snapshot())
    later = refreshed(store.load(baseline_id))
    assert isinstance(later.folders["INBOX"].messages, OverlayMessages)
    statements: list[str] = []
    db.connection.set_trace_callback(statements.append)
    store.save_refresh_state(later)
    db.connection.set_trace_callback(None)
    assert reads_of_messages(statements) == []  # the baseline's folders were not walked

    assert rows_by_folder(db) == {
        "INBOX": ([2, 5, 21, 22], [3, 7, 8]),
        "Gesendete Objekte": ([1, 2], []),
        "Neu": ([1], []),
    }
    folders = db.connection.execute(
        "SELECT name, present, replaces_all FROM refresh_folder ORDER BY name"
    ).fetchall()
    assert folders == [
        ("Archiv/2025", 0, 0),
        ("Gesendete Objekte", 1, 1),
        ("INBOX", 1, 0),
        ("Neu", 1, 1),
    ]

    other = SnapshotStore(db)
    db.connection.set_trace_callback(statements.append)
    state = other.load_refresh_state("work")
    db.connection.set_trace_callback(None)
    assert reads_of_messages(statements) == []
    assert_same_snapshot(state, refreshed(roomy_snapshot(), plain=True))
    assert state is not None
    base = other.load(baseline_id)
    inbox = state.folders["INBOX"].messages
    assert touched_since(base.folders["INBOX"].messages, inbox) == {2, 3, 5, 7, 8, 21, 22}
    assert state.folders["Unverändert"] is base.folders["Unverändert"]

    # A second refresh over that state: still written against the baseline, and a message
    # that came and went since leaves no row.
    again = replace(
        state,
        taken_at=state.taken_at + timedelta(hours=1),
        folders={
            **state.folders,
            "INBOX": replace(
                state.folders["INBOX"],
                uidnext=24,
                messages=overlay(inbox, {23: record(23)}, [(21, 21), (10, 10)]),
            ),
        },
    )
    other.save_refresh_state(again)
    assert rows_by_folder(db)["INBOX"] == ([2, 5, 22, 23], [3, 7, 8, 10])
    first = refreshed(roomy_snapshot()).folders["INBOX"].messages
    expected = {u: r for u, r in first.items() if u not in (10, 21)} | {23: record(23)}
    assert_same_snapshot(
        SnapshotStore(db).load_refresh_state("work"),
        replace(
            again,
            folders={
                **refreshed(roomy_snapshot(), plain=True).folders,
                "INBOX": replace(again.folders["INBOX"], messages=expected),
            },
        ),
    )


def test_a_full_read_and_its_overlay_form_store_the_same_refresh_state(db: Database) -> None:
    SnapshotStore(db).save_baseline(roomy_snapshot())
    stored = {}
    for form in ("overlay", "plain", "overlay over another store's baseline"):
        store = SnapshotStore(db)
        baseline_id = next(iter(store.baselines("work")))
        base = store.load(baseline_id)
        if form == "overlay over another store's baseline":
            base = SnapshotStore(db).load(baseline_id)  # equal, but not the stored base object
        store.save_refresh_state(refreshed(base, plain=form == "plain"))
        stored[form] = refresh_rows(db)
        assert_same_snapshot(
            SnapshotStore(db).load_refresh_state("work"), refreshed(roomy_snapshot(), plain=True)
        )
    assert stored["plain"] == stored["overlay"]
    assert stored["overlay over another store's baseline"] == stored["overlay"]
    assert len(stored["overlay"][1]) == 7 + 2 + 1


def test_a_uid_removed_and_then_changed_again_is_stored_once(db: Database) -> None:
    store = SnapshotStore(db)
    base = store.load(store.save_baseline(snapshot()))
    inbox = base.folders["INBOX"]
    back = overlay(overlay(inbox.messages, {}, [(2, 2)]), {2: record(2, flags=frozenset())})
    later = replace(base, folders={**base.folders, "INBOX": replace(inbox, messages=back)})
    store.save_refresh_state(later)
    assert SnapshotStore(db).load_refresh_state("work") == later


def test_a_stored_message_id_with_white_space_is_found_by_its_identity(db: Database) -> None:
    """The query matches Message-IDs exactly, as identity() compares them."""
    padded = snapshot(count=2)
    inbox = padded.folders["INBOX"]
    spaced = {1: record(1, message_id=" <1@example.org>\t"), 2: record(2)}
    padded = replace(padded, folders={**padded.folders, "INBOX": replace(inbox, messages=spaced)})
    store = SnapshotStore(db)
    stored = SnapshotStore(db).load(store.save_baseline(padded)).folders["INBOX"].messages
    assert isinstance(stored, MessageMap)
    assert stored.with_identities({spaced[1].identity()}) == {1: spaced[1]}
    assert stored.with_identities({"mid:<1@example.org>"}) == {}  # another Message-ID
