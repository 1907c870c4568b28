"""The guard's events as JSON objects, one per line, for scripts (``watch --json``).

Every object has ``event`` (a stable name), ``account``, ``at`` and ``text``
(the line the log shows); the rest depends on the event. A contract: fields may
be added, never renamed.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from mailguard.core.events import (
    BaselineTaken,
    ClockJumped,
    EditQueued,
    EditRefused,
    EditReplayed,
    ForeignEdit,
    GuardFailure,
    LateMailFound,
    ResyncFinished,
    RunnerEvent,
    SentDuringWindow,
)
from mailguard.core.guard import EventKind, GuardEvent
from mailguard.core.guard_text import describe_event
from mailguard.core.journal import JournalEntry, entry_json


def event_name(event: RunnerEvent) -> str:
    """``warning``, ``window_started``, ``edit_refused``, ``backfill_found`` …"""
    if isinstance(event, GuardEvent):
        return "warning" if event.kind is EventKind.LEAD_WARNING else event.kind.value
    if isinstance(event, EditReplayed):
        return "edit_replayed" if event.done else "edit_skipped"
    return _NAMES[type(event)]


_NAMES: dict[type, str] = {
    BaselineTaken: "baseline_taken",
    ResyncFinished: "resync_finished",
    LateMailFound: "backfill_found",
    SentDuringWindow: "sent_during_window",
    EditRefused: "edit_refused",
    EditQueued: "edit_queued",
    ForeignEdit: "foreign_edit",
    ClockJumped: "clock_jumped",
    GuardFailure: "error",
}


def event_record(event: RunnerEvent, zone: tzinfo) -> dict[str, Any]:
    record: dict[str, Any] = {
        "event": event_name(event),
        "account": event.account,
        "at": event.at.isoformat(),
    }
    record.update((k, v) for k, v in _details(event).items() if k not in record)
    record["text"] = describe_event(event, zone)
    return record


def _details(event: RunnerEvent) -> dict[str, Any]:
    if isinstance(event, GuardEvent):
        details: dict[str, Any] = {"window": event.window.to_json(event.at)}
        if event.lead is not None:
            details["lead_minutes"] = int(event.lead.total_seconds() // 60)
            details["starts_in_seconds"] = int(event.time_to_start.total_seconds())
        if event.previous is not None:
            details["previous"] = {
                "start": event.previous.start.isoformat(),
                "end": event.previous.end.isoformat(),
            }
        return details
    if isinstance(event, BaselineTaken):
        return {
            "windows": [w.to_json(event.at) for w in event.windows],
            "messages": event.messages,
            "folders": event.folders,
        }
    if isinstance(event, ResyncFinished):
        return {
            "window": event.window.to_json(event.at) if event.window else None,
            "report_id": event.report.id,
            "summary": event.report.summary(),
            "unchanged": event.unchanged,
        }
    if isinstance(event, LateMailFound):
        return {
            "window": event.window.to_json(event.at) if event.window else None,
            "report_id": event.report_id,
            "folders": list(event.folders),
            "mails": [m.to_json() for m in event.mails],
        }
    if isinstance(event, SentDuringWindow):
        return {
            "window": event.window.to_json(event.at) if event.window else None,
            "report_id": event.report_id,
            "mails": [m.to_json() for m in event.mails],
        }
    if isinstance(event, EditRefused):
        return {
            "operation": event.operation,
            "window": event.window.to_json(event.at) if event.window else None,
            "edits_open_at": event.edits_open_at.isoformat() if event.edits_open_at else None,
        }
    if isinstance(event, EditQueued):
        return {
            **_entry(event.entry),
            "rule": event.rule,
            "note": event.note,
            "edits_open_at": event.edits_open_at.isoformat() if event.edits_open_at else None,
        }
    if isinstance(event, EditReplayed):
        return {**_entry(event.entry), "rule": event.rule, "outcome": event.text}
    if isinstance(event, ForeignEdit):
        return {"description": event.description}
    if isinstance(event, ClockJumped):
        return {"gap_seconds": event.gap.total_seconds()}
    return {"kind": event.kind.value, "message": event.message, "doing": event.doing}


def _entry(entry: JournalEntry) -> dict[str, Any]:
    return entry_json(entry)
