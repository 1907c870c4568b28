"""The guard, running in its own thread for the tray: the same GuardRunner as ``watch``.

The runner keeps state between ticks and its services hold one SQLite
connection, so it lives in one dedicated QThread for the app's lifetime; its
slots are invoked through queued signals and its results come back as signals.
A tick runs every ``tick_interval_ms``; a gap of more than two ticks (suspend)
is the runner's clock-jump case.
"""

from __future__ import annotations

import logging
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from mailguard.app.guard_wiring import guard_runner, guard_services
from mailguard.core.errors import MailguardError
from mailguard.core.events import RunnerEvent
from mailguard.service.guard_runner import AccountOverview, GuardRunner
from mailguard.store.paths import AppPaths

log = logging.getLogger("mailguard.ui")

NOTICE_CHECK_MS = 1_000


@dataclass(frozen=True, slots=True)
class GuardRound:
    """What one tick (or a status refresh) found: its events and every account's standing."""

    at: datetime
    events: tuple[RunnerEvent, ...]
    overview: tuple[AccountOverview, ...]


class GuardEngine(QObject):
    """Lives in its own QThread; ``start`` opens the services there."""

    round_finished = Signal(object)  # GuardRound
    failed = Signal(str)  # the engine itself could not run (one line)

    def __init__(self, paths: AppPaths, *, tick_interval_ms: int = 30_000) -> None:
        super().__init__()
        self._paths = paths
        self._tick_interval_ms = tick_interval_ms
        self._stack = ExitStack()
        self._runner: GuardRunner | None = None
        self._timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        try:
            guard = self._stack.enter_context(guard_services(self._paths, log.warning))
        except MailguardError as exc:
            self.failed.emit(str(exc))
            return
        self._events: list[RunnerEvent] = []
        self._runner = guard_runner(
            guard, self._events.append, tick=timedelta(milliseconds=self._tick_interval_ms)
        )
        self._timer = QTimer(self)
        self._timer.setInterval(self._tick_interval_ms)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        # The backfill watch's listeners notice late mail in their own threads; a look
        # every second turns a notice into a tick, so it is reported within seconds.
        self._notice_timer = QTimer(self)
        self._notice_timer.setInterval(NOTICE_CHECK_MS)
        self._notice_timer.timeout.connect(self._tick_on_notice)
        self._notice_timer.start()
        self.tick()

    @Slot()
    def _tick_on_notice(self) -> None:
        if self._runner is not None and self._runner.noticed():
            self.tick()

    @Slot()
    def tick(self) -> None:
        """One round of the guard, then everyone's standing."""
        if self._runner is None:
            return
        now = datetime.now(UTC)
        self._events.clear()
        try:
            self._runner.tick(now)
            overview = self._runner.overview(now)
        except MailguardError as exc:  # the database itself; accounts' troubles are events
            self.failed.emit(str(exc))
            return
        self.round_finished.emit(GuardRound(now, tuple(self._events), tuple(overview)))

    @Slot()
    def reload(self) -> None:
        """Settings changed (the guard's timing): open the services afresh, then tick."""
        if self._runner is None:
            return
        self._runner.close()
        self._stack.close()
        self._stack = ExitStack()
        try:
            guard = self._stack.enter_context(guard_services(self._paths, log.warning))
        except MailguardError as exc:
            self._runner = None
            self.failed.emit(str(exc))
            return
        self._runner = guard_runner(
            guard, self._events.append, tick=timedelta(milliseconds=self._tick_interval_ms)
        )
        self.tick()

    @Slot()
    def check_now(self) -> None:
        """Read every schedule source afresh, then tick."""
        if self._runner is not None:
            self._runner.forget_schedules()
        self.tick()

    @Slot()
    def refresh_overview(self) -> None:
        """Standings only (after the user queued an edit or added a window): no tick."""
        if self._runner is None:
            return
        now = datetime.now(UTC)
        try:
            overview = self._runner.overview(now)
        except MailguardError as exc:
            self.failed.emit(str(exc))
            return
        self.round_finished.emit(GuardRound(now, (), tuple(overview)))

    @Slot()
    def stop(self) -> None:
        """Close the services in this thread, then end the thread's event loop."""
        if self._timer is not None:
            self._timer.stop()
            self._notice_timer.stop()
        if self._runner is not None:
            self._runner.close()  # the late-mail listeners' threads end
        self._runner = None
        self._stack.close()
        self.thread().quit()


class GuardThread(QObject):
    """Owns the engine's thread; ``request_*`` signals cross into it."""

    request_tick = Signal()
    request_check = Signal()
    request_overview = Signal()
    request_reload = Signal()
    request_stop = Signal()

    def __init__(self, engine: GuardEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._thread = QThread(self)
        self._thread.setObjectName("mailguard-guard")
        engine.moveToThread(self._thread)
        self._thread.started.connect(engine.start)
        self.request_tick.connect(engine.tick)
        self.request_check.connect(engine.check_now)
        self.request_overview.connect(engine.refresh_overview)
        self.request_reload.connect(engine.reload)
        self.request_stop.connect(engine.stop)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_ms: int = 30_000) -> bool:
        """Stop the engine in its thread (closing its database), then the thread."""
        if not self._thread.isRunning():
            return True
        self.request_stop.emit()  # queued behind a running tick; the engine quits the thread
        return self._thread.wait(timeout_ms)
