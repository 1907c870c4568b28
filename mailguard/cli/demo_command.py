"""``mailguard demo``: watch the whole promise happen in a few minutes, with nothing from outside.

A real IMAP server on 127.0.0.1 (pymap, from the ``demo`` extra) holds a
demo mailbox; a simulated provider status page announces a window starting
soon; the real guard runs on a demo home of its own. With a display the tray
app shows the cycle; with ``--headless`` (or without a display) the events are
printed as they happen. Everything it started is stopped on exit (Ctrl-C too)
and the demo home is removed unless ``--keep``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from datetime import timedelta
from importlib import import_module

from mailguard.cli.console import Console
from mailguard.cli.event_output import EventPrinter
from mailguard.core.errors import MailguardError, UsageError
from mailguard.core.events import RunnerEvent
from mailguard.desktop.qt_libraries import missing_xcb_packages
from mailguard.store.paths import AppPaths

log = logging.getLogger("mailguard.demo")


class DemoIncomplete(MailguardError):
    """The cycle did not finish in time; the message names the missing steps."""

    exit_code = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="watch a whole maintenance window happen on a demo account (no account needed)",
        description=(
            "Starts a local IMAP server with a demo mailbox and a simulated provider that "
            "announces a maintenance window about a minute ahead, and runs mailguard on them "
            "in a demo home of its own: warning, window, refused and queued edits, late mail "
            "and the report that lists it."
        ),
    )
    parser.add_argument(
        "--headless", action="store_true", help="print the events instead of starting the tray"
    )
    parser.add_argument(
        "--minutes",
        type=float,
        default=4.0,
        metavar="M",
        help="compress the whole cycle into about M minutes (default: 4)",
    )
    parser.add_argument(
        "--json", action="store_true", help="headless: one JSON object per event and line"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the demo's home folder (its path is printed)"
    )
    parser.set_defaults(run=run, needs_home=False)


def run(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    del paths  # the demo never touches the user's own home
    if not 0.5 <= args.minutes <= 60:
        raise UsageError("--minutes must be between 0.5 and 60")
    if args.headless or args.json or not has_display():
        return run_headless(timedelta(minutes=args.minutes), console, args.json, args.keep)
    if missing_xcb_packages():
        console.warning(
            "Qt's X11 libraries are missing (sh packaging/install.sh installs them); "
            "running the demo headless"
        )
        return run_headless(timedelta(minutes=args.minutes), console, args.json, args.keep)
    try:
        tray = import_module("mailguard.ui.demo_tray")
    except ImportError as exc:
        console.warning(f"the tray cannot start ({exc}); running the demo headless")
        return run_headless(timedelta(minutes=args.minutes), console, args.json, args.keep)
    code: int = tray.run_demo_tray(timedelta(minutes=args.minutes), keep=args.keep)
    return code


def has_display() -> bool:
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_headless(length: timedelta, console: Console, as_json: bool, keep: bool) -> int:
    from mailguard.app.guard_wiring import guard_runner, guard_services  # noqa: PLC0415
    from mailguard.app.zones import system_zone, utc_now  # noqa: PLC0415
    from mailguard.demo.director import DemoDirector  # noqa: PLC0415
    from mailguard.demo.world import demo_world  # noqa: PLC0415

    printer = EventPrinter(console, system_zone(), as_json=as_json)
    with demo_world(length, keep=keep, say=console.note) as setup:
        timeline = setup.timeline
        pending: list[RunnerEvent] = []
        with guard_services(setup.paths, log.warning) as guard:
            runner = guard_runner(guard, pending.append, tick=timedelta(seconds=10))
            director = DemoDirector(setup.paths, setup.imap, timeline, say=console.note)
            while True:
                now = utc_now()
                runner.tick(now)
                pending.extend(director.step(now))
                for event in pending:
                    printer(event)
                    director.observe(event)
                pending.clear()
                if director.progress.done:
                    console.note("done: the report lists the late mail and the queued edit ran")
                    return 0
                if now > timeline.deadline:
                    missing = ", ".join(director.progress.missing())
                    raise DemoIncomplete(f"the demo did not finish in time; missing: {missing}")
                time.sleep(timeline.tick.total_seconds())
