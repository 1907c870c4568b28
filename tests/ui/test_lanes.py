"""Background lanes: every job's outcome reaches the UI thread, in order, whatever the timing."""

from __future__ import annotations

import gc

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
