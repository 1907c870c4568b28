"""What every window of the tray app shares, passed in (never looked up through globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo

from PySide6.QtCore import QObject, Signal

from mailguard.store.paths import AppPaths
from mailguard.store.settings_store import SettingsStore
from mailguard.ui.i18n import PhraseRenderer
from mailguard.ui.lanes import Lanes


class UiHub(QObject):
    """Facts every window may care about, raised by the controller or by a window."""

    round_finished = Signal(object)  # ui.guard_engine.GuardRound: standings and events
    accounts_changed = Signal()  # added, removed or edited (sources too)
    windows_changed = Signal()  # manual windows added or removed
    queue_changed = Signal(str)  # an account's journal changed
    report_stored = Signal(str, int)  # account, report id
    settings_changed = Signal(object)  # core.settings.AppSettings
    resync_progress = Signal(str, object)  # account, core.progress.ReadProgress or None when done
    resync_requested = Signal(str)  # "Resync now" for an account, from any window


@dataclass(frozen=True)
class UiContext:
    paths: AppPaths
    lanes: Lanes
    render: PhraseRenderer
    zone: tzinfo
    settings: SettingsStore
    hub: UiHub
    request_check: Callable[[], None]  # re-read schedules and tick
    request_overview: Callable[[], None]  # recompute standings (after a change)

    @staticmethod
    def lane(account: str) -> str:
        """The lane an account's background work runs on."""
        return f"account:{account}"
