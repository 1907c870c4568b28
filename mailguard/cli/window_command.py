"""``mailguard window``: maintenance windows the user knows of and types in himself."""

from __future__ import annotations

import argparse

from mailguard.cli.console import Console
from mailguard.cli.timeargs import parse_moment
from mailguard.core.zones import system_zone, utc_now
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.guard_store import ManualWindowStore
from mailguard.store.paths import AppPaths


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("window", help="add or remove manual maintenance windows")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a window the provider announced elsewhere")
    add.add_argument("account", metavar="ACCOUNT")
    add.add_argument("--start", required=True, metavar="ISO8601")
    add.add_argument("--end", required=True, metavar="ISO8601")
    add.add_argument("--title", default="", metavar="T")
    add.set_defaults(run=run_add)

    remove = actions.add_parser("remove", help="remove a manual window by its number")
    remove.add_argument("account", metavar="ACCOUNT")
    remove.add_argument("number", type=int, metavar="ID")
    remove.set_defaults(run=run_remove)


def run_add(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    account = AccountStore(paths.config_dir).get(args.account)
    zone = system_zone()
    start, end = parse_moment(args.start, zone), parse_moment(args.end, zone)
    with Database(paths.database_file) as db:
        store = ManualWindowStore(db, utc_now)
        window = store.add(account.name, start, end, args.title)
        number = window.native_id
    console.result(
        f"added window #{number} for {account.name}: {window.title!r} "
        f"{start.isoformat()} – {end.isoformat()}"
    )
    return 0


def run_remove(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    account = AccountStore(paths.config_dir).get(args.account)
    with Database(paths.database_file) as db:
        ManualWindowStore(db, utc_now).remove(account.name, args.number)
    console.result(f"removed window #{args.number} of {account.name}")
    return 0
