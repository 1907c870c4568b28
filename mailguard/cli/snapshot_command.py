"""``mailguard snapshot ACCOUNT``: read every message now and keep it as the new baseline."""

from __future__ import annotations

import argparse

from mailguard.app.zones import system_zone
from mailguard.cli.console import Console
from mailguard.store.paths import AppPaths


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "snapshot",
        help="read every folder now and keep it as the baseline to compare with",
        description=(
            "Read every message of every folder (never incrementally) and store it as the "
            "new baseline. Take one before a maintenance window."
        ),
    )
    parser.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    parser.add_argument(
        "--replace-baseline",
        action="store_true",
        help="take it even while a window's comparison still needs the baseline taken before it",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    # Deferred: the IMAP engine, keyring and stores take ~0.2 s to import (python -X
    # importtime), which `mailguard snapshot --help` and a mistyped argument need not pay.
    from mailguard.app.refresh_wiring import refresh_service  # noqa: PLC0415

    with refresh_service(paths, console.warning) as service:
        stored = service.snapshot(args.account, replace_baseline=args.replace_baseline)
    snapshot = stored.snapshot
    if args.json:
        console.json(
            {
                "account": snapshot.account,
                "id": stored.id,
                "taken_at": snapshot.taken_at.isoformat(),
                "folders": len(snapshot.folders),
                "messages": snapshot.message_count,
            }
        )
        return 0
    taken = snapshot.taken_at.astimezone(system_zone())
    console.result(
        f"{snapshot.account}: snapshot of {len(snapshot.folders)} folders, "
        f"{snapshot.message_count} messages, taken {taken:%Y-%m-%d %H:%M:%S %Z}; "
        f"it is the new baseline"
    )
    return 0
