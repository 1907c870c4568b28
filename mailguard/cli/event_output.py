"""The guard's events on stdout, one line each (text or JSON), and in the log file."""

from __future__ import annotations

import json
from datetime import tzinfo

from mailguard.app.logfile import log_event
from mailguard.cli.console import Console
from mailguard.core.event_json import event_record
from mailguard.core.events import RunnerEvent
from mailguard.core.guard_text import describe_event


class EventPrinter:
    """``2026-03-10T21:45:00+00:00 work lead_warning: …``, or one JSON object per line."""

    def __init__(self, console: Console, zone: tzinfo, *, as_json: bool = False) -> None:
        self._console = console
        self._zone = zone
        self._as_json = as_json

    def __call__(self, event: RunnerEvent) -> None:
        text = describe_event(event, self._zone)
        log_event(event, self._zone)
        if self._as_json:
            line = json.dumps(event_record(event, self._zone), ensure_ascii=False)
        else:
            line = f"{event.at.isoformat()} {event.account} {text}"
        self._console.result(line)
        self._console.out.flush()  # ``watch`` often runs with its output piped to a log
