"""Snapshots in SQLite: exact round trips, one transaction each, baselines kept apart and pruned."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from mailguard.core.mailstate import AccountSnapshot, FolderState, MessageRecord
from mailguard.core.refresh_report import RefreshReport
from mailguard.store.database import Database
from mailguard.store.report_store import ReportStore
from mailguard.store.snapshot_store import SnapshotStore

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
