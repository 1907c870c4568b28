"""Atlassian Statuspage v2 public API: planned maintenances from any of its JSON documents.

Reads ``scheduled-maintenances.json`` (and its ``upcoming``/``active`` views),
``summary.json``, ``incidents.json`` and ``incidents/unresolved.json``, and the
bare JSON array of incidents older exports hold. Planned maintenance is also
published as an incident with ``scheduled_for`` set; an incident without it is
an outage, not a window, and is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from functools import partial
from typing import Any

from mailguard.core.errors import ParseError
from mailguard.core.model import MaintenanceWindow, WindowStatus
from mailguard.sources.base import ParseContext, ParseResult, load_json
from mailguard.sources.status_json import (
    collect,
    entry_label,
    json_type,
    latest_update,
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

KIND = "statuspage"

_ENTRY_LISTS = {"scheduled_maintenances": "maintenance", "incidents": "incident"}
_STATUSPAGE_KEYS = frozenset({"components", "incidents", "scheduled_maintenances", "status"})
_INSTATUS_KEYS = frozenset({"activeIncidents", "activeMaintenances"})
#: Fields only a Statuspage incident has, beside ``scheduled_for``: they tell a bare
#: array of its incidents from other status pages' lists.
_INCIDENT_KEYS = frozenset({"incident_updates", "shortlink", "impact", "page_id"})

_STATUS = {
    "scheduled": WindowStatus.SCHEDULED,
    "in_progress": WindowStatus.IN_PROGRESS,
    "verifying": WindowStatus.IN_PROGRESS,
    # A planned incident can carry incident statuses while it runs.
    "investigating": WindowStatus.IN_PROGRESS,
    "identified": WindowStatus.IN_PROGRESS,
    "monitoring": WindowStatus.IN_PROGRESS,
    "completed": WindowStatus.COMPLETED,
    "resolved": WindowStatus.COMPLETED,
    "postmortem": WindowStatus.COMPLETED,
    "cancelled": WindowStatus.CANCELLED,
    "canceled": WindowStatus.CANCELLED,
}

# Statuspage has no cancelled state: providers post "This maintenance has been
# cancelled" and complete it, so the latest update's words decide.
_CANCELLED_WORDING = re.compile(r"\b(?:cancel(?:l?ed|lation)|abgesagt)\b", re.IGNORECASE)


def sniff(data: bytes) -> bool:
    """A JSON object from a Statuspage page (``page`` with an id or url), or its incidents."""
    doc = sniff_json(data)
    if isinstance(doc, list):
        return any(_is_incident(entry) for entry in doc)
    if not isinstance(doc, dict) or _INSTATUS_KEYS & doc.keys():
        return False
    if "scheduled_maintenances" in doc:
        return True
    page = doc.get("page")
    return (
        isinstance(page, dict)
        and ("id" in page or "url" in page)
        and bool(_STATUSPAGE_KEYS & doc.keys())
    )


def parse(data: bytes, ctx: ParseContext) -> ParseResult:
    """Every planned maintenance in the document, whatever its status."""
    doc = load_json(data, ctx)
    if isinstance(doc, list):
        if doc and not any(_is_incident(entry) for entry in doc):
            raise ParseError(ctx.source, "a JSON list, but not of Statuspage incidents")
        doc = {"incidents": doc}
    if not isinstance(doc, dict):
        raise ParseError(ctx.source, f"expected a Statuspage JSON object, found {json_type(doc)}")
    lists: dict[str, list[Any]] = {}
    for key in _ENTRY_LISTS:
        if key not in doc:
            continue
        value = [] if doc[key] is None else doc[key]
        if not isinstance(value, list):
            raise ParseError(ctx.source, f"Statuspage '{key}' is {json_type(value)}, not a list")
        lists[key] = value
    if not lists:
        raise ParseError(
            ctx.source,
            "Statuspage document lists no maintenances "
            "(read scheduled-maintenances.json or summary.json)",
        )

    groups = _group_names(doc.get("components"), *_entry_components(lists.values()))
    result = ParseResult()
    for key, entries in lists.items():
        collect(
            entries,
            result,
            label=partial(_label, _ENTRY_LISTS[key]),
            read=partial(_read, ctx=ctx, groups=groups, planned_only=key == "incidents"),
        )
    return result


def _is_incident(entry: object) -> bool:
    """An entry of an incidents export: planned (``scheduled_for``) or not, with its updates."""
    return isinstance(entry, dict) and bool(_INCIDENT_KEYS & entry.keys())


def _label(noun: str, entry: dict[str, Any], position: int) -> str:
    return entry_label(noun, plain_text(entry.get("name")), native_id(entry.get("id")), position)


def _read(
    entry: dict[str, Any],
    label: str,
    *,
    ctx: ParseContext,
    groups: dict[str, str],
    planned_only: bool,
) -> MaintenanceWindow | None:
    if planned_only and entry.get("scheduled_for") is None:
        return None  # an outage, not a planned window
    start, start_zoneless = parse_time(entry.get("scheduled_for"), "scheduled_for", ctx.zone)
    end, end_zoneless = None, False
    if entry.get("scheduled_until") not in (None, ""):
        end, end_zoneless = parse_time(entry["scheduled_until"], "scheduled_until", ctx.zone)
    span = window_span(
        start, end, label=label, zone=ctx.zone, zone_assumed=start_zoneless or end_zoneless
    )

    # The API lists updates newest first.
    latest = latest_update(
        entry.get("incident_updates"), partial(_update_time, ctx=ctx), newest_first=True
    )
    status, status_warnings = _status(entry, latest, label)
    return MaintenanceWindow(
        start=span.start,
        end=span.end,
        title=title_or_fallback(plain_text(entry.get("name"))),
        source=ctx.source,
        source_kind=KIND,
        status=status,
        native_id=native_id(entry.get("id")),
        affected=_affected(entry.get("components"), groups),
        description=(plain_text(latest.get("body")) or "") if latest else "",
        url=plain_text(entry.get("shortlink")),
        updated_at=optional_time(entry.get("updated_at"), ctx.zone),
        end_estimated=span.end_estimated,
        confidence=span.confidence,
        warnings=(*span.warnings, *status_warnings),
    )


def _status(
    entry: dict[str, Any], latest: dict[str, Any] | None, label: str
) -> tuple[WindowStatus | None, list[str]]:
    if latest is not None and _says_cancelled(latest):
        return WindowStatus.CANCELLED, []
    raw = entry.get("status")
    if raw is None:
        return None, []
    status = _STATUS.get(raw.strip().casefold()) if isinstance(raw, str) else None
    if status is None:
        return unknown_status(raw, label)
    return status, []


def _says_cancelled(update: dict[str, Any]) -> bool:
    status = update.get("status")
    if isinstance(status, str) and status.strip().casefold() in ("cancelled", "canceled"):
        return True
    body = update.get("body")
    return isinstance(body, str) and _CANCELLED_WORDING.search(body) is not None


def _update_time(update: dict[str, Any], *, ctx: ParseContext) -> datetime | None:
    return optional_time(update.get("display_at"), ctx.zone) or optional_time(
        update.get("created_at"), ctx.zone
    )


def _entry_components(lists: Iterable[list[Any]]) -> list[object]:
    return [
        entry.get("components") for entries in lists for entry in entries if isinstance(entry, dict)
    ]


def _group_names(*component_lists: object) -> dict[str, str]:
    """Component group ids to names (a group is a component with ``"group": true``)."""
    groups: dict[str, str] = {}
    for components in component_lists:
        if not isinstance(components, list):
            continue
        for component in components:
            if not isinstance(component, dict) or component.get("group") is not True:
                continue
            ident, name = native_id(component.get("id")), plain_text(component.get("name"))
            if ident and name:
                groups[ident] = name
    return groups


def _affected(components: object, groups: dict[str, str]) -> tuple[str, ...]:
    """Component names, then the names of the groups they belong to (``IMAP`` in ``E-Mail``)."""
    return names_then_groups(
        components,
        name=lambda component: plain_text(component.get("name")),
        group=lambda component: groups.get(native_id(component.get("group_id")) or ""),
    )
