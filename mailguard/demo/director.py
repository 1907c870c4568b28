"""The demo's own moves, at their moments: what a user and the provider would do.

The guard itself is the real one (GuardRunner over the demo home); the
director only plays the other parties: during the window it tries a folder
edit (refused) and queues another, as a user would; just after the window it
delivers the mail that "arrived" meanwhile and drops one ``\\Seen`` flag, as a
provider's backfill would. It watches the guard's events to know when the
whole promise has been shown: the late mail reported and the queued edit run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from mailguard.app.guard_wiring import guard_services
from mailguard.core.errors import EditsRefused
from mailguard.core.events import (
    EditQueued,
    EditRefused,
    EditReplayed,
    LateMailFound,
    ResyncFinished,
    RunnerEvent,
)
from mailguard.core.journal import FolderOperation, OperationKind
from mailguard.demo.demo_home import DEMO_ACCOUNT
from mailguard.demo.demo_mail import LateDelivery, deliver_late
from mailguard.demo.scenario import DemoTimeline
from mailguard.store.paths import AppPaths

log = logging.getLogger("mailguard.demo")

REFUSED_EDIT = FolderOperation(OperationKind.CREATE_FOLDER, "Projekte 2026")
QUEUED_EDIT = FolderOperation(OperationKind.RENAME_FOLDER, "Archive", new_name="Archiv")


@dataclass
class DemoProgress:
    """Which steps of the promise were shown; ``missing`` names what is still to come."""

    refused: bool = False
    queued_id: int | None = None
    late: LateDelivery | None = None
    late_reported: set[str] = field(default_factory=set)
    replayed: bool = False

    @property
    def done(self) -> bool:
        return self.late_listed and self.replayed

    @property
    def late_listed(self) -> bool:
        return self.late is not None and set(self.late.message_ids) <= self.late_reported

    def missing(self) -> list[str]:
        steps = [
            ("the refused edit", self.refused),
            ("the queued edit", self.queued_id is not None),
            ("the late delivery", self.late is not None),
            ("the report listing the late mail", self.late_listed),
            ("the replay of the queued edit", self.replayed),
        ]
        return [name for name, shown in steps if not shown]


class DemoDirector:
    def __init__(
        self,
        paths: AppPaths,
        imap_address: tuple[str, int],
        timeline: DemoTimeline,
        *,
        say: Callable[[str], None],
    ) -> None:
        self._paths = paths
        self._imap = imap_address
        self._timeline = timeline
        self._say = say
        self.progress = DemoProgress()
        self._edit_tried = False

    def step(self, now: datetime) -> list[RunnerEvent]:
        """Do whatever is due at ``now`` (each step once); the events the "user" caused."""
        events: list[RunnerEvent] = []
        if not self._edit_tried and now >= self._timeline.edit_attempt:
            self._edit_tried = True
            events += self._try_edits(now)
        if self.progress.late is None and now >= self._timeline.late_delivery:
            self.progress.late = deliver_late(
                *self._imap, self._timeline.window_start, self._timeline.window_end
            )
            count = len(self.progress.late.message_ids)
            self._say(
                f"the provider now delivers {count} mails that arrived during the window "
                f"(in {', '.join(self.progress.late.folders)}) and loses one \\Seen flag"
            )
        return events

    def observe(self, event: RunnerEvent) -> None:
        """Follow the guard's events: the late mail reported, the queued edit replayed."""
        if isinstance(event, LateMailFound):
            self.progress.late_reported |= {m.mail.message_id or "" for m in event.mails}
        elif isinstance(event, ResyncFinished):
            backfilled = event.report.backfilled
            self.progress.late_reported |= {m.mail.message_id or "" for m in backfilled}
        elif isinstance(event, EditReplayed) and event.entry.id == self.progress.queued_id:
            self.progress.replayed = True

    def _try_edits(self, now: datetime) -> list[RunnerEvent]:
        """A user creating a folder during the window: refused. Then one queued."""
        events: list[RunnerEvent] = []
        with guard_services(self._paths, log.warning) as guard:
            account = guard.accounts.get(DEMO_ACCOUNT)
            where = guard.gate.standing(account, now)
            try:
                guard.gate.request(account, REFUSED_EDIT, queue=False, now=now)
            except EditsRefused:
                self.progress.refused = True
                events.append(
                    EditRefused(
                        DEMO_ACCOUNT, now, REFUSED_EDIT.describe(), where.window,
                        where.edits_open_at,
                    )
                )  # fmt: skip
            queued = guard.gate.request(account, QUEUED_EDIT, queue=True, now=now)
            if queued.queued is not None:
                self.progress.queued_id = queued.queued.id
                events.append(
                    EditQueued(DEMO_ACCOUNT, now, queued.queued, edits_open_at=where.edits_open_at)
                )
        return events
