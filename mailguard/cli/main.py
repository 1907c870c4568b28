"""Entry point of the ``mailguard`` command: parse arguments, run one command, map errors."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path

from mailguard import __version__
from mailguard.app.logfile import log_to_file
from mailguard.cli.console import Console
from mailguard.core.errors import ConfigError, MailguardError
from mailguard.store.paths import AppPaths

#: Subcommand -> the module that registers (``register(subparsers)``) and runs it.
#: Only the chosen command's module is imported: importing all of them pulls in
#: every schedule format's library and cost ~0.6 s of each ``mailguard snapshot``
#: (python -X importtime), a third of the whole command on a 100k-message account.
COMMANDS: dict[str, str] = {
    "schedule": "schedule_command",
    "demo": "demo_command",
    "account": "account_command",
    "snapshot": "snapshot_command",
    "resync": "resync_command",
    "report": "report_command",
    "messages": "messages_command",
    "source": "source_command",
    "window": "window_command",
    "status": "status_command",
    "folder": "folder_command",
    "move": "folder_command",
    "queue": "queue_command",
    "rule": "rule_command",
    "watch": "watch_command",
    "release": "release_command",
    "tray": "tray_command",
    "doctor": "doctor_command",
}

log = logging.getLogger("mailguard")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with only the subcommand ``argv`` names when it names one."""
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
    chosen = _named_command(argv)
    names = [COMMANDS[chosen]] if chosen else list(dict.fromkeys(COMMANDS.values()))
    for name in names:
        import_module(f"mailguard.cli.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, console: Console | None = None) -> int:
    console = console or Console()
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    if args.command is None:  # ``mailguard`` alone starts the desktop app
        tray = import_module("mailguard.cli.tray_command")
        args.command, args.run = "tray", tray.run
    debug = args.debug or bool(os.environ.get("MAILGUARD_DEBUG"))
    paths: AppPaths | None = None
    try:
        paths = AppPaths.resolve(args.home)
        _prepare_home(args, paths)
        with _store_warnings_shown(console):
            exit_code: int = args.run(args, paths, console)
    except MailguardError as exc:
        console.error(_one_line(str(exc)))
        return exc.exit_code
    except KeyboardInterrupt:
        console.error("interrupted")
        return 130
    except Exception as exc:
        damaged = _database_failure(exc, paths)
        if damaged is not None:
            console.error(_one_line(str(damaged)))
            return damaged.exit_code
        log.exception("unexpected error in %s", args.command)
        if debug:
            raise
        console.error(
            _one_line(
                f"unexpected {type(exc).__name__}: {exc} (details in the log; --debug shows them)"
            )
        )
        return 1
    return exit_code


class _ConsoleWarning(logging.Handler):
    """A store's warning (logged, as in the tray) shown on stderr, one line."""

    def __init__(self, console: Console) -> None:
        super().__init__(logging.WARNING)
        self._console = console

    def emit(self, record: logging.LogRecord) -> None:
        self._console.warning(_one_line(record.getMessage()))


@contextmanager
def _store_warnings_shown(console: Console) -> Iterator[None]:
    store_log = logging.getLogger("mailguard.store")
    handler = _ConsoleWarning(console)
    store_log.addHandler(handler)
    try:
        yield
    finally:
        store_log.removeHandler(handler)


def _database_failure(exc: Exception, paths: AppPaths | None) -> MailguardError | None:
    """A damaged database met by a read (outside a transaction, which says so itself),
    said as a snapshot's write would say it; None for any other error."""
    import sqlite3  # noqa: PLC0415 (only when a command failed; most never load it)

    from mailguard.store.database import storage_error  # noqa: PLC0415

    if paths is None or not isinstance(exc, sqlite3.Error):
        return None
    return storage_error(exc, paths.database_file)


def _prepare_home(args: argparse.Namespace, paths: AppPaths) -> None:
    """Make the home's folders and log to its file, as far as the command needs.

    Commands that only look (``set_defaults(only_reads=True)``) create nothing:
    they log only to a home that has a log folder already. The demo keeps to a
    home of its own (``needs_home=False``).
    """
    if getattr(args, "only_reads", False):
        if _is_folder(paths.log_dir):
            log_to_file(paths)
    elif getattr(args, "needs_home", True):
        log_to_file(paths.ensure())


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError as exc:  # a home path too long for the system, a loop of links
        raise ConfigError(f"cannot use the folder {path}: {exc.strerror or exc}") from exc


def _one_line(message: str) -> str:
    """An error is one line, whatever text (a pasted URL, a server's words) it quotes."""
    return message.replace("\r", "\\r").replace("\n", "\\n")


def _named_command(argv: Sequence[str] | None) -> str | None:
    """The subcommand in ``argv``: the first word that is not a global option or its value."""
    words = iter(argv or ())
    for word in words:
        if word == "--home":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


if __name__ == "__main__":
    sys.exit(main())
