"""Refresh reports for people: one line per stored report, or one report in full.

Both read a report's public JSON (what is stored), so a report shown again
later looks exactly like it did when it was made. Times carry their zone, in
the guard's style (``moment_text``, ``zoned_span_text``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any

from mailguard.core.guard_text import moment_text, summary_text, zoned_span_text
from mailguard.core.model import MaintenanceWindow
from mailguard.service.stored_reports import shown_date

_REASONS = {
    "during_window": "dated inside the window",
    "before_baseline": "dated before the snapshot",
}

#: What to do about mail that is in no folder any more, after its list.
_MISSING_ADVICE = (
    "  What you can do:",
    "  - look in your webmail, its trash too: search for the subject or the Message-ID;",
    "  - wait: the provider may still restore it; mailguard watch reports mail that comes back",
    "    (or run mailguard resync later);",
    "  - ask the provider to restore it, naming the Message-ID, the folder and the UID",
    "    (the number after #) where the snapshot saw it.",
)

Detail = Callable[[dict[str, Any]], str]


def report_line(report: dict[str, Any], zone: tzinfo) -> str:
    """``#4  2026-03-11 02:31 CET  resync, incremental  after 'X' (…)  3 backfilled, 1 new``.

    Works on a whole report or on the outline ``ReportStore.outlines`` gives.
    """
    kind = "late mail (backfill watch)" if report.get("kind") == "backfill" else "resync"
    if kind == "resync":
        kind += ", full" if report.get("full") else ", incremental"
    window = _window(report)
    about = f"after {window.title!r} ({zoned_span_text(window, zone)})" if window else "no window"
    parts = [f"#{report['id']}", moment_text(_at(report["created_at"]), zone), kind, about]
    if report.get("preliminary"):
        parts.append("PRELIMINARY")
    parts.append(summary_text(report["summary"]))
    return "  ".join(parts)


def render_report(report: dict[str, Any], zone: tzinfo) -> list[str]:
    """The report as lines of text; ``zone`` is the zone times are shown in."""
    lines = [_headline(report, zone)]
    window = _window(report)
    if window:
        lines.append(
            f"  maintenance window {zoned_span_text(window, zone)}: {window.title}".rstrip()
        )
    if report.get("preliminary"):
        lines.extend(_preliminary(report, window, zone))
    preamble = len(lines)
    made_at = _at(report["created_at"])
    sections: list[tuple[str, list[dict[str, Any]], Detail | None]] = [
        ("Missing (in no folder any more)", report["missing"], _message_id),
        ("Sent during the window", report["sent_during_window"], _note),
        ("Backfilled (arrived late)", report["backfilled"], _reason),
        ("Moved", report["moved"], _move),
        ("Flags changed", report["flags_changed"], _flags),
        ("New", report["new"], None),
    ]
    copies = report.get("copies", {})
    sections += [
        ("Copies removed (still in another folder)", copies.get("removed", []), _elsewhere),
        ("Copies added (already in another folder)", copies.get("added", []), _elsewhere),
    ]
    for title, entries, detail in sections:
        if not entries:
            continue
        lines.append(f"{title}: {len(entries)}")
        for entry in entries:
            extra = detail(entry) if detail else ""
            lines.append(f"  {_mail(entry, made_at, zone)}{'  — ' + extra if extra else ''}")
        if entries is report["missing"]:
            lines.extend(_MISSING_ADVICE)
    lines.extend(_folder_lines(report["folders"]))
    if len(lines) == preamble:
        lines.append("  nothing changed since the snapshot")
    return lines


def _headline(report: dict[str, Any], zone: tzinfo) -> str:
    kind = "late mail found by the backfill watch" if report.get("kind") == "backfill" else "resync"
    number = f"#{report['id']} " if report.get("id") is not None else ""
    return (
        f"{report['account']}: {kind} {number}at {moment_text(_at(report['created_at']), zone)}, "
        f"compared with the snapshot of {moment_text(_at(report['baseline']['taken_at']), zone)}"
    )


def _preliminary(
    report: dict[str, Any], window: MaintenanceWindow | None, zone: tzinfo
) -> list[str]:
    during = f"maintenance window {window.title!r}" if window else "the maintenance window"
    lines = [
        f"  PRELIMINARY: made before {during} was over; "
        "the provider may still deliver or change mail."
    ]
    until = report.get("preliminary_until")
    if until:
        lines.append(
            f"  Resync after {moment_text(_at(until), zone)} for the final comparison "
            "(mailguard watch does it by itself)."
        )
    return lines


def _mail(entry: dict[str, Any], made_at: datetime, zone: tzinfo) -> str:
    when = moment_text(shown_date(entry, made_at), zone)
    subject = entry.get("subject") or "(no subject)"
    return f"{entry['folder']} #{entry['uid']}  {when}  {entry.get('from') or '?'}  {subject!r}"


def _window(report: dict[str, Any]) -> MaintenanceWindow | None:
    data = report.get("window")
    if not data:
        return None
    return MaintenanceWindow(
        start=_at(data["start"]),
        end=_at(data["end"]),
        title=data.get("title", ""),
        source=data.get("source", ""),
        source_kind=data.get("kind", ""),
    )


def _at(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def _message_id(entry: dict[str, Any]) -> str:
    message_id = entry.get("message_id")
    return f"Message-ID {message_id}" if message_id else "no Message-ID (search by subject)"


def _reason(entry: dict[str, Any]) -> str:
    reason = str(entry.get("reason", ""))
    return _REASONS.get(reason, reason)


def _note(entry: dict[str, Any]) -> str:
    return str(entry.get("note", ""))


def _move(entry: dict[str, Any]) -> str:
    return f"from {entry['from_folder']}"


def _flags(entry: dict[str, Any]) -> str:
    before, after = set(entry["before"]), set(entry["after"])
    parts = []
    if before - after:
        parts.append("lost " + " ".join(sorted(before - after)))
    if after - before:
        parts.append("gained " + " ".join(sorted(after - before)))
    return ", ".join(parts)


def _elsewhere(entry: dict[str, Any]) -> str:
    return "also in " + ", ".join(entry.get("elsewhere", []))


def _folder_lines(folders: dict[str, Any]) -> list[str]:
    lines = []
    if folders.get("added"):
        lines.append("Folders added: " + ", ".join(folders["added"]))
    if folders.get("removed"):
        lines.append("Folders removed: " + ", ".join(folders["removed"]))
    if folders.get("renamed"):
        pairs = (f"{r['from']} → {r['to']}" for r in folders["renamed"])
        lines.append("Folders renamed: " + ", ".join(pairs))
    if folders.get("uidvalidity_changed"):
        lines.append(
            "Folders renumbered by the server (UIDVALIDITY changed; matched by Message-ID): "
            + ", ".join(folders["uidvalidity_changed"])
        )
    return lines
