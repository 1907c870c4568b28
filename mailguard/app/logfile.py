"""The log file: every command's warnings and errors, and the guard's events, in the home."""

from __future__ import annotations

import logging
from datetime import tzinfo
from logging.handlers import RotatingFileHandler
from pathlib import Path

from mailguard.core.events import GuardFailure, RunnerEvent
from mailguard.core.guard_text import describe_event
from mailguard.store.paths import AppPaths

log = logging.getLogger("mailguard")


def log_to_file(paths: AppPaths) -> None:
    """The home's log file; a handler left from another home (in-process tests) is replaced."""
    for old in [h for h in log.handlers if isinstance(h, RotatingFileHandler)]:
        if Path(old.baseFilename) == paths.log_file.absolute():
            return
        log.removeHandler(old)
        old.close()
    handler = RotatingFileHandler(
        paths.log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def log_event(event: RunnerEvent, zone: tzinfo) -> None:
    """The log file keeps every guard event, whichever face runs the guard."""
    level = logging.WARNING if isinstance(event, GuardFailure) else logging.INFO
    logging.getLogger("mailguard.guard").log(
        level, "%s %s", event.account, describe_event(event, zone)
    )
