"""``mailguard tray`` (and ``mailguard`` alone): start the desktop app.

The one door from the command line to the desktop face: the UI is imported
only here, and only when the app starts, so every other command stays free of Qt.
"""

from __future__ import annotations

import argparse
from importlib import import_module

from mailguard.cli.console import Console
from mailguard.core.errors import MailguardError
from mailguard.desktop.qt_libraries import missing_xcb_packages
from mailguard.store.paths import AppPaths


class NoDesktop(MailguardError):
    """Qt or a display is missing: the app cannot start here."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("tray", help="start the tray app (what mailguard alone does)")
    parser.add_argument(
        "--tick",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="how often the guard looks (default: 30)",
    )
    parser.add_argument(
        "--window",
        action="store_true",
        help="show the status window even where the desktop has a system tray",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, paths: AppPaths, console: Console) -> int:
    require_qt_libraries()
    try:
        app = import_module("mailguard.ui.app")
    except ImportError as exc:
        raise NoDesktop(
            f"the tray app cannot start: {exc}; install mailguard with its desktop "
            "dependencies, or use mailguard watch"
        ) from exc
    options = app.TrayOptions(
        tick_interval_ms=int(getattr(args, "tick", 30.0) * 1000),
        force_window=getattr(args, "window", False),
    )
    code: int = app.run_tray(paths, options)
    return code


def require_qt_libraries() -> None:
    """One line naming the packages, where Qt itself would abort the process."""
    missing = missing_xcb_packages()
    if missing:
        raise NoDesktop(
            "Qt cannot open a window here: its X11 libraries are missing; install them with: "
            f"apt-get install {' '.join(missing)}  (or: sh packaging/install.sh)"
        )
