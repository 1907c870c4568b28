"""Settings: timing persisted for the guard, the language switched live, start on login."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from mailguard.core.settings import AppSettings, Language
from mailguard.store.settings_store import SettingsStore
from mailguard.ui.app import TrayApp
from mailguard.ui.i18n import chosen_locale
from mailguard.ui.windows.settings import SettingsWindow
from tests.ui.settings_driver import open_settings, type_into

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import translations  # noqa: E402

GERMAN_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context><name>SettingsWindow</name>
<message><source>Settings – mailguard</source>
<translation>Einstellungen – mailguard</translation></message></context>
<context><name>AccountsPage</name>
<message><source>Accounts</source><translation>Konten</translation></message>
<message><source>&amp;Add…</source><translation>&amp;Hinzufügen…</translation></message>
</context>
</TS>
"""


def test_changed_timing_is_saved_for_the_guard_and_shown_again_keeping_a_pause(
    tray_app: TrayApp, qtbot: QtBot
) -> None:
    page = open_settings(tray_app, qtbot, "timing").timing
    shown = [page.leads.item(i).text() for i in range(page.leads.count())]
    assert shown == ["1 d before", "1 h before", "10 min before"]
    type_into(qtbot, page.lead_value, "2")
    page.lead_unit.setFocus()
    QTest.keyClick(page.lead_unit, Qt.Key.Key_Down)  # minutes → hours
    qtbot.mouseClick(page.add_lead, Qt.MouseButton.LeftButton)
    page.leads.setCurrentRow(3)  # 10 min
    qtbot.mouseClick(page.remove_lead, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.margin, "30")
    type_into(qtbot, page.watch, "240")
    paused = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=1)
    tray_app.controller.pause(paused)  # from the tray menu, while the page is open

    with qtbot.waitSignal(tray_app.hub.settings_changed, timeout=10_000) as changed:
        qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)
    stored = SettingsStore(tray_app.paths.config_dir).load()
    assert changed.args == [stored]
    assert stored.lead_times == (timedelta(hours=24), timedelta(hours=2), timedelta(hours=1))
    assert (stored.safety_margin, stored.backfill_watch) == (
        timedelta(minutes=30),
        timedelta(hours=4),
    )
    assert stored.policy().settling_period == timedelta(hours=4, minutes=30)
    assert stored.paused_until == paused

    fresh = SettingsWindow(tray_app.context)
    fresh.show_page()
    qtbot.waitUntil(lambda: not fresh.timing.work.busy, timeout=10_000)
    again = [fresh.timing.leads.item(i).text() for i in range(fresh.timing.leads.count())]
    assert again == ["1 d before", "2 h before", "1 h before"]
    assert (fresh.timing.margin.value(), fresh.timing.watch.value()) == (30, 240)
    fresh.close()


def test_choosing_german_tells_the_app_which_installs_the_german_locale(
    tray_app: TrayApp, qtbot: QtBot
) -> None:
    page = open_settings(tray_app, qtbot, "general").general
    assert page.language.currentText() == "System default"
    page.language.setFocus()
    with qtbot.waitSignal(tray_app.hub.settings_changed, timeout=10_000) as changed:
        QTest.keyClick(page.language, Qt.Key.Key_End)  # the last entry: Deutsch
    assert isinstance(changed.args[0], AppSettings) and changed.args[0].language is Language.GERMAN
    assert SettingsStore(tray_app.paths.config_dir).load().language is Language.GERMAN
    assert tray_app.translations.locale.language() == QLocale.Language.German
    assert QLocale().language() == QLocale.Language.German
    with qtbot.waitSignal(tray_app.hub.settings_changed, timeout=10_000):
        QTest.keyClick(page.language, Qt.Key.Key_Home)
    assert tray_app.translations.locale == chosen_locale(Language.SYSTEM)


def test_an_installed_translation_retranslates_the_open_window_at_once(
    tray_app: TrayApp, qtbot: QtBot, tmp_path: Path
) -> None:
    window = open_settings(tray_app, qtbot, "accounts")
    assert window.windowTitle() == "Settings – mailguard"
    ts, qm = tmp_path / "test_de.ts", tmp_path / "test_de.qm"
    ts.write_text(GERMAN_TS, encoding="utf-8")
    subprocess.run([translations.tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)
    german = QTranslator()
    assert german.load(str(qm))
    QCoreApplication.installTranslator(german)
    try:
        qtbot.waitUntil(lambda: window.windowTitle() == "Einstellungen – mailguard", timeout=5000)
        assert window.nav.item(0).text() == "Konten"
        assert window.accounts.add.text() == "&Hinzufügen…"
    finally:
        QCoreApplication.removeTranslator(german)
    qtbot.waitUntil(lambda: window.windowTitle() == "Settings – mailguard", timeout=5000)
    assert window.nav.item(0).text() == "Accounts"


def test_start_on_login_writes_and_removes_the_autostart_entry_for_this_home(
    tray_app: TrayApp, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_home = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    entry = config_home / "autostart" / "mailguard.desktop"
    page = open_settings(tray_app, qtbot, "general").general
    assert not page.start_on_login.isChecked()

    with qtbot.waitSignal(tray_app.hub.settings_changed, timeout=10_000):
        QTest.keyClick(page.start_on_login, Qt.Key.Key_Space)
    assert entry.is_file() and page.start_on_login.isChecked()
    text = entry.read_text(encoding="utf-8")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    home = tray_app.paths.home
    assert home is not None and f"--home {home} tray" in exec_line
    checked = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, check=False
    )
    assert checked.returncode == 0, checked.stdout
    assert SettingsStore(tray_app.paths.config_dir).load().start_on_login is True

    with qtbot.waitSignal(tray_app.hub.settings_changed, timeout=10_000):
        QTest.keyClick(page.start_on_login, Qt.Key.Key_Space)
    assert not entry.exists() and not page.start_on_login.isChecked()
    assert SettingsStore(tray_app.paths.config_dir).load().start_on_login is False


def test_notifications_can_be_switched_off_and_stay_off(tray_app: TrayApp, qtbot: QtBot) -> None:
    page = open_settings(tray_app, qtbot, "general").general
    assert page.notifications.isChecked()
    with qtbot.waitSignal(tray_app.hub.settings_changed, timeout=10_000):
        QTest.keyClick(page.notifications, Qt.Key.Key_Space)
    assert SettingsStore(tray_app.paths.config_dir).load().notifications is False
