"""``mailguard doctor``: is everything mailguard needs in place? Each problem with its fix."""

from __future__ import annotations

import argparse

from mailguard.cli.console import Console
from mailguard.store.paths import AppPaths


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check keyring, tray, notifications, accounts, sources and database",
        description=(
            "Checks what mailguard needs and explains each problem with its fix. "
            "Exit code 0 when all is well, 1 otherwise."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    parser.add_argument(
        "--no-desktop", action="store_true", help="skip the tray and notification checks"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    from mailguard.app.diagnostics import run_checks  # noqa: PLC0415 - heavy, only here

    checks = run_checks(paths, desktop=not args.no_desktop)
    healthy = all(check.ok for check in checks)
    if args.json:
        console.json({"ok": healthy, "checks": [check.to_json() for check in checks]})
        return 0 if healthy else 1
    lines = []
    for check in checks:
        lines.append(f"{'ok  ' if check.ok else 'FAIL'}  {check.name}: {check.detail}")
        if not check.ok and check.fix:
            lines.append(f"      fix: {check.fix}")
    console.results(lines)
    return 0 if healthy else 1
