"""``mailguard watch``: the guard headless in the foreground, one log line per event."""

from __future__ import annotations

import argparse
from contextlib import closing
from datetime import UTC, datetime, timedelta

from mailguard.app.guard_wiring import guard_runner, guard_services
from mailguard.cli.console import Console
from mailguard.cli.event_output import EventPrinter
from mailguard.cli.timeargs import parse_moment
from mailguard.core.errors import UsageError
from mailguard.store.instance_lock import GuardLock
from mailguard.store.paths import AppPaths


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "watch", help="run the guard in the foreground (for servers, cron and tests)"
    )
    parser.add_argument("--once", action="store_true", help="run one tick and exit")
    parser.add_argument(
        "--now",
        metavar="ISO8601",
        help="start the clock at this moment (no offset: your system's zone)",
    )
    parser.add_argument("--tick", type=float, default=30.0, metavar="SECONDS", help="default: 30")
    parser.add_argument(
        "--json", action="store_true", help="one JSON object per line, with an 'event' field"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    if args.tick <= 0:
        raise UsageError("--tick must be positive")
    with (
        GuardLock(paths.data_dir, "mailguard watch"),
        guard_services(paths, console.warning) as guard,
    ):
        offset = timedelta(0)
        if args.now:
            offset = parse_moment(args.now, guard.zone) - datetime.now(UTC)
        runner = guard_runner(
            guard,
            EventPrinter(console, guard.zone, as_json=args.json),
            tick=timedelta(seconds=args.tick),
            listen=not args.once,  # one tick finds late mail by its refresh alone
        )
        with closing(runner):
            while True:
                runner.tick(datetime.now(UTC) + offset)
                if args.once:
                    return 0
                runner.wait(args.tick)  # sooner when late mail may have come
