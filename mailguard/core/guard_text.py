"""The guard's events as one line each, for the log, the CLI and notifications.

Times carry their zone everywhere, in one style: ``2026-03-10 22:00 CET`` for a
moment, ``2026-03-10 22:00–02:00 CET`` for a window.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, tzinfo

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
from mailguard.core.model import MaintenanceWindow


def describe_event(event: RunnerEvent, zone: tzinfo = UTC) -> str:
    """``lead_warning: 'Mail migration' starts in 10 min`` and the like, times in ``zone``."""
    if isinstance(event, GuardEvent):
        return _describe_milestone(event, zone)
    if isinstance(event, BaselineTaken):
        titles = " and ".join(repr(w.title) for w in event.windows)
        return (
            f"baseline taken before {titles}: {event.messages} messages in {event.folders} folders"
        )
    if isinstance(event, ResyncFinished):
        done = f"refreshed after {event.window.title!r}" if event.window else "resynced"
        if event.unchanged:
            return f"{done}: nothing new since report #{event.report.id}"
        return f"{done}: report #{event.report.id} ({summary_text(event.report.summary())})"
    if isinstance(event, LateMailFound):
        return (
            f"late mail: {count(len(event.mails), 'message')} delivered late in "
            f"{folder_list(event.folders)} (report #{event.report_id})"
        )
    if isinstance(event, SentDuringWindow):
        during = f" during {event.window.title!r}" if event.window else " during the window"
        return (
            f"sent{during}: {count(len(event.mails), 'message')} may not have been delivered; "
            f"consider re-sending (report #{event.report_id})"
        )
    if isinstance(event, EditRefused):
        return refusal_text(event.operation, event.window, event.edits_open_at, zone)
    if isinstance(event, EditQueued):
        prefix = f"rule {event.rule!r}: " if event.rule else ""
        text = f"{prefix}queued as #{event.entry.id}: {event.entry.operation.describe()}"
        text += f"; {event.note}" if event.note else ""
        if event.edits_open_at is not None:
            text += f"; it runs once edits open again at {moment_text(event.edits_open_at, zone)}"
        return text
    if isinstance(event, EditReplayed):
        prefix = f"rule {event.rule!r}: " if event.rule else ""
        return f"{prefix}#{event.entry.id} {event.text}"
    if isinstance(event, ForeignEdit):
        return f"warning: foreign edit: {event.description}"
    if isinstance(event, ClockJumped):
        return f"clock jumped by {event.gap}; re-reading every schedule"
    if isinstance(event, GuardFailure):
        doing = f"cannot {event.doing}: " if event.doing else ""
        return f"warning: {doing}{event.message}"
    raise TypeError(f"not a guard event: {event!r}")


def _describe_milestone(event: GuardEvent, zone: tzinfo) -> str:
    window = event.window
    title = repr(window.title)
    span = zoned_span_text(window, zone)
    if event.kind is EventKind.ANNOUNCED:
        text = f"{title} announced for {span}"
    elif event.kind is EventKind.RESCHEDULED:
        text = f"{title} rescheduled to {span}"
    elif event.kind is EventKind.CANCELLED:
        text = f"{title} ({span}) was cancelled"
    elif event.kind is EventKind.LEAD_WARNING:
        text = f"{title} starts in {duration(event.time_to_start)}"
    elif event.kind is EventKind.STARTED:
        text = f"{title} has started; folder edits wait until it is over"
    elif event.kind is EventKind.ENDED:
        text = f"{title} has ended; watching for mail the provider delivers late"
    else:
        text = f"{title} is settled; folder edits are open again"
    return f"{event.kind.value}: {text}"


def refusal_text(
    what: str,
    window: MaintenanceWindow | None,
    edits_open_at: datetime | None,
    zone: tzinfo,
) -> str:
    """One line: what was refused, which window, until when."""
    text = f"refused: {what}"
    if window is not None:
        text += f": maintenance window {window.title!r} {zoned_span_text(window, zone)}"
    if edits_open_at is not None:
        text += f"; edits open again at {moment_text(edits_open_at, zone)}"
    return text + "; use --queue to do it then"


def summary_text(summary: Mapping[str, int]) -> str:
    """``2 backfilled, 1 flags changed``, or ``nothing changed``: a report's counts in words."""
    counts = [f"{n} {what.replace('_', ' ')}" for what, n in summary.items() if n]
    return ", ".join(counts) or "nothing changed"


def moment_text(moment: datetime, zone: tzinfo) -> str:
    """``2026-03-10 22:00 CET``."""
    shown = moment.astimezone(zone)
    return f"{shown:%Y-%m-%d %H:%M} {zone_name(shown)}"


def span_text(window: MaintenanceWindow, zone: tzinfo, separator: str = "–") -> str:
    """``2026-03-03 22:00–02:00`` in ``zone``; the end's date only when it differs."""
    start, end = window.start.astimezone(zone), window.end.astimezone(zone)
    return f"{start:%Y-%m-%d %H:%M}{separator}{_end_text(start, end)}"


def zoned_span_text(window: MaintenanceWindow, zone: tzinfo) -> str:
    """``2026-03-03 22:00–02:00 CET``; both zone names when the window crosses a DST change."""
    return zoned_range_text(window.start, window.end, zone)


def zoned_range_text(start: datetime, end: datetime, zone: tzinfo) -> str:
    """``zoned_span_text`` for two moments, where no window object is at hand."""
    start, end = start.astimezone(zone), end.astimezone(zone)
    first, last = zone_name(start), zone_name(end)
    if first == last:
        return f"{start:%Y-%m-%d %H:%M}–{_end_text(start, end)} {first}"
    return f"{start:%Y-%m-%d %H:%M} {first}–{_end_text(start, end)} {last}"


def _end_text(start: datetime, end: datetime) -> str:
    return f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"


def zone_name(moment: datetime) -> str:
    """The zone's abbreviation, or its UTC offset where it has none (``+0530``)."""
    name = moment.tzname()
    return name if name and not name.startswith(("+", "-")) else f"{moment:%z}"


def duration(span: timedelta) -> str:
    """``45 s``, ``3 min``, ``1 h``, ``1 h 5 min``, ``2 d 3 h``; else rounded up to minutes."""
    seconds = int(span.total_seconds())
    if 0 < seconds < 60:
        return f"{seconds} s"
    minutes = max(0, -(-seconds // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days} d"] if days else []
    parts += [f"{hours} h"] if hours else []
    parts += [f"{minutes} min"] if minutes and not days else []
    return " ".join(parts) or "0 min"


def count(n: int, noun: str) -> str:
    """``1 message``, ``3 messages``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def folder_list(folders: tuple[str, ...] | list[str]) -> str:
    """``INBOX``, ``INBOX and Bestellungen``, ``INBOX, Sent and Archive``."""
    names = list(folders)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
