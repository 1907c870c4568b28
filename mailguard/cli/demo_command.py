"""``mailguard demo``: try mailguard without an account, against a simulated provider."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from mailguard.cli.console import Console
from mailguard.demo.provider import SimulatedProvider, demo_announcement_path
from mailguard.net.fetcher import Fetcher
from mailguard.service.schedule_reader import ScheduleReader, SourceSpec
from mailguard.store.paths import AppPaths


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "demo", help="read a simulated provider's schedule (no account needed)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    now = datetime.now(UTC)
    berlin = ZoneInfo("Europe/Berlin")
    with (
        SimulatedProvider(now, lead=timedelta(minutes=3), length=timedelta(minutes=5)) as provider,
        Fetcher(paths.http_cache_dir) as fetcher,
    ):
        console.note(f"simulated provider status page at {provider.url}")
        reader = ScheduleReader(fetcher, default_zone=berlin)
        specs = [SourceSpec(provider.url), SourceSpec(demo_announcement_path(), zone=berlin)]
        outcome = reader.read(
            specs,
            now=now,
            span_start=datetime(2011, 1, 1, tzinfo=UTC),
            span_end=now + timedelta(days=1),
        )
    for failure in outcome.failures:
        console.error(str(failure))
    if args.json:
        console.json([w.to_json(now) for w in outcome.windows])
        return 2 if outcome.failures else 0
    for window in outcome.windows:
        start = window.start.astimezone(berlin)
        end = window.end.astimezone(berlin)
        minutes = (window.start - now).total_seconds() / 60
        when = f"starts in {minutes:.0f} min" if minutes > 0 else window.status_at(now).value
        console.result(f"{start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M} {start:%Z}  {when}")
        console.result(f"    {window.title}  ({window.source_kind}: {window.source})")
    return 2 if outcome.failures else 0
