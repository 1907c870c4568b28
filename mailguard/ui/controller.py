"""The tray app's controller: guard rounds in, icon, menu and notifications out.

It keeps the latest standing of every account, overlays what runs in the
background (a resync's progress), asks the presenter what to show, and turns
each round's events into notifications through the policy. Clicks become
background jobs or windows. It never touches IMAP or SQLite itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from mailguard.app.logfile import log_event
from mailguard.app.refresh_wiring import refresh_service
from mailguard.core.events import ErrorKind, GuardFailure, ResyncFinished, RunnerEvent
from mailguard.core.notification_policy import Action, Notification, NotificationPolicy
from mailguard.core.progress import ReadProgress
from mailguard.core.refresh_report import RefreshReport
from mailguard.core.settings import AppSettings
from mailguard.core.tray_view import AccountStatus, TrayView, present
from mailguard.ui.context import UiContext
from mailguard.ui.guard_engine import GuardRound
from mailguard.ui.notifier import Notifier
from mailguard.ui.tray import TrayMenu

log = logging.getLogger("mailguard.ui")

#: How often the tooltip's countdown is redrawn (no I/O: the presenter only).
REDRAW_INTERVAL_MS = 15_000


class WindowOpener(QObject):
    """The app's windows, opened on request (``ui.app`` wires the real ones)."""

    def show_settings(self, *, first_run: bool = False) -> None: ...

    def show_report(self, account: str | None = None, report_id: int | None = None) -> None: ...

    def show_folders(self, account: str | None = None) -> None: ...

    def show_windows(self) -> None: ...


class TrayController(QObject):
    view_changed = Signal(object)  # TrayView, after every change

    def __init__(
        self,
        *,
        context: UiContext,
        menu: TrayMenu,
        faces: list[Callable[[TrayView], None]],
        notifier: Notifier,
        windows: WindowOpener,
        policy: NotificationPolicy,
        quit_app: Callable[[], None],
    ) -> None:
        super().__init__()
        self._context = context
        self._menu = menu
        self._faces = faces
        self._notifier = notifier
        self._windows = windows
        self._policy = policy
        self._quit_app = quit_app
        self._settings = context.settings.load()
        context.hub.settings_changed.connect(self._settings_changed)
        self._round: GuardRound | None = None
        self._progress: dict[str, ReadProgress] = {}
        self._problems: dict[str, str] = {}
        self.view: TrayView | None = None
        self._redraw = QTimer(self)
        self._redraw.setInterval(REDRAW_INTERVAL_MS)
        self._redraw.timeout.connect(self.redraw)
        menu.resync_requested.connect(self.resync)
        menu.check_requested.connect(context.request_check)
        menu.report_requested.connect(windows.show_report)
        menu.folders_requested.connect(windows.show_folders)
        menu.windows_requested.connect(windows.show_windows)
        menu.settings_requested.connect(windows.show_settings)
        menu.pause_requested.connect(self.pause)
        menu.quit_requested.connect(quit_app)
        notifier.action_invoked.connect(self.on_notification_action)
        context.hub.round_finished.connect(self.on_round)
        context.hub.resync_requested.connect(self.resync)

    def start(self) -> None:
        self._redraw.start()
        self.redraw()

    # -- rounds of the guard ---------------------------------------------------------

    def on_round(self, guard_round: GuardRound) -> None:
        self._round = guard_round
        for event in guard_round.events:
            log_event(event, self._context.zone)
        failed = {e.account for e in guard_round.events if isinstance(e, GuardFailure)}
        for event in guard_round.events:
            if isinstance(event, GuardFailure):
                self._problems[event.account] = event.message
        for overview in guard_round.overview:
            name = overview.account.name
            if name not in failed:
                self._problems.pop(name, None)
                self._policy.error_cleared(name)
        self._notify(list(guard_round.events), guard_round.at)
        self.redraw()

    def statuses(self) -> list[AccountStatus]:
        if self._round is None:
            return []
        return [
            AccountStatus(
                name=o.account.name,
                standing=o.standing,
                queued=o.queued,
                resync=self._progress.get(o.account.name),
                problem=self._problems.get(o.account.name),
            )
            for o in self._round.overview
        ]

    def redraw(self) -> None:
        view = present(self.statuses(), datetime.now(UTC), self._context.zone)
        self.view = view
        self._menu.show_view(view)
        for face in self._faces:
            face(view)
        self.view_changed.emit(view)

    def on_events(self, events: list[RunnerEvent]) -> None:
        """Events from outside the guard's rounds (the demo's user) become notifications too."""
        for event in events:
            log_event(event, self._context.zone)
        self._notify(events, datetime.now(UTC))
        self.redraw()

    # -- what the user asks for ------------------------------------------------------

    def resync(self, account: str) -> None:
        """ "Resync now": in the account's lane, with progress in the menu and tooltip."""
        if account in self._progress:
            return
        paths = self._context.paths

        def work(report: Callable[[object], None]) -> RefreshReport:
            with refresh_service(paths, log.warning) as service:
                return service.resync(account, progress=report)

        self._progress[account] = ReadProgress()
        self._context.hub.resync_progress.emit(account, self._progress[account])
        self.redraw()
        self._context.lanes.submit(
            UiContext.lane(account),
            work,
            on_success=lambda report: self._resynced(account, report),
            on_failure=lambda text, kind: self._resync_failed(account, text, kind),
            on_progress=lambda progress: self._resync_progress(account, progress),
        )

    def pause(self, until: datetime | None) -> None:
        self._policy.pause(until)
        settings = replace(self._settings, paused_until=until)
        self._context.settings.save(settings)
        self._context.hub.settings_changed.emit(settings)

    def on_notification_action(self, action: str, note: Notification) -> None:
        if action == Action.RESYNC.value and note.account:
            self.resync(note.account)
        elif action == Action.SHOW_REPORT.value:
            self._windows.show_report(note.account or None, note.report_id)
        elif action == Action.SHOW_WINDOWS.value:
            self._windows.show_windows()
        elif action == Action.OPEN_SETTINGS.value:
            self._windows.show_settings()

    # -- background results ----------------------------------------------------------

    def _resync_progress(self, account: str, progress: object) -> None:
        if isinstance(progress, ReadProgress) and account in self._progress:
            self._progress[account] = progress
            self._context.hub.resync_progress.emit(account, progress)
            self.redraw()

    def _resynced(self, account: str, report: RefreshReport) -> None:
        self._progress.pop(account, None)
        self._context.hub.resync_progress.emit(account, None)
        if report.id is not None:
            self._context.hub.report_stored.emit(account, report.id)
        self._notify([ResyncFinished(account, report.created_at, report)], datetime.now(UTC))
        self._context.request_overview()
        self.redraw()

    def _resync_failed(self, account: str, text: str, kind: ErrorKind) -> None:
        self._progress.pop(account, None)
        self._context.hub.resync_progress.emit(account, None)
        now = datetime.now(UTC)
        self._notify([GuardFailure(account, now, kind, text, "resync")], now, asked=True)
        self.redraw()

    def _settings_changed(self, settings: AppSettings) -> None:
        self._settings = settings
        self._policy.pause(settings.paused_until)

    def _notify(self, events: list[RunnerEvent], now: datetime, *, asked: bool = False) -> None:
        if not self._settings.notifications:
            return
        notes = self._policy.notifications(events, now, asked=asked)
        for note in notes:
            self._notifier.show(note)
