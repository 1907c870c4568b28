"""Background lanes: every job's outcome reaches the UI thread, in order, whatever the timing."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from mailguard.core.errors import UsageError
from mailguard.ui.lanes import Lanes


def test_every_result_and_failure_of_many_short_jobs_arrives(qtbot: QtBot) -> None:
    lanes = Lanes()
    results: list[object] = []
    failures: list[str] = []

    def fail(_report: object) -> object:
        raise UsageError("bad input")

    for number in range(100):
        lanes.submit("app:test", lambda _report, n=number: n, on_success=results.append)
        gc.collect()  # the caller keeps no reference to the job: the lane must
    lanes.submit("app:test", fail, on_failure=lambda text, _kind: failures.append(text))
    qtbot.waitUntil(lambda: not lanes.busy("app:test"), timeout=10_000)
    assert results == list(range(100))
    assert failures == ["bad input"]


def test_a_finished_jobs_signals_are_freed_once_delivered(qtbot: QtBot) -> None:
    """Each job's signals hold their slots and the slots hold them: the lane breaks the cycle."""
    lanes = Lanes()
    alive = []
    for _ in range(20):
        signals = lanes.submit("app:test", lambda _report: None, on_success=lambda _r: None)
        alive.append(weakref.ref(signals))
        del signals
    qtbot.waitUntil(lambda: not lanes.busy("app:test"), timeout=10_000)

    def all_freed() -> bool:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gc.collect()
        return all(ref() is None for ref in alive)

    qtbot.waitUntil(all_freed, timeout=5000)
