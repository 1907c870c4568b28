"""``mailguard release ACCOUNT``: open folder edits before the backfill watch ends."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from mailguard.app.guard_wiring import guard_services, release_early
from mailguard.cli.console import Console
from mailguard.core.events import EditReplayed
from mailguard.core.guard_text import describe_event
from mailguard.store.paths import AppPaths


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "release",
        help="open folder edits early, after a window and a resync; the queue replays then",
        description=(
            "After a short window the backfill watch keeps folder edits closed for hours. "
            "Once a resync has compared the mailbox after the window, release opens them: "
            "the watch goes on reporting late mail, and queued edits run at once."
        ),
    )
    parser.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
    parser.add_argument(
        "--yes", action="store_true", help="confirm: edits no longer wait for late mail"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    now = datetime.now(UTC)
    with guard_services(paths, console.warning) as guard:
        account = guard.accounts.get(args.account)
        plan, replayed = release_early(guard, account, now, yes=args.yes)
        if plan is None:
            console.result(f"{account.name}: folder edits are open already")
            return 0
        console.result(
            f"{account.name}: folder edits are open again; {plan.consequences(guard.zone)}"
        )
        for item in replayed:
            event = EditReplayed(account.name, now, item.entry, item.outcome.text)
            console.result(describe_event(event, guard.zone))
    return 0
