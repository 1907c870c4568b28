"""``mailguard messages ACCOUNT FOLDER``: a folder's messages with the UIDs ``move`` takes.

Read-only: the folder is opened with EXAMINE and headers are fetched with
BODY.PEEK by the snapshot's own reader, so looking changes no flag.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from datetime import datetime, tzinfo
from typing import Any

from mailguard.app.zones import system_zone, utc_now
from mailguard.cli.console import Console
from mailguard.core.errors import UsageError
from mailguard.core.guard_text import moment_text
from mailguard.core.mail_diff import comparable_flags
from mailguard.core.mailstate import MessageRecord
from mailguard.core.refresh_report import effective_date
from mailguard.store.account_store import AccountStore
from mailguard.store.paths import AppPaths


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "messages",
        help="list a folder's messages with their UIDs (which move takes)",
        description=(
            "List the messages of one folder: UID, date, sender, subject and flags. "
            "Read-only: nothing on the server changes, not even the Seen flag."
        ),
    )
    parser.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
    parser.add_argument("folder", metavar="FOLDER", help="the folder's full name, e.g. INBOX")
    parser.add_argument(
        "--search",
        metavar="TEXT",
        help="only messages whose subject or sender contains TEXT (ignoring case)",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON object")
    parser.set_defaults(run=run, only_reads=True)


def run(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    search = args.search
    if search is not None and (not search.strip() or not search.isprintable()):
        raise UsageError("--search needs some text, on one line")
    config = AccountStore(paths.config_dir).get(args.account)
    # Deferred: the IMAP engine and the keyring take ~0.2 s to import (python -X
    # importtime), which `mailguard messages --help` and a mistyped argument need not pay.
    from mailguard.imap.server_view import examine, fetch_records, search_text  # noqa: PLC0415
    from mailguard.service.imap_access import ImapAccess  # noqa: PLC0415
    from mailguard.store.secrets import PasswordVault  # noqa: PLC0415

    with ImapAccess(PasswordVault()).connect(config) as client:
        uidvalidity = examine(client, args.folder)
        uids = search_text(client, args.folder, search) if search is not None else None
        records = fetch_records(client, args.folder, uids)
    now = utc_now()
    if args.json:
        console.json(
            {
                "account": config.name,
                "folder": args.folder,
                "uidvalidity": uidvalidity,
                "search": search,
                "messages": [_message_json(records[uid], now) for uid in sorted(records)],
            }
        )
        return 0
    if not records:
        console.note(
            f"no message in {args.folder} has {search!r} in its subject or sender"
            if search is not None
            else f"{args.folder} holds no messages"
        )
        return 0
    console.results(_lines(records, now, system_zone()))
    console.note(
        f"move them with: mailguard move {config.name} --from {args.folder} --to FOLDER UID..."
    )
    return 0


def _lines(records: Mapping[int, MessageRecord], now: datetime, zone: tzinfo) -> list[str]:
    width = len(str(max(records)))
    lines = []
    for uid in sorted(records):
        record = records[uid]
        when = moment_text(effective_date(record.internaldate, record.date, now), zone)
        flags = " ".join(sorted(comparable_flags(record.flags)))
        subject = record.subject or "(no subject)"
        line = f"{uid:>{width}}  {when}  {record.sender or '?'}  {subject!r}"
        lines.append(f"{line}  {flags}" if flags else line)
    return lines


def _message_json(record: MessageRecord, now: datetime) -> dict[str, Any]:
    return {
        "uid": record.uid,
        "from": record.sender,
        "subject": record.subject,
        "date": record.date.isoformat() if record.date else None,
        "internaldate": record.internaldate.isoformat(),
        "shown_date": effective_date(record.internaldate, record.date, now).isoformat(),
        "message_id": record.message_id,
        "flags": sorted(comparable_flags(record.flags)),
        "size": record.size,
    }
