"""``mailguard source``: the schedule sources each account follows."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta, tzinfo

from mailguard.app.source_setup import drop_source, follow_source, refuse_followed, source_location
from mailguard.app.zones import parse_zone
from mailguard.cli.console import Console
from mailguard.core.account import AccountConfig
from mailguard.core.errors import MailguardError
from mailguard.core.guard_text import zoned_span_text
from mailguard.core.schedule_source import ScheduleSource
from mailguard.net.locations import masked_location
from mailguard.sources.registry import SOURCE_KINDS
from mailguard.store.account_store import AccountStore
from mailguard.store.paths import AppPaths


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("source", help="the schedule sources each account follows")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add", help="follow a status page, calendar, feed, file, or mailbox:FOLDER of notices"
    )
    add.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
    add.add_argument("source", metavar="SOURCE", help="URL, path, or mailbox:FOLDER")
    add_reading_options(add)
    add.add_argument(
        "--anyway",
        action="store_true",
        help="add it even if it cannot be read now (it is read once before it is added)",
    )
    add.set_defaults(run=run_add)

    listing = actions.add_parser("list", help="list the sources of one account or of all")
    listing.add_argument("account", nargs="?", metavar="ACCOUNT", help="default: every account")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(run=run_list, only_reads=True)

    remove = actions.add_parser("remove", help="stop following a source")
    remove.add_argument("account", metavar="ACCOUNT", help="the account, as in account list")
    remove.add_argument("source", metavar="SOURCE", help="as source list shows it")
    remove.set_defaults(run=run_remove)


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """How to read a source: the same options for ``source add`` and ``account add --source``."""
    parser.add_argument(
        "--kind",
        choices=("auto", *SOURCE_KINDS),
        default="auto",
        help="the format; default: recognised from the content",
    )
    parser.add_argument(
        "--tz", metavar="ZONE", help="zone for times given without one (default: your system's)"
    )
    parser.add_argument(
        "--component",
        action="append",
        default=[],
        metavar="NAME",
        help="keep only windows touching this component (repeatable)",
    )
    parser.add_argument(
        "--from-address", metavar="ADDR", help="mailbox: sources: read only mail from ADDR"
    )


def schedule_source(location: str, args: argparse.Namespace) -> ScheduleSource:
    """``location`` read as the reading options in ``args`` say; an unknown zone fails now."""
    parse_zone(args.tz)
    return ScheduleSource(
        location=source_location(location),
        kind=args.kind,
        zone=args.tz,
        components=tuple(args.component),
        from_address=args.from_address,
    )


def run_add(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    accounts = AccountStore(paths.config_dir)
    account = accounts.get(args.account)
    source = schedule_source(args.source, args)
    zone = parse_zone(args.tz)
    refuse_followed(account, source.location)  # before reading it
    found = _found(account, source, zone, paths, console, anyway=args.anyway)
    follow_source(accounts, account.name, source)
    console.result(f"{account.name} now follows {masked_location(source.location)}{found}")
    return 0


def _found(
    account: AccountConfig,
    source: ScheduleSource,
    zone: tzinfo,
    paths: AppPaths,
    console: Console,
    *,
    anyway: bool,
) -> str:
    """``: 2 maintenance windows between … and …, the next …`` read from the source now.

    "between": the span searched, which a lone window "from … to …" was taken for.
    Its error unless ``anyway``.
    """
    # Deferred: the readers, urllib3 and (for mailbox:) the IMAP engine load only here.
    from mailguard.app.source_check import LOOKAHEAD, check_source  # noqa: PLC0415

    now = datetime.now(UTC)
    try:
        check = check_source(paths, account, source, now=now)
    except MailguardError as exc:
        if not anyway:
            raise MailguardError(f"{exc} (nothing added; --anyway adds it all the same)") from exc
        console.warning(f"{exc} (added all the same)")
        return " (not read yet)"
    for warning in check.warnings:
        console.warning(warning)
    count = len(check.windows)
    windows = "1 maintenance window" if count == 1 else f"{count} maintenance windows"
    yesterday = now.astimezone(zone).date() - timedelta(days=1)
    last_day = (now + LOOKAHEAD).astimezone(zone)
    found = f": {windows} between {yesterday:%Y-%m-%d} and {last_day:%Y-%m-%d}"
    upcoming = [w for w in check.windows if w.end > now]
    if upcoming:
        found += f", the next {upcoming[0].title!r} {zoned_span_text(upcoming[0], zone)}"
    return found


def run_list(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    store = AccountStore(paths.config_dir)
    accounts = [store.get(args.account)] if args.account else store.all()
    rows = [(account.name, source) for account in accounts for source in account.schedule_sources]
    if args.json:
        console.json([{"account": name, **_source_json(source)} for name, source in rows])
        return 0
    if not rows:
        console.note("no schedule sources yet (add one with: mailguard source add ACCOUNT SOURCE)")
    for name, source in rows:
        extras = [f"kind {source.kind}"] if source.kind != "auto" else []
        extras += [f"tz {source.zone}"] if source.zone else []
        extras += [f"component {c}" for c in source.components]
        extras += [f"from {source.from_address}"] if source.from_address else []
        console.result(
            f"{name}  {masked_location(source.location)}"
            + (f"  ({', '.join(extras)})" if extras else "")
        )
    return 0


def run_remove(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    drop_source(AccountStore(paths.config_dir), args.account, args.source)
    console.result(f"{args.account} no longer follows {masked_location(args.source)}")
    return 0


def _source_json(source: ScheduleSource) -> dict[str, object]:
    return {
        "location": masked_location(source.location),
        "kind": source.kind,
        "tz": source.zone,
        "components": list(source.components),
        "from_address": source.from_address,
    }
