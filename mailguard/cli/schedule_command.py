"""``mailguard schedule``: list the maintenance windows a set of sources announces."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, time, timedelta, tzinfo

from mailguard.app.zones import parse_zone
from mailguard.cli.console import Console
from mailguard.cli.timeargs import parse_moment
from mailguard.core.errors import UsageError
from mailguard.core.guard_text import span_text
from mailguard.core.model import MaintenanceWindow
from mailguard.net.fetcher import Fetcher
from mailguard.service.schedule_reader import ScheduleReader, SourceSpec
from mailguard.sources.registry import SOURCE_KINDS
from mailguard.store.paths import AppPaths

DEFAULT_LOOKAHEAD = timedelta(days=90)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schedule",
        help="list maintenance windows from status pages, calendars, feeds or text",
        description="Print the maintenance windows the SOURCEs announce, soonest first.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="URL, file:// URL or path")
    parser.add_argument(
        "--kind",
        choices=("auto", *SOURCE_KINDS),
        default="auto",
        help="the format; default: recognised from the content",
    )
    parser.add_argument("--tz", metavar="ZONE", help="zone for times given without one")
    parser.add_argument(
        "--component",
        action="append",
        default=[],
        metavar="NAME",
        help="only windows touching this component (repeatable)",
    )
    parser.add_argument("--from", dest="span_from", metavar="DATE", help="default: yesterday")
    parser.add_argument(
        "--until", dest="span_until", metavar="DATE", help="inclusive; default: 90 days ahead"
    )
    parser.add_argument(
        "--now", metavar="ISO8601", help="pretend it is this moment (no offset: the --tz zone)"
    )
    parser.add_argument(
        "--offline", action="store_true", help="use the last good copy of remote sources"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    zone = parse_zone(args.tz)
    now = parse_moment(args.now, zone) if args.now else datetime.now(UTC)
    span_start, span_end = _span(args, zone, now)
    # Without --tz the zone is only the system's: readers say when they rely on it.
    stated_zone = zone if args.tz else None
    specs = [SourceSpec(s, args.kind, stated_zone, tuple(args.component)) for s in args.sources]
    with Fetcher(paths.http_cache_dir) as fetcher:
        reader = ScheduleReader(fetcher, default_zone=zone, offline=args.offline)
        outcome = reader.read(specs, now=now, span_start=span_start, span_end=span_end)
    for warning in outcome.warnings:
        console.warning(warning)
    if args.json:
        console.json([w.to_json(now) for w in outcome.windows])
    elif outcome.windows or not outcome.failures:
        _print_table(console, outcome.windows, zone, now)
    for failure in outcome.failures:
        console.error(str(failure))
    return 2 if outcome.failures else 0


def _span(args: argparse.Namespace, zone: tzinfo, now: datetime) -> tuple[datetime, datetime]:
    if args.span_from:
        start = parse_moment(args.span_from, zone)
    else:
        yesterday = now.astimezone(zone).date() - timedelta(days=1)
        start = datetime.combine(yesterday, time(0), tzinfo=zone)
    end = (
        parse_moment(args.span_until, zone, end_of_day=True)
        if args.span_until
        else now + DEFAULT_LOOKAHEAD
    )
    if end <= start:
        raise UsageError("--until must be after --from")
    return start, end


def _print_table(
    console: Console, windows: list[MaintenanceWindow], zone: tzinfo, now: datetime
) -> None:
    if not windows:
        console.note("no maintenance windows in this span")
        return
    for window in windows:
        separator = " – ~" if window.end_estimated else " – "
        status = window.status_at(now).value.replace("_", " ")
        console.result(
            f"{span_text(window, zone, separator)} {window.start.astimezone(zone):%z}  "
            f"{status:<11}  {window.title}  [{window.id}, {window.source_kind}]"
        )
