"""``mailguard folder`` and ``mailguard move``: folder edits, through the guard's gate."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from mailguard.app.guard_wiring import guard_services
from mailguard.cli import gate_output
from mailguard.cli.console import Console
from mailguard.core.journal import FolderOperation, OperationKind
from mailguard.service.operation_gate import DeleteFolder, MoveByUid, Request
from mailguard.store.paths import AppPaths

_QUEUE_HELP = "during a maintenance window, queue it to run afterwards instead of refusing"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    folder = subparsers.add_parser(
        "folder", help="list folders; create, rename or delete one, guarded"
    )
    actions = folder.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, names in (
        ("create", (("name", "the new folder's full name, e.g. Archive/2026"),)),
        ("rename", (("name", "the folder to rename"), ("new", "its new full name"))),
        ("delete", (("name", "the folder to delete"),)),
    ):
        parser = actions.add_parser(action, help=f"{action} a folder")
        parser.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
        for name, text in names:
            parser.add_argument(name, metavar=name.upper(), help=text)
        parser.add_argument("--queue", action="store_true", help=_QUEUE_HELP)
        if action == "delete":
            parser.add_argument(
                "--with-messages",
                action="store_true",
                help="also delete the mail the folder holds (its count is checked again "
                "when a queued delete runs: more mail by then, and it is skipped)",
            )
        parser.set_defaults(run=run_folder)

    listing = actions.add_parser(
        "list", help="the account's folders and how many messages each holds"
    )
    listing.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
    listing.add_argument("--json", action="store_true", help="print a JSON object")
    listing.set_defaults(run=run_list, only_reads=True)

    move = subparsers.add_parser("move", help="move messages between folders, guarded")
    move.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
    move.add_argument(
        "--from", dest="source", required=True, metavar="FOLDER", help="the folder they are in"
    )
    move.add_argument(
        "--to", dest="target", required=True, metavar="FOLDER", help="the folder they go to"
    )
    move.add_argument(
        "uids",
        nargs="+",
        type=int,
        metavar="UID",
        help="the messages (mailguard messages shows UIDs)",
    )
    move.add_argument("--queue", action="store_true", help=_QUEUE_HELP)
    move.set_defaults(run=run_move)


def run_folder(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    operation: FolderOperation | DeleteFolder
    if args.action == "delete":
        operation = DeleteFolder(args.name, with_messages=args.with_messages)
    else:
        kind = {"create": OperationKind.CREATE_FOLDER, "rename": OperationKind.RENAME_FOLDER}
        operation = FolderOperation(
            kind[args.action], args.name, new_name=getattr(args, "new", None)
        )
    return _request(args, paths, console, operation)


def run_move(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    return _request(args, paths, console, MoveByUid(args.source, args.target, tuple(args.uids)))


def _request(
    args: argparse.Namespace,
    paths: AppPaths,
    console: Console,
    operation: Request,
) -> int:
    now = datetime.now(UTC)
    with guard_services(paths, console.warning) as guard:
        account = guard.accounts.get(args.account)
        result = guard.gate.request(account, operation, queue=args.queue, now=now)
        return gate_output.report(guard, account, result, now, console)


def run_list(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    from mailguard.imap.server_view import folder_entries  # noqa: PLC0415 - IMAP only here
    from mailguard.service.imap_access import ImapAccess  # noqa: PLC0415
    from mailguard.store.account_store import AccountStore  # noqa: PLC0415
    from mailguard.store.secrets import PasswordVault  # noqa: PLC0415

    account = AccountStore(paths.config_dir).get(args.account)
    with ImapAccess(PasswordVault()).connect(account) as client:
        entries = folder_entries(client)
    if args.json:
        console.json(
            {
                "account": account.name,
                "folders": [
                    {"name": e.name, "delimiter": e.delimiter, "messages": e.messages}
                    for e in entries
                ],
            }
        )
        return 0
    width = max((len(e.name) for e in entries), default=0)
    console.results(f"{e.name:<{width}}  {e.messages:>6}" for e in entries)
    return 0
