"""``mailguard resync ACCOUNT``: refresh every folder now and report what changed ("Resync now")."""

from __future__ import annotations

import argparse

from mailguard.app.zones import system_zone
from mailguard.cli.console import Console
from mailguard.cli.report_text import render_report
from mailguard.store.paths import AppPaths


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "resync",
        help="refresh every folder now and compare with the baseline",
        description=(
            "Refresh every folder (incrementally where the server allows), compare with the "
            "snapshot taken before the most recent maintenance window (else the latest), "
            "store the report and print it."
        ),
    )
    parser.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
    parser.add_argument("--full", action="store_true", help="re-read every message")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    # Deferred: the IMAP engine, keyring and stores take ~0.2 s to import (python -X
    # importtime), which `mailguard resync --help` and a mistyped argument need not pay.
    from mailguard.app.refresh_wiring import refresh_service  # noqa: PLC0415

    with refresh_service(paths, console.warning) as service:
        report = service.resync(args.account, full=args.full)
    if args.json:
        console.json(report.to_json())
    else:
        console.results(render_report(report.to_json(), system_zone()))
    return 0
