"""``mailguard report ACCOUNT``: show the reports stored by earlier resyncs and watches."""

from __future__ import annotations

import argparse

from mailguard.app.zones import system_zone
from mailguard.cli.console import Console
from mailguard.cli.report_text import render_report
from mailguard.core.errors import UsageError
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.paths import AppPaths
from mailguard.store.report_store import ReportStore


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report", help="show stored reports, newest first", description="Show stored reports."
    )
    parser.add_argument("account", metavar="ACCOUNT")
    parser.add_argument("--last", type=int, metavar="N", help="only the newest N reports")
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    if args.last is not None and args.last < 1:
        raise UsageError("--last needs a positive number")
    account = AccountStore(paths.config_dir).get(args.account)
    with Database(paths.database_file) as db:
        reports = ReportStore(db).latest(account.name, args.last)
    if args.json:
        console.json(reports)
        return 0
    if not reports:
        console.note(f"no reports for {account.name} yet (make one with: mailguard resync)")
    zone = system_zone()
    for index, report in enumerate(reports):
        if index:
            console.result("")
        console.results(render_report(report, zone))
    return 0
