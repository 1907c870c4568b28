"""Journal decisions: what a replay does, given what the server holds right now."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailguard.core.journal import (
    EntryState,
    FolderOperation,
    JournalEntry,
    OperationKind,
    ServerView,
    Verdict,
    decide_folder_step,
    decide_move,
    entry_text,
)

K = OperationKind


@pytest.mark.parametrize(
    ("operation", "folders", "verdict"),
    [
        (FolderOperation(K.CREATE_FOLDER, "Rechnungen"), {"INBOX"}, Verdict.PERFORM),
        (FolderOperation(K.CREATE_FOLDER, "Rechnungen"), {"Rechnungen"}, Verdict.ALREADY_DONE),
        (FolderOperation(K.DELETE_FOLDER, "Alt"), {"Alt"}, Verdict.PERFORM),
        (FolderOperation(K.DELETE_FOLDER, "Alt"), {"INBOX"}, Verdict.ALREADY_DONE),
        (FolderOperation(K.RENAME_FOLDER, "A", new_name="B"), {"A"}, Verdict.PERFORM),
        (FolderOperation(K.RENAME_FOLDER, "A", new_name="B"), {"B"}, Verdict.ALREADY_DONE),
        (FolderOperation(K.RENAME_FOLDER, "A", new_name="B"), {"A", "B"}, Verdict.IMPOSSIBLE),
        (FolderOperation(K.RENAME_FOLDER, "A", new_name="B"), {"INBOX"}, Verdict.IMPOSSIBLE),
    ],
)
def test_folder_steps_act_only_when_the_server_still_needs_it(
    operation: FolderOperation, folders: set[str], verdict: Verdict
) -> None:
    decision = decide_folder_step(operation, ServerView(frozenset(folders)))
    assert decision.verdict is verdict
    assert bool(decision.reason) is (verdict is Verdict.IMPOSSIBLE)


MOVE = FolderOperation(K.MOVE_MESSAGES, "INBOX", target="Archiv", message_keys=("m1", "m2", "m3"))
BOTH = frozenset({"INBOX", "Archiv"})


def test_a_fresh_move_moves_every_message() -> None:
    view = ServerView(BOTH, {"m1": {"INBOX": (1,)}, "m2": {"INBOX": (2,)}, "m3": {"INBOX": (3,)}})
    decision = decide_move(MOVE, view)
    assert (decision.to_move, decision.to_expunge, decision.missing) == ((1, 2, 3), (), ())


def test_a_move_interrupted_after_copy_only_expunges_never_copies_again() -> None:
    view = ServerView(
        BOTH,
        {
            "m1": {"Archiv": (10,)},  # fully moved
            "m2": {"INBOX": (2,), "Archiv": (11,)},  # copied, not yet expunged
            "m3": {"INBOX": (3,)},  # untouched
        },
    )
    decision = decide_move(MOVE, view)
    assert decision.to_move == (3,)
    assert decision.to_expunge == (2,)
    assert decision.missing == ()


def test_a_message_gone_from_both_folders_is_reported_not_forced() -> None:
    view = ServerView(BOTH, {"m1": {"Archiv": (10,)}, "m2": {"Spam": (4,)}})
    decision = decide_move(MOVE, view)
    assert decision.missing == ("m2", "m3")
    assert decision.nothing_left


@pytest.mark.parametrize(
    ("folders", "source_gone", "target_gone"),
    [({"Archiv"}, True, False), ({"INBOX"}, False, True)],
)
def test_a_move_whose_folder_vanished_is_reported(
    folders: set[str], source_gone: bool, target_gone: bool
) -> None:
    decision = decide_move(MOVE, ServerView(frozenset(folders)))
    assert (decision.source_gone, decision.target_gone) == (source_gone, target_gone)
    assert decision.nothing_left
    assert decision.missing == MOVE.message_keys


def test_operations_round_trip_through_json() -> None:
    for operation in (MOVE, FolderOperation(K.RENAME_FOLDER, "A", new_name="Ä")):
        assert FolderOperation.from_json(operation.to_json()) == operation


@pytest.mark.parametrize(
    ("operation", "text"),
    [
        (FolderOperation(K.CREATE_FOLDER, "X"), "create folder 'X'"),
        (FolderOperation(K.RENAME_FOLDER, "X", new_name="Y"), "rename folder 'X' to 'Y'"),
        (FolderOperation(K.DELETE_FOLDER, "X"), "delete folder 'X'"),
        (MOVE, "move 3 messages from 'INBOX' to 'Archiv'"),
    ],
)
def test_operations_describe_themselves_in_one_line(operation: FolderOperation, text: str) -> None:
    assert operation.describe() == text


@pytest.mark.parametrize(
    ("accepted", "held", "verdict"),
    [
        (0, 0, Verdict.PERFORM),
        (15, 15, Verdict.PERFORM),
        (15, 3, Verdict.PERFORM),
        (0, 1, Verdict.IMPOSSIBLE),
        (15, 17, Verdict.IMPOSSIBLE),
    ],
)
def test_a_delete_runs_only_while_the_folder_holds_no_more_mail_than_was_accepted(
    accepted: int, held: int, verdict: Verdict
) -> None:
    operation = FolderOperation(K.DELETE_FOLDER, "Alt", accepted_messages=accepted)
    view = ServerView(frozenset({"Alt"}), message_counts={"Alt": held})
    decision = decide_folder_step(operation, view)
    assert decision.verdict is verdict
    if verdict is Verdict.IMPOSSIBLE:
        assert f"it now holds {held} message" in decision.reason
        assert "nothing was deleted" in decision.reason


def test_a_delete_says_the_mail_it_takes_with_it() -> None:
    operation = FolderOperation(K.DELETE_FOLDER, "Alt", accepted_messages=15)
    assert operation.describe() == "delete folder 'Alt' and its 15 messages"
    assert FolderOperation.from_json(operation.to_json()) == operation


def test_a_delete_journaled_before_counts_existed_accepts_no_mail() -> None:
    old_row = {"kind": "delete_folder", "folder": "Alt", "new_name": None, "target": None}
    assert FolderOperation.from_json(old_row).accepted_messages == 0


@pytest.mark.parametrize(
    ("state", "outcome", "text"),
    [
        (EntryState.QUEUED, "", "queued: create folder 'X'"),
        (EntryState.DONE, "created folder 'X'", "created folder 'X'"),
        (
            EntryState.SKIPPED,
            "skipped: create folder 'X': it is gone",
            "skipped: create folder 'X': it is gone",
        ),
        (
            EntryState.CANCELLED,
            "cancelled by the user",
            "cancelled: create folder 'X' (cancelled by the user)",
        ),
        (
            EntryState.RUNNING,
            "",
            "running: create folder 'X' (interrupted; it resumes where it stopped)",
        ),
    ],
)
def test_each_journal_entry_says_what_happened_once(
    state: EntryState, outcome: str, text: str
) -> None:
    at = datetime(2026, 3, 10, tzinfo=UTC)
    entry = JournalEntry(1, "work", FolderOperation(K.CREATE_FOLDER, "X"), state, at, at, outcome)
    assert entry_text(entry) == text
    assert text.count("create folder") + text.count("created folder") == 1
