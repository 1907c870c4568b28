"""``mailguard report ACCOUNT [N]``: the reports stored by earlier resyncs and watches.

Without N a list, one line per report; with N that report in full. ``--json``
prints what scripts have always had: the array of reports, or with N the one.
"""

from __future__ import annotations

import argparse

from mailguard.app.zones import system_zone
from mailguard.cli.console import Console
from mailguard.cli.report_text import render_report, report_line
from mailguard.core.errors import UsageError
from mailguard.service.stored_reports import stored_reports
from mailguard.store.account_store import AccountStore
from mailguard.store.paths import AppPaths


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report",
        help="list the stored reports, newest first, or show one in full",
        description=(
            "List the reports earlier resyncs and the backfill watch stored, one line each "
            "(number, when, after which window, full or incremental, counts), or show one."
        ),
    )
    parser.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
    parser.add_argument(
        "number",
        nargs="?",
        type=_report_number,
        metavar="N",
        help="show report N in full (the number the list shows)",
    )
    parser.add_argument("--last", type=int, metavar="N", help="only the newest N reports")
    parser.add_argument(
        "--json", action="store_true", help="print a JSON array of reports (with N: the one)"
    )
    parser.set_defaults(run=run, only_reads=True)


def run(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    if args.last is not None and args.last < 1:
        raise UsageError("--last needs a positive number")
    if args.last is not None and args.number is not None:
        raise UsageError("--last lists reports; leave it out to show report N")
    account = AccountStore(paths.config_dir).get(args.account)
    if args.number is not None:
        return _show_one(account.name, args.number, paths, console, as_json=args.json)
    with stored_reports(paths) as store:
        if args.json:
            console.json(store.latest(account.name, args.last) if store else [])
            return 0
        outlines = store.outlines(account.name, args.last) if store else []
    if not outlines:
        console.note(f"no reports for {account.name} yet (make one with: mailguard resync)")
        return 0
    zone = system_zone()
    console.results(report_line(outline, zone) for outline in outlines)
    console.note(f"show one in full with: mailguard report {account.name} N")
    return 0


def _show_one(
    account: str, number: int, paths: AppPaths, console: Console, *, as_json: bool
) -> int:
    with stored_reports(paths) as store:
        report = store.report(account, number) if store else None
    if report is None:
        raise UsageError(f"{account} has no report #{number} (see: mailguard report {account})")
    if as_json:
        console.json(report)
    else:
        console.results(render_report(report, system_zone()))
    return 0


def _report_number(text: str) -> int:
    """``4`` or ``#4``, as the list shows it."""
    value = text.removeprefix("#")
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"not a report number: {text!r}")
    return int(value)
