"""Foreign edits: what two folder censuses a minute apart say another program did."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailguard.core.foreign_edits import (
    WHY_IT_MATTERS,
    EditKind,
    FolderStatus,
    ForeignEdit,
    census_from_snapshot,
    detect_foreign_edits,
)
from mailguard.core.mailstate import AccountSnapshot, FolderState, MessageRecord

S = FolderStatus
BASE = {
    "INBOX": S(100, 10, 50),
    "Archiv": S(101, 200, 300),
    "Projekte": S(102, 7, 8),
    "Leer": S(103, 0, 1),
}


def found(
    before: dict[str, FolderStatus], after: dict[str, FolderStatus]
) -> set[tuple[object, ...]]:
    return {(e.kind, e.folder, e.other, e.count) for e in detect_foreign_edits(before, after)}


def test_nothing_changed_is_no_edit() -> None:
    assert detect_foreign_edits(BASE, dict(BASE)) == []


def test_a_folder_under_a_new_name_with_the_same_status_is_a_rename() -> None:
    after = {**BASE, "Projekte 2024": BASE["Projekte"]}
    del after["Projekte"]
    assert found(BASE, after) == {(EditKind.RENAMED, "Projekte", "Projekte 2024", 0)}


def test_same_message_count_under_a_new_uidvalidity_is_still_probably_a_rename() -> None:
    after = {**BASE, "Projekte alt": S(999, 7, 1)}
    del after["Projekte"]
    (edit,) = detect_foreign_edits(BASE, after)
    assert edit.kind is EditKind.RENAMED
    assert "probably renamed to 'Projekte alt'" in edit.describe()


def test_an_empty_folder_deleted_and_another_created_is_not_called_a_rename() -> None:
    after = {**BASE, "Neu": S(555, 0, 1)}
    del after["Leer"]
    assert found(BASE, after) == {
        (EditKind.DELETED, "Leer", None, 0),
        (EditKind.CREATED, "Neu", None, 0),
    }


def test_two_lookalike_candidates_make_no_rename_guess() -> None:
    after = {**BASE, "P1": S(901, 7, 8), "P2": S(902, 7, 8)}
    del after["Projekte"]
    assert found(BASE, after) == {
        (EditKind.DELETED, "Projekte", None, 0),
        (EditKind.CREATED, "P1", None, 0),
        (EditKind.CREATED, "P2", None, 0),
    }


def test_messages_leaving_one_folder_for_another_are_probably_moved() -> None:
    after = {**BASE, "INBOX": S(100, 7, 50), "Archiv": S(101, 203, 303)}
    (edit,) = detect_foreign_edits(BASE, after)
    assert (edit.kind, edit.folder, edit.other, edit.count) == (
        EditKind.MOVED,
        "INBOX",
        "Archiv",
        3,
    )
    assert edit.describe().startswith("3 messages probably moved from 'INBOX' to 'Archiv'")


def test_unmatched_changes_say_left_and_appeared_but_new_mail_in_inbox_is_normal() -> None:
    after = {
        **BASE,
        "INBOX": S(100, 14, 54),  # new mail
        "Archiv": S(101, 195, 300),  # 5 gone somewhere
        "Projekte": S(102, 8, 9),  # 1 arrived where mail is not delivered
    }
    assert found(BASE, after) == {
        (EditKind.LEFT, "Archiv", None, 5),
        (EditKind.APPEARED, "Projekte", None, 1),
    }


def test_folders_the_provider_delivers_to_can_be_named() -> None:
    before = {**BASE, "Junk": S(104, 0, 1)}
    after = {**before, "Junk": S(104, 4, 5)}
    assert found(before, after) == {(EditKind.APPEARED, "Junk", None, 4)}
    assert detect_foreign_edits(before, after, new_mail_folders=("INBOX", "Junk")) == []


def test_a_new_uidvalidity_is_reported_as_a_rebuilt_folder_not_as_moved_mail() -> None:
    after = {**BASE, "Archiv": S(777, 0, 1)}
    assert found(BASE, after) == {(EditKind.RESET, "Archiv", None, 0)}


def test_every_description_is_one_line_and_says_why_it_matters() -> None:
    for kind in EditKind:
        text = ForeignEdit(kind, "A", "B", 2).describe()
        assert text.endswith(WHY_IT_MATTERS)
        assert "\n" not in text
        assert "'A'" in text
    assert ForeignEdit(EditKind.LEFT, "A", count=1).describe().startswith("1 message left 'A'")


def test_a_census_from_a_snapshot_counts_its_messages() -> None:
    moment = datetime(2024, 3, 1, tzinfo=UTC)
    record = MessageRecord(7, frozenset(), moment, 10, "<m@x>", moment, "a", "s")
    snapshot = AccountSnapshot(
        "acct",
        moment,
        {
            "INBOX": FolderState("INBOX", 5, 8, None, {7: record}),
            "Leer": FolderState("Leer", 6, 1, None, {}),
        },
    )
    assert census_from_snapshot(snapshot) == {"INBOX": S(5, 1, 8), "Leer": S(6, 0, 1)}


@pytest.mark.parametrize(
    ("before", "after", "flagged"),
    [
        (S(100, 10, 50, 7), S(100, 10, 50, 9), True),  # same mail, the modseq moved
        (S(100, 10, 50, 7), S(100, 10, 50, 7), False),
        (S(100, 10, 50, None), S(100, 10, 50, 9), False),  # no CONDSTORE before: no claim
        (S(100, 10, 50, 7), S(100, 10, 51, 9), False),  # one came, one went: counts cannot tell
    ],
)
def test_a_moved_modseq_with_the_same_mail_means_flags_were_changed(
    before: FolderStatus, after: FolderStatus, flagged: bool
) -> None:
    edits = detect_foreign_edits({"Archiv": before}, {"Archiv": after})
    flags = [e for e in edits if e.kind is EditKind.FLAGS]
    assert bool(flags) is flagged
    if flagged:
        assert "changed flags of messages in 'Archiv'" in flags[0].describe()
