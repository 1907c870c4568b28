"""The maintenance window: the one fact every schedule source boils down to."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum


class WindowStatus(StrEnum):
    """Where a window stands, as its source (or the clock) says."""

    SCHEDULED = "scheduled"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Confidence(StrEnum):
    """How sure the reader is that it read the window as a person would."""

    HIGH = "high"  # stated completely and unambiguously
    MEDIUM = "medium"  # something was inferred from context (a year, a zone)
    LOW = "low"  # something important was missing and assumed (a date, an end)


#: When a source names a start but no end, the window is assumed to last this
#: long and marked ``end_estimated``: a guard errs on the side of caution.
UNSTATED_END_ASSUMPTION = timedelta(hours=4)

#: Source kinds in order of trust when the same window comes from several:
#: a machine-readable status page beats a calendar beats prose.
KIND_PRIORITY = ("statuspage", "cachet", "instatus", "ical", "feed", "text", "manual")


def window_id(start: datetime, end: datetime) -> str:
    """A stable id from the window's span, so any source naming it agrees on it."""
    key = f"{_utc_minute(start)}/{_utc_minute(end)}"
    return "mw-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def _utc_minute(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(second=0, microsecond=0).strftime("%Y%m%dT%H%MZ")


@dataclass(frozen=True, slots=True)
class MaintenanceWindow:
    """A span during which the provider asks users not to touch their folders.

    ``native_id`` is the source's own name for the announcement (a Statuspage
    incident id, an iCalendar UID plus occurrence); a newer announcement with
    the same ``(source, native_id)`` replaces an older one.
    """

    start: datetime
    end: datetime
    title: str
    source: str
    source_kind: str
    status: WindowStatus | None = None  # None: the source does not say
    native_id: str | None = None
    affected: tuple[str, ...] = ()
    description: str = ""
    url: str | None = None
    updated_at: datetime | None = None
    end_estimated: bool = False
    confidence: Confidence = Confidence.HIGH
    warnings: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    id: str = field(default="")

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.start.utcoffset() is None:
            raise ValueError("window start must be time-zone aware")
        if self.end.tzinfo is None or self.end.utcoffset() is None:
            raise ValueError("window end must be time-zone aware")
        if self.end <= self.start:
            raise ValueError(f"window ends ({self.end}) before it starts ({self.start})")
        if not self.id:
            object.__setattr__(self, "id", window_id(self.start, self.end))
        if not self.sources:
            object.__setattr__(self, "sources", (self.source,))

    @property
    def duration(self) -> timedelta:
        # In UTC: subtracting two times of one DST zone would count wall-clock hours.
        return self.end.astimezone(UTC) - self.start.astimezone(UTC)

    def overlaps(self, span_start: datetime, span_end: datetime) -> bool:
        """True if any part of the window lies in ``[span_start, span_end)``."""
        return self.start < span_end and self.end > span_start

    def status_at(self, now: datetime) -> WindowStatus:
        """The stated status, or the one the clock implies when the source is silent."""
        if self.status is not None:
            return self.status
        if now >= self.end:
            return WindowStatus.COMPLETED
        if now >= self.start:
            return WindowStatus.IN_PROGRESS
        return WindowStatus.SCHEDULED

    def to_json(self, now: datetime) -> dict[str, object]:
        """The public JSON shape (a contract for scripts: add fields, never rename)."""
        return {
            "id": self.id,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "title": self.title,
            "source": self.source,
            "sources": list(self.sources),
            "kind": self.source_kind,
            "status": self.status_at(now).value,
            "affected": list(self.affected),
            "description": self.description,
            "url": self.url,
            "end_estimated": self.end_estimated,
            "confidence": self.confidence.value,
            "warnings": list(self.warnings),
        }
