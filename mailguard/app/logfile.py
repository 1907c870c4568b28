"""The log file: every command's warnings and errors, and the guard's events, in the home."""

from __future__ import annotations

import errno
import logging
from datetime import tzinfo
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING

from mailguard.core.errors import StorageError
from mailguard.store.paths import AppPaths

if TYPE_CHECKING:
    from mailguard.core.events import RunnerEvent

log = logging.getLogger("mailguard")


def log_to_file(paths: AppPaths) -> None:
    """The home's log file; a handler left from another home (in-process tests) is replaced."""
    for old in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
        if Path(old.baseFilename) == paths.log_file.absolute():
            return
        log.removeHandler(old)
        old.close()
    try:
        handler = QuietFileHandler(
            paths.log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:
        raise StorageError(_unwritable(paths.log_file, exc)) from exc
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


class QuietFileHandler(RotatingFileHandler):
    """A log file that never breaks the command it records: a line the disk cannot
    take is dropped (logging would print a traceback for it on stderr)."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        pass


def _unwritable(log_file: Path, exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full: cannot write the log file {log_file}"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"{log_file.parent} is read-only: cannot write the log file {log_file}"
    return f"cannot write the log file {log_file}: {exc.strerror or exc}"


def log_event(event: RunnerEvent, zone: tzinfo) -> None:
    """The log file keeps every guard event, whichever face runs the guard."""
    # Imported here: every command sets up the log file, few log events, and the
    # event model is a third of the tray's start before its icon shows (bench/tray_bench.py).
    from mailguard.core.events import GuardFailure  # noqa: PLC0415
    from mailguard.core.guard_text import describe_event  # noqa: PLC0415

    level = logging.WARNING if isinstance(event, GuardFailure) else logging.INFO
    logging.getLogger("mailguard.guard").log(
        level, "%s %s", event.account, describe_event(event, zone)
    )
