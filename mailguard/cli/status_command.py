"""``mailguard status``: where each account stands, what opens when, what is queued.

Read-only: it works out the standing from the schedule and never records an
announcement, so ``--now`` can look at any moment without side effects.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from mailguard.app.guard_wiring import GuardServices, guard_services
from mailguard.cli.console import Console
from mailguard.cli.timeargs import parse_moment
from mailguard.core.account import AccountConfig
from mailguard.core.guard_text import zoned_range_text
from mailguard.core.journal import entry_json
from mailguard.core.model import MaintenanceWindow
from mailguard.store.guard_store import MANUAL_SOURCE
from mailguard.store.paths import AppPaths


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "status", help="each account's guard state, window, and queued operations"
    )
    parser.add_argument("account", nargs="?", metavar="ACCOUNT", help="default: every account")
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    parser.add_argument(
        "--now",
        metavar="ISO8601",
        help="what the guard would say then (no offset: your system's zone)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    with guard_services(paths, console.warning) as guard:
        now = parse_moment(args.now, guard.zone) if args.now else datetime.now(UTC)
        accounts = [guard.accounts.get(args.account)] if args.account else guard.accounts.all()
        states = [account_status(guard, account, now) for account in accounts]
        if args.json:
            console.json({"accounts": states})
            return 0
        if not states:
            console.note("no accounts yet (add one with: mailguard account add)")
        for state in states:
            console.result(_line(guard, state))
    return 0


def account_status(guard: GuardServices, account: AccountConfig, now: datetime) -> dict[str, Any]:
    """The contract: name, state, window (or null), edits_open_at (or null), queued.

    Added since: ``watch_ends_at`` (while settling: when the backfill watch ends) and
    ``edits_released_at`` (when ``mailguard release`` opened edits before that).
    """
    where = guard.gate.standing(account, now)
    queued = guard.journal.open_entries(account.name)
    return {
        "name": account.name,
        "state": where.state.value,
        "window": _window_json(where.window, now) if where.window else None,
        "edits_open_at": _iso(where.edits_open_at),
        "watch_ends_at": _iso(where.watch_ends_at),
        "edits_released_at": _iso(where.released_at),
        "queued": len(queued),
        # queue --json's entry objects, except ``operation``: here, since before, its text.
        "queued_operations": [
            {**entry_json(e), "operation": e.operation.describe()} for e in queued
        ],
    }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _window_json(window: MaintenanceWindow, now: datetime) -> dict[str, object]:
    """The window's public JSON; a manual one also with the number ``window remove`` takes."""
    shown = window.to_json(now)
    if window.source == MANUAL_SOURCE and window.native_id is not None:
        shown["number"] = int(window.native_id)
    return shown


def _line(guard: GuardServices, state: dict[str, Any]) -> str:
    text = f"{state['name']}: {state['state']}"
    if state["state"] == "settling" and not state["edits_open_at"]:
        text += f" — {_opened_early(guard, state)}"
    window = state["window"]
    if window:
        start, end = (datetime.fromisoformat(window[key]) for key in ("start", "end"))
        number = f" (manual #{window['number']})" if "number" in window else ""
        text += f"; window {window['title']!r}{number} {zoned_range_text(start, end, guard.zone)}"
    if state["edits_open_at"]:
        reopen = guard.gate.local(datetime.fromisoformat(state["edits_open_at"]))
        text += f"; edits open again at {reopen}"
    if state["queued"]:
        text += f"; {state['queued']} queued"
    return text


def _opened_early(guard: GuardServices, state: dict[str, Any]) -> str:
    """Settling with edits open: ``release`` opened them before the backfill watch ended."""
    released, watch_ends = state["edits_released_at"], state["watch_ends_at"]
    when = f" at {guard.gate.local(datetime.fromisoformat(released))}" if released else ""
    until = guard.gate.local(datetime.fromisoformat(watch_ends))
    return f"edits opened early{when}; the backfill watch runs until {until}"
