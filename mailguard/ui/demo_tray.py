"""``mailguard demo`` with a display: the tray app on the demo's account, the cycle played out.

The app is the real one (guard thread, tray, notifications) on the demo home;
the demo director plays the user and the provider on its own lane. When the
cycle is complete the app stays, so the report can be looked at; Quit ends
it and everything the demo started.
"""

from __future__ import annotations

import logging
import sys
from datetime import timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from mailguard.app.zones import utc_now
from mailguard.core.events import RunnerEvent
from mailguard.demo.director import DemoDirector, DemoProgress
from mailguard.demo.world import DemoSetup, demo_world
from mailguard.store.instance_lock import GuardLock
from mailguard.ui.app import TrayApp
from mailguard.ui.guard_engine import GuardRound
from mailguard.ui.launch import TrayOptions, make_qt_app, quit_on_signals

log = logging.getLogger("mailguard.demo")

LANE = "app:demo"


class DemoPlayer(QObject):
    """Steps the director on a timer, in the background; its events reach the controller."""

    played = Signal(object)  # list[RunnerEvent] the director emitted
    completed = Signal()

    def __init__(self, app: TrayApp, director: DemoDirector, tick_ms: int) -> None:
        super().__init__()
        self._app = app
        self._director = director
        self._told_done = False
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._step)
        app.hub.round_finished.connect(self._observe)
        self.played.connect(app.controller.on_events)

    @property
    def progress(self) -> DemoProgress:
        return self._director.progress

    def start(self) -> None:
        self._timer.start()

    def _step(self) -> None:
        if self._app.lanes.busy(LANE):
            return
        director = self._director
        self._app.lanes.submit(
            LANE,
            lambda _report: director.step(utc_now()),
            on_success=self._played,
            on_failure=lambda text, _kind: log.warning("the demo could not go on: %s", text),
        )

    def _played(self, events: list[RunnerEvent]) -> None:
        if events:
            self.played.emit(list(events))
            for event in events:
                self._director.observe(event)

    def _observe(self, guard_round: GuardRound) -> None:
        for event in guard_round.events:
            self._director.observe(event)
        if self._director.progress.done and not self._told_done:
            self._told_done = True
            self._timer.stop()
            log.info("demo complete: the report lists the late mail and the queued edit ran")
            self.completed.emit()


def demo_app(qt_app: QApplication, setup: DemoSetup) -> tuple[TrayApp, DemoPlayer]:
    """The tray app on the demo home, and the player that plays the demo's parts."""
    tick_ms = int(setup.timeline.tick.total_seconds() * 1000)
    app = TrayApp(qt_app, setup.paths, TrayOptions(tick_interval_ms=tick_ms))
    director = DemoDirector(setup.paths, setup.imap, setup.timeline, say=log.info)
    player = DemoPlayer(app, director, tick_ms)
    player.completed.connect(app.windows.show_report)
    return app, player


def run_demo_tray(length: timedelta, *, keep: bool) -> int:
    qt_app = make_qt_app(sys.argv[:1])
    with (
        demo_world(length, keep=keep, say=log.info) as setup,
        GuardLock(setup.paths.data_dir, "mailguard demo"),
    ):
        app, player = demo_app(qt_app, setup)
        qt_app.aboutToQuit.connect(app.shutdown)
        stop = quit_on_signals(qt_app)
        app.start()
        if stop.requested:  # Ctrl-C while the world was set up
            app.shutdown()
            return 0
        player.start()
        return qt_app.exec()
