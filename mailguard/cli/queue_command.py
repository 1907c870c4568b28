"""``mailguard queue``: the journal of folder operations, and withdrawing a queued one."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from mailguard.app.guard_wiring import guard_services
from mailguard.cli.console import Console
from mailguard.cli.timeargs import parse_moment
from mailguard.core.journal import entry_json, entry_text
from mailguard.store.paths import AppPaths


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("queue", help="list an account's journal, or cancel an entry")
    parser.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    parser.add_argument(
        "--now",
        metavar="ISO8601",
        help="say when the queue runs, seen from then (no offset: your system's zone)",
    )
    parser.add_argument("--cancel", type=int, metavar="ID", help="withdraw queued entry ID")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    with guard_services(paths, console.warning) as guard:
        account = guard.accounts.get(args.account)
        if args.cancel is not None:
            entry = guard.journal.cancel(account.name, args.cancel)
            console.result(f"cancelled #{entry.id}: {entry.operation.describe()}")
            return 0
        now = parse_moment(args.now, guard.zone) if args.now else datetime.now(UTC)
        entries = guard.journal.all(account.name)
        reopen = guard.gate.standing(account, now).edits_open_at
        if args.json:
            console.json(
                {
                    "account": account.name,
                    "edits_open_at": reopen.isoformat() if reopen else None,
                    "entries": [entry_json(e) for e in entries],
                }
            )
            return 0
        if not entries:
            console.note(f"nothing queued for {account.name}")
        console.results(f"#{entry.id}  {entry_text(entry)}" for entry in entries)
        if reopen is not None and any(e.state.is_open for e in entries):
            console.note(f"the queue runs once edits open again at {guard.gate.local(reopen)}")
    return 0
