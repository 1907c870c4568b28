"""Cachet schedules: the 2.4 API (``/api/v1/schedules``) and, where close, Cachet 3.x.

Cachet gives times without a zone, in the status page's own zone, which the
user states as the source's zone (``ctx.zone``).
"""

from __future__ import annotations

from contextlib import suppress
from functools import partial
from typing import Any, TypeAlias

from mailguard.core.errors import ParseError
from mailguard.core.model import MaintenanceWindow, WindowStatus
from mailguard.sources.base import ParseContext, ParseResult, load_json
from mailguard.sources.status_json import (
    collect,
    entry_label,
    json_type,
    native_id,
    optional_time,
    parse_time,
    plain_text,
    sniff_json,
    title_or_fallback,
    unknown_status,
    window_span,
)

KIND = "cachet"

_STATUS = {0: WindowStatus.SCHEDULED, 1: WindowStatus.IN_PROGRESS, 2: WindowStatus.COMPLETED}

#: Included JSON:API resources (Cachet 3) by (type, id), so relationships can be named.
_Included: TypeAlias = dict[tuple[str, str], dict[str, Any]]


def sniff(data: bytes) -> bool:
    """A ``data`` list (or object) of schedules, or Cachet 2's empty paginated list."""
    doc = sniff_json(data)
    if not isinstance(doc, dict):
        return False
    body = doc.get("data")
    entries = body if isinstance(body, list) else [body]
    if any(_is_schedule(entry) for entry in entries):
        return True
    meta = doc.get("meta")
    return body == [] and isinstance(meta, dict) and isinstance(meta.get("pagination"), dict)


def parse(data: bytes, ctx: ParseContext) -> ParseResult:
    """Every schedule in the document, whatever its status."""
    doc = load_json(data, ctx)
    if not isinstance(doc, dict):
        raise ParseError(ctx.source, f"expected a Cachet JSON object, found {json_type(doc)}")
    if "data" not in doc:
        raise ParseError(ctx.source, "Cachet document has no 'data' list of schedules")
    body = doc["data"]
    if isinstance(body, dict):
        body = [body]
    if not isinstance(body, list):
        raise ParseError(ctx.source, f"Cachet 'data' is {json_type(body)}, not a list of schedules")
    result = ParseResult()
    collect(
        body,
        result,
        label=_label,
        read=partial(_read, ctx=ctx, included=_included(doc.get("included"))),
    )
    return result


def _is_schedule(entry: object) -> bool:
    if not isinstance(entry, dict):
        return False
    fields = entry.get("attributes")
    if entry.get("type") == "schedules" and isinstance(fields, dict):
        return True
    return "scheduled_at" in entry or (isinstance(fields, dict) and "scheduled_at" in fields)


def _fields(entry: dict[str, Any]) -> dict[str, Any]:
    """A schedule's own fields: top level in 2.4, under ``attributes`` in 3.x."""
    fields = entry.get("attributes")
    return fields if isinstance(fields, dict) else entry


def _schedule_id(entry: dict[str, Any]) -> str | None:
    return native_id(entry.get("id")) or native_id(_fields(entry).get("id"))


def _label(entry: dict[str, Any], position: int) -> str:
    name = plain_text(_fields(entry).get("name"))
    return entry_label("schedule", name, _schedule_id(entry), position)


def _read(
    entry: dict[str, Any], label: str, *, ctx: ParseContext, included: _Included
) -> MaintenanceWindow:
    fields = _fields(entry)
    # Zone-less times are Cachet's norm (the page's zone), so that is no assumption.
    start, _ = parse_time(_time_field(fields, "scheduled"), "scheduled_at", ctx.zone)
    status, status_warnings = _status(fields.get("status"), label)

    end, why_no_end = None, "states no end"
    completed = _time_field(fields, "completed")
    if completed is not None and completed != "":
        end, _ = parse_time(completed, "completed_at", ctx.zone)
        if end <= start:
            # Cachet 2.4 reports an unset completion as the time of the request,
            # which for an upcoming schedule lies before its start.
            end, why_no_end = None, "gives a completion time before its start"
    span = window_span(start, end, label=label, zone=ctx.zone, why_no_end=why_no_end)
    return MaintenanceWindow(
        start=span.start,
        end=span.end,
        title=title_or_fallback(plain_text(fields.get("name"))),
        source=ctx.source,
        source_kind=KIND,
        status=status,
        native_id=_schedule_id(entry),
        affected=_affected(entry, included),
        description=plain_text(fields.get("message")) or "",
        updated_at=optional_time(_time_field(fields, "updated"), ctx.zone),
        end_estimated=span.end_estimated,
        confidence=span.confidence,
        warnings=(*span.warnings, *status_warnings),
    )


def _time_field(fields: dict[str, Any], stem: str) -> object:
    """``scheduled_at`` (2.4) or ``scheduled: {"string": ...}`` (3.x)."""
    if f"{stem}_at" in fields:
        return fields[f"{stem}_at"]
    nested = fields.get(stem)
    return nested.get("string") if isinstance(nested, dict) else None


def _status(raw: object, label: str) -> tuple[WindowStatus | None, list[str]]:
    """0 upcoming, 1 in progress, 2 complete; as a number, a numeric string or 3.x's dict."""
    if isinstance(raw, dict):
        raw = raw.get("value")
    if raw is None:
        return None, []
    code: int | None = None
    if isinstance(raw, int) and not isinstance(raw, bool):
        code = raw
    elif isinstance(raw, str):
        with suppress(ValueError):
            code = int(raw.strip())
    status = _STATUS.get(code) if code is not None else None
    if status is None:
        # An unknown code is shown as given, a number included.
        return unknown_status(str(raw) if isinstance(raw, int) else raw, label)
    return status, []


def _included(value: object) -> _Included:
    if not isinstance(value, list):
        return {}
    return {
        (item["type"], ident): item
        for item in value
        if isinstance(item, dict)
        and isinstance(item.get("type"), str)
        and (ident := native_id(item.get("id")))
    }


def _affected(entry: dict[str, Any], included: _Included) -> tuple[str, ...]:
    """Component names: listed inline (2.4) or as JSON:API relationships (3.x)."""
    components: list[Any] = []
    inline = _fields(entry).get("components", entry.get("components"))
    if isinstance(inline, list):
        components.extend(inline)
    relationships = entry.get("relationships")
    related = relationships.get("components") if isinstance(relationships, dict) else None
    links = related.get("data") if isinstance(related, dict) else None
    for link in links if isinstance(links, list) else []:
        if isinstance(link, dict) and (ident := native_id(link.get("id"))):
            components.append(included.get(("components", ident)))
    names = (_component_name(component) for component in components)
    return tuple(dict.fromkeys(name for name in names if name))


def _component_name(component: object) -> str | None:
    if isinstance(component, str):
        return plain_text(component)
    if not isinstance(component, dict):
        return None
    fields = _fields(component)
    nested = fields.get("component")  # 2.4's pivot rows wrap the component
    if isinstance(nested, dict):
        fields = nested
    return plain_text(fields.get("name"))
