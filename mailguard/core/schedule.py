"""Turning many sources' windows into one schedule: dedupe, update, select."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from mailguard.core.model import KIND_PRIORITY, Confidence, MaintenanceWindow, WindowStatus

_CONFIDENCE_RANK = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}


def merge_windows(windows: Iterable[MaintenanceWindow]) -> list[MaintenanceWindow]:
    """One entry per real window, soonest first.

    First, a newer announcement of the same ``(source, native_id)`` replaces the
    older one (a reschedule or cancellation). Then windows with the same span,
    from whatever source, become one: they share an id by construction.
    """
    latest: dict[tuple[str, str], MaintenanceWindow] = {}
    anonymous: list[MaintenanceWindow] = []
    for window in windows:
        if window.native_id is None:
            anonymous.append(window)
            continue
        key = (window.source, window.native_id)
        known = latest.get(key)
        if known is None or _is_newer(window, known):
            latest[key] = window

    by_id: dict[str, list[MaintenanceWindow]] = {}
    for window in [*latest.values(), *anonymous]:
        by_id.setdefault(window.id, []).append(window)
    return sorted((_combine(group) for group in by_id.values()), key=_soonest_first)


def select_windows(
    windows: Iterable[MaintenanceWindow], span_start: datetime, span_end: datetime
) -> list[MaintenanceWindow]:
    """The windows overlapping ``[span_start, span_end)``, soonest first."""
    return sorted((w for w in windows if w.overlaps(span_start, span_end)), key=_soonest_first)


def filter_by_component(
    windows: Iterable[MaintenanceWindow], wanted: Iterable[str]
) -> list[MaintenanceWindow]:
    """Keep windows touching a wanted component (case-insensitive substring).

    A window whose source names no components is kept: we cannot tell, and a
    missed warning costs more than a needless one.
    """
    needles = [name.casefold() for name in wanted if name.strip()]
    if not needles:
        return list(windows)
    return [
        w
        for w in windows
        if not w.affected
        or any(needle in service.casefold() for needle in needles for service in w.affected)
    ]


def _soonest_first(window: MaintenanceWindow) -> tuple[datetime, datetime, str]:
    return (window.start, window.end, window.id)


def _is_newer(candidate: MaintenanceWindow, known: MaintenanceWindow) -> bool:
    if candidate.updated_at is None or known.updated_at is None:
        return True  # later in the input means later in the source
    return candidate.updated_at >= known.updated_at


def _trust(window: MaintenanceWindow) -> int:
    kind = window.source_kind
    return KIND_PRIORITY.index(kind) if kind in KIND_PRIORITY else len(KIND_PRIORITY)


def _combine(group: list[MaintenanceWindow]) -> MaintenanceWindow:
    """Merge several announcements of one span; the most trusted source leads."""
    if len(group) == 1:
        return group[0]
    ranked = sorted(group, key=_trust)
    lead = ranked[0]
    return replace(
        lead,
        status=_merged_status(group),
        affected=_unique(s for w in ranked for s in w.affected),
        sources=_unique(s for w in ranked for s in w.sources),
        description=lead.description or next((w.description for w in ranked if w.description), ""),
        url=lead.url or next((w.url for w in ranked if w.url), None),
        end_estimated=all(w.end_estimated for w in group),
        confidence=max((w.confidence for w in group), key=_CONFIDENCE_RANK.__getitem__),
        warnings=_unique(m for w in ranked for m in w.warnings),
        updated_at=max((w.updated_at for w in group if w.updated_at), default=None),
    )


def _merged_status(group: list[MaintenanceWindow]) -> WindowStatus | None:
    """The most recently updated explicit status; a cancellation is news, so it wins ties."""
    stated = [w for w in group if w.status is not None]
    if not stated:
        return None
    dated = [w for w in stated if w.updated_at is not None]
    if dated:
        return max(dated, key=lambda w: w.updated_at or w.start).status
    if any(w.status is WindowStatus.CANCELLED for w in stated):
        return WindowStatus.CANCELLED
    return stated[0].status


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
