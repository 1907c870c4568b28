"""Entry point of the ``mailguard`` command: parse arguments, run one command, map errors."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler

from mailguard import __version__
from mailguard.cli import (
    account_command,
    demo_command,
    folder_command,
    queue_command,
    report_command,
    resync_command,
    rule_command,
    schedule_command,
    snapshot_command,
    source_command,
    status_command,
    watch_command,
    window_command,
)
from mailguard.cli.console import Console
from mailguard.core.errors import MailguardError
from mailguard.store.paths import AppPaths

#: Each module adds one subcommand through ``register(subparsers)``.
COMMAND_MODULES = (
    schedule_command,
    demo_command,
    account_command,
    snapshot_command,
    resync_command,
    report_command,
    source_command,
    window_command,
    status_command,
    folder_command,
    queue_command,
    rule_command,
    watch_command,
)

log = logging.getLogger("mailguard")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mailguard",
        description="Keeps your mail safe through your provider's maintenance windows.",
    )
    parser.add_argument("--version", action="version", version=f"mailguard {__version__}")
    parser.add_argument(
        "--home",
        metavar="DIR",
        help="keep config, data, cache and logs under DIR (also: MAILGUARD_HOME)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, console: Console | None = None) -> int:
    console = console or Console()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(console.out)
        return 0
    debug = args.debug or bool(os.environ.get("MAILGUARD_DEBUG"))
    try:
        paths = AppPaths.resolve(args.home).ensure()
        _log_to_file(paths)
        exit_code: int = args.run(args, paths, console)
    except MailguardError as exc:
        console.error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        console.error("interrupted")
        return 130
    except Exception as exc:
        log.exception("unexpected error in %s", args.command)
        if debug:
            raise
        console.error(
            f"unexpected {type(exc).__name__}: {exc} (details in the log; --debug shows them)"
        )
        return 1
    return exit_code


def _log_to_file(paths: AppPaths) -> None:
    if any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        return
    handler = RotatingFileHandler(
        paths.log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


if __name__ == "__main__":
    sys.exit(main())
