"""The Folders window's sentences: operations, journal states, why edits wait, what the gate did.

Operations are said in the UI's language from their kind; what the gate and
the executor report (refusals, outcomes, queue planning notes) is the core's
own one line, shown as it comes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from mailguard.core.guard import Standing
from mailguard.core.guard_policy import GuardState
from mailguard.core.journal import EntryState, FolderOperation, OperationKind
from mailguard.ui.windows.folders_work import EditDone

Moment = Callable[[datetime], str]


def operation_text(operation: FolderOperation) -> str:
    """``Delete folder 'Old' and its 15 messages``."""
    folder = operation.folder
    if operation.kind is OperationKind.CREATE_FOLDER:
        return QCoreApplication.translate("FolderTexts", "Create folder '{folder}'").format(
            folder=folder
        )
    if operation.kind is OperationKind.RENAME_FOLDER:
        return QCoreApplication.translate(
            "FolderTexts", "Rename folder '{folder}' to '{new_name}'"
        ).format(folder=folder, new_name=operation.new_name or "")
    if operation.kind is OperationKind.DELETE_FOLDER:
        if operation.accepted_messages:
            return QCoreApplication.translate(
                "FolderTexts",
                "Delete folder '{folder}' and its %n message(s)",
                "",
                operation.accepted_messages,
            ).format(folder=folder)
        return QCoreApplication.translate("FolderTexts", "Delete folder '{folder}'").format(
            folder=folder
        )
    return QCoreApplication.translate(
        "FolderTexts", "Move %n message(s) from '{folder}' to '{target}'", "",
        len(operation.message_keys),
    ).format(folder=folder, target=operation.target or "")  # fmt: skip


def state_text(state: EntryState) -> str:
    return {
        EntryState.QUEUED: QCoreApplication.translate("FolderTexts", "queued"),
        EntryState.RUNNING: QCoreApplication.translate("FolderTexts", "interrupted, resumes"),
        EntryState.DONE: QCoreApplication.translate("FolderTexts", "done"),
        EntryState.SKIPPED: QCoreApplication.translate("FolderTexts", "skipped"),
        EntryState.CANCELLED: QCoreApplication.translate("FolderTexts", "cancelled"),
    }[state]


def closed_reason(standing: Standing | None, moment: Moment) -> str | None:
    """Why folder edits wait and until when; None while they are open."""
    if standing is None or standing.edits_open_at is None:
        return None
    reopen = moment(standing.edits_open_at)
    window = standing.window
    if window is None:
        return QCoreApplication.translate("FolderTexts", "Folder edits wait until {reopen}").format(
            reopen=reopen
        )
    values = {
        "title": window.title,
        "start": moment(window.start),
        "end": moment(window.end),
        "reopen": reopen,
    }
    if standing.state is GuardState.IMMINENT:
        text = QCoreApplication.translate(
            "FolderTexts",
            "Maintenance window '{title}' starts at {start} and lasts until {end}; "
            "folder edits open again at {reopen}",
        )
    elif standing.state is GuardState.SETTLING:
        text = QCoreApplication.translate(
            "FolderTexts",
            "Maintenance window '{title}' ended at {end}; mailguard watches for late mail, "
            "and folder edits open again at {reopen}",
        )
    else:
        text = QCoreApplication.translate(
            "FolderTexts",
            "Maintenance window '{title}' until {end}; folder edits open again at {reopen}",
        )
    return text.format(**values)


def edit_done_text(done: EditDone, moment: Moment) -> str:
    """``Queued as #3: …; it runs once edits open again at 05:45``, or each replayed outcome."""
    result = done.result
    lines = list(result.notes)
    if result.queued is not None:
        what = operation_text(result.queued.operation)
        if done.edits_open_at is not None:
            queued = QCoreApplication.translate(
                "FolderTexts", "Queued as #{id}: {what}; it runs once edits open again at {reopen}"
            ).format(id=result.queued.id, what=what, reopen=moment(done.edits_open_at))
        else:
            queued = QCoreApplication.translate("FolderTexts", "Queued as #{id}: {what}").format(
                id=result.queued.id, what=what
            )
        lines.insert(0, queued)
    lines += [f"#{item.entry.id}: {item.outcome.text}" for item in result.replayed]
    return "\n".join(lines)
