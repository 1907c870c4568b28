"""A refresh report for people: grouped by what happened, most urgent first, local times.

It reads the report's public JSON (what is stored), so a report shown again
later looks exactly like it did when it was made.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

_REASONS = {
    "during_window": "dated inside the window",
    "before_baseline": "dated before the snapshot",
}


def render_report(report: dict[str, Any], zone: tzinfo) -> list[str]:
    """The report as lines of text; ``zone`` is the zone times are shown in."""
    lines = [_headline(report, zone)]
    window = report.get("window")
    if window:
        lines.append(
            f"  maintenance window {_moment(window['start'], zone)} – "
            f"{_moment(window['end'], zone)}: {window.get('title', '')}".rstrip()
        )
    sections: list[tuple[str, list[dict[str, Any]], Any]] = [
        ("Missing (in no folder any more)", report["missing"], None),
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
            lines.append(f"  {_mail(entry, zone)}{'  — ' + extra if extra else ''}")
    lines.extend(_folder_lines(report["folders"]))
    if len(lines) == (2 if window else 1):
        lines.append("  nothing changed since the snapshot")
    return lines


def _headline(report: dict[str, Any], zone: tzinfo) -> str:
    kind = "late mail found by the backfill watch" if report.get("kind") == "backfill" else "resync"
    number = f"#{report['id']} " if report.get("id") is not None else ""
    return (
        f"{report['account']}: {kind} {number}at {_moment(report['created_at'], zone)}, "
        f"compared with the snapshot of {_moment(report['baseline']['taken_at'], zone)}"
    )


def _mail(entry: dict[str, Any], zone: tzinfo) -> str:
    when = _moment(entry.get("date") or entry["internaldate"], zone)
    subject = entry.get("subject") or "(no subject)"
    return f"{entry['folder']} #{entry['uid']}  {when}  {entry.get('from') or '?'}  {subject!r}"


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


def _moment(iso: str, zone: tzinfo) -> str:
    return f"{datetime.fromisoformat(iso).astimezone(zone):%Y-%m-%d %H:%M:%S %Z}"
