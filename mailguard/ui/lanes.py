"""Background work for the tray: one single-thread lane per account, jobs with signals.

No network, IMAP or SQLite work runs on the UI thread. A job is a plain
callable run on its account's lane (so an account's jobs never overlap, and a
slow server holds up only its own account); it opens what it needs inside
(as a CLI command does) and reports back through Qt signals, which Qt queues
to the UI thread. A job gets a ``report(progress)`` callable for progress.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from mailguard.core.errors import MailguardError
from mailguard.core.events import ErrorKind, error_kind

log = logging.getLogger("mailguard.ui")

Work = Callable[[Callable[[object], None]], object]


class JobSignals(QObject):
    """A job's outcome; connected slots run on the UI thread."""

    succeeded = Signal(object)
    failed = Signal(str, str)  # one-line message, ErrorKind value
    progressed = Signal(object)
    finished = Signal()


class Job(QRunnable):
    def __init__(self, work: Work) -> None:
        super().__init__()
        self.signals = JobSignals()
        self._work: Work | None = work
        self.setAutoDelete(True)

    def run(self) -> None:
        signals, work = self.signals, self._work
        # The runnable's Python side may outlive run() (its deletion is the pool's and
        # PySide's): it lets go of the work and the signals, so neither lives on with it;
        # until delivered, the lane holds the signals.
        self._work = None
        del self.signals
        if work is None:
            return
        try:
            result = work(signals.progressed.emit)
        except MailguardError as exc:
            signals.failed.emit(str(exc), error_kind(exc).value)
        except Exception as exc:  # a bug must not kill the lane: log it, say one line
            log.exception("background job failed")
            signals.failed.emit(f"unexpected {type(exc).__name__}: {exc}", "other")
        else:
            signals.succeeded.emit(result)
        finally:
            signals.finished.emit()


class Lanes(QObject):
    """Single-thread pools by name (an account's, or ``"app"`` for account-less work)."""

    busy_changed = Signal(str, bool)  # lane, busy

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools: dict[str, QThreadPool] = {}
        self._running: dict[str, int] = {}
        self._in_flight: set[JobSignals] = set()

    def submit(
        self,
        lane: str,
        work: Work,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str, ErrorKind], None] | None = None,
        on_progress: Callable[[Any], None] | None = None,
    ) -> JobSignals:
        job = Job(work)
        if on_success is not None:
            job.signals.succeeded.connect(on_success)
        if on_failure is not None:
            job.signals.failed.connect(lambda text, kind: on_failure(text, ErrorKind(kind)))
        if on_progress is not None:
            job.signals.progressed.connect(on_progress)
        signals = job.signals
        # The runnable is deleted when run() returns, before its queued signals are
        # delivered here: the lane keeps the signals object alive until "finished".
        self._in_flight.add(signals)
        signals.finished.connect(lambda: self._done(lane, signals))
        self._running[lane] = self._running.get(lane, 0) + 1
        if self._running[lane] == 1:
            self.busy_changed.emit(lane, True)
        self._pool(lane).start(job)
        return signals

    def busy(self, lane: str) -> bool:
        return self._running.get(lane, 0) > 0

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Wait for every lane to finish (quitting, tests)."""
        return all(pool.waitForDone(timeout_ms) for pool in self._pools.values())

    def _pool(self, lane: str) -> QThreadPool:
        pool = self._pools.get(lane)
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
            self._pools[lane] = pool
        return pool

    def _done(self, lane: str, signals: JobSignals) -> None:
        self._in_flight.discard(signals)
        signals.deleteLater()  # its connection holds a lambda holding it: a cycle GC cannot see
        self._running[lane] -= 1
        if self._running[lane] == 0:
            self.busy_changed.emit(lane, False)
