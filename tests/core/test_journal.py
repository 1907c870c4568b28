"""Journal decisions: what a replay does, given what the server holds right now."""

from __future__ import annotations

import pytest

from mailguard.core.journal import (
    FolderOperation,
    OperationKind,
    ServerView,
    Verdict,
    decide_folder_step,
    decide_move,
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
