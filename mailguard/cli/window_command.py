"""``mailguard window``: maintenance windows the user knows of and types in himself."""

from __future__ import annotations

import argparse
from datetime import datetime

from mailguard.app.zones import system_zone, utc_now
from mailguard.cli.console import Console
from mailguard.cli.timeargs import parse_moment
from mailguard.core.errors import UsageError
from mailguard.core.guard_text import zoned_span_text
from mailguard.core.model import MaintenanceWindow
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.guard_store import ManualWindowStore
from mailguard.store.paths import AppPaths

_ZONE_HELP = "ISO 8601 date-time; without an offset it is read in your system's time zone"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("window", help="add, list or remove manual maintenance windows")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a window the provider announced elsewhere")
    add.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
    add.add_argument(
        "--start", required=True, metavar="ISO8601", help=f"when it starts: {_ZONE_HELP}"
    )
    add.add_argument("--end", required=True, metavar="ISO8601", help=f"when it ends: {_ZONE_HELP}")
    add.add_argument("--title", default="", metavar="T", help="what the provider calls it")
    add.set_defaults(run=run_add)

    listing = actions.add_parser("list", help="the manual windows, with the numbers remove takes")
    listing.add_argument("account", nargs="?", metavar="ACCOUNT", help="default: every account")
    listing.add_argument("--json", action="store_true", help="print a JSON object")
    listing.set_defaults(run=run_list, only_reads=True)

    remove = actions.add_parser("remove", help="remove a manual window")
    remove.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
    remove.add_argument(
        "window",
        metavar="WINDOW",
        help="its number (window list) or its id (status --json)",
    )
    remove.set_defaults(run=run_remove)


def run_add(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    account = AccountStore(paths.config_dir).get(args.account)
    zone = system_zone()
    start, end = parse_moment(args.start, zone), parse_moment(args.end, zone)
    with Database(paths.database_file) as db:
        store = ManualWindowStore(db, utc_now)
        window = store.add(account.name, start, end, args.title)
    console.result(
        f"added window #{window.native_id} for {account.name}: {window.title!r} "
        f"{zoned_span_text(window, zone)}"
    )
    return 0


def run_list(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    accounts = AccountStore(paths.config_dir)
    names = [accounts.get(args.account).name] if args.account else [a.name for a in accounts.all()]
    zone, now = system_zone(), utc_now()
    rows: list[tuple[str, MaintenanceWindow]] = []
    if names and paths.database_file.exists():
        with Database(paths.database_file) as db:
            store = ManualWindowStore(db, utc_now)
            rows = [(name, window) for name in names for window in store.windows(name)]
    if args.json:
        console.json({"windows": [_window_json(name, w, now) for name, w in rows]})
        return 0
    if not rows:
        console.note(
            "no manual windows (add one with: mailguard window add ACCOUNT --start … --end …)"
        )
    console.results(
        f"#{w.native_id}  {name}  {zoned_span_text(w, zone)}  {w.title!r}  "
        f"{w.status_at(now).value}  (id {w.id})"
        for name, w in rows
    )
    return 0


def run_remove(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    account = AccountStore(paths.config_dir).get(args.account)
    with Database(paths.database_file) as db:
        store = ManualWindowStore(db, utc_now)
        number = _window_number(args.window, store.windows(account.name), account.name)
        store.remove(account.name, number)
    console.result(f"removed window #{number} of {account.name}")
    return 0


def _window_number(given: str, windows: list[MaintenanceWindow], account: str) -> int:
    """A number from ``window list``, or a window id from ``status --json``."""
    if given.lstrip("#").isdigit():
        return int(given.lstrip("#"))
    for window in windows:
        if window.id == given and window.native_id is not None:
            return int(window.native_id)
    raise UsageError(
        f"account {account!r} has no manual window {given!r} (see: mailguard window list {account})"
    )


def _window_json(account: str, window: MaintenanceWindow, now: datetime) -> dict[str, object]:
    return {"account": account, "number": int(window.native_id or 0), **window.to_json(now)}
