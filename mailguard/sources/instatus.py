"""Instatus: the public ``summary.json`` and the API's maintenance list or single maintenance.

A maintenance states its start and a duration in minutes, never an end. Names
and messages may be localized (``{"en": "...", "de": "..."}``); English wins.
Incidents are outages, not windows, and are left out.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from mailguard.core.errors import ParseError
from mailguard.core.model import MaintenanceWindow, WindowStatus
from mailguard.sources.base import ParseContext, ParseResult, load_json
from mailguard.sources.status_json import (
    BadEntry,
    collect,
    entry_label,
    json_type,
    latest_update,
    minutes,
    names_then_groups,
    native_id,
    optional_time,
    parse_time,
    plain_text,
    sniff_json,
    title_or_fallback,
    unknown_status,
    window_span,
)

KIND = "instatus"

_SUMMARY_KEYS = ("activeMaintenances", "activeIncidents")
_STATUS = {
    "NOTSTARTEDYET": WindowStatus.SCHEDULED,
    "INPROGRESS": WindowStatus.IN_PROGRESS,
    "COMPLETED": WindowStatus.COMPLETED,
}


def sniff(data: bytes) -> bool:
    """A summary (``activeMaintenances``), or maintenances stating ``start`` and ``duration``."""
    doc = sniff_json(data)
    if isinstance(doc, dict):
        return any(key in doc for key in _SUMMARY_KEYS) or _is_maintenance(doc)
    return isinstance(doc, list) and any(_is_maintenance(entry) for entry in doc)


def parse(data: bytes, ctx: ParseContext) -> ParseResult:
    """Every maintenance in the document, whatever its status."""
    doc = load_json(data, ctx)
    if isinstance(doc, dict) and any(key in doc for key in _SUMMARY_KEYS):
        entries = doc.get("activeMaintenances")
        if entries is None:
            entries = []
        if not isinstance(entries, list):
            raise ParseError(
                ctx.source, f"Instatus 'activeMaintenances' is {json_type(entries)}, not a list"
            )
    elif isinstance(doc, dict) and "start" in doc:
        entries = [doc]
    elif isinstance(doc, list):
        entries = doc
    else:
        raise ParseError(
            ctx.source,
            f"expected an Instatus summary or maintenance list, found {json_type(doc)}",
        )
    result = ParseResult()
    collect(entries, result, label=_label, read=partial(_read, ctx=ctx))
    return result


def _is_maintenance(entry: object) -> bool:
    return isinstance(entry, dict) and "start" in entry and "duration" in entry


def _label(entry: dict[str, Any], position: int) -> str:
    return entry_label("maintenance", _title(entry), native_id(entry.get("id")), position)


def _read(entry: dict[str, Any], label: str, *, ctx: ParseContext) -> MaintenanceWindow:
    start, zoneless = parse_time(entry.get("start"), "start", ctx.zone)
    raw_duration = entry.get("duration")
    end = None
    if raw_duration is not None and raw_duration != "":
        try:
            end = start + minutes(raw_duration, "duration")
        except OverflowError as exc:
            raise BadEntry("it ends beyond the calendar mailguard can handle") from exc
    span = window_span(start, end, label=label, zone=ctx.zone, zone_assumed=zoneless)
    status, status_warnings = _status(entry.get("status"), label)
    latest = latest_update(entry.get("updates"), partial(_update_time, ctx=ctx), newest_first=False)
    return MaintenanceWindow(
        start=span.start,
        end=span.end,
        title=title_or_fallback(_title(entry)),
        source=ctx.source,
        source_kind=KIND,
        status=status,
        native_id=native_id(entry.get("id")),
        affected=_affected(entry.get("components")),
        description=(_localized(latest.get("message")) or "") if latest else "",
        url=plain_text(entry.get("url")),
        updated_at=optional_time(entry.get("updatedAt"), ctx.zone),
        end_estimated=span.end_estimated,
        confidence=span.confidence,
        warnings=(*span.warnings, *status_warnings),
    )


def _localized(value: object) -> str | None:
    """A plain string, or the English (else the first) text of a localized dict."""
    if isinstance(value, dict):
        english = plain_text(value.get("en"))
        return english or next(filter(None, map(plain_text, value.values())), None)
    return plain_text(value)


def _title(entry: dict[str, Any]) -> str | None:
    return _localized(entry.get("name")) or _localized(entry.get("title"))


def _status(raw: object, label: str) -> tuple[WindowStatus | None, list[str]]:
    if raw is None:
        return None, []
    status = _STATUS.get(raw.strip().upper()) if isinstance(raw, str) else None
    if status is None:
        return unknown_status(raw, label)
    return status, []


def _update_time(update: dict[str, Any], *, ctx: ParseContext) -> datetime | None:
    """When an update was posted: ``createdAt``, else ``started``."""
    return optional_time(update.get("createdAt"), ctx.zone) or optional_time(
        update.get("started"), ctx.zone
    )


def _affected(components: object) -> tuple[str, ...]:
    """Component names, then the names of their groups."""
    return names_then_groups(
        components,
        name=lambda component: _localized(component.get("name")),
        group=_group_name,
    )


def _group_name(component: dict[str, Any]) -> str | None:
    group = component.get("group")
    return _localized(group.get("name")) if isinstance(group, dict) else None
