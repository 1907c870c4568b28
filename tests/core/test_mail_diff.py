"""The diff between a baseline and the mailbox now: one table row per rule of the issue."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailguard.core.mail_diff import diff_snapshots, match_renamed_folders, message_date
from mailguard.core.mailstate import AccountSnapshot, FolderState, MessageRecord
from mailguard.core.message_map import MessageMap, OverlayMessages
from mailguard.core.model import MaintenanceWindow
from mailguard.core.refresh_report import RESEND_NOTE, RefreshReport

S = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)  # the baseline was taken
W0 = S + timedelta(hours=10)  # the window: 22:00–02:00
W1 = S + timedelta(hours=14)
NOW = S + timedelta(hours=20)  # the refresh
WINDOW = MaintenanceWindow(
    start=W0, end=W1, title="Mail maintenance", source="test", source_kind="text"
)
BEFORE_S = S - timedelta(days=2)
BETWEEN = S + timedelta(hours=2)  # after the baseline, before the window
INSIDE = W0 + timedelta(hours=1)
AFTER = W1 + timedelta(hours=1)


def msg(
    uid: int,
    mid: str | None = None,
    *,
    flags: tuple[str, ...] = (),
    at: datetime = BEFORE_S,
    date: datetime | None = None,
    subject: str | None = None,
    size: int = 1000,
) -> MessageRecord:
    return MessageRecord(
        uid=uid,
        flags=frozenset(flags),
        internaldate=at,
        size=size,
        message_id=f"<{mid}@example.org>" if mid else None,
        date=at if date is None else date,
        sender="Alice <alice@example.org>",
        subject=subject if subject is not None else f"subject {mid or uid}",
    )


def folder(
    name: str,
    *messages: MessageRecord,
    uidvalidity: int = 1,
    uidnext: int | None = None,
    special: tuple[str, ...] = (),
) -> FolderState:
    return FolderState(
        name=name,
        uidvalidity=uidvalidity,
        uidnext=uidnext if uidnext is not None else max((m.uid for m in messages), default=0) + 1,
        highestmodseq=None,
        messages={m.uid: m for m in messages},
        special_use=frozenset(special),
    )


def snap(*folders: FolderState, taken_at: datetime = S) -> AccountSnapshot:
    return AccountSnapshot(account="test", taken_at=taken_at, folders={f.name: f for f in folders})


def outline(report: RefreshReport) -> dict[str, Any]:
    """The report in a compact form a table row can spell out; empty categories left out."""
    found: dict[str, Any] = {
        "backfilled": [(e.mail.folder, e.mail.uid, e.reason.value) for e in report.backfilled],
        "new": [(e.folder, e.uid) for e in report.new],
        "missing": [(e.folder, e.uid) for e in report.missing],
        "moved": [(e.from_folder, e.mail.folder, e.mail.uid) for e in report.moved],
        "flags": [
            (e.mail.folder, e.mail.uid, sorted(e.before), sorted(e.after))
            for e in report.flags_changed
        ],
        "sent": [(e.folder, e.uid) for e in report.sent_during_window],
        "added": list(report.folders.added),
        "removed": list(report.folders.removed),
        "renamed": [(r.old, r.new) for r in report.folders.renamed],
        "uidvalidity": list(report.folders.uidvalidity_changed),
        "copies_added": [(e.mail.folder, e.mail.uid, e.elsewhere) for e in report.copies_added],
        "copies_removed": [(e.mail.folder, e.mail.uid, e.elsewhere) for e in report.copies_removed],
    }
    return {key: value for key, value in found.items() if value}


INBOX = folder("INBOX", msg(1, "a"), msg(2, "b", flags=("\\Seen",)), msg(3, "c"))
ARCHIVE = folder("Archive", msg(1, "x"), msg(2, "y"), msg(3, "z"), uidvalidity=7)

# (baseline folders, current folders, window, expected outline)
CASES: dict[str, tuple[list[FolderState], list[FolderState], MaintenanceWindow | None, dict]] = {
    "nothing changed": ([INBOX, ARCHIVE], [INBOX, ARCHIVE], WINDOW, {}),
    "late mail dated inside the window is backfilled during the window": (
        [INBOX],
        [folder("INBOX", *INBOX.messages.values(), msg(4, "late", at=AFTER, date=INSIDE))],
        WINDOW,
        {"backfilled": [("INBOX", 4, "during_window")]},
    ),
    "late mail dated before the baseline is backfilled before the baseline": (
        [INBOX],
        [folder("INBOX", *INBOX.messages.values(), msg(4, "old", at=AFTER, date=BEFORE_S))],
        WINDOW,
        {"backfilled": [("INBOX", 4, "before_baseline")]},
    ),
    "mail dated after the window is new": (
        [INBOX],
        [folder("INBOX", *INBOX.messages.values(), msg(4, "n", at=AFTER))],
        WINDOW,
        {"new": [("INBOX", 4)]},
    ),
    "mail dated after the baseline but before the window is new": (
        [INBOX],
        [folder("INBOX", *INBOX.messages.values(), msg(4, "n", at=BETWEEN))],
        WINDOW,
        {"new": [("INBOX", 4)]},
    ),
    "a Date header in the future is ignored for the internaldate": (
        [INBOX],
        [
            folder(
                "INBOX",
                *INBOX.messages.values(),
                msg(4, "f", at=INSIDE, date=NOW + timedelta(days=30)),
            )
        ],
        WINDOW,
        {"backfilled": [("INBOX", 4, "during_window")]},
    ),
    "the earlier of internaldate and Date counts, whichever it is": (
        [INBOX],
        [folder("INBOX", *INBOX.messages.values(), msg(4, "e", at=INSIDE, date=AFTER))],
        WINDOW,
        {"backfilled": [("INBOX", 4, "during_window")]},
    ),
    "the window's edges belong to the window": (
        [INBOX],
        [
            folder(
                "INBOX",
                *INBOX.messages.values(),
                msg(4, "start", at=W0),
                msg(5, "end", at=W1),
            )
        ],
        WINDOW,
        {"backfilled": [("INBOX", 4, "during_window"), ("INBOX", 5, "during_window")]},
    ),
    "mail dated exactly at the baseline is not before it": (
        [INBOX],
        [folder("INBOX", *INBOX.messages.values(), msg(4, "s", at=S))],
        WINDOW,
        {"new": [("INBOX", 4)]},
    ),
    "without a window only the baseline's time separates backfilled from new": (
        [INBOX],
        [
            folder(
                "INBOX",
                *INBOX.messages.values(),
                msg(4, "old", at=AFTER, date=BEFORE_S),
                msg(5, "inside", at=INSIDE),
            )
        ],
        None,
        {"backfilled": [("INBOX", 4, "before_baseline")], "new": [("INBOX", 5)]},
    ),
    "a deleted message is missing": (
        [INBOX],
        [folder("INBOX", msg(1, "a"), msg(2, "b", flags=("\\Seen",)))],
        WINDOW,
        {"missing": [("INBOX", 3)]},
    ),
    "a message in another folder is moved, not missing and new": (
        [INBOX, ARCHIVE],
        [
            folder("INBOX", msg(1, "a"), msg(2, "b", flags=("\\Seen",))),
            folder("Archive", *ARCHIVE.messages.values(), msg(4, "c"), uidvalidity=7),
        ],
        WINDOW,
        {"moved": [("INBOX", "Archive", 4)]},
    ),
    "a moved message that also lost a flag is moved and has changed flags": (
        [INBOX, ARCHIVE],
        [
            folder("INBOX", msg(1, "a"), msg(3, "c")),
            folder("Archive", *ARCHIVE.messages.values(), msg(4, "b"), uidvalidity=7),
        ],
        WINDOW,
        {
            "moved": [("INBOX", "Archive", 4)],
            "flags": [("Archive", 4, ["\\Seen"], [])],
        },
    ),
    "a lost \\Seen is a flag change": (
        [INBOX],
        [folder("INBOX", msg(1, "a"), msg(2, "b"), msg(3, "c"))],
        WINDOW,
        {"flags": [("INBOX", 2, ["\\Seen"], [])]},
    ),
    "a gained \\Flagged is a flag change": (
        [INBOX],
        [
            folder(
                "INBOX",
                msg(1, "a", flags=("\\Flagged",)),
                msg(2, "b", flags=("\\Seen",)),
                msg(3, "c"),
            )
        ],
        WINDOW,
        {"flags": [("INBOX", 1, [], ["\\Flagged"])]},
    ),
    "\\Recent is session state, never a change": (
        [INBOX],
        [
            folder(
                "INBOX",
                msg(1, "a", flags=("\\Recent",)),
                msg(2, "b", flags=("\\Seen",)),
                msg(3, "c"),
            )
        ],
        WINDOW,
        {},
    ),
    "system flags are compared without regard to case": (
        [INBOX],
        [folder("INBOX", msg(1, "a"), msg(2, "b", flags=("\\SEEN",)), msg(3, "c"))],
        WINDOW,
        {},
    ),
    "an empty folder that appeared is added": (
        [INBOX],
        [INBOX, folder("Projects", uidvalidity=9)],
        WINDOW,
        {"added": ["Projects"]},
    ),
    "an empty folder that vanished is removed": (
        [INBOX, folder("Projects", uidvalidity=9)],
        [INBOX],
        WINDOW,
        {"removed": ["Projects"]},
    ),
    "the messages of a vanished folder are missing": (
        [INBOX, ARCHIVE],
        [INBOX],
        WINDOW,
        {"removed": ["Archive"], "missing": [("Archive", 1), ("Archive", 2), ("Archive", 3)]},
    ),
    "a renamed folder is reported as renamed only": (
        [INBOX, ARCHIVE],
        [INBOX, replace(ARCHIVE, name="Old mail")],
        WINDOW,
        {"renamed": [("Archive", "Old mail")]},
    ),
    "a renamed folder that lost a message: renamed, and the message missing where it was": (
        [INBOX, ARCHIVE],
        [INBOX, folder("Old mail", msg(1, "x"), msg(2, "y"), uidvalidity=7)],
        WINDOW,
        {"renamed": [("Archive", "Old mail")], "missing": [("Archive", 3)]},
    ),
    "a renamed folder keeps its flag changes under the new name": (
        [INBOX, ARCHIVE],
        [INBOX, folder("Old", msg(1, "x", flags=("\\Seen",)), msg(2, "y"), msg(3, "z"))],
        WINDOW,
        {"renamed": [("Archive", "Old")], "flags": [("Old", 1, [], ["\\Seen"])]},
    ),
    "a renamed empty folder is recognised by UIDVALIDITY and UIDNEXT": (
        [INBOX, folder("Projects", uidvalidity=9, uidnext=5)],
        [INBOX, folder("Work", uidvalidity=9, uidnext=5)],
        WINDOW,
        {"renamed": [("Projects", "Work")]},
    ),
    "empty folders with different UIDVALIDITY are removed and added": (
        [INBOX, folder("Projects", uidvalidity=9)],
        [INBOX, folder("Work", uidvalidity=10)],
        WINDOW,
        {"added": ["Work"], "removed": ["Projects"]},
    ),
    "a folder sharing only half its messages is no rename": (
        [INBOX, folder("A", msg(1, "p"), msg(2, "q"), msg(3, "r"), msg(4, "s"))],
        [INBOX, folder("B", msg(1, "p"), msg(2, "q"), msg(3, "other"), msg(4, "more"))],
        WINDOW,
        {
            "added": ["B"],
            "removed": ["A"],
            "moved": [("A", "B", 1), ("A", "B", 2)],
            "missing": [("A", 3), ("A", 4)],
            "backfilled": [("B", 3, "before_baseline"), ("B", 4, "before_baseline")],
        },
    ),
    "a UIDVALIDITY change re-matches by Message-ID": (
        [INBOX],
        [
            folder(
                "INBOX", msg(11, "c"), msg(12, "a"), msg(13, "b", flags=("\\Seen",)), uidvalidity=2
            )
        ],
        WINDOW,
        {"uidvalidity": ["INBOX"]},
    ),
    "a UIDVALIDITY change still shows a deleted message and a lost flag": (
        [INBOX],
        [folder("INBOX", msg(11, "c"), msg(12, "b"), uidvalidity=2)],
        WINDOW,
        {
            "uidvalidity": ["INBOX"],
            "missing": [("INBOX", 1)],
            "flags": [("INBOX", 12, ["\\Seen"], [])],
        },
    ),
    "without a Message-ID a message is recognised by size, date and subject": (
        [folder("INBOX", msg(1, subject="no id"), msg(2, subject="other"))],
        [folder("INBOX", msg(2, subject="other")), folder("Archive", msg(1, subject="no id"))],
        WINDOW,
        {"added": ["Archive"], "moved": [("INBOX", "Archive", 1)]},
    ),
    "mail in \\Sent dated inside the window may not have been delivered": (
        [INBOX, folder("Sent", special=("\\Sent",))],
        [
            INBOX,
            folder("Sent", msg(1, "s1", at=INSIDE), msg(2, "s2", at=AFTER), special=("\\Sent",)),
        ],
        WINDOW,
        {"sent": [("Sent", 1)], "new": [("Sent", 2)]},
    ),
    "without SPECIAL-USE the Sent folder is found by its name": (
        [INBOX, folder("Gesendet")],
        [INBOX, folder("Gesendet", msg(1, "s1", at=INSIDE))],
        WINDOW,
        {"sent": [("Gesendet", 1)]},
    ),
    "without a window nothing is sent during it": (
        [INBOX, folder("Sent", special=("\\Sent",))],
        [INBOX, folder("Sent", msg(1, "s1", at=INSIDE), special=("\\Sent",))],
        None,
        {"new": [("Sent", 1)]},
    ),
    "a copy removed while another stays is no missing message": (
        [folder("INBOX", msg(1, "a")), folder("All Mail", msg(1, "a"), uidvalidity=3)],
        [folder("INBOX"), folder("All Mail", msg(1, "a"), uidvalidity=3)],
        WINDOW,
        {"copies_removed": [("INBOX", 1, ("All Mail",))]},
    ),
    "an extra copy of a known message is no new message": (
        [folder("INBOX", msg(1, "a")), folder("Keep", uidvalidity=3)],
        [folder("INBOX", msg(1, "a")), folder("Keep", msg(1, "a"), uidvalidity=3)],
        WINDOW,
        {"copies_added": [("Keep", 1, ("INBOX",))]},
    ),
    "every copy gone: each is missing": (
        [folder("INBOX", msg(1, "a"), msg(2, "a")), folder("Keep", msg(1, "a"), uidvalidity=3)],
        [folder("INBOX"), folder("Keep", uidvalidity=3)],
        WINDOW,
        {"missing": [("INBOX", 1), ("INBOX", 2), ("Keep", 1)]},
    ),
    "one copy moved and one copied: a move and an extra copy": (
        [
            folder("INBOX", msg(1, "a")),
            folder("Keep", uidvalidity=3),
            folder("Trash", uidvalidity=4),
        ],
        [
            folder("INBOX"),
            folder("Keep", msg(5, "a"), uidvalidity=3),
            folder("Trash", msg(6, "a"), uidvalidity=4),
        ],
        WINDOW,
        {"moved": [("INBOX", "Keep", 5)], "copies_added": [("Trash", 6, ("Keep",))]},
    ),
}


@pytest.mark.parametrize(
    ("before", "after", "window", "expected"), list(CASES.values()), ids=list(CASES)
)
def test_the_diff_reports_each_rule(
    before: list[FolderState],
    after: list[FolderState],
    window: MaintenanceWindow | None,
    expected: dict[str, Any],
) -> None:
    report = diff_snapshots(snap(*before), snap(*after, taken_at=NOW), window=window, now=NOW)
    assert outline(report) == expected


def test_a_uid_kept_under_the_same_uidvalidity_pairs_duplicates_by_uid() -> None:
    before = folder("INBOX", msg(1, "a", flags=("\\Seen",)), msg(2, "a"))
    after = folder("INBOX", msg(1, "a"), msg(2, "a", flags=("\\Seen",)))
    report = diff_snapshots(snap(before), snap(after), window=None, now=NOW)
    assert outline(report) == {
        "flags": [("INBOX", 1, ["\\Seen"], []), ("INBOX", 2, [], ["\\Seen"])]
    }


def test_mail_dated_in_the_baselines_own_second_is_not_before_it() -> None:
    taken = S + timedelta(microseconds=700_000)
    current = folder("INBOX", *INBOX.messages.values(), msg(4, "same second", at=S))
    report = diff_snapshots(snap(INBOX, taken_at=taken), snap(current), window=None, now=NOW)
    assert outline(report) == {"new": [("INBOX", 4)]}


def test_two_renamed_folders_are_told_apart_by_their_messages() -> None:
    before = {
        "A": folder("A", msg(1, "a1"), msg(2, "a2")),
        "B": folder("B", msg(1, "b1"), msg(2, "b2")),
    }
    after = {
        "X": folder("X", msg(1, "b1"), msg(2, "b2")),
        "Y": folder("Y", msg(1, "a1"), msg(2, "a2")),
    }
    assert match_renamed_folders(before, after) == {"A": "Y", "B": "X"}


@pytest.mark.parametrize(
    ("internaldate", "date", "expected"),
    [
        (INSIDE, None, INSIDE),
        (INSIDE, BEFORE_S, BEFORE_S),
        (BEFORE_S, INSIDE, BEFORE_S),
        (INSIDE, NOW + timedelta(seconds=1), INSIDE),
        (INSIDE, NOW, INSIDE),
    ],
)
def test_a_message_is_dated_by_the_earlier_of_arrival_and_date_header_unless_future(
    internaldate: datetime, date: datetime | None, expected: datetime
) -> None:
    record = replace(msg(1, "m", at=internaldate), date=date)
    assert message_date(record, NOW) == expected


def test_the_json_report_follows_the_contract() -> None:
    before = snap(INBOX, folder("Sent", special=("\\Sent",)), ARCHIVE)
    after = snap(
        folder("INBOX", msg(1, "a"), msg(2, "b"), msg(4, "late", at=AFTER, date=INSIDE)),
        folder("Sent", msg(1, "s1", at=INSIDE), special=("\\Sent",)),
        replace(ARCHIVE, name="Old"),
        folder("Archive2", msg(1, "c")),
        taken_at=NOW,
    )
    report = diff_snapshots(before, after, window=WINDOW, now=NOW)
    data = json.loads(json.dumps(report.to_json()))
    assert {
        "account",
        "baseline",
        "window",
        "backfilled",
        "new",
        "missing",
        "moved",
        "flags_changed",
        "folders",
        "sent_during_window",
    } <= data.keys()
    assert data["account"] == "test"
    assert data["baseline"] == {"taken_at": S.isoformat()}
    assert data["window"]["start"] == W0.isoformat()
    assert data["window"]["end"] == W1.isoformat()
    mail_fields = {"folder", "uid", "message_id", "subject", "from", "date", "internaldate"}
    assert data["backfilled"] == [
        {
            "folder": "INBOX",
            "uid": 4,
            "message_id": "<late@example.org>",
            "subject": "subject late",
            "from": "Alice <alice@example.org>",
            "date": INSIDE.isoformat(),
            "internaldate": AFTER.isoformat(),
            "shown_date": INSIDE.isoformat(),
            "reason": "during_window",
        }
    ]
    assert data["moved"][0]["from_folder"] == "INBOX"
    assert data["moved"][0]["to_folder"] == "Archive2"
    assert mail_fields <= data["moved"][0].keys()
    assert data["flags_changed"][0]["before"] == ["\\Seen"]
    assert data["flags_changed"][0]["after"] == []
    assert data["folders"]["added"] == ["Archive2"]
    assert data["folders"]["removed"] == []
    assert data["folders"]["renamed"] == [{"from": "Archive", "to": "Old"}]
    assert data["sent_during_window"][0]["note"] == RESEND_NOTE
    assert data["sent_during_window"][0]["folder"] == "Sent"
    assert data["summary"]["backfilled"] == 1
    assert data["preliminary"] is False
    assert data["preliminary_until"] is None


def test_a_report_without_a_window_says_null() -> None:
    report = diff_snapshots(snap(INBOX), snap(INBOX), window=None, now=NOW)
    assert report.to_json()["window"] is None
    assert report.is_empty
    assert report.to_json()["preliminary"] is False


@pytest.mark.parametrize(
    ("made_at", "preliminary"),
    [
        (INSIDE, True),  # during the window
        (W1 + timedelta(minutes=14), True),  # within the safety margin after its end
        (W1 + timedelta(minutes=15), False),  # the margin has passed
        (NOW, False),
    ],
)
def test_a_report_made_before_the_window_is_over_is_preliminary(
    made_at: datetime, preliminary: bool
) -> None:
    report = diff_snapshots(
        snap(INBOX), snap(INBOX), window=WINDOW, now=made_at, safety_margin=timedelta(minutes=15)
    )

    data = report.to_json()
    assert data["preliminary"] is preliminary
    margin_end = (W1 + timedelta(minutes=15)).isoformat()
    assert data["preliminary_until"] == (margin_end if preliminary else None)


@pytest.mark.parametrize(
    ("internaldate", "date", "shown"),
    [
        (INSIDE, None, INSIDE),  # no Date header: the arrival
        (INSIDE, BEFORE_S, BEFORE_S),  # written earlier than it arrived: the Date
        (INSIDE, INSIDE + timedelta(seconds=80), INSIDE),  # a sender's clock 80 s fast
        (INSIDE, NOW + timedelta(days=1), INSIDE),  # a Date after the report: ignored
    ],
)
def test_every_entry_shows_the_date_the_rule_gives(
    internaldate: datetime, date: datetime | None, shown: datetime
) -> None:
    after = snap(folder("INBOX", replace(msg(9, "odd", at=internaldate), date=date)), taken_at=NOW)

    report = diff_snapshots(snap(folder("INBOX")), after, window=WINDOW, now=NOW).to_json()

    (entry,) = report["backfilled"] + report["new"]
    assert entry["shown_date"] == shown.isoformat()
    assert entry["date"] == (date.isoformat() if date else None)  # the header, as it was
    assert entry["internaldate"] == internaldate.isoformat()


# -- properties ---------------------------------------------------------------

flag_sets = st.frozensets(st.sampled_from(["\\Seen", "\\Flagged", "\\Answered", "$Junk"]))
moments = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2026, 12, 31), timezones=st.just(UTC)
)


@st.composite
def records(draw: st.DrawFn, uid: int) -> MessageRecord:
    mid = draw(st.one_of(st.none(), st.sampled_from([f"m{i}" for i in range(12)])))
    at = draw(moments)
    return MessageRecord(
        uid=uid,
        flags=draw(flag_sets),
        internaldate=at,
        size=draw(st.integers(100, 105)),
        message_id=f"<{mid}@x>" if mid else None,
        date=draw(st.one_of(st.none(), st.just(at), moments)),
        sender="s",
        subject=draw(st.sampled_from(["hi", "re: hi", ""])),
    )


@st.composite
def snapshots(draw: st.DrawFn) -> AccountSnapshot:
    names = draw(st.lists(st.sampled_from(["INBOX", "Sent", "A", "A/B", "Trash"]), unique=True))
    folders = []
    for index, name in enumerate(names):
        count = draw(st.integers(0, 6))
        messages = [draw(records(uid)) for uid in range(1, count + 1)]
        folders.append(folder(name, *messages, uidvalidity=index + 1))
    return snap(*folders)


@settings(max_examples=100, deadline=None)
@given(snapshots(), st.one_of(st.none(), st.just(WINDOW)))
def test_a_snapshot_compared_with_itself_shows_nothing(
    snapshot: AccountSnapshot, window: MaintenanceWindow | None
) -> None:
    report = diff_snapshots(snapshot, snapshot, window=window, now=NOW)
    assert not report.backfilled
    assert not report.new
    assert not report.missing
    assert not report.moved
    assert not report.flags_changed
    assert report.folders.is_empty
    assert not report.copies_added
    assert not report.copies_removed


@settings(max_examples=100, deadline=None)
@given(snapshots(), st.randoms(use_true_random=False))
def test_new_uids_under_a_new_uidvalidity_show_no_missing_or_new_mail(
    snapshot: AccountSnapshot, rng: Any
) -> None:
    renumbered = {}
    for name, state in snapshot.folders.items():
        uids = list(range(100, 100 + state.message_count))
        rng.shuffle(uids)
        messages = {
            new: replace(record, uid=new)
            for new, record in zip(uids, state.messages.values(), strict=True)
        }
        renumbered[name] = replace(
            state, uidvalidity=state.uidvalidity + 1000, uidnext=200, messages=messages
        )
    current = replace(snapshot, folders=renumbered)
    report = diff_snapshots(snapshot, current, window=WINDOW, now=NOW)
    assert outline(report) == (
        {"uidvalidity": sorted(snapshot.folders)} if snapshot.folders else {}
    )


@st.composite
def changed_snapshots(draw: st.DrawFn) -> tuple[AccountSnapshot, AccountSnapshot]:
    """A snapshot and a later one: some messages deleted, re-flagged, moved, added."""
    before = draw(snapshots())
    names = list(before.folders)
    after: dict[str, dict[int, MessageRecord]] = {
        n: dict(f.messages) for n, f in before.folders.items()
    }
    next_uid = 1000
    for name in names:
        for uid in list(after[name]):
            action = draw(st.sampled_from(["keep", "keep", "keep", "delete", "flag", "move"]))
            record = after[name][uid]
            if action == "delete":
                del after[name][uid]
            elif action == "flag":
                after[name][uid] = replace(record, flags=record.flags ^ {"\\Seen"})
            elif action == "move":
                del after[name][uid]
                target = draw(st.sampled_from(names))
                next_uid += 1
                after[target][next_uid] = replace(record, uid=next_uid)
        for _ in range(draw(st.integers(0, 2))):
            next_uid += 1
            after[name][next_uid] = draw(records(next_uid))
    folders = {n: replace(f, messages=after[n]) for n, f in before.folders.items()}
    return before, replace(before, taken_at=NOW, folders=folders)


@settings(max_examples=100, deadline=None)
@given(changed_snapshots())
def test_sharing_record_objects_with_the_baseline_does_not_change_the_report(
    pair: tuple[AccountSnapshot, AccountSnapshot],
) -> None:
    """The IMAP reader reuses unchanged records; a full read builds equal new ones."""
    before, after = pair
    copied = replace(
        after,
        folders={
            n: replace(f, messages={u: replace(r) for u, r in f.messages.items()})
            for n, f in after.folders.items()
        },
    )
    shared = diff_snapshots(before, after, window=WINDOW, now=NOW)
    fresh = diff_snapshots(before, copied, window=WINDOW, now=NOW)
    assert shared.to_json() == fresh.to_json()


@settings(max_examples=100, deadline=None)
@given(changed_snapshots())
def test_every_message_is_accounted_for_once(
    pair: tuple[AccountSnapshot, AccountSnapshot],
) -> None:
    """What left the baseline and what arrived explain the difference in counts."""
    before, after = pair
    report = diff_snapshots(before, after, window=None, now=NOW)
    gone = len(report.missing) + len(report.moved) + len(report.copies_removed)
    arrived = (
        len(report.backfilled) + len(report.new) + len(report.moved) + len(report.copies_added)
    )
    assert before.message_count - gone == after.message_count - arrived


def as_overlays(before: AccountSnapshot, after: AccountSnapshot) -> AccountSnapshot:
    """``after`` with each folder written as its changes over ``before``'s very messages,
    as an incremental refresh from that baseline produces it."""
    folders = {}
    for name, state in after.folders.items():
        base = before.folders[name].messages
        changed = {u: r for u, r in state.messages.items() if base.get(u) != r}
        removed = frozenset(base.keys() - state.messages.keys())
        folders[name] = replace(state, messages=OverlayMessages(base, changed, removed))
    return replace(after, folders=folders)


@settings(max_examples=200, deadline=None)
@given(changed_snapshots(), st.one_of(st.none(), st.just(WINDOW)))
def test_comparing_only_the_changes_over_the_baseline_gives_the_full_report(
    pair: tuple[AccountSnapshot, AccountSnapshot], window: MaintenanceWindow | None
) -> None:
    """The sparse path (changed UIDs and the copies of their messages) equals the full walk."""
    before, after = pair
    sparse = as_overlays(before, after)
    assert all(isinstance(f.messages, OverlayMessages) for f in sparse.folders.values())
    full = diff_snapshots(before, after, window=window, now=NOW)
    assert diff_snapshots(before, sparse, window=window, now=NOW).to_json() == full.to_json()


def test_the_sparse_path_looks_only_at_changed_uids_and_copies_of_their_messages() -> None:
    """A refresh of a big folder must not walk it: every other look-up would fail here."""
    kept = {uid: msg(uid, f"k{uid}") for uid in range(1, 50)}
    moved_away = msg(50, "moving")
    base = Untouchable({**kept, 50: moved_away})
    baseline = snap(replace(folder("INBOX"), messages=base), folder("Archive", uidvalidity=2))
    inbox = OverlayMessages(base, {7: replace(kept[7], flags=frozenset({"\\Seen"}))}, {50})
    archive = {1: replace(moved_away, uid=1)}
    current = replace(
        baseline,
        folders={
            "INBOX": replace(baseline.folders["INBOX"], messages=inbox),
            "Archive": replace(baseline.folders["Archive"], messages=archive),
        },
    )
    report = diff_snapshots(baseline, current, window=None, now=NOW)
    assert outline(report) == {
        "moved": [("INBOX", "Archive", 1)],
        "flags": [("INBOX", 7, [], ["\\Seen"])],
    }


class Untouchable(MessageMap):
    """A big folder that answers only batch look-ups, like one still on disk."""

    def __init__(self, messages: dict[int, MessageRecord]) -> None:
        self._messages = messages

    def __getitem__(self, uid: int) -> MessageRecord:
        raise AssertionError(f"single look-up of UID {uid}")

    def __iter__(self) -> Iterator[int]:
        raise AssertionError("walked the whole folder")

    def __len__(self) -> int:
        return len(self._messages)

    def known(self, uids: Iterable[int]) -> set[int]:
        return {u for u in uids if u in self._messages}

    def records(self, uids: Iterable[int]) -> dict[int, MessageRecord]:
        return {u: self._messages[u] for u in uids if u in self._messages}

    def with_identities(self, identities: Collection[str]) -> dict[int, MessageRecord]:
        return {u: r for u, r in self._messages.items() if r.identity() in identities}
