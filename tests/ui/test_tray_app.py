"""The tray app, driven as a user would, offscreen: status, menu, "Resync now" against Dovecot.

Offscreen there is no system tray, so these run against the stand-in status
window, which shows the same menu; the real tray is tested in tests/desktop.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from mailguard.core.account import AccountConfig, Security
from mailguard.store.account_store import AccountStore
from mailguard.store.database import Database
from mailguard.store.guard_store import ManualWindowStore
from mailguard.store.paths import AppPaths
from mailguard.store.secrets import PasswordVault
from mailguard.ui.app import TrayApp
from tests.dovecot import Dovecot, MailUser, make_message


def add_account(home: AppPaths, dovecot: Dovecot, user: MailUser) -> None:
    AccountStore(home.config_dir).add(
        AccountConfig(
            "work", dovecot.host, user.name, Security.SSL, dovecot.imaps_port, dovecot.ca_file
        )
    )
    PasswordVault().store("work", user.password)


def add_window(home: AppPaths, start: timedelta, length: timedelta, title: str) -> None:
    now = datetime.now(UTC)
    with Database(home.database_file) as db:
        ManualWindowStore(db, lambda: now).add("work", now + start, now + start + length, title)


def tick(app: TrayApp, qtbot: QtBot) -> None:
    with qtbot.waitSignal(app.hub.round_finished, timeout=30_000):
        app.guard_thread.request_tick.emit()


def test_without_an_account_it_starts_clear_and_opens_the_first_run_settings(
    tray_app: TrayApp, qtbot: QtBot
) -> None:
    assert tray_app.status_window is not None  # offscreen: no system tray, the window stands in
    assert tray_app.status_window.current.value == "clear"
    assert "No account yet" in tray_app.status_window.status.text()
    settings = tray_app.windows.opened("settings")
    assert settings is not None and settings.isVisible()


def test_the_windows_draw_unselected_tab_labels_unshifted_so_umlauts_are_not_cut(
    tray_app: TrayApp,
) -> None:
    """Qt shifts an unselected tab's label 2 px down and clips it: "Ä" lost its dots."""
    from PySide6.QtWidgets import QApplication, QStyle

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert tray_app.windows.opened("settings") is not None  # the first window opened
    style = app.style()
    assert style.pixelMetric(QStyle.PixelMetric.PM_TabBarTabShiftVertical) == 0
    assert style.pixelMetric(QStyle.PixelMetric.PM_TabBarTabShiftHorizontal) >= 0
    tray_app.windows.show_folders()
    assert app.style() is style  # wrapped once, not again for each window


def test_a_window_in_two_hours_shows_its_countdown_and_the_next_window_entry(
    qapp: object, home: AppPaths, dovecot: Dovecot, mail_user: MailUser, qtbot: QtBot
) -> None:
    from mailguard.ui.app import TrayOptions

    add_account(home, dovecot, mail_user)
    add_window(home, timedelta(hours=2, minutes=1), timedelta(hours=3), "Storage upgrade")
    app = TrayApp(qapp, home, TrayOptions(tick_interval_ms=3_600_000))  # type: ignore[arg-type]
    with qtbot.waitSignal(app.hub.round_finished, timeout=30_000):
        app.start()
    try:
        assert app.status_window is not None
        assert app.status_window.current.value == "upcoming"
        assert "E-mail maintenance in 2 h" in app.status_window.status.text()
        next_window = app.menu.action("nextWindow")
        assert next_window is not None and "Storage upgrade" in next_window.text()
        resync = app.menu.action("resync:work")
        assert resync is not None and resync.isEnabled()
    finally:
        app.shutdown()


def test_resync_now_runs_in_the_background_shows_progress_and_stores_a_report(
    qapp: object, home: AppPaths, dovecot: Dovecot, mail_user: MailUser, qtbot: QtBot
) -> None:
    from mailguard.app.refresh_wiring import refresh_service
    from mailguard.ui.app import TrayOptions

    add_account(home, dovecot, mail_user)
    dovecot.deliver(mail_user, "INBOX", make_message(message_id="<a@x>"))
    with refresh_service(home, print) as service:
        service.snapshot("work")
    dovecot.deliver(mail_user, "INBOX", make_message(message_id="<late@x>"))
    app = TrayApp(qapp, home, TrayOptions(tick_interval_ms=3_600_000))  # type: ignore[arg-type]
    with qtbot.waitSignal(app.hub.round_finished, timeout=30_000):
        app.start()
    progress: list[object] = []
    app.hub.resync_progress.connect(lambda _account, step: progress.append(step))
    try:
        resync = app.menu.action("resync:work")
        assert resync is not None
        with qtbot.waitSignal(app.hub.report_stored, timeout=30_000) as stored:
            resync.trigger()
            assert not app.menu.action("resync:work").isEnabled()  # type: ignore[union-attr]
            assert app.status_window is not None
            assert app.status_window.current.value == "resyncing"
        assert stored.args is not None and stored.args[0] == "work"
        assert progress[-1] is None  # done
        assert any(getattr(p, "folders_done", 0) >= 1 for p in progress if p is not None)
        qtbot.waitUntil(lambda: app.menu.action("resync:work").isEnabled(), timeout=10_000)  # type: ignore[union-attr]
    finally:
        app.shutdown()


def test_pause_warnings_persists_the_pause_and_resume_clears_it(
    tray_app: TrayApp, qtbot: QtBot
) -> None:
    from mailguard.store.settings_store import SettingsStore

    pause = tray_app.menu.action("pauseHour")
    assert pause is not None
    pause.trigger()
    paused = SettingsStore(tray_app.paths.config_dir).load().paused_until
    assert paused is not None
    assert timedelta(minutes=59) < paused - datetime.now(UTC) <= timedelta(hours=1)
    resume = tray_app.menu.action("pauseResume")
    assert resume is not None
    resume.trigger()
    assert SettingsStore(tray_app.paths.config_dir).load().paused_until is None


def test_a_notifications_show_report_button_opens_the_report_window(
    tray_app: TrayApp, qtbot: QtBot
) -> None:
    from mailguard.core.notification_policy import Action, Notification
    from mailguard.core.phrases import Phrase

    note = Notification(
        "late:work:3", "work", Phrase("x", "t"), Phrase("x", "b"), (Action.SHOW_REPORT,),
        report_id=3,
    )  # fmt: skip
    tray_app.notifier.action_invoked.emit(Action.SHOW_REPORT.value, note)
    report = tray_app.windows.opened("report")
    assert report is not None and report.isVisible()


def test_a_second_launch_on_the_same_home_hands_over_and_the_first_shows_settings(
    tray_app: TrayApp, qtbot: QtBot
) -> None:
    from mailguard.ui.single_instance import hand_over

    settings = tray_app.windows.opened("settings")
    assert settings is not None
    settings.hide()
    assert hand_over(tray_app.paths)
    qtbot.waitUntil(settings.isVisible, timeout=5_000)


def test_the_first_run_page_offers_the_demo(tray_app: TrayApp) -> None:
    from mailguard.ui.windows.settings import SettingsWindow

    settings = tray_app.windows.opened("settings")
    assert isinstance(settings, SettingsWindow)
    assert settings.welcome.demo.isVisibleTo(settings)
