"""What the JSON status-page sources (Statuspage, Cachet, Instatus) read alike.

Their documents are loosely typed: any field may be missing, null or of another
type. One rule keeps the three parsers consistent: an entry whose *times* cannot
be read is skipped with a warning (``BadEntry``); any other unreadable field is
dropped quietly, because a window with a plain title still protects the mail.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from mailguard.core.model import UNSTATED_END_ASSUMPTION, Confidence, MaintenanceWindow
from mailguard.sources.base import ParseResult, decode_text, looks_like_json

FALLBACK_TITLE = "Scheduled maintenance"

# fromisoformat() also reads a bare date as midnight; a window needs a time of day.
_HAS_TIME_OF_DAY = re.compile(r"\d[Tt ]\d")
_ASSUMED_HOURS = f"{UNSTATED_END_ASSUMPTION.total_seconds() / 3600:g}"


class BadEntry(Exception):
    """One entry cannot be placed in time; the parser skips it, giving this reason."""


@dataclass(frozen=True, slots=True)
class Span:
    """A window's checked start and end, with what had to be assumed to get them."""

    start: datetime
    end: datetime
    end_estimated: bool
    confidence: Confidence
    warnings: tuple[str, ...]


def sniff_json(data: bytes) -> Any:
    """The parsed document for content sniffing, or None if it is not JSON; never raises."""
    if not looks_like_json(data):
        return None
    try:
        return json.loads(decode_text(data))
    except (ValueError, RecursionError):
        return None


def json_type(value: object) -> str:
    """A JSON value's type as a user would name it, for one-line messages."""
    match value:
        case None:
            return "null"
        case bool():
            return "a boolean"
        case int() | float():
            return "a number"
        case str():
            return "a string"
        case list():
            return "a list"
        case dict():
            return "an object"
    return type(value).__name__


