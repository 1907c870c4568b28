"""The guard's events as one line each, for the log, the CLI and notifications."""

from __future__ import annotations

from datetime import UTC, timedelta, tzinfo

from mailguard.core.guard import EventKind, GuardEvent
from mailguard.core.model import MaintenanceWindow


def describe_event(event: GuardEvent) -> str:
    """``lead_warning: 'Mail migration' starts in 10 min`` and the like."""
    window = event.window
    title = repr(window.title)
    span = span_text(window, UTC) + " UTC"
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


def span_text(window: MaintenanceWindow, zone: tzinfo, separator: str = "–") -> str:
    """``2026-03-03 22:00–02:00`` in ``zone``; the end's date only when it differs."""
    start, end = window.start.astimezone(zone), window.end.astimezone(zone)
    end_text = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"
    return f"{start:%Y-%m-%d %H:%M}{separator}{end_text}"


def duration(span: timedelta) -> str:
    """``3 min``, ``1 h``, ``1 h 5 min``, ``2 d 3 h``; rounded up to whole minutes."""
    minutes = max(0, -(-int(span.total_seconds()) // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [f"{days} d"] if days else []
    parts += [f"{hours} h"] if hours else []
    parts += [f"{minutes} min"] if minutes and not days else []
    return " ".join(parts) or "0 min"