def one_line(text: str, limit: int = 80) -> str:
    """Source text made safe for a one-line message: collapsed, shortened, printable."""
    flat = " ".join(_printable(text).split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return flat


def plain_text(value: object) -> str | None:
    """A non-blank string, stripped and printable; anything else is None."""
    if isinstance(value, str) and value.strip():
        return _printable(value.strip())
    return None


def _printable(text: str) -> str:
    # JSON's \ud800 escapes can smuggle in lone surrogates, which no terminal can print.
    return text.encode("utf-8", "replace").decode("utf-8")


def title_or_fallback(name: str | None) -> str:
    """A window title: the name on one line, else :data:`FALLBACK_TITLE`."""
    return " ".join(name.split()) if name else FALLBACK_TITLE


def unknown_status(raw: object, label: str) -> tuple[None, list[str]]:
    """No status, and the warning that ``raw`` is not one this source knows."""
    shown = one_line(raw, 40) if isinstance(raw, str) else json_type(raw)
    return None, [f"{label} has an unknown status {shown!r}; going by the clock"]


def latest_update(
    updates: object,
    time_of: Callable[[dict[str, Any]], datetime | None],
    *,
    newest_first: bool,
) -> dict[str, Any] | None:
    """The newest update by ``time_of``; among equal or missing times, the listing's order decides.

    ``newest_first`` says how the source lists updates: newest first, or oldest first.
    """
    if not isinstance(updates, list):
        return None
    candidates = [u for u in updates if isinstance(u, dict)]
    step = -1 if newest_first else 1
    dated = [
        (moment, step * position, update)
        for position, update in enumerate(candidates)
        if (moment := time_of(update)) is not None
    ]
    if dated:
        return max(dated, key=lambda item: item[:2])[2]
    if not candidates:
        return None
    return candidates[0] if newest_first else candidates[-1]


def names_then_groups(
    components: object,
    *,
    name: Callable[[dict[str, Any]], str | None],
    group: Callable[[dict[str, Any]], str | None],
) -> tuple[str, ...]:
    """Affected names: each component's, then its group's, without repeats."""
    if not isinstance(components, list):
        return ()
    found = [component for component in components if isinstance(component, dict)]
    names = [text for component in found if (text := name(component))]
    groups = [text for component in found if (text := group(component))]
    return tuple(dict.fromkeys([*names, *groups]))


def native_id(value: object) -> str | None:
    """The source's id as text (Cachet numbers, Statuspage strings); None if unusable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    text = plain_text(value)
    return one_line(text, limit=200) if text else None


def entry_label(noun: str, name: str | None, ident: str | None, position: int) -> str:
    """How warnings name an entry: ``maintenance 'IMAP move' (id 42)``, else its position."""
    parts = [noun]
    if name:
        parts.append(repr(one_line(name)))
    if ident:
        parts.append(f"(id {one_line(ident, limit=40)})")
    if not name and not ident:
        parts.append(f"#{position}")
    return " ".join(parts)


def parse_time(value: object, field: str, zone: tzinfo) -> tuple[datetime, bool]:
    """An ISO 8601 time; without an offset it is read in ``zone`` (second item True)."""
    if value is None or value == "":
        raise BadEntry(f"{field} is missing")
    if not isinstance(value, str):
        raise BadEntry(f"{field} is {json_type(value)}, not a time")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise BadEntry(f"{field} {one_line(value, 40)!r} is not an ISO 8601 time") from exc
    if not _HAS_TIME_OF_DAY.search(value):
        raise BadEntry(f"{field} {one_line(value, 40)!r} has no time of day")
    if moment.utcoffset() is None:
        return moment.replace(tzinfo=zone), True
    return moment, False


def optional_time(value: object, zone: tzinfo) -> datetime | None:
    """A time for ordering or ``updated_at``; unreadable values are simply absent."""
    try:
        return parse_time(value, "time", zone)[0]
    except BadEntry:
        return None


def window_span(
    start: datetime,
    end: datetime | None,
    *,
    label: str,
    zone: tzinfo,
    zone_assumed: bool = False,
    why_no_end: str = "states no end",
) -> Span:
    """Check a start and end; with no end, assume one and say so."""
    warnings: list[str] = []
    confidence = Confidence.HIGH
    if zone_assumed:
        confidence = Confidence.MEDIUM
        warnings.append(f"{label} gives times without a zone; read them in {zone}")
    end_estimated = end is None
    try:
        if end is None:
            end = start + UNSTATED_END_ASSUMPTION
            confidence = Confidence.LOW
            warnings.append(f"{label} {why_no_end}; assuming it lasts {_ASSUMED_HOURS} hours")
        # Window ids are computed in UTC; a time near year 1 or 9999 cannot be.
        start.astimezone(UTC)
        end.astimezone(UTC)
    except OverflowError as exc:
        raise BadEntry("its time lies outside the calendar mailguard can handle") from exc
    if end == start:
        raise BadEntry(f"it ends when it starts ({start.isoformat()})")
    if end < start:
        raise BadEntry(f"it ends ({end.isoformat()}) before it starts ({start.isoformat()})")
    return Span(start, end, end_estimated, confidence, tuple(warnings))


def minutes(value: object, field: str) -> timedelta:
    """A positive duration given in minutes, as a number or a numeric string."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise BadEntry(f"{field} is {json_type(value)}, not a number of minutes")
    try:
        amount = float(value)
        duration = timedelta(minutes=amount)
    except (ValueError, OverflowError) as exc:
        raise BadEntry(f"{field} {one_line(str(value), 40)!r} is not a number of minutes") from exc
    if duration <= timedelta(0):
        raise BadEntry(f"{field} {one_line(str(value), 40)!r} is not a positive number of minutes")
    return duration


def collect(
    entries: list[Any],
    result: ParseResult,
    *,
    label: Callable[[dict[str, Any], int], str],
    read: Callable[[dict[str, Any], str], MaintenanceWindow | None],
) -> None:
    """Read each entry into ``result``, skipping malformed ones with a warning.

    ``read`` returns None for an entry that is well-formed but no window (an
    unplanned incident), and raises BadEntry for one it cannot place in time.
    """
    for position, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            result.warnings.append(f"skipped entry #{position}: {json_type(entry)}, not an object")
            continue
        name = label(entry, position)
        try:
            window = read(entry, name)
        except BadEntry as exc:
            result.warnings.append(f"skipped {name}: {exc}")
            continue
        if window is not None:
            result.windows.append(window)
            result.warnings.extend(window.warnings)
